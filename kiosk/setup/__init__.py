"""The kiosk's first-run setup: the same steps on the command line and on the screen.

This package's top is light (the answers file, the steps, the setup code): start-up
reads the answers before the first screen. ``kiosk.setup.service`` holds the steps.
"""

from kiosk.setup.answers import (
    ANSWERS_FILE,
    SetupAnswers,
    read_answers,
    setup_wanted,
    write_answers,
)
from kiosk.setup.code import SetupCodeGate, check_setup_code
from kiosk.setup.steps import STEPS, TITLES, Step

__all__ = [
    "ANSWERS_FILE",
    "STEPS",
    "TITLES",
    "SetupAnswers",
    "SetupCodeGate",
    "Step",
    "check_setup_code",
    "read_answers",
    "setup_wanted",
    "write_answers",
]
