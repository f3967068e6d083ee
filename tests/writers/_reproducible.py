"""Render in fresh processes with different hash seeds, to prove the bytes do not vary."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_SCRIPT = ("import hashlib, sys, factsheet\n"
           "fmt, paths = sys.argv[1], sys.argv[2:]\n"
           "for path in paths:\n"
           "    b = factsheet.load(path)\n"
           "    for template in ('briefing', 'brief'):\n"
           "        data = factsheet.render(b, fmt, template=template)\n"
           "        print(hashlib.sha256(data).hexdigest())\n")


def digests_in_fresh_processes(fmt: str, examples: list[Path]) -> list[list[str]]:
    """Return, for hash seeds 1 and 2, the sha256 of each example × (briefing, brief)."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    digests = []
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", _SCRIPT, fmt, *map(str, examples)],
                              capture_output=True, text=True, check=True, timeout=120,
                              env={**env, "PYTHONHASHSEED": seed})
        digests.append(done.stdout.split())
    return digests
