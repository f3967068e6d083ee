"""How figures, dates, lists and names are written, in the template's language."""

from __future__ import annotations

import datetime as dt
from typing import Any

Labels = dict[str, Any]


def number(value: float, labels: Labels) -> str:
    """Return ``value`` with the language's separators: 1,000.5 or 1 000,5."""
    if float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", labels["decimal"]).replace("\0",
                                                                         labels["thousands"])


def amount(value: float | None, value_range: tuple[float, float] | None, unit: str | None,
           labels: Labels, qualifier: str | None = None) -> str:
    """Return "about 120 million euros" or "10–12 states"."""
    if value_range is not None:
        text = f"{number(value_range[0], labels)}–{number(value_range[1], labels)}"
    else:
        text = number(value or 0, labels)
    if qualifier:
        text = f"{qualifier} {text}"
    return f"{text} {unit}" if unit else text


def change(value: float, baseline: float, labels: Labels, unit: str | None = None) -> str:
    """Return the change from ``baseline`` to ``value``: "−190 million euros (−61.3 %)"."""
    delta = value - baseline
    if delta == 0:
        return str(labels["no_change"])
    sign = "+" if delta > 0 else "−"
    text = f"{sign}{number(abs(delta), labels)}" + (f" {unit}" if unit else "")
    if baseline:
        percent = abs(delta) / abs(baseline) * 100
        text += f" ({sign}{number(round(percent, 1), labels)} %)"
    return text


def date(value: dt.date | dt.datetime, labels: Labels) -> str:
    """Return "9 April 2027" (with ", 14:05 UTC+02:00" for a timestamp)."""
    text = f"{value.day} {labels['months'][value.month - 1]} {value.year}"
    if isinstance(value, dt.datetime):
        offset = value.strftime("%z")
        zone = "UTC" if offset in ("", "+0000") else f"UTC{offset[:3]}:{offset[3:]}"
        text += f", {value:%H:%M} {zone}"
    return text


def join(items: list[str], labels: Labels) -> str:
    """Return "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {labels['and']} {items[-1]}"


def sentence(text: str) -> str:
    """Return ``text`` with a capital first letter and a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


def country_name(code: str | None) -> str:
    """Return the common name of an ISO 3166-1 country, or the code itself."""
    if not code:
        return ""
    import pycountry  # layout only: validation never needs it

    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return code
    return str(getattr(found, "common_name", None) or found.name)
