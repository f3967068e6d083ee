"""Make a process ready to build briefings at full speed; imported by a batch's fork server.

Importing this module builds one small briefing into every format, in memory. The modules
the writers import lazily get loaded, the fonts parsed, the styled DOCX base made, the
templates read and the patterns compiled, all before the fork server starts a worker: each
worker then builds its first briefing as fast as its hundredth, instead of spending about
250 ms on it. Then everything made so far is moved out of the garbage collector's sight
(``gc.freeze``), so the collections a worker runs skip it and leave its pages shared with
the server.

Nothing is read or written on disk but the package's own files. A failure here only costs
speed: the same problem shows again, with its location, in the input that triggers it.
"""

from __future__ import annotations

import gc

#: A briefing with one of each thing a writer draws: parties, a quotation, statistics
#: with a comparison (a chart), a commitment, a position, notes and a subhead.
_STORY = """\
WARM-UP - Two states agreed on Monday to share river data, the ministry said.

"We will publish every reading within the hour," the minister said.

Levels rose to 7.2 metres from 5.1 metres in March, according to the agency. About 3,400
people left their homes, the ministry said.

Data

The ministry opposes new dams on the river.
"""

_ANNOTATIONS = """\
factsheet: 1
articles:
  - id: warm
    title: Two states agree to share river data
    agency: Warm Press
    published: 2027-01-04T10:00:00Z
    datelines: [Warm-up]
    text: |
{text}
parties:
  - {{id: ministry, name: Ministry of Water, kind: government_body,
     mentions: [{{quote: the ministry, occurrence: 1}}]}}
  - {{id: minister, name: Ana Warm, kind: person, role: Minister, affiliation: ministry,
     mentions: [the minister]}}
quotations:
  - {{id: q1, speaker: minister, text: "We will publish every reading within the hour"}}
statistics:
  - id: s1
    measure: river level
    value: 7.2
    unit: metres
    attributed_to: ministry
    comparison: {{value: 5.1}}
    evidence: ["Levels rose to 7.2 metres from 5.1 metres in March"]
  - id: s2
    measure: people who left their homes
    value: 3400
    approximate: true
    unit: people
    attributed_to: ministry
    evidence: ["About 3,400 people left their homes"]
commitments:
  - id: c1
    by: [ministry]
    modality: pledge
    action: share river data
    evidence: [Two states agreed on Monday to share river data]
positions:
  - id: p1
    holder: ministry
    topic: new dams on the river
    stance: oppose
    summary: The ministry opposes new dams on the river.
    evidence: [The ministry opposes new dams on the river.]
"""


def warm() -> None:
    """Build the small briefing into JSON, DOCX and PDF; then freeze the heap."""
    try:
        from factsheet.api import loads, render

        text = "\n".join("      " + line if line else "" for line in _STORY.splitlines())
        briefing = loads(_ANNOTATIONS.format(text=text), name="warm-up.yaml")
        for name in ("json", "docx", "pdf"):
            render(briefing, name)
    except Exception:
        pass
    gc.collect()
    gc.freeze()


warm()
