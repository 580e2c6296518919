"""The bundled forms, and the library that keeps every version the kiosk received."""

from __future__ import annotations

import json
import logging
import re
import string
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from sqlalchemy import delete, func, select, update

from kiosk.bundled_data import load_bundled_data
from kiosk.catalog import BUNDLED_CATALOGUE
from kiosk.db import Database, models
from kiosk.errors import KioskError
from kiosk.forms.library import (
    BUNDLED_FORMS_DIR,
    FormLibrary,
    UnknownFormError,
    bundled_forms,
    load_bundled_forms,
    load_form_file,
)
from kiosk.paths import PROJECT_ROOT
from kiosk.services import KioskServices
from wire.catalogue_files import read_catalogue_file
from wire.errors import FormDefinitionError
from wire.form_files import decode_form
from wire.forms import FieldDefinition, FormDefinition, Line, Repeat, Signatures, Wording

BUNDLED = bundled_forms()
BY_ID = {form.id: form for form in BUNDLED}
#: Forms for a procedure whose catalogue entry links another form of the same paper
#: (Mẫu 02/2025/LLTP, filled on someone's behalf, beside Mẫu 01 for oneself).
ALTERNATIVE_TO = {"ly-lich-tu-phap-mau-02": "ly-lich-tu-phap"}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _layout_texts(form: FormDefinition) -> Iterator[str]:
    for block in form.layout:
        if isinstance(block, Line):
            yield from block.cells
        elif isinstance(block, Repeat):
            yield block.field
        elif isinstance(block, Signatures):
            yield from (block.place_and_date, block.right_name, block.left_name)
            yield from (block.left_place_and_date, block.left_title, block.right_title)


def _conditions(form: FormDefinition) -> set[str]:
    named = {block.when.field for block in form.layout if isinstance(block, Line) and block.when}
    for section in form.sections:
        named |= {field.when.field for field in section.fields if field.when}
    return named


def _top_fields(form: FormDefinition) -> list[FieldDefinition]:
    return [field for section in form.sections for field in section.fields]


# --- the bundled files ----------------------------------------------------------------


def test_the_nine_official_forms_are_bundled() -> None:
    assert sorted(BY_ID) == sorted(
        [
            "khai-sinh",
            "ket-hon",
            "khai-tu",
            "xac-nhan-tinh-trang-hon-nhan",
            "ct01",
            "ly-lich-tu-phap",
            "ly-lich-tu-phap-mau-02",
            "ho-chieu",
            "ho-kinh-doanh",
        ]
    )


