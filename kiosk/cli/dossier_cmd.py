"""``dossier show|pdf|print REFERENCE``: staff look a hồ sơ up, or print its tờ khai;
``dossier submit`` files one as the form screen does (``dossier_submit_cmd``).

``show`` prints what the citizen submitted, the dossier's status and where its upload
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
from kiosk.cli import dossier_submit_cmd
from kiosk.cli.common import add_location_arguments, open_services
from kiosk.clock import LOCAL_TZ
from kiosk.db.sealed import is_unreadable
from kiosk.dossiers import DossierView
from kiosk.dossiers.reference import normalise_reference
from kiosk.forms.errors import UnknownFormError
from kiosk.forms.format import format_answer
from kiosk.printing.errors import PrinterError
from kiosk.services import KioskServices
from wire.answers import Answers, shown_fields
from wire.forms import FieldDefinition, FormDefinition


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "dossier",
        help="look up a dossier, or write or print its form as A4 PDF",
        description="Look up a dossier (hồ sơ) by its reference, write its filled form "
        "as an A4 PDF, or print it on the office printer. Exit status 2 when the "
        "reference is unknown.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser(
        "show",
        help="what was submitted, the status and the upload state",
        description="Print a dossier: what was submitted, its status and its upload state.",
    )
    show.add_argument("reference", help="dossier reference, e.g. HS-1-261126-0007")
    show.add_argument("--json", action="store_true", help="print one JSON object")
    add_location_arguments(show)
    show.set_defaults(handler=show_dossier)
    pdf = actions.add_parser(
        "pdf",
        help="write the filled form as an A4 PDF",
        description="Write the dossier's filled form as an A4 PDF, laid out like the "
        "official template (default: REFERENCE.pdf in the printouts folder).",
    )
    pdf.add_argument("reference", help="dossier reference, e.g. HS-1-261126-0007")
    pdf.add_argument("--output", type=Path, help="the PDF file to write")
    add_location_arguments(pdf)
    pdf.set_defaults(handler=write_pdf)
    office = actions.add_parser(
        "print",
        help="print the filled form on the office (A4) printer",
        description="Send the dossier's filled form, as A4 PDF, to the office printer's "
        "queue (CUPS on Linux and macOS, the Windows printer). Exit status 2, with the "
        "reason, when it cannot be sent.",
    )
    office.add_argument("reference", help="dossier reference, e.g. HS-1-261126-0007")
    office.add_argument(
        "--printer", metavar="QUEUE", help="print queue name (default: the office_printer setting)"
    )
    add_location_arguments(office)
    office.set_defaults(handler=print_form)
    dossier_submit_cmd.register(actions)


def show_dossier(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        grant = services.staff.grant_for_command_line()
        dossier = services.dossiers.lookup(grant, args.reference)
        form = _form(services, dossier)
        procedure = _procedure_name(services, dossier.procedure_code)
    finally:
        services.close()
    if args.json:
        print(json.dumps(dossier_json(dossier, procedure), ensure_ascii=False))
    else:
        print("\n".join(_describe(dossier, procedure, form)))
    return 0


def write_pdf(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        grant = services.staff.grant_for_command_line()
        data = services.dossiers.form_pdf(grant, args.reference)
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
            queue = services.dossiers.print_form_for_staff(grant, args.reference, args.printer)
        except PrinterError as exc:
            print(f"kiosk: {exc.describe()}", file=sys.stderr)
            return 2
    finally:
        services.close()
    print(f"{normalise_reference(args.reference)}: sent to {queue}")
    return 0


def dossier_json(dossier: DossierView, procedure_name: str | None) -> dict[str, Any]:
    """The dossier as plain JSON values; ``answers`` exactly as stored and sent."""
    outbox = dossier.outbox
    return {
        "id": str(dossier.id),
        "reference": dossier.reference,
        "status": dossier.status,
        "procedure_code": dossier.procedure_code,
        "procedure_name": procedure_name,
        "form_id": dossier.form_id,
        "form_version": dossier.form_version,
        "submitted_at": dossier.submitted_at.isoformat(),
        "acknowledged_at": _iso(dossier.acknowledged_at),
        "purged_at": _iso(dossier.purged_at),
        # ``None`` when they cannot be opened here (the data key that sealed them is lost).
        "answers": None if is_unreadable(dossier.answers) else dossier.answers,
        "answers_unreadable": is_unreadable(dossier.answers),
        # The citizen's consent to the privacy notice (``null`` before there was one).
        "consent": None if dossier.consent is None else dossier.consent.to_json(),
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
    dossier: DossierView, procedure_name: str | None, form: FormDefinition | None
) -> list[str]:
    submitted = dossier.submitted_at.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")
    lines = [
        f"Dossier {dossier.reference}  ({dossier.status})",
        f"Procedure: {dossier.procedure_code} {procedure_name or ''}".rstrip(),
        f"Form: {dossier.form_id} v{dossier.form_version}",
        f"Submitted: {submitted}",
        f"Upload: {_outbox_text(dossier)}",
    ]
    if dossier.purged_at is not None and dossier.acknowledged_at is None:
        lines.append("Answers removed from the kiosk (see the upload state above).")
    elif dossier.purged_at is not None:
        lines.append("Answers purged from the kiosk after the server acknowledged the dossier.")
    elif is_unreadable(dossier.answers):
        lines.append(
            "Answers cannot be opened on this kiosk: the data key that sealed them is lost "
            "or wrong (see: python -m kiosk doctor)."
        )
    elif form is None:
        lines += ["", json.dumps(dossier.answers, ensure_ascii=False, indent=2)]
    else:
        for section in form.sections:
            lines += ["", section.title.vi]
            lines += _answer_lines(section.fields, dossier.answers, indent="  ")
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


def _outbox_text(dossier: DossierView) -> str:
    outbox = dossier.outbox
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


def _form(services: KioskServices, dossier: DossierView) -> FormDefinition | None:
    try:
        return services.forms.get(dossier.form_id, dossier.form_version)
    except UnknownFormError:
        return None


def _procedure_name(services: KioskServices, code: str) -> str | None:
    try:
        return services.catalog.procedure(code).name
    except ProcedureNotFoundError:
        return None


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()
