"""Small helpers shared by the benchmark scripts: statistics and plain-text tables."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def slope(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Least-squares slope of log(y) against log(x): the fitted scaling exponent."""
    points = [(math.log(x), math.log(y)) for x, y in zip(xs, ys, strict=True) if x > 0 and y > 0]
    if len(points) < 2:
        return None
    mx = sum(p[0] for p in points) / len(points)
    my = sum(p[1] for p in points) / len(points)
    sxx = sum((p[0] - mx) ** 2 for p in points)
    if sxx == 0:
        return None
    return sum((p[0] - mx) * (p[1] - my) for p in points) / sxx


def ms(seconds: float) -> str:
    """Format seconds as milliseconds with sensible precision."""
    value = seconds * 1000
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]],
          right: Sequence[bool] | None = None) -> str:
    """Return a plain-text table; columns are right-aligned where ``right`` says so."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    align = list(right) if right is not None else [i > 0 for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if a else c.ljust(w)
                         for c, w, a in zip(row, widths, align, strict=True)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


def heading(text: str) -> str:
    return f"\n{text}\n{'=' * len(text)}"


def goal_table(peer: str, goal_seconds: float, goal_ratio: float,
               rows: Sequence[tuple[str, float, float | None, float | None, bool]]) -> str:
    """Return the goal table shared by the render benchmarks.

    Each row: (example, our median s, the peer's median s, the peer's empty-document floor s,
    whether this example is the one the goal names). ``goal_ratio``: we must be at least that
    many times faster, so ours / theirs must be at most 1 / ``goal_ratio``.
    """
    out = []
    for label, ours, theirs, floor, is_goal in rows:
        row = [label + (" (goal)" if is_goal else ""), ms(ours), ok(ours < goal_seconds)]
        if theirs is None:
            row += ["-", "-", "-", "-"]
        else:
            row += [ms(theirs), f"{ours / theirs:.3f}", ok(ours / theirs <= 1 / goal_ratio),
                    f"{ours / (theirs - floor):.3f}" if floor is not None and theirs > floor
                    else "-"]
        out.append(row)
    goal_ms = f"{goal_seconds * 1000:g}"
    return table(["example", "factsheet ms", f"< {goal_ms} ms", f"{peer} ms",
                  f"ours / {peer}", f"<= {1 / goal_ratio:.2f}", f"ours / ({peer} - floor)"],
                 out)


# -- the summary that run_all.py prints ------------------------------------------------------

SUMMARY_HEADERS = ("measure", "ours", "goal", "peer", "ratio", "verdict")


def summary_row(measure: str, ours: str, goal: str = "-", peer: str = "-", ratio: str = "-",
                verdict: str = "info") -> list[str]:
    """One row of the summary: ``ratio`` is our time / the peer's; ``verdict`` is ``ok``,
    ``MISSED`` or ``info`` (no goal)."""
    return [measure, ours, goal, peer, ratio, verdict]


def summary_table(rows: Sequence[Sequence[str]]) -> str:
    return table(SUMMARY_HEADERS, rows, right=[False, True, True, True, True, False])


def save_summary(path: str | None, rows: Sequence[Sequence[str]]) -> None:
    """Append ``rows`` to the summary file ``run_all.py`` passes with ``--summary``."""
    if path is None:
        return
    import json

    with open(path, "a", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(list(row), ensure_ascii=False) + "\n")


def load_summary(path: str) -> list[list[str]]:
    import json

    with open(path, encoding="utf-8") as source:
        return [json.loads(line) for line in source if line.strip()]


def ok(met: bool) -> str:
    return "ok" if met else "MISSED"
