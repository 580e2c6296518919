"""Phone numbers and e-mail addresses as citizens write them."""

from __future__ import annotations

import pytest

from wire.validation import InvalidValue, check_email, check_phone


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("091.234.5678", "0912345678"),
        ("091-234-5678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0387654321", "0387654321"),
        ("0567654321", "0567654321"),
        ("0767654321", "0767654321"),
        ("0867654321", "0867654321"),
        ("024 3825 1234", "02438251234"),
        ("+84 24 3825 1234", "02438251234"),
        ("0236.3821.123", "02363821123"),
    ],
)
def test_phone_numbers_are_normalised(typed: str, stored: str) -> None:
    assert check_phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("091234567", "9 chữ số"),
        ("09123456789", "11 chữ số"),
        ("0412345678", "03, 05, 07, 08 hoặc 09"),
        ("0123456789", "03, 05, 07, 08 hoặc 09"),
        ("0243825123", "cố định có 11 chữ số"),
        ("912345678", "bắt đầu bằng số 0"),
        ("09l2345678", "chỉ gồm chữ số"),
        ("(+84) 912345678", "chỉ gồm chữ số"),
        ("", "nhập số điện thoại"),
        ("0" * 100, "10 chữ số"),
    ],
)
def test_wrong_phone_numbers_say_what_is_expected(typed: str, says: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        check_phone(typed)
    assert says in caught.value.message.render()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("nguyenvanan@gmail.com", "nguyenvanan@gmail.com"),
        ("  Nguyen.Van.An@GMAIL.COM ", "Nguyen.Van.An@gmail.com"),
        ("an+kiosk@mail.hanoi.gov.vn", "an+kiosk@mail.hanoi.gov.vn"),
        ("a_b-c@sub-domain.example.vn", "a_b-c@sub-domain.example.vn"),
    ],
)
def test_valid_emails_keep_their_name_and_lower_their_domain(typed: str, stored: str) -> None:
    assert check_email(typed) == stored


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("nguyenvanan.gmail.com", "đúng một ký tự @"),
        ("an@@gmail.com", "đúng một ký tự @"),
        ("an@b@gmail.com", "đúng một ký tự @"),
        ("nguyễn@gmail.com", "dấu tiếng Việt"),
        ("an @gmail.com", "dấu cách"),
        ("an@gmail", "phải có dấu chấm"),
        ("@gmail.com", "Phần trước @"),
        (".an@gmail.com", "Phần trước @"),
        ("an..b@gmail.com", "Phần trước @"),
        ("an@gmail..com", "Tên miền"),
        ("an@-gmail.com", "Tên miền"),
        ("an@gmail.c", "Tên miền"),
        ("an@gmail.123", "Tên miền"),
        ("a" * 250 + "@b.com", "tối đa 254"),
        ("a" * 65 + "@b.com", "Phần trước @"),
    ],
)
def test_wrong_emails_say_what_is_wrong(typed: str, says: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        check_email(typed)
    assert says in caught.value.message.render()
