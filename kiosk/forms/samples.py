"""Demo and benchmark data: filled-in answers for every bundled form.

The screenshots, the wizard's page-change benchmark (``ui.bench_form_pages``), the
forms and sync benchmarks (``kiosk.bench``) and the tests file these as a citizen's
answers, so they live in one place. Every person, number and address here is
fictional; the ID numbers follow the rules (province, century and sex digits agree
with the birth date and sex given), so each set passes
``wire.checks.check_form`` and can be submitted like a citizen's. The
addresses are built from ``wire.places``, so their names are the official ones
(the first call loads that data, about a second).
"""

from __future__ import annotations

from typing import Any

from wire import places
from wire.answers import Answers


def _address(detail: str, ward_code: str) -> dict[str, Any]:
    ward = places.ward(ward_code)
    if ward is None:
        raise LookupError(f"no ward {ward_code}")
    return places.address_value(detail, ward)


def sample_answers(form_id: str) -> Answers:
    """Fresh answers for the bundled form ``form_id``; an empty dict for any other form."""
    builder = _SAMPLES.get(form_id)
    return builder() if builder is not None else {}


def _khai_sinh() -> Answers:
    home = _address("Số 5, ngõ 3 phố Chương Dương", "00097")
    return {
        "authority": "Ủy ban nhân dân phường Hồng Hà",
        "requester_name": "Nguyễn Thị Ánh",
        "requester_birth_date": "1994-05-12",
        "requester_id": "001194012345",
        "requester_residence": home,
        "requester_relation": "Mẹ",
        "child_name": "Trần Minh Khôi",
        "child_birth_date": "2025-02-20",
        "child_gender": "nam",
        "child_birth_place": _address("Bệnh viện Phụ sản Hà Nội, số 929 đường La Thành", "00025"),
        "child_ethnicity": "01",
        "child_nationality": "VN",
        "child_hometown": "Xã Đông Hưng, tỉnh Hưng Yên",
        "mother_name": "Nguyễn Thị Ánh",
        "mother_birth_date": "1994-05-12",
        "mother_id": "001194012345",
        "mother_ethnicity": "01",
        "mother_nationality": "VN",
        "mother_residence": home,
        "has_father": True,
        "father_name": "Trần Văn Bình",
        "father_birth_date": "1992-08-30",
        "father_id": "001092067890",
        "father_ethnicity": "01",
        "father_nationality": "VN",
        "father_residence": home,
        "parents_married": True,
        "marriage_number": "25",
        "marriage_book": "01/2020",
        "marriage_date": "2020-10-12",
        "marriage_place": "Ủy ban nhân dân phường Hồng Hà, Thành phố Hà Nội",
        "want_copies": True,
        "copies_count": 2,
    }


def _ct01() -> Answers:
    # Thường trú rather than tạm trú: a tạm trú's end date must fall within two years of
    # the day it is checked, and these answers are checked on any day (``forms sample``).
    return {
        "authority": "Công an phường Cầu Giấy",
        "request": "dang_ky_thuong_tru",
        "new_address": _address("Phòng 1203, tòa nhà A2, số 12 phố Trần Thái Tông", "00166"),
        "request_detail": "Đăng ký thường trú vào hộ của chị gái.",
        "full_name": "Lê Thị Thu Hà",
        "birth_date": "1998-11-03",
        "gender": "nu",
        "id_number": "038198004567",
        "phone": "0912345678",
        "email": "thuha.le@gmail.com",
        "is_head": False,
        "head_name": "Lê Thị Thu Hương",
        "head_relation": "Em",
        "head_id": "001185012345",
        "members": [
            {
                "name": "Lê Minh Châu",
                "birth_date": "2001-07-15",
                "gender": "nu",
                "id_number": "038301009876",
                "relation": "Em",
            }
        ],
    }


