"""The privacy notice (thông báo xử lý dữ liệu cá nhân) a citizen reads before a tờ khai.

Law 91/2025/QH15 and Decree 356/2025/NĐ-CP ask for consent that is informed, given per
purpose, never pre-ticked and provable: who agreed, when, and to which text. So the
notice is a versioned document kept whole here, in both languages, rather than strings
in Qt's translation files: a translator's edit there would change what citizens read
without changing the version their consent names. What the screen shows is exactly
:attr:`Notice.text` laid out, and :attr:`Notice.sha256` is the hash of that text, so a
consent record proves which words were on the screen.

Changing any wording here is a new version: bump :data:`NOTICE_VERSION` and copy the
text into ``docs/privacy.md``. The centre's name and the retention period come from
the settings and are part of the hashed text, so two kiosks configured differently
show (and hash) different words under the same version.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Final

from kiosk.config import Language, Settings

#: The wording's version; a consent record names it with the hash of the text shown.
NOTICE_VERSION: Final = "2026-02"

#: Preparing the tờ khai and handing it to the counter that receives the hồ sơ: without
#: it the kiosk has nothing to do with what the citizen types.
PREPARE_DECLARATION: Final = "prepare_declaration"
#: The counter may phone the citizen about the hồ sơ (the number given in the tờ khai).
CONTACT_PHONE: Final = "contact_phone"

#: The purposes a declaration cannot be submitted without.
DECLARATION_PURPOSES: Final = frozenset({PREPARE_DECLARATION})


@dataclass(frozen=True, slots=True)
class Purpose:
    """One thing the data is used for, with its own box on the notice."""

    #: Stable id, stored in consent records and uploaded; never reworded.
    id: str
    #: What the citizen agrees to, in the notice's language.
    label: str
    #: Whether the service needs it ("required to continue") or not ("optional").
    required: bool
    #: The line under the label that says which of the two it is.
    note: str


@dataclass(frozen=True, slots=True)
class Notice:
    """The notice in one language, as shown: title, paragraphs, one box per purpose."""

    version: str
    language: Language
    title: str
    paragraphs: tuple[str, ...]
    purposes: tuple[Purpose, ...]

    @property
    def text(self) -> str:
        """The whole text shown, in the order shown: what :attr:`sha256` is taken of.

        Title, each paragraph, then each purpose as ``label (note)``, separated by a
        blank line.
        """
        boxes = (f"{purpose.label} ({purpose.note})" for purpose in self.purposes)
        return "\n\n".join((self.title, *self.paragraphs, *boxes))

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of :attr:`text` in UTF-8."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def required(self) -> frozenset[str]:
        """The purposes that must be ticked before "Đồng ý và tiếp tục"."""
        return frozenset(purpose.id for purpose in self.purposes if purpose.required)

    def purpose_ids(self) -> tuple[str, ...]:
        return tuple(purpose.id for purpose in self.purposes)


@dataclass(frozen=True, slots=True)
class _Wording:
    title: str
    who: str
    what: str
    why: str
    how_long: str
    how_long_now: str
    rights: str
    where: str
    decline: str
    prepare: str
    contact: str
    needed: str
    optional: str


_VIETNAMESE = _Wording(
    title="Thông báo về xử lý dữ liệu cá nhân",
    who=(
        "Dữ liệu Ông/Bà khai trên kiosk này do {centre} quản lý. "
        "Dữ liệu chỉ được chuyển cho bộ phận một cửa tiếp nhận hồ sơ của Ông/Bà."
    ),
    what=(
        "Dữ liệu gồm những gì Ông/Bà khai trong tờ khai, như họ tên, số định danh cá nhân, "
        "ngày sinh, địa chỉ, số điện thoại. Nếu Ông/Bà quét thẻ căn cước, kiosk chỉ đọc "
        "mã QR trên thẻ để điền sẵn tờ khai."
    ),
    why=(
        "Dữ liệu chỉ được dùng cho những mục đích Ông/Bà đánh dấu dưới đây, "
        "không dùng vào việc khác."
    ),
    how_long=(
        "Kiosk giữ tờ khai cho đến khi bộ phận một cửa nhận được hồ sơ. "
        "Sau đó tờ khai được xóa khỏi kiosk trong vòng {days} ngày."
    ),
    how_long_now=(
        "Kiosk giữ tờ khai cho đến khi bộ phận một cửa nhận được hồ sơ. "
        "Sau đó tờ khai được xóa khỏi kiosk ngay."
    ),
    rights=(
        "Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Ông/Bà có quyền được biết về "
        "việc xử lý dữ liệu của mình, và quyền đồng ý hoặc không đồng ý. Ông/Bà cũng có "
        "quyền yêu cầu xem, sửa hoặc xóa dữ liệu, và rút lại sự đồng ý."
    ),
    where="Để thực hiện các quyền này, Ông/Bà vui lòng hỏi cán bộ tại quầy tiếp nhận hồ sơ.",
    decline=(
        "Nếu Ông/Bà không đồng ý, kiosk không lưu thông tin nào và trở về trang chủ. "
        "Ông/Bà vẫn có thể nộp hồ sơ trực tiếp tại quầy."
    ),
    prepare="Chuẩn bị tờ khai và chuyển cho bộ phận một cửa tiếp nhận hồ sơ",
    contact="Cán bộ liên hệ với Ông/Bà về hồ sơ qua số điện thoại ghi trong tờ khai",
    needed="cần thiết để tiếp tục",
    optional="không bắt buộc",
)

_ENGLISH = _Wording(
    title="Notice on the processing of personal data",
    who=(
        "The data you enter at this kiosk is managed by {centre}. "
        "It is passed only to the one-stop counter that receives your dossier."
    ),
    what=(
        "It is what you enter in the declaration, such as your name, personal ID number, "
        "date of birth, address and phone number. If you scan your citizen ID card, the "
        "kiosk only reads the card's QR code to fill in the declaration for you."
    ),
    why="The data is used only for the purposes you tick below, and for nothing else.",
    how_long=(
        "The kiosk keeps your declaration until the counter has received the dossier. "
        "It is then deleted from the kiosk within {days} days."
    ),
    how_long_now=(
        "The kiosk keeps your declaration until the counter has received the dossier. "
        "It is then deleted from the kiosk straight away."
    ),
    rights=(
        "Under the Personal Data Protection Law No. 91/2025/QH15 you have the right to be "
        "told how your data is processed, and to agree or not. You may also ask to see, "
        "correct or delete it, and withdraw your consent."
    ),
    where="To use these rights, please ask the staff at the counter that receives dossiers.",
    decline=(
        "If you do not agree, the kiosk stores nothing and returns to the home screen. "
        "You can still hand in your dossier at the counter."
    ),
    prepare=(
        "Preparing the declaration and passing it to the one-stop counter that receives the dossier"
    ),
    contact="Staff contacting you about the dossier at the phone number given in the declaration",
    needed="needed to continue",
    optional="optional",
)

_WORDINGS: dict[Language, _Wording] = {
    Language.VIETNAMESE: _VIETNAMESE,
    Language.ENGLISH: _ENGLISH,
}


def privacy_notice(settings: Settings, language: Language) -> Notice:
    """The notice as this kiosk shows it in ``language``, with its centre and retention."""
    words = _WORDINGS[language]
    days = settings.retention_days
    how_long = words.how_long.format(days=days) if days > 0 else words.how_long_now
    return Notice(
        version=NOTICE_VERSION,
        language=language,
        title=words.title,
        paragraphs=(
            words.who.format(centre=settings.centre_name),
            words.what,
            words.why,
            how_long,
            words.rights,
            words.where,
            words.decline,
        ),
        purposes=(
            Purpose(PREPARE_DECLARATION, words.prepare, required=True, note=words.needed),
            Purpose(CONTACT_PHONE, words.contact, required=False, note=words.optional),
        ),
    )