@pytest.mark.parametrize("path", sorted(BUNDLED_FORMS_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_each_file_decodes_strictly_and_passes_the_checks(path: Path) -> None:
    form = decode_form(path.read_bytes())
    assert form.id == path.stem
    assert form == load_form_file(path)


def test_every_linked_procedure_has_its_form_and_the_form_lists_it() -> None:
    catalogue = read_catalogue_file(BUNDLED_CATALOGUE)
    linked = [procedure for procedure in catalogue.procedures if procedure.form_id]
    assert linked
    for procedure in linked:
        form_id = procedure.form_id or ""
        assert (BUNDLED_FORMS_DIR / f"{form_id}.json").is_file(), procedure.code
        assert procedure.code in BY_ID[form_id].procedures, procedure.code
    # ...and a form lists only procedures that link it back (or link the form it
    # stands beside).
    links = {procedure.code: procedure.form_id for procedure in catalogue.procedures}
    for form in BUNDLED:
        for code in form.procedures:
            assert links.get(code) == ALTERNATIVE_TO.get(form.id, form.id), (form.id, code)
    assert BY_ID["ly-lich-tu-phap-mau-02"].procedures == ("3.000333",)


@pytest.mark.parametrize("form", BUNDLED, ids=lambda form: form.id)
def test_every_answer_reaches_the_paper_or_steers_the_wizard(form: FormDefinition) -> None:
    printed = set().union(*(_placeholders(text) for text in _layout_texts(form)))
    printed |= {block.field for block in form.layout if isinstance(block, Repeat)}
    unused = {field.id for field in _top_fields(form)} - printed - _conditions(form)
    assert not unused


@pytest.mark.parametrize("form", BUNDLED, ids=lambda form: form.id)
def test_pages_are_short_and_the_id_card_fills_the_applicant(form: FormDefinition) -> None:
    assert all(1 <= len(section.fields) <= 7 for section in form.sections)
    filled = {field.idcard for field in _top_fields(form) if field.idcard}
    assert {"full_name", "id_number", "date_of_birth"} <= filled


@pytest.mark.parametrize("form", BUNDLED, ids=lambda form: form.id)
def test_texts_are_given_in_both_languages_and_vietnamese_has_its_accents(
    form: FormDefinition,
) -> None:
    wordings: list[Wording] = [form.title]
    for section in form.sections:
        wordings += [section.title, *([section.intro] if section.intro else [])]
        for field in section.fields:
            for each in (field, *field.fields):
                wordings += [each.label, *([each.help] if each.help else [])]
                wordings += [option.label for option in each.options]
    assert all(wording.vi != wording.en for wording in wordings if len(wording.vi) > 12)
    assert not all(wording.vi.isascii() for wording in wordings)


def test_the_marriage_form_enforces_the_legal_ages() -> None:
    fields = {field.id: field for field in _top_fields(BY_ID["ket-hon"])}
    assert fields["bride_birth_date"].min_age == 18
    assert fields["groom_birth_date"].min_age == 20


def test_the_documented_example_is_a_valid_form() -> None:
    text = (PROJECT_ROOT / "docs" / "forms-format.md").read_text(encoding="utf-8")
    examples = re.findall(r"## Example\s+```json\n(.*?)```", text, re.DOTALL)
    assert len(examples) == 1
    form = decode_form(examples[0].encode())
    assert form.id == "vi-du"


# --- reading files --------------------------------------------------------------------


def test_malformed_json_is_refused_with_a_reason() -> None:
    with pytest.raises(FormDefinitionError, match="invalid JSON"):
        decode_form(b'{"id": "x",')


def test_an_unknown_key_is_refused_with_its_place() -> None:
    data = json.loads((BUNDLED_FORMS_DIR / "ct01.json").read_text(encoding="utf-8"))
    data["sections"][0]["fields"][0]["colour"] = "red"
    with pytest.raises(FormDefinitionError, match=r"colour.*\$\.sections\[0\]\.fields\[0\]"):
        decode_form(json.dumps(data).encode())


def test_a_file_must_be_named_after_its_form(tmp_path: Path) -> None:
    path = tmp_path / "giay-to.json"
    path.write_bytes((BUNDLED_FORMS_DIR / "ct01.json").read_bytes())
    with pytest.raises(FormDefinitionError, match=r"name it ct01\.json"):
        load_form_file(path)


def test_a_missing_file_is_a_form_definition_error(tmp_path: Path) -> None:
    with pytest.raises(FormDefinitionError, match="cannot be read"):
        load_form_file(tmp_path / "khai-sinh.json")


# --- the library in the kiosk's database ----------------------------------------------


@pytest.fixture
def library(db: Database) -> FormLibrary:
    return FormLibrary(db)


def _newer(form: FormDefinition, version: int, title: str) -> FormDefinition:
    return msgspec.structs.replace(form, version=version, title=Wording(vi=title, en=title))


def _stored_versions(db: Database, form_id: str) -> list[int]:
    with db.transaction() as session:
        table = models.FormDefinition
        query = select(table.version).where(table.id == form_id).order_by(table.version)
        return list(session.scalars(query))


def test_start_up_stores_every_bundled_form(library: FormLibrary) -> None:
    assert sorted(library.all(), key=lambda form: form.id) == sorted(BUNDLED, key=lambda f: f.id)
    assert library.get("ct01") == BY_ID["ct01"]


def test_forms_are_listed_most_asked_for_first(db: Database, library: FormLibrary) -> None:
    with db.transaction() as session:
        linked = session.execute(
            select(models.Procedure.form_id, models.Procedure.popularity).where(
                models.Procedure.form_id.is_not(None)
            )
        ).all()
    demand: dict[str, int] = {}
    for form_id, popularity in linked:
        assert form_id is not None
        demand[form_id] = max(demand.get(form_id, 0), popularity)

    listed = [form.id for form in library.all()]

    assert listed == sorted(listed, key=lambda form_id: (-demand.get(form_id, 0), form_id))
    assert listed[0] == max(demand, key=lambda form_id: (demand[form_id], form_id))


def test_the_newest_version_wins_and_older_ones_stay(db: Database, library: FormLibrary) -> None:
    bundled = BY_ID["khai-sinh"]
    with db.transaction() as session:
        assert library.publish_in(session, _newer(bundled, bundled.version + 1, "Mẫu mới"))
    assert library.get("khai-sinh").title.vi == "Mẫu mới"
    assert library.get("khai-sinh", bundled.version) == bundled
    assert [form.version for form in library.all() if form.id == "khai-sinh"] == [
        bundled.version + 1
    ]
    linked = library.for_procedure("1.001193")
    assert linked is not None
    assert linked.version == bundled.version + 1


def test_republishing_a_version_changes_nothing(db: Database, library: FormLibrary) -> None:
    newer = _newer(BY_ID["ct01"], 7, "Bản thứ bảy")
    with db.transaction() as session:
        assert library.publish_in(session, newer)
    with db.transaction() as session:
        assert not library.publish_in(session, newer)
        assert not library.publish_in(session, _newer(newer, 7, "Nội dung khác"))
    assert library.get("ct01").title.vi == "Bản thứ bảy"
    assert _stored_versions(db, "ct01") == [BY_ID["ct01"].version, 7]


def test_a_broken_form_is_refused_and_nothing_stored(db: Database, library: FormLibrary) -> None:
    form = BY_ID["ho-chieu"]
    broken = msgspec.structs.replace(form, version=9, layout=(Line(cells=("{ghost}",)),))
    with pytest.raises(FormDefinitionError, match="ghost"), db.transaction() as session:
        library.publish_in(session, broken)
    assert _stored_versions(db, "ho-chieu") == [form.version]


def test_the_bundled_load_never_replaces_a_stored_version(db: Database) -> None:
    bundled = BY_ID["khai-tu"]
    library = FormLibrary(db)
    # The server published its own content under the bundled version, and a newer one.
    with db.transaction() as session:
        session.execute(delete(models.FormDefinition).where(models.FormDefinition.id == "khai-tu"))
        library.publish_in(session, _newer(bundled, bundled.version, "Của máy chủ"))
        library.publish_in(session, _newer(bundled, bundled.version + 1, "Mới nhất"))
    db.close()
    db.open()
    load_bundled_data(db)
    reopened = FormLibrary(db)
    assert reopened.get("khai-tu").title.vi == "Mới nhất"
    assert reopened.get("khai-tu", bundled.version).title.vi == "Của máy chủ"
    assert _stored_versions(db, "khai-tu") == [bundled.version, bundled.version + 1]


def test_the_bundled_load_restores_a_missing_version(db: Database) -> None:
    with db.transaction() as session:
        session.execute(delete(models.FormDefinition))
    db.close()
    db.open()
    load_bundled_data(db)
    with db.transaction() as session:
        count = session.scalar(select(func.count()).select_from(models.FormDefinition))
    assert count == len(BUNDLED)


def test_a_damaged_bundled_file_is_skipped_and_the_rest_stored(
    db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    (folder / "ct01.json").write_bytes((BUNDLED_FORMS_DIR / "ct01.json").read_bytes())
    (folder / "khai-sinh.json").write_text('{"id": "khai-sinh"', encoding="utf-8")
    with db.transaction() as session:
        session.execute(delete(models.FormDefinition))
        with caplog.at_level(logging.ERROR, logger="kiosk.forms"):
            assert load_bundled_forms(session, folder) == 1
    assert "khai-sinh.json" in caplog.text
    assert [form.id for form in FormLibrary(db).all()] == ["ct01"]


def test_an_unknown_form_or_version_is_a_kiosk_error(library: FormLibrary) -> None:
    with pytest.raises(UnknownFormError) as unknown:
        library.get("giay-phep-lai-xe")
    assert isinstance(unknown.value, KioskError)
    assert "giay-phep-lai-xe" in unknown.value.message.render()
    with pytest.raises(UnknownFormError, match="ct01 v99"):
        library.get("ct01", 99)


def test_a_procedure_finds_its_form(library: FormLibrary) -> None:
    for code in ("1.004222", "1.004194", "1.010038"):
        assert library.for_procedure(code) == BY_ID["ct01"]
    assert library.for_procedure("3.000333") == BY_ID["ly-lich-tu-phap"]
    # A province's variant of a national procedure, which the catalogue does not link.
    assert library.for_procedure("1.001193.HN") == BY_ID["khai-sinh"]
    assert library.for_procedure("2.000001") is None


def test_a_procedure_linking_a_missing_form_falls_back_to_the_forms_list(
    db: Database, library: FormLibrary
) -> None:
    with db.transaction() as session:
        session.execute(
            update(models.Procedure)
            .where(models.Procedure.code == "1.001612")
            .values(form_id="mau-da-bo")
        )
    assert library.for_procedure("1.001612") == BY_ID["ho-kinh-doanh"]


def test_a_procedure_without_a_form_gets_none(db: Database, library: FormLibrary) -> None:
    with db.transaction() as session:
        code = session.scalar(
            select(models.Procedure.code).where(models.Procedure.form_id.is_(None)).limit(1)
        )
    assert code is not None
    assert library.for_procedure(code) is None


def test_services_expose_the_library(services: KioskServices) -> None:
    assert (
        services.forms.get("xac-nhan-tinh-trang-hon-nhan") == BY_ID["xac-nhan-tinh-trang-hon-nhan"]
    )
