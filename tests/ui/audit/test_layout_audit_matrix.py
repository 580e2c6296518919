"""The whole layout matrix has no finding: every screen at every panel (1366×768,
1920×1080, portrait 1080×1920), text size (100, 125, 150 %), theme and language.

It runs ``python -m ui.audit`` as a citizen's kiosk would meet it: its own process
and its own offscreen screens, one per panel, so layouts that follow the screen see
the right one. A failure lists the findings, grouped, as the command prints them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

import pytest

from kiosk.paths import PROJECT_ROOT

#: Two processes share the looks: CI has two cores.
JOBS = "2"
#: Generous: the matrix takes about three minutes on two busy cores.
TIMEOUT_S = 1500


@pytest.mark.timeout(TIMEOUT_S + 60)
def test_no_screen_has_a_layout_finding_anywhere_in_the_matrix() -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(
        [sys.executable, "-m", "ui.audit", "--json", "--quiet", "--jobs", JOBS],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr[-4000:]
    findings = json.loads(done.stdout)
    groups = Counter(
        (f["kind"], f["object_name"] or f["class"], f["screen"], f["panel"], f["text_size"])
        for f in findings
    )
    listed = "\n".join(f"{count:5d} {group}" for group, count in groups.most_common(40))
    assert findings == [], f"{len(findings)} findings:\n{listed}"
    assert done.returncode == 0
