"""The portal's flattened tables, read back: small records written for these tests."""

from __future__ import annotations

from wire.portal import PortalRecord, convert_records, slugify
from wire.portal_tables import (
    DOCUMENT_HEADER,
    METHOD_HEADER,
    parse_documents,
    parse_legal_basis,
    parse_methods,
    parse_result,
    parse_steps,
)


def test_methods_time_fee_and_note_are_split() -> None:
    text = (
        METHOD_HEADER
        + "Trực tiếp7 Ngày làm việcLệ phí : 50.000 ĐồngNộp tại quầy.".replace(
            "Lệ phí : 50.000 Đồng", "50,000 Việt Nam Đồng(Lệ phí : 50.000 Đồng)"
        )
        + "Trực tuyến3 NgàyMiễn phíQua Cổng dịch vụ công, Trực tuyến: nộp bản quét."
        + "Dịch vụ bưu chínhKhông có thông tinKhông có thông tin"
    )
    methods, problems = parse_methods(text)
    assert problems == []
    direct, online, post = methods
    assert (direct.kind, direct.time_text, direct.days) == ("truc_tiep", "7 Ngày làm việc", 7)
    assert direct.fee_vnd == 50_000
    assert direct.fee_text == "50,000 Việt Nam Đồng (Lệ phí : 50.000 Đồng)"
    assert direct.note == "Nộp tại quầy."
    # "Trực tuyến:" inside a note does not start a row.
    assert online.note.endswith("Trực tuyến: nộp bản quét.")
    assert (online.fee_vnd, online.days) == (0, 3)
    assert (post.kind, post.time_text, post.days, post.fee_vnd) == ("buu_chinh", "", None, None)


def test_free_headline_over_a_note_with_amounts_takes_the_lowest() -> None:
    text = METHOD_HEADER + "Trực tiếp2 GiờMiễn phí(Phí : 8.000 đồng/bản; bản thứ hai 3.000 đồng)"
    [method], problems = parse_methods(text)
    assert problems == []
    assert method.days == 0.25
    assert method.fee_vnd == 3_000


def test_unitless_time_and_run_together_amounts_are_reported() -> None:
    text = METHOD_HEADER + "Trực tiếp5Miễn phíTrực tuyến120 VNĐ(20 nghìn mỗi tờ)"
    (direct, online), problems = parse_methods(text)
    assert direct.time_text == "5"
    assert direct.days is None
    assert online.time_text == "1"
    assert online.fee_vnd == 20
    assert problems == [
        "Trực tiếp: time has no unit",
        "Trực tuyến: time and fee run together; split guessed",
    ]


def test_time_in_words_and_missing_header() -> None:
    [method], problems = parse_methods(METHOD_HEADER + "Trực tuyếnKhông quy địnhMiễn phíQua mạng")
    assert (method.time_text, method.note, problems) == ("Không quy định", "Qua mạng", [])
    assert parse_methods("Trực tiếp1 Ngày") == ([], ["table header missing"])
    assert parse_methods("") == ([], [])


def test_document_groups_counts_and_templates() -> None:
    text = (
        "* Giấy tờ phải nộp:"
        + DOCUMENT_HEADER
        + "Tờ khai theo mẫu quy định;Mẫu TK-01.docx1 bản chính"
        + "Ảnh chân dung cỡ 4x60 bản chính,2 bản sao"
        + "Giấy tờ kèm theo (nếu có), nộp 01 bản chính để đối chiếu1 bản sao"
        + "* Giấy tờ phải xuất trình:"
        + DOCUMENT_HEADER
        + "Căn cước của người nộpHướng dẫn khai.pdf1 bản chính"
    )
    groups, problems = parse_documents(text)
    assert problems == []
    submit, show = groups
    assert (submit.kind, submit.title) == ("nop", "Giấy tờ phải nộp")
    assert (show.kind, show.title) == ("xuat_trinh", "Giấy tờ phải xuất trình")
    form, photo, extra = submit.documents
    assert (form.name, form.template, form.originals) == (
        "Tờ khai theo mẫu quy định;",
        "Mẫu TK-01.docx",
        1,
    )
    assert (photo.name, photo.originals, photo.copies) == ("Ảnh chân dung cỡ 4x6", 0, 2)
    assert extra.name.endswith("để đối chiếu")
    assert extra.copies == 1
    [card] = show.documents
    assert (card.name, card.template) == ("Căn cước của người nộp", "Hướng dẫn khai.pdf")


