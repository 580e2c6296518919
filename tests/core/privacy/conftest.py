"""Kiosks whose citizens' data the privacy tests plant, age and look for."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import Settings
from kiosk.declarations.api import SubmittedDeclaration
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from tests.consent import AGREED
from tests.core.conftest import FakeClock
from tests.core.privacy.planted import FORM_ID, planted_answers

MakeKiosk = Callable[..., KioskServices]


@pytest.fixture
def make_kiosk(tmp_path: Path, clock: FakeClock) -> Iterator[MakeKiosk]:
    """Opened services on a data folder of their own; no server unless a test sets one."""
    opened: list[KioskServices] = []

    def make(**overrides: Any) -> KioskServices:
        paths = prepare_data_dir(tmp_path / f"kiosk-{len(opened)}")
        services = KioskServices(Settings(**overrides), paths, clock=clock)
        services.open()
        opened.append(services)
        return services

    yield make
    for services in opened:
        services.close()


@pytest.fixture
def kiosk(make_kiosk: MakeKiosk) -> KioskServices:
    """The embedded default: no server, retention 7 days."""
    return make_kiosk()


def submit_planted(kiosk: KioskServices, **changes: Any) -> SubmittedDeclaration:
    """The planted citizen's lý lịch tư pháp request, filed as the form screen files it."""
    form = kiosk.forms.get(FORM_ID)
    return kiosk.declarations.submit(
        form, form.procedures[0], {**planted_answers(), **changes}, consent=AGREED
    )
