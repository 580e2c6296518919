"""The forms the kiosk can fill: bundled files, and versions the centre publishes.

Every version of a form stays in the ``form_definitions`` table, keyed by id and
version: a declaration names the version it was filled in, and must keep its meaning
after the centre publishes a new one. New declarations always get the newest version.
The forms shipped in ``resources/forms`` are stored at start-up when their id and
version are missing, so they never replace a newer version the server sent.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import msgspec
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.db import Database, models
from kiosk.forms.errors import UnknownFormError
from kiosk.paths import RESOURCES_DIR
from wire.errors import FormDefinitionError
from wire.form_files import decode_form
from wire.form_integrity import check_definition
from wire.forms import FormDefinition

__all__ = [
    "BUNDLED_FORMS_DIR",
    "FormLibrary",
    "UnknownFormError",
    "bundled_forms",
    "load_bundled_forms",
    "load_form_file",
]

log = logging.getLogger("kiosk.forms")

BUNDLED_FORMS_DIR = RESOURCES_DIR / "forms"
#: A national procedure code is ``d.dddddd``; a province may add ``.SUFFIX``.
_BASE_CODE_LENGTH = 8


def load_form_file(path: Path) -> FormDefinition:
    """The form in ``path`` (named ``<id>.json``); raises ``FormDefinitionError``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FormDefinitionError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    try:
        form = decode_form(data)
    except FormDefinitionError as exc:
        raise FormDefinitionError(f"{path.name}: {exc}") from exc
    if path.stem != form.id:
        raise FormDefinitionError(f"{path.name}: holds form {form.id!r}; name it {form.id}.json")
    return form


def bundled_forms(folder: Path = BUNDLED_FORMS_DIR) -> list[FormDefinition]:
    """The forms shipped with the kiosk, by id."""
    return [load_form_file(path) for path in sorted(folder.glob("*.json"))]


def load_bundled_forms(session: Session, folder: Path = BUNDLED_FORMS_DIR) -> int:
    """Store each bundled form version the database lacks; returns how many were stored.

    Runs in the caller's transaction (the database's start-up one). A damaged file is
    logged and skipped: the kiosk still starts, with every other form and the queue.
    """
    table = models.FormDefinition
    stored = {(row.id, row.version) for row in session.execute(select(table.id, table.version))}
    added = 0
    for path in sorted(folder.glob("*.json")):
        try:
            form = load_form_file(path)
        except FormDefinitionError as exc:
            log.error("bundled form skipped: %s", exc)
            continue
        if (form.id, form.version) not in stored:
            session.add(table(id=form.id, version=form.version, definition=_as_json(form)))
            added += 1
    return added


class FormLibrary:
    """The forms in the kiosk's database, as ``services.forms``.

    A stored version never changes, so each one is decoded once and kept.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._decoded: dict[tuple[str, int], FormDefinition] = {}

    def get(self, form_id: str, version: int | None = None) -> FormDefinition:
        """That version of the form, or its newest; raises ``UnknownFormError``."""
        table = models.FormDefinition
        with self._db.transaction() as session:
            if version is None:
                latest = select(func.max(table.version)).where(table.id == form_id)
                found = session.scalar(latest)
                if found is None:
                    raise UnknownFormError(form_id)
                version = found
            cached = self._decoded.get((form_id, version))
            if cached is not None:
                return cached
            row = session.get(table, (form_id, version))
            if row is None:
                raise UnknownFormError(form_id, version)
            return self._decode(row)

    def all(self) -> list[FormDefinition]:
        """The newest version of every form, the most asked-for first.

        A form ranks by the most popular thủ tục that links it in the catalogue, so the
        list a citizen picks from starts with khai sinh, not with whatever sorts first.
        """
        table = models.FormDefinition
        newest = (
            select(table.id, func.max(table.version).label("version")).group_by(table.id).subquery()
        )
        procedure = models.Procedure
        demand = (
            select(procedure.form_id, func.max(procedure.popularity).label("popularity"))
            .where(procedure.form_id.is_not(None))
            .group_by(procedure.form_id)
            .subquery()
        )
        query = (
            select(table)
            .join(newest, (table.id == newest.c.id) & (table.version == newest.c.version))
            .outerjoin(demand, demand.c.form_id == table.id)
            .order_by(func.coalesce(demand.c.popularity, 0).desc(), table.id)
        )
        with self._db.transaction() as session:
            return [self._decode(row) for row in session.scalars(query)]

    def for_procedure(self, code: str) -> FormDefinition | None:
        """The newest form to fill for a thủ tục, or ``None`` when it has no guided form.

        The catalogue's link (``procedures.form_id``) decides; a procedure it does not
        link (a catalogue imported from the portal) gets the form that lists its code,
        or its national code without the province's suffix.
        """
        with self._db.transaction() as session:
            linked = session.scalar(
                select(models.Procedure.form_id).where(models.Procedure.code == code)
            )
        if linked:
            try:
                return self.get(linked)
            except UnknownFormError:
                log.warning("procedure %s links form %r, which is not stored", code, linked)
        forms = self.all()
        for wanted in dict.fromkeys((code, code[:_BASE_CODE_LENGTH])):
            for form in forms:
                if wanted in form.procedures:
                    return form
        return None

    def publish_in(self, session: Session, form: FormDefinition) -> bool:
        """Store a new version in the caller's transaction; ``False`` if it is there already.

        Raises ``FormDefinitionError`` for a form that fails
        :func:`wire.form_integrity.check_definition`.
        A stored version is never replaced, even by different content under its number.
        """
        check_definition(form)
        definition = _as_json(form)
        stored = session.get(models.FormDefinition, (form.id, form.version))
        if stored is not None:
            if stored.definition != definition:
                log.warning(
                    "form %s v%d is already stored with other content; keeping the stored one",
                    form.id,
                    form.version,
                )
            return False
        session.add(models.FormDefinition(id=form.id, version=form.version, definition=definition))
        return True

    def _decode(self, row: models.FormDefinition) -> FormDefinition:
        key = (row.id, row.version)
        cached = self._decoded.get(key)
        if cached is None:
            try:
                cached = msgspec.convert(row.definition, type=FormDefinition, strict=True)
            except msgspec.ValidationError as exc:
                raise FormDefinitionError(
                    f"stored form {row.id!r} v{row.version} cannot be read: {exc}"
                ) from exc
            self._decoded[key] = cached
        return cached


def _as_json(form: FormDefinition) -> dict[str, Any]:
    """The form as plain JSON values, as the ``definition`` column holds it."""
    decoded: dict[str, Any] = msgspec.json.decode(msgspec.json.encode(form))
    return decoded