def test_unnamed_group_and_leftovers_are_kept_and_reported() -> None:
    groups, problems = parse_documents(
        "--" + DOCUMENT_HEADER + "Đơn đề nghị1 bản chínhGhi chú thêm không có số lượng"
    )
    [group] = groups
    assert (group.kind, group.title) == ("nop", "")
    assert [d.name for d in group.documents] == ["Đơn đề nghị", "Ghi chú thêm không có số lượng"]
    assert problems == ["text after the last count kept as a document"]
    assert parse_documents("--") == ([], [])
    assert parse_documents("Chỉ có một đoạn văn") == ([], ["no document table"])


def test_legal_basis_entries() -> None:
    text = (
        "Tên văn bản pháp lýMã văn bản"
        "Luật Mẫu năm 201912/2019/QH14"
        "Nghị định 3/2021/NĐ-CP3/2021/NĐ-CP"
        "Thông tư hướng dẫn7/2022/TT-BTP"
    )
    assert parse_legal_basis(text) == [
        "Luật Mẫu năm 2019 (12/2019/QH14)",
        "Nghị định 3/2021/NĐ-CP",
        "Thông tư hướng dẫn (7/2022/TT-BTP)",
    ]
    assert parse_legal_basis("Không có thông tin") == []


def test_steps_and_result() -> None:
    assert parse_steps("Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả.") == [
        "Bước 1: Nộp hồ sơ.",
        "Bước 2: Nhận kết quả.",
    ]
    assert parse_steps("Nộp hồ sơ.\n\nNhận kết quả.") == ["Nộp hồ sơ.", "Nhận kết quả."]
    assert parse_result("Giấy xác nhậnMã: KQ.G01.000001Bản saoMã: KQ.G01.000002Từ khóaX") == (
        "Giấy xác nhận; Bản sao"
    )


def test_records_become_a_valid_catalogue() -> None:
    record = PortalRecord(
        ma_thu_tuc="9.000001",
        ten_thu_tuc="Thủ tục thử nghiệm",
        cap_thuc_hien="Cấp tỉnh, Cấp xã, Cấp lạ",
        linh_vuc="Hộ tịch",
        co_quan_thuc_hien="Ủy ban nhân dân cấp xã",
        cach_thuc_thuc_hien=METHOD_HEADER + "Trực tuyến1 Ngày làm việcMiễn phí",
        detail_url="https://example.invalid/tthc/1",
    )
    catalogue, problems = convert_records(
        [record, record, PortalRecord(ma_thu_tuc="bad", ten_thu_tuc="x")], "test-1"
    )
    [procedure] = catalogue.procedures
    assert procedure.levels == ["tinh", "xa"]
    assert procedure.field == "ho-tich"
    assert procedure.agencies == ["uy-ban-nhan-dan-cap-xa"]
    assert procedure.online == "toan_trinh"
    assert catalogue.agencies[0].level == "xa"
    assert [(p.code, p.field) for p in problems] == [
        ("9.000001", "cap_thuc_hien"),
        ("9.000001", "ma_thu_tuc"),
        ("bad", "ma_thu_tuc"),
    ]


def test_slugs_are_ascii_and_bounded() -> None:
    assert slugify("Đất đai") == "dat-dai"
    long = slugify("Quản lý " * 20)
    assert len(long) == 64
    assert long.startswith("quan-ly-")
