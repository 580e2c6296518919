"""``setup``: the kiosk's first-run setup on the command line, the same steps as on screen.

Given answers (``--centre``, ``--server`` with ``--code``...) it runs only those steps,
without a question: that is how an installer or a script sets a kiosk up. With none it
asks, in order, each step not done yet (and the one ``--redo`` names). ``--code -`` and
``--staff-pin -`` read the secret from standard input, so it never shows in a process
list. Exit status 0 when every step asked went through, 1 when questions were left
unanswered (end of input), 2 when a step was refused (the message says why; the steps
before it are kept).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk.cli.common import add_location_arguments, open_services
from kiosk.errors import KioskError
from kiosk.setup.steps import STEPS, TITLES, Step
from wire.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from kiosk.setup.service import SetupService

PROMPTS = {
    "centre": QT_TRANSLATE_NOOP("SetupCli", "Tên trung tâm"),
    "kiosk_number": QT_TRANSLATE_NOOP("SetupCli", "Số kiosk (1-9)"),
    "server": QT_TRANSLATE_NOOP("SetupCli", "Địa chỉ máy chủ (để trống nếu chạy không có máy chủ)"),
    "code": QT_TRANSLATE_NOOP("SetupCli", "Mã đăng ký một lần"),
    "printer": QT_TRANSLATE_NOOP("SetupCli", "Máy in phiếu (URI, ví dụ tcp://192.168.1.50)"),
    "paper": QT_TRANSLATE_NOOP("SetupCli", "Khổ giấy (58 hoặc 80)"),
    "test_slip": QT_TRANSLATE_NOOP("SetupCli", "In phiếu thử? (c/k)"),
    "office_printer": QT_TRANSLATE_NOOP(
        "SetupCli", "Tên hàng đợi máy in A4 (để trống nếu không in A4)"
    ),
    "staff_name": QT_TRANSLATE_NOOP("SetupCli", "Tên cán bộ"),
    "staff_pin": QT_TRANSLATE_NOOP("SetupCli", "Mã PIN cán bộ (6-12 chữ số)"),
}
USB_FOUND = QT_TRANSLATE_NOOP("SetupCli", "Máy in USB tìm thấy: {printers}")
DONE = QT_TRANSLATE_NOOP("SetupCli", "Đã thiết lập xong: {steps}")
PENDING = QT_TRANSLATE_NOOP("SetupCli", "Còn chưa thiết lập: {steps}")
FINISHED = QT_TRANSLATE_NOOP(
    "SetupCli", "Kiosk đã được thiết lập. Vui lòng khởi động lại kiosk để áp dụng."
)
TEST_SLIP_SENT = QT_TRANSLATE_NOOP("SetupCli", "Đã gửi phiếu thử tới máy in {printer}.")


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "setup",
        help="first-run setup: centre, kiosk number, server, printers, first staff PIN",
        description="Set the kiosk up, step by step. Answers given as options are applied "
        "without questions; with none, each step not done yet is asked. Answers are kept "
        "in the data folder (setup.json) and lie over the config file.",
    )
    parser.add_argument("--centre", help="name of the centre")
    parser.add_argument("--kiosk-number", help="this kiosk's number at its centre (1-9)")
    parser.add_argument("--server", help="URL of the centre's server (with --code)")
    parser.add_argument("--code", help="one-time enrolment code; '-' reads stdin")
    parser.add_argument("--no-server", action="store_true", help="run without a server")
    parser.add_argument("--printer", metavar="URI", help="receipt printer URI")
    parser.add_argument("--paper-width", type=int, choices=(58, 80), help="paper width, mm")
    parser.add_argument("--test-slip", action="store_true", help="print a test slip")
    parser.add_argument("--office-printer", help="A4 printer queue name ('' for none)")
    parser.add_argument("--staff-name", help="first staff member's name")
    parser.add_argument("--staff-pin", help="their PIN, 6-12 digits; '-' reads stdin")
    parser.add_argument("--redo", choices=[step.value for step in STEPS], help="ask this again")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    add_location_arguments(parser)
    parser.set_defaults(handler=run_setup)


def run_setup(args: argparse.Namespace) -> int:
    from kiosk.setup.service import SetupService

    services = open_services(args)
    try:
        setup = SetupService(services)
        if _given(args):
            _apply(setup, args)
            code = 0
        else:
            code = _ask(setup, args.redo)
        answers = setup.answers()
        pending = setup.pending()
        enrolment = services.sync.enrolment()
    finally:
        services.close()
    done = [step for step in STEPS if step not in pending]
    if args.json:
        print(
            json.dumps(
                {
                    "done": [step.value for step in done],
                    "pending": [step.value for step in pending],
                    "answers": answers.settings_values(),
                    "enrolment": None if enrolment is None else enrolment.as_json(),
                },
                ensure_ascii=False,
            )
        )
        return code
    if done:
        print(DONE.with_params(steps=", ".join(TITLES[s].render() for s in done)).render())
    if pending:
        print(PENDING.with_params(steps=", ".join(TITLES[s].render() for s in pending)).render())
    elif code == 0:
        print(FINISHED.render())
    return code


def _given(args: argparse.Namespace) -> bool:
    names = (
        "centre",
        "kiosk_number",
        "server",
        "code",
        "printer",
        "paper_width",
        "office_printer",
        "staff_name",
        "staff_pin",
    )
    return args.json or args.no_server or any(getattr(args, name) is not None for name in names)


def _secret(value: str | None) -> str | None:
    return sys.stdin.readline().strip() if value == "-" else value


def _apply(setup: SetupService, args: argparse.Namespace) -> None:
    """The steps the options answer, in the setup's order; raises ``KioskError``."""
    if args.centre is not None:
        setup.set_centre(args.centre)
    if args.kiosk_number is not None:
        setup.set_kiosk_number(args.kiosk_number)
    if args.no_server:
        setup.without_server()
    elif args.server is not None or args.code is not None:
        setup.enrol(args.server or "", _secret(args.code) or "")
    if args.printer is not None or args.paper_width is not None:
        printer = args.printer or setup.settings().printer
        choice = setup.set_printer(printer, args.paper_width or _width(printer))
        if not args.json:
            for note in choice.notes:
                print(note.render())
        if args.test_slip:
            setup.print_test_slip(setup.settings().printer)
            print(TEST_SLIP_SENT.with_params(printer=setup.settings().printer).render())
    if args.office_printer is not None:
        setup.set_office_printer(args.office_printer)
    if args.staff_pin is not None:
        setup.set_first_staff(args.staff_name or "", _secret(args.staff_pin) or "")


