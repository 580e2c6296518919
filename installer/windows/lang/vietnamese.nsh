; Vietnamese texts of the installer's own pages and messages (the standard pages use
; NSIS's Vietnamese.nlf). Every name here has its English twin in english.nsh, in the same
; order: tests/packaging/test_nsis.py checks that they pair up.

LangString KioskUserTitle ${LANG_VIETNAMESE} "Tài khoản kiosk"
LangString KioskUserSubtitle ${LANG_VIETNAMESE} "Tài khoản Windows riêng mà kiosk chạy dưới tên đó."
LangString KioskUserLabel ${LANG_VIETNAMESE} "Tên tài khoản Windows chạy kiosk (tài khoản thường, không phải quản trị). Kiosk tự khởi động khi tài khoản này đăng nhập; chỉ tài khoản này đọc được dữ liệu của kiosk."
LangString MsgUserEmpty ${LANG_VIETNAMESE} "Vui lòng nhập tên tài khoản Windows chạy kiosk."
LangString MsgNoUser ${LANG_VIETNAMESE} "Không tìm thấy tài khoản Windows “$KioskUser” trên máy này. Vui lòng tạo tài khoản đó trước (Cài đặt > Tài khoản > Người dùng khác), hoặc dùng một tài khoản đã có. Chưa có gì được thay đổi."
LangString MsgNeeds64 ${LANG_VIETNAMESE} "Một Cửa Kiosk cần Windows 64-bit. Chưa có gì được thay đổi."
LangString MsgAclFailed ${LANG_VIETNAMESE} "Không đặt được quyền riêng cho thư mục $DataRoot (icacls báo lỗi $0). Vui lòng chạy lại trình cài đặt với quyền quản trị."
LangString MsgTaskFailed ${LANG_VIETNAMESE} "Không đăng ký được việc tự khởi động kiosk trong Task Scheduler (schtasks báo lỗi $0). Vui lòng kiểm tra dịch vụ Task Scheduler đang chạy, rồi cài đặt lại."
LangString FinishText ${LANG_VIETNAMESE} "Một Cửa Kiosk đã được cài đặt.$\r$\n$\r$\nMã thiết lập: $SetupCode$\r$\n$\r$\nVui lòng ghi lại mã này. Khi tài khoản “$KioskUser” đăng nhập lần đầu, kiosk mở ra và hỏi mã này để bắt đầu thiết lập (tên trung tâm, số kiosk, máy chủ, máy in). Mã cũng nằm trong tệp $DataRoot\kiosk.toml."
LangString FinishTextKept ${LANG_VIETNAMESE} "Một Cửa Kiosk đã được cập nhật.$\r$\n$\r$\nCấu hình trong $DataRoot\kiosk.toml và dữ liệu của kiosk được giữ nguyên."
LangString DetailDataKept ${LANG_VIETNAMESE} "Cấu hình và dữ liệu của kiosk vẫn nằm trong $DataRoot. Muốn xoá cả chúng, vui lòng gỡ cài đặt với /PURGE."
LangString MsgBadSetupCode ${LANG_VIETNAMESE} "Mã thiết lập “$SetupCode” không dùng được: vui lòng dùng từ 8 đến 64 chữ cái không dấu, chữ số hoặc dấu gạch ngang. Chưa có gì được thay đổi."
