"""``forms sample FORM_ID``: a bundled form's sample answers, for IT's end-to-end checks.

The answers are the fictional citizen of ``kiosk.forms.samples``: they pass every
check, so ``forms sample khai-sinh --json > a.json`` then ``declaration submit khai-sinh
--answers a.json`` saves a declaration the way a citizen would. Exit status 2 for a form
without sample answers.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from kiosk.forms.errors import UnknownFormError


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "forms",
        help="sample answers of the bundled forms",
        description="Print what the kiosk's bundled forms can be filled with for checks.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sample = actions.add_parser(
        "sample",
        help="a form's sample answers, as a JSON object",
        description="Print FORM_ID's sample answers (a fictional citizen that passes every "
        "check) as one JSON object, for 'declaration submit --answers'. Exit status 2 when the "
        "form has none.",
    )
    sample.add_argument("form_id", metavar="FORM_ID", help="form id, e.g. khai-sinh")
    sample.add_argument("--json", action="store_true", help="one JSON object on one line")
    sample.set_defaults(handler=print_sample)


def print_sample(args: argparse.Namespace) -> int:
    from kiosk.forms.samples import sample_answers  # loads the map of wards, about a second

    answers = sample_answers(args.form_id)
    if not answers:
        raise UnknownFormError(args.form_id)
    indent = None if args.json else 2
    print(json.dumps(answers, ensure_ascii=False, indent=indent))
    return 0
