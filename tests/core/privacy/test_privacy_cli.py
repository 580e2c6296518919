"""``python -m kiosk privacy report|purge`` as IT type them, in a child process."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.config import Settings
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from tests.conftest import KioskCli
from tests.core.privacy.conftest import submit_planted
from tests.core.privacy.planted import hits


@contextmanager
def opened(tmp_path: Path) -> Iterator[KioskServices]:
    """The services of the kiosk whose data folder the command line uses."""
    services = KioskServices(Settings(), prepare_data_dir(tmp_path / "data"))
    services.open()
    try:
        yield services
    finally:
        services.close()


def test_report_counts_what_is_held_and_shows_no_value(
    fresh_kiosk_env: dict[str, str], kiosk_cli: KioskCli, tmp_path: Path
) -> None:
    with opened(tmp_path) as kiosk:
        reference = submit_planted(kiosk).reference
        kiosk.slips.receipt(reference)

    done = kiosk_cli("privacy", "report", "--json", env=fresh_kiosk_env)

    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["standalone"] is True
    assert (report["retention_days"], report["refused_retention_days"]) == (7, 30)
    assert report["declarations"]["count"] == 1
    assert report["outbox_entries"]["count"] == 1
    assert report["accounts"] == {"count": 0, "oldest_at": None, "oldest_age_days": None}
    assert [due["declarations"] for due in report["schedule"]] == [1]
    assert report["due_soon"] == []
    assert report["printouts"]["files"] == 2  # the receipt's .bin and .png
    assert report["spool"]["files"] == 0
    assert hits(done.stdout.encode()) == []

    words = kiosk_cli("privacy", "report", env=fresh_kiosk_env)
    assert words.returncode == 0, words.stderr
    assert "declarations:   1, oldest 0 hours" in words.stdout
    assert "Purged 7 days after submission (no server)" in words.stdout
    assert "Printouts: 2 files" in words.stdout
    assert hits(words.stdout.encode()) == []


def test_purge_older_than_runs_now_and_is_audited_as_it(
    fresh_kiosk_env: dict[str, str], kiosk_cli: KioskCli, tmp_path: Path
) -> None:
    with opened(tmp_path) as kiosk:
        reference = submit_planted(kiosk).reference
        kiosk.slips.receipt(reference)

    done = kiosk_cli("privacy", "purge", "--older-than", "0", "--json", env=fresh_kiosk_env)

    assert done.returncode == 0, done.stderr
    purged = json.loads(done.stdout)
    assert (purged["declarations"], purged["outbox_entries"], purged["files"]) == (1, 1, 2)
    with opened(tmp_path) as kiosk:
        grant = kiosk.staff.grant_for_command_line()
        assert kiosk.declarations.lookup(grant, reference).answers == {}
        audited = next(e for e in kiosk.audit.recent(5) if e.action == "privacy.purge")
        assert (audited.actor, audited.detail["retention_days"]) == ("it", 0)
    again = kiosk_cli("privacy", "purge", env=fresh_kiosk_env)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Purged: 0 declarations")


def test_a_bad_number_of_days_exits_2_and_purges_nothing(
    fresh_kiosk_env: dict[str, str], kiosk_cli: KioskCli, tmp_path: Path
) -> None:
    with opened(tmp_path) as kiosk:
        reference = submit_planted(kiosk).reference

    for days in ("-1", "seven"):
        done = kiosk_cli("privacy", "purge", "--older-than", days, env=fresh_kiosk_env)
        assert done.returncode == 2
        assert "--older-than" in done.stderr

    with opened(tmp_path) as kiosk:
        grant = kiosk.staff.grant_for_command_line()
        assert kiosk.declarations.lookup(grant, reference).purged_at is None