def _width(uri: str) -> int:
    from kiosk.setup.printers import paper_width

    return paper_width(uri)


def _ask(setup: SetupService, redo: str | None) -> int:
    """Ask each step not done (and ``redo``); a refused answer is asked again."""
    steps = [step for step in STEPS if step in setup.pending() or step.value == redo]
    for step in steps:
        print(f"— {TITLES[step].render()}")
        while True:
            try:
                ask = _QUESTIONS[step]
                ask(setup)
                break
            except EOFError:
                return 1
            except KioskError as exc:
                print(exc.message.render())
    return 0


def _read(key: str) -> str:
    print(f"{PROMPTS[key].render()}: ", end="", flush=True)
    line = sys.stdin.readline()
    if not line:
        print()
        raise EOFError
    return line.strip()


def _ask_server(setup: SetupService) -> None:
    url = _read("server")
    if not url:
        setup.without_server()
        return
    setup.enrol(url, _read("code"))


def _ask_printer(setup: SetupService) -> None:
    from kiosk.setup.printers import usb_printers

    found = usb_printers()
    if found:
        listed = ", ".join(f"{p.uri} ({p.description})" for p in found)
        print(USB_FOUND.with_params(printers=listed).render())
    uri = _read("printer") or setup.settings().printer
    width = _read("paper") or str(_width(uri))
    choice = setup.set_printer(uri, int(width) if width.isdigit() else 0)
    stored = choice.uri
    for note in choice.notes:
        print(note.render())
    if _read("test_slip").lower().startswith(("c", "y")):
        setup.print_test_slip(stored)
        print(TEST_SLIP_SENT.with_params(printer=stored).render())


def _ask_staff(setup: SetupService) -> None:
    setup.set_first_staff(_read("staff_name"), _read("staff_pin"))


_QUESTIONS: dict[Step, Callable[[SetupService], None]] = {
    Step.CENTRE: lambda setup: setup.set_centre(_read("centre")),
    Step.KIOSK_NUMBER: lambda setup: setup.set_kiosk_number(_read("kiosk_number")),
    Step.SERVER: _ask_server,
    Step.PRINTER: _ask_printer,
    Step.OFFICE_PRINTER: lambda setup: setup.set_office_printer(_read("office_printer")),
    Step.STAFF: _ask_staff,
}
