"""The setup's answers: stored in the data folder, laid over IT's file at start-up (and
under the environment), and the setup code's gate."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.setup import SetupAnswers, SetupCodeGate, read_answers, setup_wanted, write_answers
from kiosk.setup.errors import SetupCodeLockedError, WrongSetupCodeError
from kiosk.startup import RunOptions, prepare


def test_answers_lie_over_the_config_file_and_under_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        'centre_name = "Từ tệp"\nkiosk_number = 2\nprinter = "tcp://10.0.0.9"\n'
        'office_printer = "HP-A4"\n',
        encoding="utf-8",
    )
    data = tmp_path / "data"
    data.mkdir()
    write_answers(
        data,
        SetupAnswers(
            centre_name="Từ thiết lập", kiosk_number=5, office_printer="", done=("centre",)
        ),
    )
    monkeypatch.delenv("KIOSK_HOME", raising=False)
    monkeypatch.setenv("KIOSK_KIOSK_NUMBER", "8")

    settings = prepare(RunOptions(config=config, data_dir=data)).settings

    assert settings.centre_name == "Từ thiết lập"
    assert settings.kiosk_number == 8  # the environment still wins
    assert settings.printer == "tcp://10.0.0.9"  # not answered: the file's
    assert settings.office_printer is None  # answered "none", over the file's queue


def test_a_broken_answers_file_is_named_and_nothing_is_guessed(tmp_path: Path) -> None:
    (tmp_path / "setup.json").write_text('{"kiosk_number": "three"}', encoding="utf-8")
    from kiosk.errors import ConfigError

    with pytest.raises(ConfigError) as refused:
        read_answers(tmp_path)
    assert "setup.json" in refused.value.message.render()


def test_setup_is_wanted_only_with_a_code_and_a_step_left(tmp_path: Path) -> None:
    assert not setup_wanted(None, tmp_path)
    assert setup_wanted("ABCD-1234", tmp_path)
    every = ("centre", "kiosk_number", "server", "printer", "office_printer", "staff")
    write_answers(tmp_path, SetupAnswers(done=every))
    assert not setup_wanted("ABCD-1234", tmp_path)


def test_the_setup_code_shuts_for_a_while_after_five_wrong_codes() -> None:
    now = [100.0]
    gate = SetupCodeGate("ABCD-1234", monotonic=lambda: now[0])
    for _ in range(5):
        with pytest.raises(WrongSetupCodeError):
            gate.check("WRONG-000")
    with pytest.raises(SetupCodeLockedError) as shut:
        gate.check("ABCD-1234")  # even the right code, while shut
    assert "60 giây" in shut.value.message.render()
    now[0] += 61
    gate.check("abcd-1234")