def _ho_chieu() -> Answers:
    return {
        "full_name": "Đỗ Quang Vinh",
        "gender": "nam",
        "birth_date": "1990-01-25",
        "birth_place": "Thành phố Đà Nẵng",
        "id_number": "048090001122",
        "ethnicity": "01",
        "religion": "Không",
        "phone": "0905123456",
        "email": "vinh.do@example.vn",
        "permanent_address": _address("Số 21 đường Trần Phú", "20242"),
        "occupation": "Kỹ sư xây dựng",
        "workplace": "Công ty Cổ phần Xây dựng Sông Hàn, số 8 đường Bạch Đằng, Đà Nẵng",
        "father_name": "Đỗ Văn Toàn",
        "father_birth_date": "1962-04-10",
        "mother_name": "Phan Thị Hạnh",
        "mother_birth_date": "1965-09-02",
        "has_previous_passport": False,
        "request": "cap_lan_dau",
        "with_chip": True,
    }


def _ho_kinh_doanh() -> Answers:
    home = _address("Số 47 phố Hàng Bạc", "00070")
    return {
        # A phường's business registration office (NĐ 150/2025); a xã has a Phòng Kinh tế.
        "authority": "Phòng Kinh tế, Hạ tầng và Đô thị phường Hoàn Kiếm",
        "full_name": "Vũ Thị Mai",
        "founder": "ca_nhan",
        "business_name": "Hộ kinh doanh Bún chả Mai Hàng Bạc",
        "business_address": home,
        "business_phone": "02438256789",
        "business_lines": [
            {"line_name": "Nhà hàng và các dịch vụ ăn uống", "line_code": "5610", "is_main": True},
            {"line_name": "Dịch vụ đồ uống", "line_code": "5630", "is_main": False},
        ],
        "capital": 150_000_000,
        "workers": 4,
        "start_date": "2025-04-01",
        "gender": "nu",
        "birth_date": "1985-06-18",
        "ethnicity": "01",
        "nationality": "VN",
        "id_number": "001185023456",
        "owner_address": home,
        "owner_phone": "0987654321",
        "tax_method": "ke_khai",
    }


def _ket_hon() -> Answers:
    return {
        "authority": "Ủy ban nhân dân phường Tây Hồ",
        "bride_name": "Hoàng Thị Lan Anh",
        "bride_birth_date": "1997-03-08",
        "bride_id": "001197034567",
        "bride_ethnicity": "01",
        "bride_nationality": "VN",
        "bride_residence": _address("Số 18 ngõ 52 đường Tô Ngọc Vân", "00103"),
        "bride_marriage_count": 1,
        "groom_name": "Bùi Đức Thắng",
        "groom_birth_date": "1995-12-19",
        "groom_id": "079095045678",
        "groom_ethnicity": "01",
        "groom_nationality": "VN",
        "groom_residence": _address("Số 102 đường Lê Lợi", "26743"),
        "groom_marriage_count": 1,
        "want_copies": True,
        "copies_count": 2,
    }


def _khai_tu() -> Answers:
    home = _address("Thôn Yên Xá, số nhà 14", "00025")
    return {
        "authority": "Ủy ban nhân dân phường Giảng Võ",
        "requester_name": "Ngô Văn Hải",
        "requester_birth_date": "1970-02-14",
        "requester_id": "001070056789",
        "requester_residence": home,
        "requester_relation": "Con trai",
        "deceased_name": "Ngô Văn Khang",
        "deceased_birth_date": "1941-10-05",
        "deceased_gender": "nam",
        "deceased_ethnicity": "01",
        "deceased_nationality": "VN",
        "deceased_residence": home,
        "death_date": "2025-03-02",
        "death_hour": 4,
        "death_minute": 30,
        "death_place": _address("Bệnh viện Bạch Mai, số 78 đường Giải Phóng", "00025"),
        "death_cause": "Tuổi cao, bệnh tim",
        "death_notice_kind": "giay_bao_tu",
        "death_notice_number": "125/GBT",
        "death_notice_issuer": "Bệnh viện Bạch Mai",
        "death_notice_date": "2025-03-02",
        "want_copies": True,
        "copies_count": 3,
    }


