"""The privacy notice and the consent record: what is shown, what is proved, what is refused."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import msgspec
import pytest

from kiosk.config import Language, Settings
from kiosk.consent import (
    CONTACT_PHONE,
    DECLARATION_PURPOSES,
    NOTICE_VERSION,
    PREPARE_DECLARATION,
    ConsentRecord,
    ConsentRequiredError,
    ConsentService,
    UnknownPurposeError,
    agree,
    privacy_notice,
    require_consent,
)
from kiosk.paths import PROJECT_ROOT
from wire import protocol

NOW = datetime(2026, 1, 5, 2, 30, tzinfo=UTC)
CENTRE = "Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng"


def test_the_notice_says_who_what_for_how_long_and_the_citizens_rights() -> None:
    notice = privacy_notice(Settings(centre_name=CENTRE, retention_days=10), Language.VIETNAMESE)
    text = notice.text
    assert notice.version == NOTICE_VERSION
    assert notice.title == "Thông báo về xử lý dữ liệu cá nhân"
    assert CENTRE in text
    assert "bộ phận một cửa" in text
    assert "cho đến khi bộ phận một cửa nhận được hồ sơ" in text
    assert "trong vòng 10 ngày" in text
    assert "91/2025/QH15" in text
    for right in ("được biết", "đồng ý hoặc không đồng ý", "xem, sửa hoặc xóa", "rút lại"):
        assert right in text, right
    assert "hỏi cán bộ tại quầy" in text
    assert "không lưu thông tin nào" in text  # what declining does
    assert [p.id for p in notice.purposes] == [PREPARE_DECLARATION, CONTACT_PHONE]
    assert notice.required == DECLARATION_PURPOSES == {PREPARE_DECLARATION}
    # Polite, short sentences: Ông/Bà, never "bạn"; no sentence past 40 words.
    assert "bạn" not in text.lower().replace("ông/bà", "")
    sentences = [s for p in notice.paragraphs for s in p.split(". ")]
    assert max(len(sentence.split()) for sentence in sentences) <= 40


def test_its_hash_is_of_the_exact_text_and_moves_with_every_word() -> None:
    settings = Settings()
    vietnamese = privacy_notice(settings, Language.VIETNAMESE)
    english = privacy_notice(settings, Language.ENGLISH)
    assert vietnamese.sha256 == hashlib.sha256(vietnamese.text.encode("utf-8")).hexdigest()
    assert vietnamese.text.startswith(vietnamese.title + "\n\n" + vietnamese.paragraphs[0])
    assert vietnamese.text.endswith("(không bắt buộc)")
    assert english.title == "Notice on the processing of personal data"
    assert english.version == vietnamese.version
    assert len({vietnamese.sha256, english.sha256}) == 2
    other_centre = privacy_notice(Settings(centre_name=CENTRE), Language.VIETNAMESE)
    longer = privacy_notice(Settings(retention_days=30), Language.VIETNAMESE)
    assert len({vietnamese.sha256, other_centre.sha256, longer.sha256}) == 3


def test_no_retention_says_deleted_straight_away() -> None:
    notice = privacy_notice(Settings(retention_days=0), Language.VIETNAMESE)
    assert "xóa khỏi kiosk ngay" in notice.text
    assert "0 ngày" not in notice.text


def test_agreeing_records_the_purposes_ticked_the_time_and_the_text() -> None:
    notice = privacy_notice(Settings(), Language.ENGLISH)
    record = agree(notice, [CONTACT_PHONE, PREPARE_DECLARATION], NOW)
    assert record.purposes == (PREPARE_DECLARATION, CONTACT_PHONE)  # in the notice's order
    assert record.agreed_at == NOW
    assert (record.notice_version, record.notice_sha256) == (notice.version, notice.sha256)
    assert record.language == Language.ENGLISH
    assert record.covers(DECLARATION_PURPOSES)


def test_without_what_the_service_needs_nothing_is_recorded() -> None:
    notice = privacy_notice(Settings(), Language.VIETNAMESE)
    for ticked in ([], [CONTACT_PHONE]):
        with pytest.raises(ConsentRequiredError) as raised:
            agree(notice, ticked, NOW)
        assert "Thông tin của Ông/Bà chưa được lưu" in str(raised.value)
    with pytest.raises(UnknownPurposeError, match="marketing"):
        agree(notice, [PREPARE_DECLARATION, "marketing"], NOW)


def test_the_service_times_the_record_with_its_clock() -> None:
    service = ConsentService(Settings(), lambda: NOW)
    record = service.agree(Language.VIETNAMESE, {PREPARE_DECLARATION})
    assert record.agreed_at == NOW
    assert record.notice_sha256 == service.notice(Language.VIETNAMESE).sha256


def test_the_record_travels_as_the_protocols_consent_and_back() -> None:
    record = agree(privacy_notice(Settings(), Language.VIETNAMESE), DECLARATION_PURPOSES, NOW)
    stored = record.to_json()
    assert stored == {
        "purposes": [PREPARE_DECLARATION],
        "agreed_at": "2026-01-05T02:30:00Z",
        "notice_version": NOTICE_VERSION,
        "notice_sha256": record.notice_sha256,
        "language": "vi",
    }
    decoded = protocol.decode(msgspec.json.encode(stored), protocol.Consent)
    assert decoded == record.to_wire()
    assert ConsentRecord.from_json(stored) == record


def test_a_record_is_relied_on_only_for_this_kiosks_text_and_the_purposes_asked() -> None:
    settings = Settings(centre_name=CENTRE)
    mine = agree(privacy_notice(settings, Language.ENGLISH), DECLARATION_PURPOSES, NOW)
    assert require_consent(mine, settings, DECLARATION_PURPOSES) is mine
    with pytest.raises(ConsentRequiredError):
        require_consent(None, settings, DECLARATION_PURPOSES)
    with pytest.raises(ConsentRequiredError):
        require_consent(mine, settings, {PREPARE_DECLARATION, CONTACT_PHONE})
    with pytest.raises(ConsentRequiredError):  # another centre's wording
        require_consent(mine, Settings(), DECLARATION_PURPOSES)
    forged = ConsentRecord(
        purposes=(PREPARE_DECLARATION,),
        agreed_at=NOW,
        notice_version=NOTICE_VERSION,
        notice_sha256="0" * 64,
        language=Language.VIETNAMESE,
    )
    with pytest.raises(ConsentRequiredError):
        require_consent(forged, settings, DECLARATION_PURPOSES)


def test_docs_privacy_holds_the_current_text_word_for_word() -> None:
    docs = (PROJECT_ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    assert f"version `{NOTICE_VERSION}`" in docs
    for language in Language:
        notice = privacy_notice(Settings(), language)
        shown = [notice.title, *notice.paragraphs]
        shown += [f"{purpose.label} ({purpose.note})" for purpose in notice.purposes]
        missing = [text for text in shown if text not in docs]
        assert missing == [], language
        assert notice.sha256 in docs
