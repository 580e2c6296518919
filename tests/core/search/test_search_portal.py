"""Everyday queries over the national portal's 2,642 real names put the right one first.

Reads ``../shared/data/tthc/procedures.jsonl`` where it exists (it is never committed).
The expected codes were checked against that file by hand.
"""

from __future__ import annotations

import pytest

from kiosk.bench import search as bench
from kiosk.catalog.search.index import SearchIndex
from tests.core.bench_report import run_bench

pytestmark = pytest.mark.skipif(
    not bench.PORTAL_FILE.exists(), reason="the shared portal file is not here"
)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(bench.load_documents(bench.PORTAL_FILE))


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("dang ky khai sinh", "1.001193"),  # Thủ tục đăng ký khai sinh
        ("khai sinh", "1.001193"),
        ("đăng kí kết hôn", "1.000894"),  # Thủ tục đăng ký kết hôn
        ("dang ky ket hom", "1.000894"),
        ("dang ky kethon", "1.000894"),
        ("khai tu", "1.000656"),  # Thủ tục đăng ký khai tử
        ("cap lai the can cuoc", "1.014064"),  # Cấp lại thẻ căn cước
        ("cap doi so do", "1.012783"),  # Cấp đổi Giấy chứng nhận quyền sử dụng đất…
        ("dang ky tam tru", "1.004194"),  # Đăng ký tạm trú
        ("thuong tru", "1.004222"),  # Đăng ký thường trú
        ("ho khau", "1.004222"),
        ("xac nhan tinh trang hon nhan", "1.004873"),  # … Giấy xác nhận tình trạng hôn nhân
        ("giay xac nhan doc than", "1.004873"),
        ("thanh lap ho kinh doanh", "1.001612"),  # Đăng ký thành lập hộ kinh doanh
        ("nhan cha me con", "1.001022"),  # Thủ tục đăng ký nhận cha, mẹ, con
        ("giam ho", "1.004837"),  # Thủ tục đăng ký giám hộ
        ("dang ky lai khai sinh", "1.004884"),  # Thủ tục đăng ký lại khai sinh
        ("1.001193", "1.001193"),
        # Issue 13: the words citizens type, and the most asked-for among equals.
        ("lam giay khai sinh", "1.001193"),
        ("lam ho chieu", "1.001456"),  # Cấp hộ chiếu phổ thông ở trong nước (cấp tỉnh)
        ("hộ chiếu", "1.001456"),  # not "Trình báo mất hộ chiếu"
        ("ket hon voi nguoi nuoc ngoai", "2.000806"),  # … kết hôn có yếu tố nước ngoài
        ("tam chu", "1.004194"),
        ("chung thuc ban sao", "2.000815"),  # Chứng thực bản sao từ bản chính …
        ("doi bang lai xe", "3.000347"),  # Đổi giấy phép lái xe
    ],
)
def test_everyday_query_finds_the_procedure_first(
    index: SearchIndex, query: str, code: str
) -> None:
    assert index.search(query)[0].code == code


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("ly lich tu phap", {"3.000330", "3.000333", "3.000334", "3.000335"}),
        ("lltp", {"3.000330", "3.000333", "3.000334", "3.000335"}),
        ("cap ho chieu", {"1.001456", "1.001471"}),  # … ở trong nước (tỉnh / trung ương)
        ("cccd", {"1.014063", "1.014064"}),  # Cấp đổi / cấp lại thẻ căn cước
    ],
)
def test_everyday_query_finds_one_of_the_procedures_first(
    index: SearchIndex, query: str, codes: set[str]
) -> None:
    assert index.search(query)[0].code in codes


def test_plain_marriage_registration_before_its_variants(index: SearchIndex) -> None:
    found = [hit.code for hit in index.search("dang ky ket hon")]
    plain, mobile, foreign = "1.000894", "1.000593", "2.000806"
    assert found.index(plain) < found.index(mobile)
    assert found.index(plain) < found.index(foreign)


@pytest.mark.slow
def test_search_benchmark_reports_the_agreed_shape() -> None:
    metrics = run_bench("search", "--size", "3000", "--runs", "1", timeout=120).metrics
    assert {"keystroke_real_ms", "keystroke_3000_ms", "build_3000_ms"} <= metrics.keys()
    assert "baseline_sqlite_fts5_3000_ms" in metrics
    for metric in ("quality_top1_pct", "quality_top3_pct", "quality_bundled_top3_pct"):
        assert 90 <= metrics[metric]["p50"] <= 100, metric
        assert metrics[metric]["n"] >= 60, metric
