"""Portal links: only https to the centre's allowed hosts ever becomes a QR code.

A link a catalogue brings is checked where it enters (the import, the sync pull: a
refused link is dropped and reported, the procedure kept) and again where it is shown
(the procedure screen's QR code, the printed checklist's).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.catalog.portal_link import NATIONAL_PORTAL_URL, portal_url
from kiosk.catalog.printout import checklist_document
from kiosk.catalog.service import CatalogService
from kiosk.config import load_settings
from kiosk.db import Database
from kiosk.db.models import Procedure
from kiosk.errors import ConfigError
from kiosk.printing.api import QrBlock
from wire.catalogue import Procedure as CatalogueProcedure
from wire.links import NATIONAL_PORTAL_DOMAINS, link_refusal

HANOI = "https://dichvucong.hanoi.gov.vn/thu-tuc/1.001193"
NATIONAL = NATIONAL_PORTAL_URL.format(code="1.001193")


@pytest.mark.parametrize(
    "url",
    [
        "https://dichvucong.gov.vn/p/home/dvc-tthc.html?ma_thu_tuc=1.001193",
        HANOI,
        "https://DichVuCong.gov.vn/x",
        "https://dichvucong.gov.vn:443/x",
    ],
)
def test_https_to_a_government_host_is_allowed(url: str) -> None:
    assert link_refusal(url, NATIONAL_PORTAL_DOMAINS) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://dichvucong.gov.vn/x", "not an https link"),
        ("javascript:alert(1)", "not an https link"),
        ("file:///etc/passwd", "not an https link"),
        ("https://nop-tien-0900.example.com/pay", "not on the allow-list"),
        ("https://dichvucong.gov.vn.example.com/", "not on the allow-list"),
        ("https://evilgov.vn/", "not on the allow-list"),
        ("https://gov.vn/", "not on the allow-list"),
        ("https://dichvucong.gov.vn@evil.example.com/", "names a user"),
        ("https://dichvucong.gov.vn:8443/", "port other than 443"),
        ("https://dichvucong.gov.vn:99999/", "invalid port"),
        ("https://203.162.4.1/", "no valid host name"),
        ("https://dịchvucong.gov.vn/", "not plain ASCII"),
        ("https://dichvucong.gov.vn/ x", "not plain ASCII"),
        ("https://dichvucong.gov.vn/\nx", "not plain ASCII"),
        ("https://evil.example\\.dichvucong.gov.vn/", "no valid host name"),
        ("https://%64ichvucong.gov.vn/", "no valid host name"),
        ("https:///path", "no valid host name"),
    ],
)
def test_anything_else_is_refused_with_a_reason(url: str, reason: str) -> None:
    refusal = link_refusal(url, NATIONAL_PORTAL_DOMAINS)
    assert refusal is not None
    assert reason in refusal


def test_a_centre_may_allow_only_its_own_portal() -> None:
    own = ("dichvucong.hanoi.gov.vn",)
    assert link_refusal(HANOI, own) is None
    assert link_refusal(NATIONAL, own) is not None
    assert link_refusal("https://x.dichvucong.hanoi.gov.vn/", own) is not None
    assert link_refusal("https://x.dichvucong.hanoi.gov.vn/", ("*.hanoi.gov.vn",)) is None


def a_procedure(link: str | None) -> CatalogueProcedure:
    return CatalogueProcedure(
        code="1.001193", name="Đăng ký khai sinh", levels=["xa"], field="ho-tich", portal_url=link
    )


def test_shown_is_the_own_link_else_the_national_page_else_nothing() -> None:
    assert portal_url(a_procedure(HANOI), NATIONAL_PORTAL_DOMAINS) == HANOI
    assert portal_url(a_procedure(None), NATIONAL_PORTAL_DOMAINS) == NATIONAL
    evil = a_procedure("https://nop-tien.example.com/")
    assert portal_url(evil, NATIONAL_PORTAL_DOMAINS) == NATIONAL
    assert portal_url(evil, ("dichvucong.hanoi.gov.vn",)) is None
    assert portal_url(a_procedure(HANOI), ("dichvucong.hanoi.gov.vn",)) == HANOI


def catalogue_with_links(links: dict[str, str]) -> dict[str, Any]:
    return {
        "format": "kiosk-catalogue",
        "version": 1,
        "catalogue_version": "links-1",
        "fields": [{"code": "ho-tich", "name": "Hộ tịch"}],
        "procedures": [
            {
                "code": code,
                "name": f"Thủ tục {code}",
                "levels": ["xa"],
                "field": "ho-tich",
                "portal_url": link,
            }
            for code, link in links.items()
        ],
    }


def stored_links(db: Database) -> dict[str, str | None]:
    service = CatalogService(db)
    with db.transaction() as session:
        codes = list(session.scalars(select(Procedure.code)))
    return {code: service.procedure(code).portal_url for code in codes}


def test_an_import_drops_a_refused_link_reports_it_and_keeps_the_procedure(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "links.json"
    links = {
        "1.001193": HANOI,
        "1.000001": "http://nop-tien-0900.example.com/pay",
        "1.000002": "https://dichvucong.gov.vn@evil.example.com/",
    }
    path.write_text(json.dumps(catalogue_with_links(links)), encoding="utf-8")

    report = CatalogService(db).import_file(path, "kiosk")

    assert report.procedures == 3
    assert stored_links(db) == {"1.001193": HANOI, "1.000001": None, "1.000002": None}
    dropped = {(p.code, p.field): p.reason for p in report.problems}
    assert dropped == {
        ("1.000001", "portal_url"): "link dropped: not an https link",
        ("1.000002", "portal_url"): "link dropped: names a user before its host",
    }
    assert report.as_json()["records_with_problems"] == 2
    # Where it is shown: the national portal's page for its code instead.
    service = CatalogService(db)
    assert service.portal_link(service.procedure("1.000001")) == NATIONAL_PORTAL_URL.format(
        code="1.000001"
    )


def test_links_are_checked_again_where_they_are_shown(db: Database, tmp_path: Path) -> None:
    """A catalogue loaded under the national list, then the centre narrowed its list."""
    path = tmp_path / "links.json"
    path.write_text(json.dumps(catalogue_with_links({"1.001193": HANOI})), encoding="utf-8")
    CatalogService(db).import_file(path, "kiosk")

    narrowed = CatalogService(db, portal_domains=("dichvucong.danang.gov.vn",))
    birth = narrowed.procedure("1.001193")

    assert birth.portal_url == HANOI  # still stored,
    assert narrowed.portal_link(birth) is None  # never shown
    checklist = checklist_document(birth, "Trung tâm", [], portal_link=narrowed.portal_link(birth))
    assert not [block for block in checklist.blocks if isinstance(block, QrBlock)]


def test_a_narrow_list_drops_links_at_import_too(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    path.write_text(json.dumps(catalogue_with_links({"1.001193": HANOI})), encoding="utf-8")
    report = CatalogService(db, portal_domains=("dichvucong.gov.vn",)).import_file(path, "kiosk")
    assert [p.reason for p in report.problems] == [
        "link dropped: host dichvucong.hanoi.gov.vn is not on the allow-list (portal_domains)"
    ]
    assert stored_links(db) == {"1.001193": None}


def test_the_allow_list_is_a_setting_with_the_national_portal_by_default(
    tmp_path: Path,
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("", encoding="utf-8")
    assert load_settings(config, environ={}).portal_domains == ("dichvucong.gov.vn", "*.gov.vn")

    config.write_text('portal_domains = ["dichvucong.hanoi.gov.vn"]\n', encoding="utf-8")
    assert load_settings(config, environ={}).portal_domains == ("dichvucong.hanoi.gov.vn",)

    environ = {"KIOSK_PORTAL_DOMAINS": "dichvucong.gov.vn, *.hanoi.gov.vn"}
    settings = load_settings(config, environ=environ)
    assert settings.portal_domains == ("dichvucong.gov.vn", "*.hanoi.gov.vn")

    for bad in ('["*"]', '["https://dichvucong.gov.vn"]', '["*.vn/x"]', '["vn"]'):
        config.write_text(f"portal_domains = {bad}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match="portal_domains"):
            load_settings(config, environ={})
