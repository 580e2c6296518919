"""``declaration submit FORM_ID --answers FILE|-``: save a declaration as the form screen does.

For IT's end-to-end checks: the answers (a JSON object, such as ``forms sample``
prints) go through ``DeclarationService.submit`` — the same checks, the same transaction,
the same outbox entry and audit record as "Lưu tờ khai" on the screen — and the slip is
printed through ``SlipService.receipt`` as the done page prints it.

The citizen's consent is part of a submission. Here it is the consent the command's
user gives for the test: the notice's required purposes, plus any ``--consent``, on
the notice in ``--language``. Exit status 0 once the declaration is stored (a receipt that
did not print is reported, as on the screen); 2, with nothing stored, when the answers
cannot be read, the form or procedure is unknown, or the checks find anything to fix
(each field and what to fix is printed).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kiosk.cli.common import add_location_arguments, open_services
from kiosk.config import Language
from kiosk.declarations import DeclarationIncompleteError, SubmittedDeclaration
from kiosk.printing.errors import PrinterError
from kiosk.services import KioskServices
from wire.forms import FormDefinition


def register(actions: Any) -> None:
    submit: argparse.ArgumentParser = actions.add_parser(
        "submit",
        help="submit answers to a form, as the kiosk screen does, and print the receipt",
        description="Submit a declaration for FORM_ID with the answers in FILE (a JSON object; "
        "'-' reads standard input), exactly as the form screen's 'Lưu tờ khai' does, then print "
        "its receipt. Exit status 2, with nothing stored, when the answers need fixing "
        "(each problem is listed) or the form or procedure is unknown.",
    )
    submit.add_argument("form_id", metavar="FORM_ID", help="form id, e.g. khai-sinh")
    submit.add_argument(
        "--answers", required=True, metavar="FILE", help="answers as a JSON object; '-' for stdin"
    )
    submit.add_argument(
        "--procedure",
        metavar="CODE",
        help="the procedure the declaration is for (default: the form's first procedure)",
    )
    submit.add_argument(
        "--consent",
        action="append",
        default=[],
        metavar="PURPOSE",
        help="an optional purpose of the privacy notice agreed to as well, e.g. "
        "contact_phone (the required ones always are)",
    )
    submit.add_argument(
        "--language",
        choices=[language.value for language in Language],
        default=Language.VIETNAMESE.value,
        help="language of the privacy notice agreed to (default: vi)",
    )
    submit.add_argument("--printer", help="receipt printer URI (default: the 'printer' setting)")
    submit.add_argument("--json", action="store_true", help="print one JSON object")
    add_location_arguments(submit)
    submit.set_defaults(handler=submit_declaration)


def submit_declaration(args: argparse.Namespace) -> int:
    answers = _read_answers(args.answers)
    if answers is None:
        return 2
    services = open_services(args, printer=args.printer)
    try:
        form = services.forms.get(args.form_id)
        procedure = args.procedure or (form.procedures[0] if form.procedures else None)
        if procedure is None or procedure not in form.procedures:
            print(_procedure_problem(form, args.procedure), file=sys.stderr)
            return 2
        language = Language(args.language)
        required = services.consent.notice(language).required
        consent = services.consent.agree(language, {*required, *args.consent})
        try:
            filed = services.declarations.submit(form, procedure, answers, consent=consent)
        except DeclarationIncompleteError as exc:
            print(f"kiosk: {exc.message.render()}", file=sys.stderr)
            for field_id, problem in exc.problems.items():
                print(f"  {field_id}: {problem.render()}", file=sys.stderr)
            return 2
        receipt_error = _print_receipt(services, filed.reference)
    finally:
        services.close()
    _show(filed, receipt_error, args.json)
    return 0


def _read_answers(source: str) -> dict[str, Any] | None:
    """The answers object, or ``None`` after saying on stderr what is wrong with it."""
    name = "standard input" if source == "-" else source
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        print(f"kiosk: cannot read the answers from {name}: {detail}", file=sys.stderr)
        return None
    try:
        answers = json.loads(text)
    except json.JSONDecodeError as exc:
        print(
            f"kiosk: the answers in {name} are not JSON (line {exc.lineno}, column {exc.colno}); "
            "give one object, as 'python -m kiosk forms sample FORM_ID --json' prints",
            file=sys.stderr,
        )
        return None
    if not isinstance(answers, dict):
        print(
            f"kiosk: the answers in {name} must be one JSON object of field ids and values",
            file=sys.stderr,
        )
        return None
    return answers


def _procedure_problem(form: FormDefinition, asked: str | None) -> str:
    listed = ", ".join(form.procedures) or "none"
    if asked is None:
        return f"kiosk: form {form.id} names no procedure; give one with --procedure CODE"
    return f"kiosk: form {form.id} is not the form of procedure {asked} (its procedures: {listed})"


def _print_receipt(services: KioskServices, reference: str) -> str | None:
    """Print the slip as the done page does (in Vietnamese); the fault if it did not."""
    try:
        services.slips.receipt(reference)
    except PrinterError as exc:
        return exc.describe()
    return None


def _show(filed: SubmittedDeclaration, receipt_error: str | None, as_json: bool) -> None:
    if as_json:
        print(
            json.dumps(
                {
                    "id": str(filed.id),
                    "reference": filed.reference,
                    "procedure_code": filed.procedure_code,
                    "procedure_name": filed.procedure_name,
                    "form_id": filed.form_id,
                    "form_version": filed.form_version,
                    "submitted_at": filed.submitted_at.isoformat(),
                    "queue_service": filed.queue_service,
                    "receipt_printed": receipt_error is None,
                    "receipt_error": receipt_error,
                },
                ensure_ascii=False,
            )
        )
    else:
        print(
            f"{filed.reference}: submitted (form {filed.form_id} v{filed.form_version}, "
            f"procedure {filed.procedure_code})"
        )
    if receipt_error is not None:
        print(f"kiosk: the receipt was not printed: {receipt_error}", file=sys.stderr)