def _ly_lich_tu_phap() -> Answers:
    return {
        "authority": "Công an thành phố Hà Nội",
        "certificate_type": "so_1",
        "ban_confirmation": False,
        "purpose": "Bổ sung hồ sơ xin việc",
        "copies": 1,
        "full_name": "Trịnh Hoài Nam",
        "gender": "nam",
        "birth_date": "1996-08-21",
        "birth_place": "Thành phố Hà Nội",
        "nationality": "VN",
        "id_document": "the_can_cuoc_cong_dan",
        "id_number": "001096078901",
        "id_issue_date": "2021-07-10",
        "id_issuer": "Bộ Công an",
        "permanent_address": _address("Số 9 phố Đội Cấn", "00004"),
        "father_name": "Trịnh Văn Lâm",
        "mother_name": "Đặng Thị Hồng",
        "phone": "0936789012",
        "email": "hoainam.trinh@gmail.com",
        "residence_history": [
            {
                "period_from": "08/1996",
                "period_to": "08/2014",
                "place": "Phường Ba Đình, Hà Nội",
                "occupation": "Học sinh",
            },
            {
                "period_from": "09/2014",
                "period_to": "nay",
                "place": "Phường Ba Đình, Hà Nội",
                "occupation": "Sinh viên, sau đó nhân viên văn phòng",
            },
        ],
    }


def _ly_lich_tu_phap_mau_02() -> Answers:
    """A mother asking for her son's Phiếu số 1 (he is 15 or 16 on the days it is checked)."""
    return {
        "authority": "Công an thành phố Hà Nội",
        "request_kind": "cha_me_so_1",
        "ban_confirmation": False,
        "purpose": "Bổ sung hồ sơ du học",
        "copies": 1,
        "requester_name": "Đặng Thị Hồng",
        "requester_gender": "nu",
        "requester_birth_date": "1978-02-11",
        "requester_id": "001178045678",
        "requester_residence": _address("Số 9 phố Đội Cấn", "00004"),
        "requester_relation": "Mẹ",
        "full_name": "Trịnh Minh Quân",
        "gender": "nam",
        "birth_date": "2009-05-14",
        "birth_place": "Thành phố Hà Nội",
        "nationality": "VN",
        "id_document": "the_can_cuoc",
        "id_number": "001209056789",
        "id_issue_date": "2024-08-20",
        "id_issuer": "Bộ Công an",
        "permanent_address": _address("Số 9 phố Đội Cấn", "00004"),
        "father_name": "Trịnh Văn Lâm",
        "mother_name": "Đặng Thị Hồng",
        "phone": "0936789012",
        "residence_history": [
            {
                "period_from": "05/2023",
                "period_to": "nay",
                "place": "Phường Ba Đình, Hà Nội",
                "occupation": "Học sinh, Trường THPT Phan Đình Phùng",
            }
        ],
    }


def _xac_nhan_tinh_trang_hon_nhan() -> Answers:
    return {
        "authority": "Ủy ban nhân dân phường Sài Gòn",
        "requester_name": "Phạm Ngọc Trâm",
        "requester_birth_date": "1999-04-30",
        "requester_gender": "nu",
        "requester_id": "079199012378",
        "requester_residence": _address("Số 45 đường Nguyễn Huệ", "26740"),
        "for_self": True,
        "subject_ethnicity": "01",
        "subject_nationality": "VN",
        "marital_status": "chua_dang_ky_ket_hon",
        "has_other_residence": False,
        "purpose": "ket_hon",
        "partner_name": "Lý Gia Bảo",
        "partner_birth_date": "1997-06-11",
        "partner_nationality": "VN",
        "partner_residence": "Phường Bến Thành, Thành phố Hồ Chí Minh",
        "marriage_place": "Ủy ban nhân dân phường Bến Thành",
        "want_copies": False,
    }


_SAMPLES = {
    "khai-sinh": _khai_sinh,
    "ct01": _ct01,
    "ho-chieu": _ho_chieu,
    "ho-kinh-doanh": _ho_kinh_doanh,
    "ket-hon": _ket_hon,
    "khai-tu": _khai_tu,
    "ly-lich-tu-phap": _ly_lich_tu_phap,
    "ly-lich-tu-phap-mau-02": _ly_lich_tu_phap_mau_02,
    "xac-nhan-tinh-trang-hon-nhan": _xac_nhan_tinh_trang_hon_nhan,
}
