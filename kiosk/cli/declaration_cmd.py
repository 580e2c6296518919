"""``declaration show|pdf|print REFERENCE``: staff look a filled tờ khai up by its mã tờ
khai, or print it; ``declaration submit`` files one as the form screen does
(``declaration_submit_cmd``).

``dossier`` stays an alias of ``declaration``: kiosks in the field ran the command under
that name, and IT's scripts and notes still call it so. Old ``HS-…`` references are
looked up like new ``TK-…`` ones.

``show`` prints what the citizen submitted, the declaration's status and where its upload
to the server stands. The answers are personal data: they go to the operator's
terminal who asked for them and nowhere else (the audit log records only which
reference was opened). ``pdf`` writes the A4 tờ khai to a file, ``print`` sends it to
the office printer's queue. Exit status 2 with a message when the reference is
unknown or the form cannot be printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.catalog.errors import ProcedureNotFoundError
from kiosk.cli import declaration_submit_cmd
from kiosk.cli.common import add_location_arguments, open_services
from kiosk.clock import LOCAL_TZ
from kiosk.db.sealed import is_unreadable
from kiosk.declarations import DeclarationView
from kiosk.declarations.reference import normalise_reference
from kiosk.forms.errors import UnknownFormError
from kiosk.forms.format import format_answer
from kiosk.printing.errors import PrinterError
from kiosk.services import KioskServices
from wire.answers import Answers, shown_fields
from wire.forms import FieldDefinition, FormDefinition


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "declaration",
        aliases=["dossier"],
        help="look up a filled form by its declaration code, or write or print it as A4 PDF",
        description="Look up a declaration (tờ khai đã điền) by its declaration code (mã tờ khai, "
        "TK-…, or HS-… from before), write its filled form as an A4 PDF, or print it on "
        "the office printer. Exit status 2 when the reference is unknown. 'dossier' is "
        "accepted as another name of this command.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser(
        "show",
        help="what was submitted, the status and the upload state",
        description="Print a declaration: what was submitted, its status and its upload state.",
    )
    show.add_argument("reference", help="declaration code (mã tờ khai), e.g. TK-1-261126-0007")
    show.add_argument("--json", action="store_true", help="print one JSON object")
    add_location_arguments(show)
    show.set_defaults(handler=show_declaration)
    pdf = actions.add_parser(
        "pdf",
        help="write the filled form as an A4 PDF",
        description="Write the declaration's filled form as an A4 PDF, laid out like the "
        "official template (default: REFERENCE.pdf in the printouts folder).",
    )
    pdf.add_argument("reference", help="declaration code (mã tờ khai), e.g. TK-1-261126-0007")
    pdf.add_argument("--output", type=Path, help="the PDF file to write")
    add_location_arguments(pdf)
    pdf.set_defaults(handler=write_pdf)
    office = actions.add_parser(
        "print",
        help="print the filled form on the office (A4) printer",
        description="Send the declaration's filled form, as A4 PDF, to the office printer's "
        "queue (CUPS on Linux and macOS, the Windows printer). Exit status 2, with the "
        "reason, when it cannot be sent.",
    )
    office.add_argument("reference", help="declaration code (mã tờ khai), e.g. TK-1-261126-0007")
    office.add_argument(
        "--printer", metavar="QUEUE", help="print queue name (default: the office_printer setting)"
    )
    add_location_arguments(office)
    office.set_defaults(handler=print_form)
    declaration_submit_cmd.register(actions)


def show_declaration(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        grant = services.staff.grant_for_command_line()
        declaration = services.declarations.lookup(grant, args.reference)
        form = _form(services, declaration)
        procedure = _procedure_name(services, declaration.procedure_code)
    finally:
        services.close()
    if args.json:
        print(json.dumps(declaration_json(declaration, procedure), ensure_ascii=False))
    else:
        print("\n".join(_describe(declaration, procedure, form)))
    return 0


def write_pdf(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        grant = services.staff.grant_for_command_line()
        data = services.declarations.form_pdf(grant, args.reference)
        reference = normalise_reference(args.reference)
        output: Path = args.output or services.paths.printouts / f"{reference}.pdf"
    finally:
        services.close()
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    except OSError as exc:
        print(f"kiosk: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(output)
    return 0


def print_form(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        grant = services.staff.grant_for_command_line()
        try:
            queue = services.declarations.print_form_for_staff(grant, args.reference, args.printer)
        except PrinterError as exc:
            print(f"kiosk: {exc.describe()}", file=sys.stderr)
            return 2
    finally:
        services.close()
    print(f"{normalise_reference(args.reference)}: sent to {queue}")
    return 0


def declaration_json(declaration: DeclarationView, procedure_name: str | None) -> dict[str, Any]:
    """The declaration as plain JSON values; ``answers`` exactly as stored and sent."""
    outbox = declaration.outbox
    return {
        "id": str(declaration.id),
        "reference": declaration.reference,
        "status": declaration.status,
        "procedure_code": declaration.procedure_code,
        "procedure_name": procedure_name,
        "form_id": declaration.form_id,
        "form_version": declaration.form_version,
        "submitted_at": declaration.submitted_at.isoformat(),
        "acknowledged_at": _iso(declaration.acknowledged_at),
        "purged_at": _iso(declaration.purged_at),
        # ``None`` when they cannot be opened here (the data key that sealed them is lost).
        "answers": None if is_unreadable(declaration.answers) else declaration.answers,
        "answers_unreadable": is_unreadable(declaration.answers),
        # The citizen's consent to the privacy notice (``null`` before there was one).
        "consent": None if declaration.consent is None else declaration.consent.to_json(),
        "outbox": None
        if outbox is None
        else {
            "status": outbox.status,
            "attempts": outbox.attempts,
            "last_error": outbox.last_error,
            "next_attempt_at": _iso(outbox.next_attempt_at),
            "acknowledged_at": _iso(outbox.acknowledged_at),
            "rejected_at": _iso(outbox.rejected_at),
            "discarded_at": _iso(outbox.discarded_at),
        },
    }


def _describe(
    declaration: DeclarationView, procedure_name: str | None, form: FormDefinition | None
) -> list[str]:
    submitted = declaration.submitted_at.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")
    lines = [
        f"Declaration {declaration.reference}  ({declaration.status})",
        f"Procedure: {declaration.procedure_code} {procedure_name or ''}".rstrip(),
        f"Form: {declaration.form_id} v{declaration.form_version}",
        f"Submitted: {submitted}",
        f"Upload: {_outbox_text(declaration)}",
    ]
    if declaration.purged_at is not None and declaration.acknowledged_at is None:
        lines.append("Answers removed from the kiosk (see the upload state above).")
    elif declaration.purged_at is not None:
        lines.append("Answers purged from the kiosk after the server acknowledged the declaration.")
    elif is_unreadable(declaration.answers):
        lines.append(
            "Answers cannot be opened on this kiosk: the data key that sealed them is lost "
            "or wrong (see: python -m kiosk doctor)."
        )
    elif form is None:
        lines += ["", json.dumps(declaration.answers, ensure_ascii=False, indent=2)]
    else:
        for section in form.sections:
            lines += ["", section.title.vi]
            lines += _answer_lines(section.fields, declaration.answers, indent="  ")
    return lines


def _answer_lines(fields: tuple[FieldDefinition, ...], answers: Answers, indent: str) -> list[str]:
    lines = []
    for field in shown_fields(fields, answers):
        value = answers.get(field.id)
        if field.kind == "group" and isinstance(value, list):
            lines.append(f"{indent}{field.label.vi}: {len(value)}")
            for number, item in enumerate(value, start=1):
                lines.append(f"{indent}  {number}.")
                lines += _answer_lines(field.fields, item, indent + "     ")
        else:
            lines.append(f"{indent}{field.label.vi}: {format_answer(field, value, 'vi')}")
    return lines


def _outbox_text(declaration: DeclarationView) -> str:
    outbox = declaration.outbox
    if outbox is None:
        return "no outbox entry"
    text = {
        "pending": "waiting to be sent",
        "sent": "acknowledged by the server",
        "rejected": "rejected by the server",
        "discarded": "rejected by the server, then discarded by staff",
    }[outbox.status]
    text += f", {outbox.attempts} attempt(s)"
    return text if not outbox.last_error else f"{text}; last error: {outbox.last_error}"


def _form(services: KioskServices, declaration: DeclarationView) -> FormDefinition | None:
    try:
        return services.forms.get(declaration.form_id, declaration.form_version)
    except UnknownFormError:
        return None


def _procedure_name(services: KioskServices, code: str) -> str | None:
    try:
        return services.catalog.procedure(code).name
    except ProcedureNotFoundError:
        return None


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()
