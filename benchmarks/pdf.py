"""PDF rendering time against WeasyPrint: the PDF part of ``render.py``.

    python benchmarks/pdf.py --runs 50 --profile    # = render.py --only pdf --runs 50 --profile

Kept so that the command people know still works; ``render.py`` holds the code.
"""

from __future__ import annotations

import sys

from render import main

if __name__ == "__main__":
    sys.exit(main(["--only", "pdf", *sys.argv[1:]]))
