<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>Audit</name>
    <message>
        <source>Cán bộ</source>
        <extracomment>Shown for a detail an older entry does not have.</extracomment>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Bộ phận CNTT</source>
        <translation>IT</translation>
    </message>
    <message>
        <source>Công dân</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Kiosk (tự động)</source>
        <translation>Kiosk (automatic)</translation>
    </message>
    <message>
        <source>Nhập sai mã PIN, còn {remaining} lần thử</source>
        <translation>Wrong PIN, {remaining} tries left</translation>
    </message>
    <message>
        <source>Nhập mã PIN khi đang bị tạm khóa</source>
        <translation>PIN entered while locked out</translation>
    </message>
    <message>
        <source>Thử mở khóa khi chưa đặt mã PIN</source>
        <translation>Unlock tried before a PIN was set</translation>
    </message>
    <message>
        <source>Mở khóa chế độ cán bộ không thành công</source>
        <translation>Staff mode unlock failed</translation>
    </message>
    <message>
        <source>Sai mã PIN {attempts} lần: tạm khóa nhập mã PIN đến {until}</source>
        <translation>{attempts} wrong PINs: PIN entry locked until {until}</translation>
    </message>
    <message>
        <source>Gửi lại tờ khai {subject} bị máy chủ từ chối</source>
        <translation>Declaration {subject}, refused by the server, sent again</translation>
    </message>
    <message>
        <source>Bỏ gửi tờ khai {subject} và xóa dữ liệu cá nhân: {reason}</source>
        <translation>Declaration {subject} discarded and its personal data deleted: {reason}</translation>
    </message>
    <message>
        <source>Bỏ gửi tài khoản (mục số {entry}) và xóa dữ liệu cá nhân: {reason}</source>
        <translation>Cancelled the upload of an account (item {entry}) and deleted its personal data: {reason}</translation>
    </message>
    <message>
        <source>Xóa cán bộ {member}</source>
        <translation>Removed staff member {member}</translation>
    </message>
    <message>
        <source>Mở khóa chế độ cán bộ</source>
        <translation>Staff mode unlocked</translation>
    </message>
    <message>
        <source>Khóa chế độ cán bộ</source>
        <translation>Staff mode locked</translation>
    </message>
    <message>
        <source>Hủy phiếu {label}: {reason}</source>
        <translation>Voided ticket {label}: {reason}</translation>
    </message>
    <message>
        <source>Lưu tờ khai {reference}</source>
        <translation>Declaration {reference} saved</translation>
    </message>
    <message>
        <source>Xem tờ khai {reference}</source>
        <translation>Declaration {reference} viewed</translation>
    </message>
    <message>
        <source>Xuất tờ khai {reference} ra tệp PDF</source>
        <translation>Declaration {reference} exported as a PDF file</translation>
    </message>
    <message>
        <source>In tờ khai {reference} ra máy in {printer}</source>
        <translation>Declaration {reference} printed on printer {printer}</translation>
    </message>
    <message>
        <source>Gửi lại phiếu {subject} bị máy chủ từ chối</source>
        <translation>Resent ticket {subject} refused by the server</translation>
    </message>
    <message>
        <source>Gửi lại tài khoản bị máy chủ từ chối (mục số {entry})</source>
        <translation>Resent an account refused by the server (item {entry})</translation>
    </message>
    <message>
        <source>Gửi lại mục số {entry} bị máy chủ từ chối</source>
        <translation>Resent item {entry} refused by the server</translation>
    </message>
    <message>
        <source>Bỏ gửi phiếu {subject}: {reason}</source>
        <translation>Cancelled the upload of ticket {subject}: {reason}</translation>
    </message>
    <message>
        <source>Bỏ gửi mục số {entry}: {reason}</source>
        <translation>Cancelled the upload of item {entry}: {reason}</translation>
    </message>
    <message>
        <source>Đổi mã PIN của {member}</source>
        <translation>Changed the PIN of {member}</translation>
    </message>
    <message>
        <source>Thêm cán bộ {member} (mã {code})</source>
        <translation>Added staff member {member} (code {code})</translation>
    </message>
    <message>
        <source>Thêm cán bộ {member}</source>
        <translation>Added staff member {member}</translation>
    </message>
    <message>
        <source>Mục số {entry} bị máy chủ từ chối, quá {days} ngày chưa xử lý: bỏ gửi</source>
        <translation>Item {entry}, refused by the server, left unresolved for {days} days: upload cancelled</translation>
    </message>
    <message>
        <source>In thử máy in phiếu: máy in chưa in được</source>
        <translation>Receipt printer test: the printer did not print</translation>
    </message>
    <message>
        <source>In thử máy in phiếu</source>
        <translation>Receipt printer test</translation>
    </message>
    <message>
        <source>Đặt mã PIN cán bộ mới</source>
        <translation>New staff PIN set</translation>
    </message>
    <message>
        <source>Gỡ tạm khóa nhập mã PIN (đã nhập sai {attempts} lần)</source>
        <translation>Lifted the PIN lock-out ({attempts} wrong PINs)</translation>
    </message>
    <message>
        <source>Xóa số lần nhập sai mã PIN (đã nhập sai {attempts} lần, chưa bị khóa)</source>
        <translation>Cleared the count of wrong PINs ({attempts} wrong, not locked)</translation>
    </message>
    <message>
        <source>Tờ khai {subject} bị máy chủ từ chối, quá {days} ngày chưa xử lý: bỏ gửi và xóa dữ liệu cá nhân</source>
        <translation>Declaration {subject} refused by the server and not dealt with for {days} days: discarded and its personal data deleted</translation>
    </message>
    <message>
        <source>Tài khoản (mục số {entry}) bị máy chủ từ chối, quá {days} ngày chưa xử lý: bỏ gửi và xóa dữ liệu cá nhân</source>
        <translation>Account (item {entry}), refused by the server, left unresolved for {days} days: upload cancelled and its personal data deleted</translation>
    </message>
    <message>
        <source>Xóa dữ liệu cá nhân quá {days} ngày: {declarations} tờ khai, {accounts} tài khoản, {refused} mục bị từ chối</source>
        <translation>Personal data older than {days} days deleted: {declarations} declarations, {accounts} accounts, {refused} refused uploads</translation>
    </message>
    <message>
        <source>Xóa dữ liệu không đọc được do mất khóa mã hóa: {declarations} tờ khai, {accounts} tài khoản, {entries} mục chờ gửi</source>
        <translation>Data unreadable after the encryption key was lost deleted: {declarations} declarations, {accounts} accounts, {entries} waiting entries</translation>
    </message>
    <message>
        <source>Đặt lại mã PIN của {member} (không cần mã cũ)</source>
        <translation>Reset the PIN of {member} (without the old one)</translation>
    </message>
    <message>
        <source>Thoát chế độ kiosk</source>
        <translation>Left kiosk mode</translation>
    </message>
    <message>
        <source>Tắt phần mềm kiosk</source>
        <translation>Kiosk software closed</translation>
    </message>
    <message>
        <source>Đồng bộ ngay với máy chủ</source>
        <translation>Synced with the server now</translation>
    </message>
    <message>
        <source>In lại phiếu {label}</source>
        <translation>Reprinted ticket {label}</translation>
    </message>
    <message>
        <source>Đăng ký kiosk với máy chủ {server_url}</source>
        <translation>Kiosk enrolled with the server {server_url}</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>Cấp bộ</source>
        <translation>Ministry level</translation>
    </message>
    <message>
        <source>Cấp tỉnh</source>
        <translation>Province level</translation>
    </message>
    <message>
        <source>Cấp xã</source>
        <translation>Commune level</translation>
    </message>
    <message>
        <source>Cơ quan khác</source>
        <translation>Other agencies</translation>
    </message>
    <message>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <source>Giấy tờ phải nộp</source>
        <translation>Documents to hand in</translation>
    </message>
    <message>
        <source>Giấy tờ phải xuất trình</source>
        <translation>Documents to show</translation>
    </message>
    <message>
        <source>Giấy tờ khác</source>
        <translation>Other documents</translation>
    </message>
    <message>
        <source>{count} bản chính</source>
        <translation>Originals: {count}</translation>
    </message>
    <message>
        <source>{count} bản sao</source>
        <translation>Copies: {count}</translation>
    </message>
    <message>
        <source>{days} ngày làm việc</source>
        <translation>{days} working days</translation>
    </message>
    <message>
        <source>Không mất lệ phí</source>
        <translation>No fee</translation>
    </message>
    <message>
        <source>{amount} đồng</source>
        <translation>{amount} VND</translation>
    </message>
    <message>
        <source>Chưa có thông tin, vui lòng hỏi cán bộ tại quầy</source>
        <translation>Not stated yet; please ask the staff at the counter</translation>
    </message>
</context>
<context>
    <name>Clock</name>
    <message>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ Nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>{weekday}, {day:02d}/{month:02d}/{year}</source>
        <translation>{weekday}, {day:02d}/{month:02d}/{year}</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>Bấm vào từng mục Ông/Bà đồng ý:</source>
        <extracomment>The notice&apos;s column: lines longer than this are hard to follow. A purpose row is at least this high at 100 % text, more at larger text. &quot;Đồng ý và tiếp tục&quot;: the ticked purpose ids (``frozenset[str]``). &quot;Không đồng ý&quot;.</extracomment>
        <translation>Tap each item you agree to:</translation>
    </message>
    <message>
        <source>Đồng ý và tiếp tục</source>
        <translation>Agree and continue</translation>
    </message>
    <message>
        <source>Không đồng ý</source>
        <translation>Do not agree</translation>
    </message>
    <message>
        <source>Vui lòng đọc thông báo về xử lý dữ liệu cá nhân và đánh dấu đồng ý các mục cần thiết trước khi tiếp tục. Thông tin của Ông/Bà chưa được lưu.</source>
        <translation>Please read the notice on the processing of personal data and tick the items needed before continuing. Nothing you entered has been stored.</translation>
    </message>
    <message>
        <source>Thông báo không có mục đích “{purpose}”.</source>
        <translation>The notice has no purpose “{purpose}”.</translation>
    </message>
</context>
<context>
    <name>Declarations</name>
    <message>
        <source>Tờ khai còn {count} mục cần xem lại trước khi lưu.</source>
        <translation>The declaration has {count} items to check before it can be saved.</translation>
    </message>
    <message>
        <source>Không tìm thấy tờ khai có mã “{reference}”.</source>
        <translation>No declaration with the code “{reference}” was found.</translation>
    </message>
    <message>
        <source>Tờ khai {reference} đã được chuyển về trung tâm và xóa khỏi kiosk; vui lòng tra cứu tại quầy.</source>
        <translation>Declaration {reference} has been passed to the centre and deleted from the kiosk; please look it up at the counter.</translation>
    </message>
    <message>
        <source>Máy chủ không nhận tờ khai {reference}; cán bộ đã hủy gửi và xóa dữ liệu khỏi kiosk.</source>
        <translation>The server did not accept declaration {reference}; staff cancelled the upload and deleted the data from the kiosk.</translation>
    </message>
</context>
<context>
    <name>EndVisitOverlay</name>
    <message>
        <source>Kết thúc và về trang chủ?</source>
        <translation>Finish and go back to the start?</translation>
    </message>
    <message>
        <source>Mọi thông tin đã chọn và đã nhập trên kiosk sẽ được xóa để bảo vệ thông tin cá nhân. Tờ khai đã lưu vẫn được giữ để cán bộ tại quầy tra cứu.</source>
        <translation>Everything chosen and typed on the kiosk will be erased to protect personal information. Saved declarations are kept for the counter staff to look up.</translation>
    </message>
    <message>
        <source>Ở lại</source>
        <translation>Stay</translation>
    </message>
    <message>
        <source>Kết thúc</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <source>Xin lỗi, đã có sự cố.</source>
        <extracomment>The card&apos;s width at most: the message stays a compact block on a wide panel.</extracomment>
        <translation>Sorry, something went wrong.</translation>
    </message>
    <message>
        <source>Vui lòng liên hệ cán bộ tại quầy.</source>
        <translation>Please ask the staff at the counter for help.</translation>
    </message>
    <message>
        <source>Kiosk sẽ tự trở về trang chủ trong giây lát.</source>
        <translation>The kiosk will return to the home screen in a moment.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Kiosk đang khởi động, vui lòng thử lại sau giây lát.</source>
        <extracomment>Qt&apos;s logging categories that lay out or draw text; their messages may quote it. Words of an uncategorised Qt message that is about text (``QFont…``, glyphs).</extracomment>
        <translation>The kiosk is still starting up. Please try again in a moment.</translation>
    </message>
    <message>
        <source>Tệp danh mục thủ tục {path} không hợp lệ: {detail}</source>
        <translation>The procedure catalogue file {path} is not valid: {detail}</translation>
    </message>
    <message>
        <source>Tệp danh mục thủ tục {path} có {size} MB, vượt giới hạn {limit} MB; danh mục đang dùng không thay đổi. Vui lòng rút gọn tệp (bớt thủ tục hoặc nội dung quá dài) rồi nhập lại.</source>
        <translation>The catalogue file {path} is {size} MB, over the {limit} MB limit; the catalogue in use has not changed. Please make the file smaller (fewer procedures or less long text) and import it again.</translation>
    </message>
    <message>
        <source>Không tìm thấy thủ tục có mã {code}.</source>
        <translation>No procedure with code {code} was found.</translation>
    </message>
    <message>
        <source>Không tìm thấy lĩnh vực có mã {code}.</source>
        <translation>No field with code {code} was found.</translation>
    </message>
    <message>
        <source>Đã có lỗi xảy ra.</source>
        <translation>Something went wrong.</translation>
    </message>
    <message>
        <source>Tệp cấu hình không hợp lệ: {detail}</source>
        <extracomment>An expected failure with a message fit to show. It is the wire&apos;s class, not a subclass: the checks the kiosk shares with its server (``wire.validation``, ``wire.checks``) raise it without knowing the kiosk, and the UI presents what they refuse like any other expected failure.</extracomment>
        <translation>The configuration file is not valid: {detail}</translation>
    </message>
    <message>
        <source>Không ghi được vào thư mục dữ liệu {path}: {detail}</source>
        <translation>Cannot write to the data folder {path}: {detail}</translation>
    </message>
    <message>
        <source>Không mở được cơ sở dữ liệu {path}: {detail}</source>
        <translation>Cannot open the database {path}: {detail}</translation>
    </message>
    <message>
        <source>Chưa đặt mã PIN cán bộ. Bộ phận CNTT đặt bằng lệnh: kiosk staff set-pin</source>
        <translation>No staff PIN has been set. IT staff can set one with the command: kiosk staff set-pin</translation>
    </message>
    <message>
        <source>Mã PIN không đúng. Còn {remaining} lần thử.</source>
        <translation>Wrong PIN. {remaining} attempts left.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu {path} thuộc phiên bản phần mềm mới hơn (lược đồ {revision}). Vui lòng cập nhật phần mềm kiosk; dữ liệu được giữ nguyên.</source>
        <translation>The database {path} was written by a newer version of the software (schema {revision}). Please update the kiosk software; your data has been left unchanged.</translation>
    </message>
    <message>
        <source>Nhập sai mã PIN quá nhiều lần. Tạm khóa {minutes} phút, đến {until}. Vui lòng thử lại sau hoặc nhờ bộ phận CNTT mở khóa.</source>
        <translation>Too many wrong PINs. Locked for {minutes} minutes, until {until}. Please try again later or ask IT to unlock it.</translation>
    </message>
    <message>
        <source>Nhập sai mã PIN quá nhiều lần. Tạm khóa {hours} giờ, đến {until}. Vui lòng thử lại sau hoặc nhờ bộ phận CNTT mở khóa.</source>
        <translation>Too many wrong PINs. Locked for {hours} hours, until {until}. Please try again later or ask IT to unlock it.</translation>
    </message>
    <message>
        <source>Mã PIN phải gồm từ 6 đến 12 chữ số (0–9). Vui lòng nhập lại.</source>
        <translation>The PIN must be 6 to 12 digits (0–9). Please enter it again.</translation>
    </message>
    <message>
        <source>Mã PIN này trùng với mã của một cán bộ khác. Vui lòng chọn mã khác.</source>
        <translation>Another staff member has this PIN. Please choose a different one.</translation>
    </message>
    <message>
        <source>Mã PIN cũ không đúng, chưa có gì thay đổi. Vui lòng nhập đúng mã PIN cũ, hoặc nhờ bộ phận CNTT đặt lại: kiosk staff set-pin TÊN --reset</source>
        <translation>The old PIN is wrong; nothing was changed. Please enter the right old PIN, or ask IT to reset it: kiosk staff set-pin NAME --reset</translation>
    </message>
    <message>
        <source>Không có cán bộ nào có tên hoặc mã này. Xem danh sách bằng lệnh: kiosk staff list</source>
        <translation>No staff member has this name or code. See the list with: kiosk staff list</translation>
    </message>
    <message>
        <source>Đã có cán bộ trùng tên hoặc trùng mã này. Vui lòng chọn tên hoặc mã khác.</source>
        <translation>A staff member already has this name or code. Please choose another.</translation>
    </message>
    <message>
        <source>Kiosk có nhiều cán bộ. Vui lòng ghi tên hoặc mã của cán bộ, ví dụ: kiosk staff set-pin TÊN</source>
        <translation>This kiosk has several staff members. Please give the member&apos;s name or code, for example: kiosk staff set-pin NAME</translation>
    </message>
    <message>
        <source>Tên cán bộ phải có từ 1 đến {limit} ký tự, trong đó có chữ cái. Vui lòng nhập lại.</source>
        <translation>A staff member&apos;s name must be 1 to {limit} characters and include a letter. Please enter it again.</translation>
    </message>
    <message>
        <source>Mã cán bộ gồm 1 đến {limit} chữ cái không dấu hoặc chữ số, ví dụ CB01. Vui lòng nhập lại.</source>
        <translation>A staff code is 1 to {limit} unaccented letters or digits, for example CB01. Please enter it again.</translation>
    </message>
    <message>
        <source>Thao tác này dành cho cán bộ. Vui lòng mở khóa chế độ cán bộ bằng mã PIN.</source>
        <translation>This is for staff. Please unlock staff mode with the PIN.</translation>
    </message>
    <message>
        <source>Chế độ cán bộ đã khóa. Vui lòng nhập lại mã PIN để tiếp tục.</source>
        <translation>Staff mode is locked. Please enter the PIN again to continue.</translation>
    </message>
    <message>
        <source>Quyền cán bộ không hợp lệ. Vui lòng mở khóa lại chế độ cán bộ.</source>
        <translation>The staff permission is not valid. Please unlock staff mode again.</translation>
    </message>
    <message>
        <source>Vui lòng ghi lý do.</source>
        <translation>Please give a reason.</translation>
    </message>
    <message>
        <source>Lý do dài quá {limit} ký tự, vui lòng ghi ngắn lại.</source>
        <translation>The reason is longer than {limit} characters; please shorten it.</translation>
    </message>
    <message>
        <source>Máy in gặp lỗi nên chưa in được phiếu.</source>
        <translation>The printer failed, so the ticket was not printed.</translation>
    </message>
    <message>
        <source>Địa chỉ máy in không hợp lệ: {uri}</source>
        <translation>Invalid printer address: {uri}</translation>
    </message>
    <message>
        <source>Máy in chưa sẵn sàng: không kết nối được với máy in. Vui lòng báo cán bộ.</source>
        <translation>The printer is not ready: it cannot be reached. Please tell a staff member.</translation>
    </message>
    <message>
        <source>Máy in không phản hồi nên phiếu có thể chưa được in. Vui lòng báo cán bộ.</source>
        <translation>The printer is not responding, so the ticket may not have printed. Please tell a staff member.</translation>
    </message>
    <message>
        <source>Mất kết nối với máy in khi đang in; phiếu có thể chưa in hết.</source>
        <translation>The connection to the printer was lost while printing; the ticket may be incomplete.</translation>
    </message>
    <message>
        <source>Máy in hết giấy. Vui lòng báo cán bộ thay giấy.</source>
        <translation>The printer is out of paper. Please ask a staff member to refill it.</translation>
    </message>
    <message>
        <source>Nắp máy in đang mở. Vui lòng báo cán bộ đóng nắp.</source>
        <translation>The printer cover is open. Please ask a staff member to close it.</translation>
    </message>
    <message>
        <source>Máy in đang tạm dừng nên chưa in được phiếu. Vui lòng báo cán bộ.</source>
        <translation>The printer is paused (offline), so the ticket was not printed. Please tell a member of staff.</translation>
    </message>
    <message>
        <source>Máy in đang báo lỗi nên chưa in được phiếu. Vui lòng báo cán bộ.</source>
        <translation>The printer reports an error, so the ticket was not printed. Please tell a member of staff.</translation>
    </message>
    <message>
        <source>Không tìm thấy tờ khai “{form_id}”.</source>
        <translation>Form “{form_id}” was not found.</translation>
    </message>
    <message>
        <source>Chưa gửi được tờ khai đến máy in A4. Vui lòng báo cán bộ.</source>
        <translation>The form could not be sent to the A4 printer. Please tell a staff member.</translation>
    </message>
    <message>
        <source>Kiosk này chưa được cài đặt máy in A4 (office_printer) để in tờ khai.</source>
        <translation>This kiosk has no A4 printer (office_printer) set up to print forms.</translation>
    </message>
    <message>
        <source>Không tìm thấy máy in A4 “{queue}”. Vui lòng báo cán bộ kiểm tra cài đặt.</source>
        <translation>The A4 printer “{queue}” was not found. Please ask a staff member to check the settings.</translation>
    </message>
    <message>
        <source>Máy tính này chưa cài đặt hệ thống in nên chưa in được tờ khai.</source>
        <translation>This computer has no printing system installed, so the form cannot be printed.</translation>
    </message>
    <message>
        <source>Hệ thống in không phản hồi nên tờ khai có thể chưa được in. Vui lòng báo cán bộ.</source>
        <translation>The printing system did not answer, so the form may not have been printed. Please tell a staff member.</translation>
    </message>
    <message>
        <source>Mã PIN cần có ít nhất 3 chữ số khác nhau (không dùng mã như 111111 hay 121212). Vui lòng chọn 6 đến 12 chữ số không theo quy luật nào.</source>
        <extracomment>At least this many different digits. ASCII digits only: ``str.isdigit`` would also accept &quot;٣&quot; or &quot;²&quot;.</extracomment>
        <translation>The PIN needs at least 3 different digits (not 111111 or 121212). Please choose 6 to 12 digits that follow no pattern.</translation>
    </message>
    <message>
        <source>Mã PIN không được là một nhóm số lặp lại (như 123123). Vui lòng chọn 6 đến 12 chữ số không theo quy luật nào.</source>
        <translation>The PIN cannot be a repeated group of digits (like 123123). Please choose 6 to 12 digits that follow no pattern.</translation>
    </message>
    <message>
        <source>Mã PIN không được là dãy số liên tiếp (như 123456 hay 654321). Vui lòng chọn 6 đến 12 chữ số không theo quy luật nào.</source>
        <translation>The PIN cannot be a run of digits (like 123456 or 654321). Please choose 6 to 12 digits that follow no pattern.</translation>
    </message>
    <message>
        <source>Mã PIN không được là ngày tháng (như ngày sinh 150390 hay 15031990). Vui lòng chọn 6 đến 12 chữ số không theo quy luật nào.</source>
        <translation>The PIN cannot be a date (like the birthday 150390 or 15031990). Please choose 6 to 12 digits that follow no pattern.</translation>
    </message>
    <message>
        <source>Kiosk chưa có khóa mã hóa dữ liệu nên chưa lưu được thông tin cá nhân; thông tin chưa được lưu. Vui lòng báo cán bộ để được hỗ trợ.</source>
        <translation>The kiosk has no data encryption key yet, so it cannot store personal information; your information has not been saved. Please ask a staff member for help.</translation>
    </message>
    <message>
        <source>Không đọc được dữ liệu của tờ khai {reference} trên kiosk này vì khóa mã hóa đã mất hoặc không đúng. Vui lòng báo bộ phận CNTT (lệnh: python -m kiosk doctor).</source>
        <translation>The data of declaration {reference} cannot be read on this kiosk because the encryption key is lost or wrong. Please tell IT (command: python -m kiosk doctor).</translation>
    </message>
    <message>
        <source>Không dùng được kho khóa của hệ điều hành để giữ khóa mã hóa dữ liệu: {detail}. Bộ phận CNTT: sửa kho khóa hoặc đặt data_key_file, rồi chạy python -m kiosk doctor.</source>
        <translation>The operating system&apos;s keyring cannot keep the data encryption key: {detail}. IT: fix the keyring or set data_key_file, then run python -m kiosk doctor.</translation>
    </message>
    <message>
        <source>Không dùng được tệp khóa dữ liệu {path}: {detail}. Bộ phận CNTT: xem docs/privacy.md, mục “Encryption at rest”.</source>
        <translation>The data key file {path} cannot be used: {detail}. IT: see docs/privacy.md, section “Encryption at rest”.</translation>
    </message>
    <message>
        <source>Tệp khóa dữ liệu {path} có quyền {mode}: người khác đọc hoặc sửa được nên kiosk không dùng. Bộ phận CNTT: chown root:&lt;tài khoản chạy kiosk&gt; {path}; chmod 640 {path}; rồi khởi động lại kiosk.</source>
        <translation>The data key file {path} has permissions {mode}: others can read or change it, so the kiosk does not use it. IT: chown root:&lt;kiosk user&gt; {path}; chmod 640 {path}; then restart the kiosk.</translation>
    </message>
    <message>
        <source>Tệp khóa dữ liệu {path} nằm trong thư mục dữ liệu {data_dir}: ai sao chép dữ liệu sẽ có cả khóa. Bộ phận CNTT: chuyển tệp ra ngoài (ví dụ /etc/mot-cua-kiosk/) và sửa data_key_file.</source>
        <translation>The data key file {path} is inside the data folder {data_dir}: whoever copies the data would get the key too. IT: move the file out (for example to /etc/mot-cua-kiosk/) and change data_key_file.</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Chọn tờ khai cần điền. Khai từng bước, xem lại, rồi lưu và nhận phiếu tờ khai để mang đến quầy nộp hồ sơ.</source>
        <extracomment>A card read before a form was chosen waits to fill the one chosen.</extracomment>
        <translation>Choose the declaration to fill in. Fill it in step by step, review it, then save it and take the declaration slip to the counter to hand in your dossier.</translation>
    </message>
    <message>
        <source>Đang tải danh sách tờ khai…</source>
        <translation>Loading the forms…</translation>
    </message>
    <message>
        <source>Kiosk này chưa có tờ khai nào. Vui lòng hỏi cán bộ tại quầy.</source>
        <translation>This kiosk has no forms yet. Please ask the staff at the counter.</translation>
    </message>
    <message>
        <source>Có thể quét mã QR trên thẻ căn cước để điền sẵn thông tin.</source>
        <translation>You can scan the QR code on your ID card to fill in your details automatically.</translation>
    </message>
    <message>
        <source>In lại</source>
        <translation>Print again</translation>
    </message>
    <message>
        <source>Lỗi máy in: {error}</source>
        <translation>Printer error: {error}</translation>
    </message>
    <message>
        <source>Đang gửi tờ khai đến máy in…</source>
        <translation>Sending the form to the printer…</translation>
    </message>
    <message>
        <source>Đã lưu tờ khai</source>
        <translation>Declaration saved</translation>
    </message>
    <message>
        <source>Mã tờ khai</source>
        <translation>Declaration code</translation>
    </message>
    <message>
        <source>Vui lòng mang phiếu tờ khai đến quầy để nộp hồ sơ, kèm các giấy tờ ghi trên phiếu. Tại quầy, cán bộ tìm tờ khai theo mã này, kiểm tra, tiếp nhận hồ sơ và trao giấy tiếp nhận hồ sơ, hẹn ngày trả kết quả. Hồ sơ chỉ được tính là đã nộp khi quầy tiếp nhận.</source>
        <translation>Please bring the declaration slip to the counter to hand in your dossier, with the papers listed on the slip. At the counter, staff find the declaration by this code, check it, receive the dossier and give you the official receipt with the date your result is due. The dossier counts as handed in only once the counter has received it.</translation>
    </message>
    <message>
        <source>Mã QR của mã tờ khai</source>
        <translation>QR code of the declaration code</translation>
    </message>
    <message>
        <source>Đang in phiếu tờ khai…</source>
        <translation>Printing the declaration slip…</translation>
    </message>
    <message>
        <source>Máy in đang gặp sự cố nên chưa in được phiếu tờ khai. Tờ khai đã được lưu; vui lòng chụp ảnh màn hình này hoặc ghi lại mã tờ khai để đưa cán bộ tại quầy.</source>
        <translation>The printer has a problem, so the declaration slip was not printed. The declaration has been saved; please take a photo of this screen or write down the declaration code to show the staff at the counter.</translation>
    </message>
    <message>
        <source>Tờ khai đang được in ở máy in của bộ phận một cửa; vui lòng nhận tại quầy.</source>
        <translation>The declaration is being printed on the one-stop office&apos;s printer; please collect it at the counter.</translation>
    </message>
    <message>
        <source>Chưa in được tờ khai khổ A4.</source>
        <translation>The A4 form could not be printed.</translation>
    </message>
    <message>
        <source>Cần bản giấy của tờ khai? Kiosk in được ở máy in của bộ phận một cửa.</source>
        <translation>Need the form on paper? The kiosk can print it on the one-stop counter&apos;s printer.</translation>
    </message>
    <message>
        <source>In tờ khai khổ A4</source>
        <translation>Print the A4 form</translation>
    </message>
    <message>
        <source>Đã điền địa chỉ: {address}. Nếu địa chỉ khác, bấm lại nút trên để sửa.</source>
        <translation>Address filled in: {address}. If the address is different, tap the button above again to change it.</translation>
    </message>
    <message>
        <source>Chọn tỉnh/thành phố trước, rồi chọn xã/phường/đặc khu</source>
        <translation>Choose the province/city first, then the commune/ward/special zone</translation>
    </message>
    <message>
        <source>Bấm để chọn xã/phường/đặc khu</source>
        <translation>Tap to choose the commune/ward/special zone</translation>
    </message>
    <message>
        <source>Số nhà, tên đường; hoặc thôn, tổ dân phố</source>
        <translation>House number and street; or village or residential group</translation>
    </message>
    <message>
        <source>Tỉnh/thành phố</source>
        <translation>Province/city</translation>
    </message>
    <message>
        <source>Xã/phường/đặc khu</source>
        <translation>Commune/ward/special zone</translation>
    </message>
    <message>
        <source>Bấm để chọn tỉnh/thành phố</source>
        <translation>Tap to choose the province/city</translation>
    </message>
    <message>
        <source>(không bắt buộc)</source>
        <translation>(optional)</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Nhập năm sinh, ví dụ 1962.</source>
        <translation>Enter the year of birth, for example 1962.</translation>
    </message>
    <message>
        <source>Nhập ngày/tháng/năm, ví dụ 05/09/1990.</source>
        <translation>Enter day/month/year, for example 05/09/1990.</translation>
    </message>
    <message>
        <source>Chỉ biết năm</source>
        <translation>Year only</translation>
    </message>
    <message>
        <source>Đóng bảng chọn ngày</source>
        <translation>Close the date picker</translation>
    </message>
    <message>
        <source>Chọn ngày</source>
        <translation>Choose a date</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>+10 năm</source>
        <translation>+10 years</translation>
    </message>
    <message>
        <source>−10 năm</source>
        <translation>−10 years</translation>
    </message>
    <message>
        <source>Số {number}</source>
        <translation>No. {number}</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>+ Thêm</source>
        <translation>+ Add</translation>
    </message>
    <message>
        <source>Gõ vài chữ để tìm, không cần dấu</source>
        <translation>Type a few letters to search; accents are not needed</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Bấm để chọn</source>
        <translation>Tap to choose</translation>
    </message>
    <message>
        <source>Dừng điền tờ khai?</source>
        <translation>Stop filling in the form?</translation>
    </message>
    <message>
        <source>Tiếp tục điền</source>
        <translation>Keep filling in</translation>
    </message>
    <message>
        <source>Bỏ tờ khai</source>
        <translation>Discard the form</translation>
    </message>
    <message>
        <source>Xác nhận địa chỉ</source>
        <translation>Confirm your address</translation>
    </message>
    <message>
        <source>Những thông tin Ông/Bà đã nhập sẽ bị xóa khỏi kiosk và không được lưu lại.</source>
        <translation>What you have entered will be erased from the kiosk and not saved.</translation>
    </message>
    <message>
        <source>Từ ngày 01/07/2025 nhiều xã, phường và tỉnh đã được sắp xếp lại. Địa chỉ trên thẻ của Ông/Bà được đổi sang tên mới như dưới đây. Địa chỉ mới có đúng không?</source>
        <translation>Since 01/07/2025 many communes, wards and provinces have been reorganised. The address on your card has been changed to the new names shown below. Is the new address correct?</translation>
    </message>
    <message>
        <source>Thẻ căn cước mới ghi nơi cư trú, có thể là nơi tạm trú. Tờ khai này cần nơi thường trú: địa chỉ trên thẻ có phải nơi thường trú của Ông/Bà không?</source>
        <translation>New ID cards show the place of residence, which may be a temporary one. This declaration needs the permanent residence: is the address on the card your permanent residence?</translation>
    </message>
    <message>
        <source>Địa chỉ trên thẻ</source>
        <translation>Address on the card</translation>
    </message>
    <message>
        <source>Địa chỉ mới sau sắp xếp</source>
        <translation>New address after the reorganisation</translation>
    </message>
    <message>
        <source>Đúng, là nơi thường trú</source>
        <translation>Yes, it is my permanent residence</translation>
    </message>
    <message>
        <source>Đúng, dùng địa chỉ mới</source>
        <translation>Yes, use the new address</translation>
    </message>
    <message>
        <source>Sửa địa chỉ</source>
        <translation>Edit the address</translation>
    </message>
    <message>
        <source>Thẻ này của ai?</source>
        <translation>Whose card is this?</translation>
    </message>
    <message>
        <source>Đã đọc thẻ căn cước. Vui lòng chọn người có tên trên thẻ.</source>
        <translation>The ID card has been read. Please choose the person named on the card.</translation>
    </message>
    <message>
        <source>Không điền từ thẻ</source>
        <translation>Do not fill from the card</translation>
    </message>
    <message>
        <source>Xem lại trước khi lưu</source>
        <translation>Review before saving</translation>
    </message>
    <message>
        <source>Kiểm tra từng mục. Bấm “Sửa” để thay đổi; khi mọi thứ đã đúng, bấm “Lưu tờ khai”.</source>
        <translation>Check each part. Press “Edit” to change something; when everything is right, press “Save declaration”.</translation>
    </message>
    <message>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Sửa: {section}</source>
        <translation>Edit: {section}</translation>
    </message>
    <message>
        <source>(chưa điền)</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <source>Đã điền từ thẻ căn cước: {fields}. Vui lòng kiểm tra lại trước khi tiếp tục.</source>
        <translation>Filled in from your ID card: {fields}. Please check them before you continue.</translation>
    </message>
    <message>
        <source>Đã điền thông tin {holder} từ thẻ căn cước: {fields}. Vui lòng kiểm tra lại trước khi tiếp tục.</source>
        <translation>Filled in from the ID card for {holder}: {fields}. Please check before you continue.</translation>
    </message>
    <message>
        <source>Bước {step}/{total}</source>
        <translation>Step {step} of {total}</translation>
    </message>
    <message>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Lưu tờ khai</source>
        <translation>Save declaration</translation>
    </message>
    <message>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <source>Lấy số thứ tự</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <source>Vui lòng chọn tỉnh/thành phố.</source>
        <translation>Please choose the province/city.</translation>
    </message>
    <message>
        <source>Vui lòng chọn xã/phường/đặc khu.</source>
        <translation>Please choose the commune/ward/special zone.</translation>
    </message>
    <message>
        <source>Đã đọc thẻ căn cước. Ông/Bà muốn điền tờ khai nào?</source>
        <translation>The ID card has been read. Which declaration would you like to fill in?</translation>
    </message>
    <message>
        <source>Phiếu tờ khai đã được in, vui lòng nhận ở khe máy in.</source>
        <translation>The declaration slip has been printed. Please take it from the printer slot.</translation>
    </message>
    <message>
        <source>Vui lòng ghi số nhà, tên đường hoặc thôn, tổ.</source>
        <translation>Please write the house number and street, or the village or residential group.</translation>
    </message>
    <message>
        <source>Vui lòng đọc thông báo và chọn đồng ý trước, rồi quét lại mã QR trên thẻ căn cước.</source>
        <translation>Please read the notice and agree first, then scan the QR code on the citizen ID card again.</translation>
    </message>
</context>
<context>
    <name>HelpScreen</name>
    <message>
        <source>Hướng dẫn sử dụng</source>
        <translation>How to use this kiosk</translation>
    </message>
    <message>
        <source>1. Bấm vào ô cần làm trên trang chủ: tra cứu thủ tục, điền tờ khai, hướng dẫn VNeID hoặc lấy số thứ tự.</source>
        <translation>1. Tap what you need on the home screen: look up a procedure, fill in a declaration, the VNeID guide or take a queue number.</translation>
    </message>
    <message>
        <source>2. Làm theo từng bước trên màn hình. Có thể bấm «Về trang chủ» bất cứ lúc nào.</source>
        <translation>2. Follow the steps on the screen. You can touch “Back to home” at any time.</translation>
    </message>
    <message>
        <source>3. Chữ nhỏ quá? Bấm «Cỡ chữ» ở cuối trang chủ để phóng to, hoặc «Nền đen, chữ vàng» để chữ rõ hơn.</source>
        <translation>3. Text too small? Tap «Text size» at the bottom of the home screen to enlarge it, or «Yellow on black» to make it clearer.</translation>
    </message>
    <message>
        <source>4. Khi Ông/Bà rời máy, sau một lúc kiosk sẽ tự xóa thông tin đã nhập và trở về trang chủ. Cần giúp đỡ? Vui lòng hỏi cán bộ tại quầy.</source>
        <translation>4. If you walk away, after a while the kiosk erases what you entered and returns to the home screen. Need help? Ask the staff at the counter.</translation>
    </message>
    <message>
        <source>Về trang chủ</source>
        <translation>Back to home</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Cỡ chữ: Vừa</source>
        <translation>Text size: Normal</translation>
    </message>
    <message>
        <source>Cỡ chữ: Lớn</source>
        <translation>Text size: Large</translation>
    </message>
    <message>
        <source>Cỡ chữ: Rất lớn</source>
        <translation>Text size: Largest</translation>
    </message>
    <message>
        <source>Bộ phận một cửa</source>
        <translation>One-stop counter</translation>
    </message>
    <message>
        <source>Kính chào Ông/Bà. Ông/Bà cần làm thủ tục gì?</source>
        <translation>Welcome. Which procedure would you like to do?</translation>
    </message>
    <message>
        <source>Nền đen, chữ vàng</source>
        <translation>Yellow on black</translation>
    </message>
    <message>
        <source>Đã kết nối mạng</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Đang kết nối…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Kiosk vẫn hoạt động khi mất mạng</source>
        <translation>Works without the network</translation>
    </message>
    <message>
        <source>Hướng dẫn</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Biểu trưng của trung tâm</source>
        <translation>Centre emblem</translation>
    </message>
</context>
<context>
    <name>IdCard</name>
    <message>
        <source>Chưa đọc được thẻ. Vui lòng giữ thẻ cách máy quét khoảng 10 cm (mã QR ở mặt trước thẻ CCCD gắn chip, mặt sau thẻ căn cước mới) hoặc nhập tay.</source>
        <translation>The card could not be read. Please hold it about 10 cm from the scanner (the QR code is on the front of a chip citizen ID card, on the back of the new ID card) or type the details in.</translation>
    </message>
    <message>
        <source>Thông tin trên thẻ không khớp nhau. Vui lòng nhập tay các mục của tờ khai.</source>
        <extracomment>The card&apos;s ID number, birth year and gender disagree (or it was issued before the holder was born): scanning again reads the same card.</extracomment>
        <translation>The details on the card do not agree with each other. Please type the declaration&apos;s details in.</translation>
    </message>
    <message>
        <source>Số định danh cá nhân trên thẻ không hợp lệ. Vui lòng nhập tay các mục của tờ khai.</source>
        <extracomment>The ID number names no province (its first three digits).</extracomment>
        <translation>The personal identification number on the card is not valid. Please type the declaration&apos;s details in.</translation>
    </message>
    <message>
        <source>Ngày cấp hoặc ngày sinh trên thẻ là một ngày chưa tới. Vui lòng nhập tay các mục của tờ khai.</source>
        <extracomment>The issue date (or the birth date) is after today on the kiosk&apos;s clock.</extracomment>
        <translation>The card&apos;s issue date or birth date is in the future. Please type the declaration&apos;s details in.</translation>
    </message>
    <message>
        <source>Tên trên thẻ có thể bị mất dấu. Vui lòng kiểm tra và sửa lại nếu cần.</source>
        <extracomment>The scanner dropped the accents; a name cannot be restored from its letters alone.</extracomment>
        <translation>The name from the card may have lost its accents. Please check it and correct it if needed.</translation>
    </message>
    <message>
        <source>Địa chỉ trên thẻ có thể bị mất dấu. Vui lòng kiểm tra và sửa lại nếu cần.</source>
        <translation>The address from the card may have lost its accents. Please check it and correct it if needed.</translation>
    </message>
    <message>
        <source>Thẻ không ghi đủ ngày sinh. Vui lòng nhập ngày, tháng sinh (nếu có).</source>
        <extracomment>The card prints the year (or month and year) of birth only; the field needs a full date.</extracomment>
        <translation>The card does not show the full date of birth. Please enter the day and month of birth (if known).</translation>
    </message>
    <message>
        <source>Chưa đọc được họ tên trên thẻ. Vui lòng nhập họ tên.</source>
        <translation>The name on the card could not be read. Please type the full name.</translation>
    </message>
    <message>
        <source>Chưa đọc được địa chỉ trên thẻ. Vui lòng nhập địa chỉ.</source>
        <translation>The address on the card could not be read. Please type the address.</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Ông/Bà có tiếp tục không?</source>
        <translation>Would you like to continue?</translation>
    </message>
    <message>
        <source>Để bảo vệ thông tin cá nhân, kiosk sẽ xóa những gì đã nhập và trở về trang chủ.</source>
        <translation>To protect personal information, the kiosk will delete what was entered and return to the home screen.</translation>
    </message>
    <message>
        <source>Tiếp tục</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>{seconds} giây</source>
        <translation>{seconds} seconds</translation>
    </message>
</context>
<context>
    <name>Journeys</name>
    <message>
        <source>Tra cứu thủ tục</source>
        <translation>Look up a procedure</translation>
    </message>
    <message>
        <source>Xem giấy tờ cần mang, lệ phí, thời gian giải quyết</source>
        <translation>Documents to bring, fees and processing times</translation>
    </message>
    <message>
        <source>Điền tờ khai</source>
        <translation>Fill in a form</translation>
    </message>
    <message>
        <source>Khai từng bước, in tờ khai mang đến quầy</source>
        <translation>Step by step, then print it to bring to the counter</translation>
    </message>
    <message>
        <source>Lấy số thứ tự</source>
        <translation>Get a queue number</translation>
    </message>
    <message>
        <source>In phiếu số thứ tự để được gọi vào quầy</source>
        <translation>Print a ticket and wait to be called to a counter</translation>
    </message>
    <message>
        <source>Hướng dẫn VNeID</source>
        <translation>VNeID guide</translation>
    </message>
    <message>
        <source>Cài đặt, kích hoạt, đăng nhập Cổng Dịch vụ công quốc gia</source>
        <translation>Install, activate, sign in to the National Public Service Portal</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Một Cửa Kiosk</source>
        <extracomment>The staff journey&apos;s screens: its PIN pad, and the staff screen once unlocked. The form journey: where a scanned căn cước is used. The visit ended and a new, empty one began (the home screen is showing). A căn cước payload scanned on a form screen (see :attr:`card_scanned`). The window now fills another shape of panel (a :class:`~ui.panel.PanelShape`). Engaged in kiosk mode: the window comes back and OS shortcuts do nothing. Every screen on the stack by name: home, error, and this visit&apos;s journeys.</extracomment>
        <translation>One-Stop Kiosk</translation>
    </message>
</context>
<context>
    <name>Lookup</name>
    <message>
        <source>{count} thủ tục</source>
        <translation>Procedures: {count}</translation>
    </message>
    <message>
        <source>{count} thủ tục trong lĩnh vực này. Bấm vào thủ tục để xem.</source>
        <translation>{count} procedures in this field. Tap one to see it.</translation>
    </message>
    <message>
        <source>Chọn lĩnh vực của việc cần làm:</source>
        <translation>Choose the field of what you need to do:</translation>
    </message>
    <message>
        <source>Tra cứu theo lĩnh vực</source>
        <translation>Browse by field</translation>
    </message>
    <message>
        <source>Chưa có thông tin, vui lòng hỏi cán bộ tại quầy</source>
        <translation>Not stated yet; please ask the staff at the counter</translation>
    </message>
    <message>
        <source>Mã thủ tục {code} · {meta}</source>
        <translation>Procedure code {code} · {meta}</translation>
    </message>
    <message>
        <source>Đã in danh sách giấy tờ, vui lòng nhận ở khe máy in.</source>
        <translation>The documents checklist has been printed. Please take it from the printer slot.</translation>
    </message>
    <message>
        <source>Giấy tờ cần mang</source>
        <translation>Documents to bring</translation>
    </message>
    <message>
        <source>Danh mục chưa ghi giấy tờ cho thủ tục này. Vui lòng hỏi cán bộ tại quầy.</source>
        <translation>The catalogue lists no documents for this procedure yet. Please ask the staff at the counter.</translation>
    </message>
    <message>
        <source>Bấm vào giấy tờ đã mang theo để đánh dấu.</source>
        <translation>Tap the papers you have brought to tick them.</translation>
    </message>
    <message>
        <source>Mẫu: {template}</source>
        <translation>Form: {template}</translation>
    </message>
    <message>
        <source>Lệ phí và thời hạn giải quyết</source>
        <translation>Fees and processing time</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết: {time}</source>
        <translation>Processing time: {time}</translation>
    </message>
    <message>
        <source>Lệ phí: {fee}</source>
        <translation>Fee: {fee}</translation>
    </message>
    <message>
        <source>Nơi nộp hồ sơ</source>
        <translation>Where to submit</translation>
    </message>
    <message>
        <source>Làm trực tuyến</source>
        <translation>Do it online</translation>
    </message>
    <message>
        <source>Mã QR của trang thủ tục</source>
        <translation>QR code of the procedure&apos;s page</translation>
    </message>
    <message>
        <source>Quét mã QR bằng camera điện thoại để mở thủ tục này trên Cổng Dịch vụ công quốc gia và xem lại hoặc nộp hồ sơ ở nhà.</source>
        <translation>Scan the QR code with your phone&apos;s camera to open this procedure on the National Public Service Portal, read it again or apply from home.</translation>
    </message>
    <message>
        <source>Ai được làm thủ tục này</source>
        <translation>Who can apply</translation>
    </message>
    <message>
        <source>Các bước thực hiện</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Điều kiện</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Kết quả nhận được</source>
        <translation>What you receive</translation>
    </message>
    <message>
        <source>Căn cứ pháp lý</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>In danh sách giấy tờ</source>
        <translation>Print the checklist</translation>
    </message>
    <message>
        <source>Điền tờ khai</source>
        <translation>Fill in the form</translation>
    </message>
    <message>
        <source>Lấy số thứ tự</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <source>Tra cứu thủ tục</source>
        <translation>Look up a procedure</translation>
    </message>
    <message>
        <source>Gõ tên thủ tục, ví dụ: khai sinh, kết hôn</source>
        <extracomment>What the line over the results says even while the keyboard leaves little room.</extracomment>
        <translation>Type the procedure&apos;s name, e.g. birth registration, marriage</translation>
    </message>
    <message>
        <source>Gõ tên thủ tục</source>
        <translation>Type the procedure&apos;s name</translation>
    </message>
    <message>
        <source>Tên thủ tục cần tìm</source>
        <translation>Name of the procedure to find</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Lọc:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Có thể nộp trực tuyến</source>
        <translation>Can be done online</translation>
    </message>
    <message>
        <source>Đang tải danh mục thủ tục…</source>
        <translation>Loading the list of procedures…</translation>
    </message>
    <message>
        <source>Chưa mở được danh mục thủ tục. Vui lòng hỏi cán bộ tại quầy.</source>
        <translation>The list of procedures could not be opened. Please ask the staff at the counter.</translation>
    </message>
    <message>
        <source>Các thủ tục được hỏi nhiều nhất:</source>
        <translation>Most requested procedures:</translation>
    </message>
    <message>
        <source>Gõ vài chữ trong tên thủ tục, không cần gõ dấu. Ví dụ: khai sinh.</source>
        <translation>Type a few words of the procedure&apos;s name; accents are not needed. For example: khai sinh.</translation>
    </message>
    <message>
        <source>Các thủ tục phù hợp ({count}):</source>
        <translation>Matching procedures ({count}):</translation>
    </message>
    <message>
        <source>Không tìm thấy thủ tục phù hợp.</source>
        <translation>No matching procedure was found.</translation>
    </message>
    <message>
        <source>Vui lòng thử bỏ bớt bộ lọc, gõ ít chữ hơn, xem thủ tục theo lĩnh vực hoặc hỏi cán bộ tại quầy.</source>
        <translation>Please try removing some filters or typing fewer words, browse procedures by field, or ask the staff at the counter.</translation>
    </message>
    <message>
        <source>Vui lòng thử gõ ít chữ hơn, xem thủ tục theo lĩnh vực hoặc hỏi cán bộ tại quầy.</source>
        <translation>Please try typing fewer words, browse procedures by field, or ask the staff at the counter.</translation>
    </message>
    <message>
        <source>Xem theo lĩnh vực</source>
        <translation>Browse by field</translation>
    </message>
    <message>
        <source>Trực tuyến toàn trình</source>
        <translation>Fully online</translation>
    </message>
    <message>
        <source>Trực tuyến một phần</source>
        <translation>Partly online</translation>
    </message>
    <message>
        <source>Thủ tục này làm được trực tuyến toàn trình: có thể nộp hồ sơ, nộp lệ phí và nhận kết quả qua mạng, không cần đến quầy.</source>
        <translation>This procedure can be done fully online: you can submit the application, pay the fee and receive the result online, without coming to the counter.</translation>
    </message>
    <message>
        <source>Thủ tục này nộp hồ sơ trực tuyến được, nhưng vẫn cần đến quầy để xuất trình giấy tờ hoặc nhận kết quả.</source>
        <translation>You can submit this application online, but you still need to come to the counter to show documents or collect the result.</translation>
    </message>
    <message>
        <source>Thủ tục này chưa làm được trực tuyến: nộp hồ sơ tại quầy.</source>
        <translation>This procedure cannot be done online yet: you submit the application at the counter.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>‹ Quay lại</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Về trang chủ</source>
        <translation>Back to home</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Ẩn bàn phím</source>
        <extracomment>The narrowest a letter key may get before the tone keys move to a row of their own. Room between the Vietnamese letters and the tone keys when they share a row. Space between keys, between rows, and the keyboard&apos;s margins (left/right, top/bottom): roomy, and tight where every pixel of height counts (a short panel). The keyboard came up (``True``) or went (``False``): the chrome above makes room.</extracomment>
        <translation>Hide keyboard</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Dấu cách</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Chữ hoa</source>
        <translation>Capitals</translation>
    </message>
    <message>
        <source>Gõ dấu: Bật</source>
        <translation>Accents: On</translation>
    </message>
    <message>
        <source>Gõ dấu: Tắt</source>
        <translation>Accents: Off</translation>
    </message>
    <message>
        <source>Gõ dấu kiểu Telex</source>
        <translation>Telex accent typing</translation>
    </message>
</context>
<context>
    <name>PinPadScreen</name>
    <message>
        <source>Vui lòng nhập mã PIN.</source>
        <translation>Please enter the PIN.</translation>
    </message>
    <message>
        <source>Mở khóa chế độ cán bộ</source>
        <translation>Unlock staff mode</translation>
    </message>
    <message>
        <source>Nhập mã PIN của mình rồi bấm OK.</source>
        <translation>Enter your own PIN, then press OK.</translation>
    </message>
    <message>
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Erase</translation>
    </message>
    <message>
        <source>Xóa một chữ số</source>
        <translation>Erase one digit</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <source>Máy in đã kết nối và trả lời trạng thái: kiosk hỏi trạng thái trước mỗi phiếu.</source>
        <translation>The printer is connected and answers status queries: the kiosk checks it before every ticket.</translation>
    </message>
    <message>
        <source>Máy in đã kết nối nhưng không trả lời trạng thái. Kiosk sẽ in không hỏi trạng thái (status=off) để mỗi phiếu không phải chờ {seconds} giây; vì vậy kiosk sẽ không biết khi máy in hết giấy hoặc mở nắp.</source>
        <translation>The printer is connected but does not answer status queries. The kiosk will print without asking (status=off) so that each ticket does not wait {seconds} seconds; it will therefore not know when the printer is out of paper or its cover is open.</translation>
    </message>
    <message>
        <source>Không kết nối được với máy in. Vui lòng kiểm tra dây cáp, nguồn điện và địa chỉ máy in.</source>
        <translation>Cannot connect to the printer. Please check the cable, the power and the printer&apos;s address.</translation>
    </message>
    <message>
        <source>Loại máy in này không trả lời trạng thái. Vui lòng in thử một trang để kiểm tra.</source>
        <translation>This kind of printer does not report its status. Please print a test slip to check it.</translation>
    </message>
    <message>
        <source>Ở tốc độ {baud} baud, mỗi phiếu mất khoảng {seconds} giây để đến máy in. Vui lòng chọn tốc độ cao hơn (ví dụ 115200) nếu máy in hỗ trợ, và đặt máy in cùng tốc độ.</source>
        <extracomment>Start bit, eight data bits, stop bit (8N1, what receipt printers use). A ticket slower than this on the chosen line speed gets a warning in setup: the citizen stands at the kiosk waiting for it. The most an 80 mm ticket takes (``bench ticket`` reports ``ticket_bytes``); use it for the warning when no real ticket has been rendered yet.</extracomment>
        <translation>At {baud} baud each ticket takes about {seconds} seconds to reach the printer. Please choose a higher speed (for example 115200) if the printer supports it, and set the printer to the same speed.</translation>
    </message>
</context>
<context>
    <name>Printout</name>
    <message>
        <source>DANH SÁCH GIẤY TỜ CẦN MANG</source>
        <translation>DOCUMENTS TO BRING</translation>
    </message>
    <message>
        <source>Mã thủ tục: {code}</source>
        <translation>Procedure code: {code}</translation>
    </message>
    <message>
        <source>Danh mục chưa ghi giấy tờ cho thủ tục này. Vui lòng hỏi cán bộ tại quầy.</source>
        <translation>The catalogue lists no documents for this procedure yet. Please ask the staff at the counter.</translation>
    </message>
    <message>
        <source>Lệ phí và thời hạn giải quyết</source>
        <translation>Fees and processing time</translation>
    </message>
    <message>
        <source>Thời hạn: {time}</source>
        <translation>Processing time: {time}</translation>
    </message>
    <message>
        <source>Lệ phí: {fee}</source>
        <translation>Fee: {fee}</translation>
    </message>
    <message>
        <source>Nơi nộp hồ sơ</source>
        <translation>Where to submit</translation>
    </message>
    <message>
        <source>Quét mã để xem thủ tục trên Cổng Dịch vụ công quốc gia và nộp hồ sơ trực tuyến</source>
        <translation>Scan the code to see this procedure on the National Public Service Portal and apply online</translation>
    </message>
    <message>
        <source>Danh sách để tham khảo; cán bộ tại quầy sẽ hướng dẫn nếu cần thêm giấy tờ.</source>
        <translation>For reference only; the staff at the counter will tell you if anything else is needed.</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <source>Lấy số thứ tự</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <source>Phiếu chỉ ghi “Ưu tiên”, không ghi thuộc đối tượng nào; kiosk không lưu thông tin này.</source>
        <translation>The ticket says only “Priority”, not which group; the kiosk does not keep this.</translation>
    </message>
    <message>
        <source>Ông/Bà có thuộc đối tượng ưu tiên không?</source>
        <translation>Do you have priority?</translation>
    </message>
    <message>
        <source>Đối tượng ưu tiên được mời vào quầy trước. Cán bộ có thể đề nghị xuất trình giấy tờ.</source>
        <translation>Priority groups are called to the counter first. Staff may ask to see a document.</translation>
    </message>
    <message>
        <source>Không thuộc diện ưu tiên</source>
        <translation>No priority</translation>
    </message>
    <message>
        <source>In số thứ tự</source>
        <translation>Print my number</translation>
    </message>
    <message>
        <source>Đang in số thứ tự, vui lòng chờ trong giây lát…</source>
        <translation>Printing your number, one moment please…</translation>
    </message>
    <message>
        <source>Lấy số thứ tự cho:</source>
        <translation>You are taking a number for:</translation>
    </message>
    <message>
        <source>Bấm vào việc cần làm để lấy số thứ tự:</source>
        <translation>Tap what you need to do to take a queue number:</translation>
    </message>
    <message>
        <source>{name}: hiện ngoài giờ làm việc. Vui lòng quay lại trong giờ làm việc hoặc hỏi cán bộ tại quầy.</source>
        <translation>{name}: closed right now. Please come back during opening hours or ask the staff at the counter.</translation>
    </message>
    <message>
        <source>{name}: hôm nay đã hết số thứ tự. Vui lòng quay lại vào ngày làm việc tiếp theo hoặc hỏi cán bộ tại quầy.</source>
        <translation>{name}: no numbers left today. Please come back on the next working day or ask the staff at the counter.</translation>
    </message>
    <message>
        <source>Đang tải danh sách quầy…</source>
        <translation>Loading the counters…</translation>
    </message>
    <message>
        <source>Chưa lấy được số thứ tự tại kiosk này. Vui lòng hỏi cán bộ tại quầy.</source>
        <translation>Queue numbers are not available at this kiosk. Please ask the staff at the counter.</translation>
    </message>
    <message>
        <source>Người khuyết tật</source>
        <translation>Person with a disability</translation>
    </message>
    <message>
        <source>Người cao tuổi (từ đủ 60 tuổi)</source>
        <translation>Elderly person (aged 60 or over)</translation>
    </message>
    <message>
        <source>Phụ nữ mang thai</source>
        <translation>Pregnant woman</translation>
    </message>
    <message>
        <source>Người có công với cách mạng</source>
        <translation>Person of merit to the revolution</translation>
    </message>
    <message>
        <source>{first} hoặc {last}</source>
        <translation>{first} or {last}</translation>
    </message>
    <message>
        <source>Quầy {number}</source>
        <translation>Counter {number}</translation>
    </message>
    <message>
        <source>Quầy {numbers}</source>
        <translation>Counters {numbers}</translation>
    </message>
    <message>
        <source>Quầy phục vụ: {counters}</source>
        <extracomment>Which quầy serve the number; the footer asks to wait for the call, not to walk up.</extracomment>
        <translation>Counter {counters}</translation>
    </message>
    <message>
        <source>Không có ai chờ trước Ông/Bà</source>
        <translation>No one ahead of you</translation>
    </message>
    <message>
        <source>Trước Ông/Bà còn {count} người</source>
        <translation>People ahead of you: {count}</translation>
    </message>
    <message>
        <source>Không có ai đang chờ</source>
        <translation>No one waiting</translation>
    </message>
    <message>
        <source>{count} người đang chờ</source>
        <translation>Waiting: {count}</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Số thứ tự {label}</source>
        <translation>Queue number {label}</translation>
    </message>
    <message>
        <source>Số thứ tự của Ông/Bà</source>
        <extracomment>Left to right on a landscape panel, top to bottom on a portrait one.</extracomment>
        <translation>Your queue number</translation>
    </message>
    <message>
        <source>Mã QR của phiếu</source>
        <translation>Ticket QR code</translation>
    </message>
    <message>
        <source>Phiếu số thứ tự đã được in, vui lòng nhận ở khe máy in và chờ gọi số.</source>
        <translation>Your queue ticket has been printed. Please take it from the printer slot and wait for your number to be called.</translation>
    </message>
    <message>
        <source>Máy in đang gặp sự cố. Vui lòng chụp ảnh hoặc đưa màn hình này cho cán bộ tại quầy. Số thứ tự vẫn có hiệu lực.</source>
        <translation>The printer has a problem. Please take a photo of this screen or show it to the staff at the counter. Your number is still valid.</translation>
    </message>
    <message>
        <source>Lỗi máy in: {error}</source>
        <translation>Printer error: {error}</translation>
    </message>
    <message>
        <source>Màn hình tự về trang chủ sau {seconds} giây.</source>
        <translation>This screen returns home in {seconds} seconds.</translation>
    </message>
    <message>
        <source>Ngoài giờ làm việc</source>
        <translation>Closed now</translation>
    </message>
    <message>
        <source>Hôm nay đã hết số</source>
        <translation>No numbers left today</translation>
    </message>
    <message>
        <source>Không có dịch vụ xếp hàng “{code}”.</source>
        <translation>There is no queue “{code}”.</translation>
    </message>
    <message>
        <source>Dịch vụ này không có số ưu tiên. Vui lòng lấy số thứ tự thường.</source>
        <translation>This service has no priority numbers. Please take an ordinary queue number.</translation>
    </message>
    <message>
        <source>Hôm nay đã hết số cho dịch vụ này ({limit} số). Vui lòng quay lại vào ngày làm việc tiếp theo.</source>
        <translation>All numbers for this queue are taken today ({limit}). Please come back on the next working day.</translation>
    </message>
    <message>
        <source>Dịch vụ này đã hết giờ nhận hồ sơ hôm nay. Vui lòng quay lại vào ngày làm việc tiếp theo.</source>
        <translation>This queue has stopped taking applications for today. Please come back on the next working day.</translation>
    </message>
    <message>
        <source>Máy này tạm hết số thứ tự. Vui lòng lấy số ở máy khác hoặc hỏi cán bộ tại quầy.</source>
        <translation>This kiosk has run out of queue numbers for now. Please take a number at another kiosk or ask the staff at the counter.</translation>
    </message>
    <message>
        <source>Số thứ tự {label} đã bị hủy, không in lại được.</source>
        <translation>Queue number {label} was cancelled and cannot be reprinted.</translation>
    </message>
    <message>
        <source>Không tìm thấy số thứ tự “{key}”.</source>
        <translation>Queue number “{key}” was not found.</translation>
    </message>
    <message>
        <source>SỐ THỨ TỰ</source>
        <translation>QUEUE NUMBER</translation>
    </message>
    <message>
        <source>Ưu tiên</source>
        <extracomment>All a priority ticket says about it, on paper and on screen.</extracomment>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Ngày {date} lúc {time}</source>
        <translation>{date} at {time}</translation>
    </message>
    <message>
        <source>Mã tờ khai: {reference}</source>
        <translation>Declaration code: {reference}</translation>
    </message>
    <message>
        <source>Vui lòng giữ phiếu và chờ đến lượt khi được gọi số.</source>
        <translation>Please keep this slip and wait until your number is called.</translation>
    </message>
    <message>
        <source>Đưa mã này cho cán bộ khi cần</source>
        <translation>Show this code to staff when asked</translation>
    </message>
    <message>
        <source>Ông/Bà thuộc diện: {group}?</source>
        <extracomment>The group being confirmed; ``None`` when not asking.</extracomment>
        <translation>Are you in this group: {group}?</translation>
    </message>
    <message>
        <source>Cán bộ có thể đề nghị xuất trình giấy tờ.</source>
        <translation>Staff may ask to see proof.</translation>
    </message>
    <message>
        <source>Đúng, in phiếu ưu tiên</source>
        <translation>Yes, print a priority ticket</translation>
    </message>
    <message>
        <source>Không, quay lại</source>
        <translation>No, go back</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>PHIẾU TỜ KHAI ĐÃ ĐIỀN</source>
        <translation>FILLED-IN DECLARATION</translation>
    </message>
    <message>
        <source>Mã tờ khai</source>
        <translation>Declaration code</translation>
    </message>
    <message>
        <source>Điền tại kiosk lúc {time} ngày {date}</source>
        <translation>Filled in at the kiosk at {time} on {date}</translation>
    </message>
    <message>
        <source>Giấy tờ cần mang đến quầy</source>
        <translation>Documents to bring to the counter</translation>
    </message>
    <message>
        <source>Không cần mang thêm giấy tờ; cán bộ tại quầy sẽ hướng dẫn nếu cần.</source>
        <translation>No other documents are needed; the staff at the counter will tell you if anything else is required.</translation>
    </message>
    <message>
        <source>Vui lòng hỏi cán bộ tại quầy về giấy tờ cần mang theo.</source>
        <translation>Please ask the staff at the counter which documents to bring.</translation>
    </message>
    <message>
        <source>Cán bộ quét mã này để mở tờ khai đã điền</source>
        <translation>Staff scan this code to open the filled-in declaration</translation>
    </message>
    <message>
        <source>Tờ khai đã được lưu, không cần điền lại. Phiếu này chưa phải giấy tiếp nhận hồ sơ: vui lòng lấy số thứ tự, mang phiếu này và giấy tờ đến quầy để nộp hồ sơ.</source>
        <translation>The declaration has been saved; there is no need to fill it in again. This slip is not the receipt for your dossier: please take a queue number and bring this slip and your papers to the counter to hand in the dossier.</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <source>Mã thiết lập không đúng. Vui lòng nhập mã do bộ phận CNTT cung cấp khi cài đặt kiosk.</source>
        <translation>The setup code is not right. Please enter the code IT received when the kiosk was installed.</translation>
    </message>
    <message>
        <source>Nhập sai mã thiết lập quá nhiều lần. Vui lòng thử lại sau {seconds} giây.</source>
        <translation>Too many wrong setup codes. Please try again in {seconds} seconds.</translation>
    </message>
    <message>
        <source>Tên trung tâm cần có từ 1 đến 120 ký tự. Vui lòng nhập lại.</source>
        <translation>The centre&apos;s name needs 1 to 120 characters. Please enter it again.</translation>
    </message>
    <message>
        <source>Số kiosk là một chữ số từ 1 đến 9, mỗi kiosk của trung tâm một số khác nhau. Vui lòng nhập lại.</source>
        <translation>The kiosk number is one digit from 1 to 9, a different one for each kiosk of the centre. Please enter it again.</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ cần bắt đầu bằng https:// (ví dụ https://motcua.example.vn). Vui lòng nhập lại.</source>
        <translation>The server address must start with https:// (for example https://motcua.example.vn). Please enter it again.</translation>
    </message>
    <message>
        <source>Khổ giấy là 58 hoặc 80 (mm). Vui lòng chọn lại.</source>
        <translation>The paper width is 58 or 80 (mm). Please choose again.</translation>
    </message>
    <message>
        <source>Tên hàng đợi máy in không hợp lệ (không bắt đầu bằng dấu gạch ngang hay dấu cách). Vui lòng nhập đúng tên như hệ điều hành hiển thị, hoặc để trống.</source>
        <translation>That printer queue name is not valid (it cannot start with a dash or a space). Please enter the name exactly as the operating system shows it, or leave it empty.</translation>
    </message>
    <message>
        <source>Tên trung tâm</source>
        <extracomment>The order of the steps: the kiosk number goes to the server with the enrolment.</extracomment>
        <translation>Centre name</translation>
    </message>
    <message>
        <source>Số kiosk</source>
        <translation>Kiosk number</translation>
    </message>
    <message>
        <source>Máy chủ và mã đăng ký</source>
        <translation>Server and enrolment code</translation>
    </message>
    <message>
        <source>Máy in phiếu</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <source>Máy in văn phòng (A4)</source>
        <translation>Office printer (A4)</translation>
    </message>
    <message>
        <source>Mã PIN cán bộ đầu tiên</source>
        <translation>First staff PIN</translation>
    </message>
</context>
<context>
    <name>SetupCli</name>
    <message>
        <source>Tên trung tâm</source>
        <translation>Centre name</translation>
    </message>
    <message>
        <source>Số kiosk (1-9)</source>
        <translation>Kiosk number (1-9)</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ (để trống nếu chạy không có máy chủ)</source>
        <translation>Server address (leave empty to run without a server)</translation>
    </message>
    <message>
        <source>Mã đăng ký một lần</source>
        <translation>One-time enrolment code</translation>
    </message>
    <message>
        <source>Máy in phiếu (URI, ví dụ tcp://192.168.1.50)</source>
        <translation>Receipt printer (URI, for example tcp://192.168.1.50)</translation>
    </message>
    <message>
        <source>Khổ giấy (58 hoặc 80)</source>
        <translation>Paper width (58 or 80)</translation>
    </message>
    <message>
        <source>In phiếu thử? (c/k)</source>
        <translation>Print a test slip? (y/n)</translation>
    </message>
    <message>
        <source>Tên hàng đợi máy in A4 (để trống nếu không in A4)</source>
        <translation>A4 printer queue name (leave empty for no A4 printing)</translation>
    </message>
    <message>
        <source>Tên cán bộ</source>
        <translation>Staff member&apos;s name</translation>
    </message>
    <message>
        <source>Mã PIN cán bộ (6-12 chữ số)</source>
        <translation>Staff PIN (6-12 digits)</translation>
    </message>
    <message>
        <source>Máy in USB tìm thấy: {printers}</source>
        <translation>USB printers found: {printers}</translation>
    </message>
    <message>
        <source>Đã thiết lập xong: {steps}</source>
        <translation>Set up: {steps}</translation>
    </message>
    <message>
        <source>Còn chưa thiết lập: {steps}</source>
        <translation>Not set up yet: {steps}</translation>
    </message>
    <message>
        <source>Kiosk đã được thiết lập. Vui lòng khởi động lại kiosk để áp dụng.</source>
        <translation>The kiosk is set up. Please restart the kiosk to apply it.</translation>
    </message>
    <message>
        <source>Đã gửi phiếu thử tới máy in {printer}.</source>
        <translation>Test slip sent to the printer {printer}.</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Đang gửi tờ khai đến máy in A4…</source>
        <translation>Sending the form to the A4 printer…</translation>
    </message>
    <message>
        <source>Vui lòng nhập mã tờ khai in trên phiếu, ví dụ TK-1-250310-0001.</source>
        <extracomment>``TK-12-250310-0001`` with room for spaces.</extracomment>
        <translation>Please enter the declaration code printed on the slip, e.g. TK-1-250310-0001.</translation>
    </message>
    <message>
        <source>Đã gửi tờ khai {reference} đến máy in {printer}.</source>
        <translation>Declaration {reference} sent to printer {printer}.</translation>
    </message>
    <message>
        <source>Tra cứu tờ khai</source>
        <translation>Find a declaration</translation>
    </message>
    <message>
        <source>Mã tờ khai in trên phiếu (ví dụ TK-1-250310-0001)</source>
        <translation>Declaration code on the slip (e.g. TK-1-250310-0001)</translation>
    </message>
    <message>
        <source>Tìm</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>In tờ khai A4</source>
        <translation>Print the A4 form</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Tờ khai</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Lưu lúc</source>
        <translation>Saved at</translation>
    </message>
    <message>
        <source>Trung tâm đã nhận tờ khai</source>
        <translation>Received by the centre</translation>
    </message>
    <message>
        <source>Đã lưu tại kiosk</source>
        <translation>Saved at the kiosk</translation>
    </message>
    <message>
        <source>Dữ liệu cá nhân đã được xóa khỏi kiosk lúc {time}.</source>
        <translation>Personal data was deleted from the kiosk at {time}.</translation>
    </message>
    <message>
        <source>Máy chủ từ chối lúc {time}. Lý do: {reason}. Xử lý ở trang “Mục bị từ chối”.</source>
        <translation>Refused by the server at {time}. Reason: {reason}. Resolve it on the “Refused uploads” page.</translation>
    </message>
    <message>
        <source>Cán bộ đã hủy gửi lúc {time}; tờ khai sẽ không được gửi nữa</source>
        <translation>Staff cancelled the upload at {time}; the declaration will not be sent</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Gửi lên máy chủ</source>
        <translation>Upload to the server</translation>
    </message>
    <message>
        <source>{title} (mẫu {form}, phiên bản {version})</source>
        <translation>{title} (form {form}, version {version})</translation>
    </message>
    <message>
        <source>Không còn thông tin gửi</source>
        <translation>No upload record left</translation>
    </message>
    <message>
        <source>Máy chủ đã nhận lúc {time}</source>
        <translation>Received by the server at {time}</translation>
    </message>
    <message>
        <source>Đang chờ gửi (chưa gửi lần nào)</source>
        <translation>Waiting to be sent (not tried yet)</translation>
    </message>
    <message>
        <source>Đang chờ gửi lại: đã thử {attempts} lần, lỗi gần nhất: {error}</source>
        <translation>Waiting to be sent again: tried {attempts} times, last error: {error}</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Ghi ngắn gọn, ví dụ: in trùng số</source>
        <translation>Keep it short, e.g. duplicate number printed</translation>
    </message>
    <message>
        <source>Ghi ngắn gọn</source>
        <translation>Keep it short</translation>
    </message>
    <message>
        <source>Không, quay lại</source>
        <translation>No, go back</translation>
    </message>
    <message>
        <source>Bị từ chối lúc {time}</source>
        <translation>Refused at {time}</translation>
    </message>
    <message>
        <source>Lý do máy chủ đưa ra: {reason}</source>
        <translation>The server&apos;s reason: {reason}</translation>
    </message>
    <message>
        <source>Gửi lại</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Hủy gửi</source>
        <translation>Cancel upload</translation>
    </message>
    <message>
        <source>Hủy gửi {what}?</source>
        <translation>Cancel the upload of {what}?</translation>
    </message>
    <message>
        <source>Hủy gửi và xóa dữ liệu</source>
        <translation>Cancel upload and delete data</translation>
    </message>
    <message>
        <source>Mục bị từ chối</source>
        <translation>Refused uploads</translation>
    </message>
    <message>
        <source>Máy chủ của trung tâm không nhận các mục dưới đây. Khi đã khắc phục nguyên nhân, bấm “Gửi lại”. Nếu không thể gửi được nữa, bấm “Hủy gửi”.</source>
        <translation>The centre&apos;s server did not accept the items below. Once the cause is fixed, tap “Send again”. If it can never be sent, tap “Cancel upload”.</translation>
    </message>
    <message>
        <source>Mục này sẽ không bao giờ được gửi lên máy chủ nữa, và dữ liệu cá nhân của công dân trong đó sẽ bị xóa khỏi kiosk. Không thể hoàn tác. Lý do được ghi vào nhật ký thao tác.</source>
        <translation>This item will never be sent to the server, and the citizen&apos;s personal data in it will be deleted from the kiosk. This cannot be undone. The reason is written to the audit log.</translation>
    </message>
    <message>
        <source>Đã hủy gửi {what} và xóa dữ liệu cá nhân của công dân khỏi kiosk.</source>
        <translation>Upload of {what} cancelled; the citizen&apos;s personal data was deleted from the kiosk.</translation>
    </message>
    <message>
        <source>Đã hủy gửi {what}.</source>
        <translation>Upload of {what} cancelled.</translation>
    </message>
    <message>
        <source>Sẽ gửi lại {what} ở lần đồng bộ tới.</source>
        <translation>{what} will be sent again at the next sync.</translation>
    </message>
    <message>
        <source>Không có mục nào bị máy chủ từ chối.</source>
        <translation>No items were refused by the server.</translation>
    </message>
    <message>
        <source>Phiếu này sẽ không bao giờ được gửi lên máy chủ nữa. Không thể hoàn tác. Lý do được ghi vào nhật ký thao tác.</source>
        <translation>This ticket will never be sent to the server. This cannot be undone. The reason is written to the audit log.</translation>
    </message>
    <message>
        <source>Đang in trang thử…</source>
        <extracomment>The audit and log views keep a few lines in sight whatever the screen.</extracomment>
        <translation>Printing the test page…</translation>
    </message>
    <message>
        <source>Đã in trang thử. Vui lòng xem chữ tiếng Việt có dấu trên giấy có rõ và đúng không.</source>
        <translation>Test page printed. Check that the Vietnamese accents on the paper are clear and correct.</translation>
    </message>
    <message>
        <source>Máy in chưa in được trang thử: {error}</source>
        <translation>The printer did not print the test page: {error}</translation>
    </message>
    <message>
        <source>Phiếu số thứ tự</source>
        <translation>Queue tickets</translation>
    </message>
    <message>
        <source>In thử</source>
        <translation>Printer test</translation>
    </message>
    <message>
        <source>Mục bị từ chối ({count})</source>
        <translation>Refused uploads ({count})</translation>
    </message>
    <message>
        <source>Đang đồng bộ với máy chủ của trung tâm…</source>
        <translation>Syncing with the centre&apos;s server…</translation>
    </message>
    <message>
        <source>Kiosk chưa kết nối máy chủ của trung tâm nên không đồng bộ được. Tờ khai và phiếu vẫn được lưu trên kiosk; vui lòng báo bộ phận CNTT.</source>
        <translation>This kiosk is not connected to the centre&apos;s server, so it cannot sync. Declarations and tickets are kept on the kiosk; please tell IT.</translation>
    </message>
    <message>
        <source>Máy chủ của trung tâm không nhận kiosk này. Vui lòng báo bộ phận CNTT đăng ký lại kiosk.</source>
        <translation>The centre&apos;s server does not accept this kiosk. Please ask IT to enrol it again.</translation>
    </message>
    <message>
        <source>Không kết nối được máy chủ của trung tâm (mất mạng hoặc máy chủ đang tắt).</source>
        <translation>Cannot reach the centre&apos;s server (no network, or the server is down).</translation>
    </message>
    <message>
        <source>không rõ lỗi</source>
        <translation>unknown error</translation>
    </message>
    <message>
        <source>Chưa đồng bộ xong: {error}</source>
        <translation>Sync not finished: {error}</translation>
    </message>
    <message>
        <source>Đồng bộ xong lúc {time}.</source>
        <translation>Synced at {time}.</translation>
    </message>
    <message>
        <source>Đồng bộ xong.</source>
        <translation>Synced.</translation>
    </message>
    <message>
        <source>Còn {count} mục chờ gửi.</source>
        <translation>{count} items still waiting to be sent.</translation>
    </message>
    <message>
        <source>Có {count} mục bị máy chủ từ chối: xem “Mục bị từ chối”.</source>
        <translation>{count} items were refused by the server: see “Refused uploads”.</translation>
    </message>
    <message>
        <source>Kiosk sẽ tự thử lại khi có mạng.</source>
        <translation>The kiosk will try again when the network is back.</translation>
    </message>
    <message>
        <source>Kiosk sẽ tự thử lại lúc {time}.</source>
        <translation>The kiosk will try again at {time}.</translation>
    </message>
    <message>
        <source>Đã hủy</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>Đã in</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>In không được</source>
        <translation>Did not print</translation>
    </message>
    <message>
        <source>In không được: {error}</source>
        <translation>Did not print: {error}</translation>
    </message>
    <message>
        <source>Chưa in</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <source>Tờ khai {subject}</source>
        <translation>Declaration {subject}</translation>
    </message>
    <message>
        <source>tờ khai {subject}</source>
        <translation>declaration {subject}</translation>
    </message>
    <message>
        <source>Phiếu {subject}</source>
        <translation>Ticket {subject}</translation>
    </message>
    <message>
        <source>Tài khoản (mục số {entry})</source>
        <translation>Account (item {entry})</translation>
    </message>
    <message>
        <source>Mục số {entry}</source>
        <translation>Item {entry}</translation>
    </message>
    <message>
        <source>phiếu {subject}</source>
        <translation>ticket {subject}</translation>
    </message>
    <message>
        <source>tài khoản (mục số {entry})</source>
        <translation>account (item {entry})</translation>
    </message>
    <message>
        <source>mục số {entry}</source>
        <translation>item {entry}</translation>
    </message>
    <message>
        <source>{queue} · phát lúc {time}</source>
        <extracomment>``A-012`` with room for a mistyped space or two. A ticket as staff name it: its id (from the list) or the number as typed.</extracomment>
        <translation>{queue} · issued at {time}</translation>
    </message>
    <message>
        <source>In lại</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Hủy số</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>Vui lòng nhập số thứ tự in trên phiếu, ví dụ A-012.</source>
        <translation>Please type the number printed on the ticket, e.g. A-012.</translation>
    </message>
    <message>
        <source>Đang in lại phiếu {label}…</source>
        <translation>Reprinting ticket {label}…</translation>
    </message>
    <message>
        <source>Đã in lại phiếu {label}.</source>
        <translation>Ticket {label} reprinted.</translation>
    </message>
    <message>
        <source>Máy in chưa in được phiếu {label}: {error}</source>
        <translation>The printer did not print ticket {label}: {error}</translation>
    </message>
    <message>
        <source>Hủy số {label}?</source>
        <translation>Void number {label}?</translation>
    </message>
    <message>
        <source>Số đã hủy không được gọi ở quầy và không in lại được. Lý do hủy được ghi vào nhật ký thao tác.</source>
        <translation>A voided number is not called at the counter and cannot be reprinted. The reason is written to the audit log.</translation>
    </message>
    <message>
        <source>Hủy số {label}</source>
        <translation>Void {label}</translation>
    </message>
    <message>
        <source>Đã hủy số {label}.</source>
        <translation>Number {label} voided.</translation>
    </message>
    <message>
        <source>Số thứ tự in trên phiếu (ví dụ A-012)</source>
        <translation>Number printed on the ticket (e.g. A-012)</translation>
    </message>
    <message>
        <source>Phiếu phát gần đây tại kiosk này</source>
        <translation>Tickets recently issued at this kiosk</translation>
    </message>
    <message>
        <source>Kiosk chưa phát phiếu nào.</source>
        <translation>This kiosk has not issued any tickets yet.</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <source>Chế độ cán bộ</source>
        <translation>Staff mode</translation>
    </message>
    <message>
        <source>Thoát chế độ kiosk</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <source>Thiết lập kiosk</source>
        <translation>Kiosk setup</translation>
    </message>
    <message>
        <source>Thoát ứng dụng</source>
        <translation>Quit the application</translation>
    </message>
    <message>
        <source>Xin chào, {name}</source>
        <translation>Hello, {name}</translation>
    </message>
    <message>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Thao tác gần đây</source>
        <translation>Recent actions</translation>
    </message>
    <message>
        <source>Nhật ký hệ thống</source>
        <translation>System log</translation>
    </message>
    <message>
        <source>Khóa lại &amp; về trang chủ</source>
        <translation>Lock &amp; go home</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Đồng bộ với máy chủ không thành công.</source>
        <translation>Syncing with the server failed.</translation>
    </message>
    <message>
        <source>Chưa cấu hình máy chủ đồng bộ (server_url); kiosk đang chạy ngoại tuyến.</source>
        <translation>No sync server is configured (server_url); the kiosk is running offline.</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ {url} phải dùng https:// (chỉ máy chủ chạy trên chính máy này mới được dùng http://).</source>
        <translation>The server address {url} must use https:// (only a server running on this same computer may use http://).</translation>
    </message>
    <message>
        <source>Kiosk cần được đăng ký lại với máy chủ (python -m kiosk enrol).</source>
        <translation>The kiosk must be enrolled with the server again (python -m kiosk enrol).</translation>
    </message>
    <message>
        <source>Không dùng được kho khóa của hệ điều hành: {detail}</source>
        <translation>Cannot use the operating system&apos;s key store: {detail}</translation>
    </message>
    <message>
        <source>Không kết nối được máy chủ đồng bộ (mất mạng?).</source>
        <translation>Cannot reach the sync server (is the network down?).</translation>
    </message>
    <message>
        <source>Không xác thực được chứng chỉ TLS của máy chủ. Kiểm tra thiết lập ca_bundle và đồng hồ của máy.</source>
        <translation>The server&apos;s TLS certificate could not be verified. Check the ca_bundle setting and this computer&apos;s clock.</translation>
    </message>
    <message>
        <source>Máy chủ đang bận, kiosk sẽ thử lại sau {seconds} giây.</source>
        <translation>The server is busy; the kiosk will try again in {seconds} seconds.</translation>
    </message>
    <message>
        <source>Máy chủ đồng bộ gặp lỗi (HTTP {status}).</source>
        <translation>The sync server had an error (HTTP {status}).</translation>
    </message>
    <message>
        <source>Máy chủ trả lời sai định dạng giao thức ({what}); dữ liệu không thay đổi.</source>
        <translation>The server&apos;s reply does not follow the protocol ({what}); no data was changed.</translation>
    </message>
    <message>
        <source>Máy chủ từ chối yêu cầu ({code}).</source>
        <translation>The server refused the request ({code}).</translation>
    </message>
    <message>
        <source>Mã đăng ký không đúng, đã dùng hoặc đã hết hạn. Xin mã mới từ quản trị viên.</source>
        <translation>The enrolment code is wrong, already used or expired. Ask the administrator for a new one.</translation>
    </message>
    <message>
        <source>Gói dữ liệu gửi lên quá lớn.</source>
        <translation>The data sent to the server is too large.</translation>
    </message>
    <message>
        <source>Máy chủ đã hết số thứ tự để cấp cho hàng đợi hôm nay.</source>
        <translation>The server has no queue numbers left to give out for this queue today.</translation>
    </message>
    <message>
        <source>Số kiosk {number} đã được một kiosk khác của trung tâm sử dụng, nên kiosk này chưa được đăng ký. Vui lòng đặt kiosk_number khác trong tệp cấu hình (hoặc nhờ quản trị máy chủ thu hồi kiosk cũ), rồi đăng ký lại với cùng mã.</source>
        <translation>Kiosk number {number} is already used by another kiosk of the centre, so this kiosk was not enrolled. Please set another kiosk_number in the configuration file (or ask the server&apos;s administrator to revoke the old kiosk), then enrol again with the same code.</translation>
    </message>
    <message>
        <source>Thiết lập server_url là {configured}, khác với {given}. Sửa tệp cấu hình hoặc đăng ký với đúng máy chủ đó.</source>
        <translation>The server_url setting is {configured}, not {given}. Correct the configuration file or enrol with that server.</translation>
    </message>
    <message>
        <source>Mã đăng ký phải dài từ 6 đến 64 ký tự.</source>
        <translation>The enrolment code must be 6 to 64 characters long.</translation>
    </message>
    <message>
        <source>Không có mục số {entry} bị máy chủ từ chối đang chờ xử lý.</source>
        <translation>There is no refused item {entry} waiting to be resolved.</translation>
    </message>
    <message>
        <source>Kiosk chưa cất giữ được mã thiết bị ({detail}), nên chưa dùng mã đăng ký. Vui lòng kiểm tra kho khóa của hệ điều hành hoặc thiết lập data_key_file (xem docs/sync.md), rồi đăng ký lại với cùng mã.</source>
        <translation>The kiosk could not store its device token ({detail}), so the enrolment code was not used. Please check the operating system&apos;s keyring or set data_key_file (see docs/sync.md), then enrol again with the same code.</translation>
    </message>
    <message>
        <source>Lỗi không mong đợi khi đồng bộ; xem nhật ký.</source>
        <extracomment>Shown when a pass failed in a way the kiosk did not expect (a bug, logged in full).</extracomment>
        <translation>Unexpected error while syncing; see the log.</translation>
    </message>
</context>
<context>
    <name>SyncCli</name>
    <message>
        <source>Đã đăng ký kiosk với {centre} ({server}); mã thiết bị {device}.</source>
        <translation>Kiosk enrolled with {centre} ({server}); device ID {device}.</translation>
    </message>
    <message>
        <source>Đồng bộ xong.</source>
        <translation>Sync complete.</translation>
    </message>
    <message>
        <source>Đồng bộ chưa xong; kiosk sẽ thử lại sau.</source>
        <translation>Sync not complete; the kiosk will try again later.</translation>
    </message>
    <message>
        <source>Kiosk cần được đăng ký lại.</source>
        <translation>The kiosk must be enrolled again.</translation>
    </message>
    <message>
        <source>Chưa cấu hình máy chủ đồng bộ.</source>
        <translation>No sync server is configured.</translation>
    </message>
    <message>
        <source> (vừa cập nhật)</source>
        <translation> (just updated)</translation>
    </message>
    <message>
        <source>Danh mục: {catalogue}{updated}. Gửi {sent} mục ({accepted} được nhận, {duplicates} trùng, {rejected} bị từ chối); còn chờ {pending}. Cấp thêm {leases} dãy số thứ tự.</source>
        <translation>Catalogue: {catalogue}{updated}. Sent {sent} entries ({accepted} accepted, {duplicates} duplicates, {rejected} refused); {pending} still waiting. {leases} more blocks of queue numbers granted.</translation>
    </message>
    <message>
        <source>Đã xóa dữ liệu cá nhân quá hạn lưu trữ: {declarations} tờ khai, {accounts} tài khoản, {entries} mục hàng đợi gửi.</source>
        <translation>Personal data past its retention deleted: {declarations} declarations, {accounts} accounts, {entries} outbox entries.</translation>
    </message>
    <message>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Mã thiết bị</source>
        <translation>Device ID</translation>
    </message>
    <message>
        <source>Trung tâm</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>Kết nối</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Đồng bộ thành công lần cuối</source>
        <translation>Last successful sync</translation>
    </message>
    <message>
        <source>Mục chờ gửi</source>
        <translation>Entries waiting to send</translation>
    </message>
    <message>
        <source>Mục bị máy chủ từ chối</source>
        <translation>Entries refused by the server</translation>
    </message>
    <message>
        <source>Phiên bản danh mục</source>
        <translation>Catalogue version</translation>
    </message>
    <message>
        <source>Cần đăng ký lại</source>
        <translation>Needs re-enrolment</translation>
    </message>
    <message>
        <source>Lỗi gần nhất</source>
        <translation>Last error</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Đồng bộ với máy chủ</source>
        <translation>Sync with the server</translation>
    </message>
    <message>
        <source>Cần đăng ký lại thiết bị với máy chủ. Vui lòng báo bộ phận CNTT.</source>
        <translation>This device must be enrolled with the server again. Please tell IT.</translation>
    </message>
    <message>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Mã thiết bị</source>
        <translation>Device ID</translation>
    </message>
    <message>
        <source>Đồng bộ thành công lần cuối</source>
        <translation>Last successful sync</translation>
    </message>
    <message>
        <source>Đang chờ gửi</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <source>Máy chủ từ chối</source>
        <translation>Refused by the server</translation>
    </message>
    <message>
        <source>Phiên bản danh mục</source>
        <translation>Catalogue version</translation>
    </message>
    <message>
        <source>Lỗi gần nhất</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Chưa có</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>Đang đọc trạng thái…</source>
        <translation>Reading the status…</translation>
    </message>
    <message>
        <source>Chưa cấu hình</source>
        <translation>Not configured</translation>
    </message>
    <message>
        <source>Chưa đăng ký</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <source>Chưa lần nào</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Không có</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Ngoại tuyến: kiosk chưa kết nối với máy chủ nào.</source>
        <translation>Offline: this kiosk is not connected to any server.</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Ngoại tuyến: không kết nối được máy chủ</source>
        <translation>Offline: cannot reach the server</translation>
    </message>
    <message>
        <source>Chưa đồng bộ được</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>đang đồng bộ…</source>
        <translation>syncing…</translation>
    </message>
</context>
<context>
    <name>UnavailableScreen</name>
    <message>
        <source>Chức năng này chưa có trên máy.</source>
        <translation>This is not available on this kiosk yet.</translation>
    </message>
    <message>
        <source>Vui lòng liên hệ cán bộ tại quầy tiếp nhận hồ sơ để được hướng dẫn, hoặc quay lại trang chủ để chọn việc khác.</source>
        <translation>Please ask the staff at the dossier reception counter for help, or go back to the home screen to choose something else.</translation>
    </message>
    <message>
        <source>Về trang chủ</source>
        <translation>Back to home</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Vui lòng điền mục này.</source>
        <translation>Please fill this in.</translation>
    </message>
    <message>
        <source>Vui lòng chọn một câu trả lời cho mục này.</source>
        <translation>Please choose an answer.</translation>
    </message>
    <message>
        <source>Vui lòng chọn tỉnh/thành phố và xã/phường/đặc khu của địa chỉ.</source>
        <translation>Please choose the province/city and the commune/ward/special zone of the address.</translation>
    </message>
    <message>
        <source>Xã/phường/đặc khu đã chọn không có trong danh sách hiện hành; vui lòng chọn lại.</source>
        <translation>The commune/ward/special zone chosen is not in the current list; please choose again.</translation>
    </message>
    <message>
        <source>Xã/phường/đặc khu đã chọn không thuộc tỉnh/thành phố đã chọn; vui lòng chọn lại.</source>
        <translation>The commune/ward/special zone chosen is not in the province/city chosen; please choose again.</translation>
    </message>
    <message>
        <source>Câu trả lời này không có trong danh sách; vui lòng chọn lại.</source>
        <translation>This answer is not on the list; please choose again.</translation>
    </message>
    <message>
        <source>Vui lòng chỉ nhập số, ví dụ: 2.</source>
        <translation>Please enter digits only, for example: 2.</translation>
    </message>
    <message>
        <source>Cần khai ít nhất {minimum} mục ở phần này.</source>
        <translation>This part needs at least {minimum} entries.</translation>
    </message>
    <message>
        <source>Phần này khai được nhiều nhất {maximum} mục.</source>
        <translation>This part takes at most {maximum} entries.</translation>
    </message>
    <message>
        <source>Số phải từ {minimum} đến {maximum}.</source>
        <translation>The number must be from {minimum} to {maximum}.</translation>
    </message>
    <message>
        <source>Số không được nhỏ hơn {minimum}.</source>
        <translation>The number must not be less than {minimum}.</translation>
    </message>
    <message>
        <source>Số không được lớn hơn {maximum}.</source>
        <translation>The number must not be more than {maximum}.</translation>
    </message>
    <message>
        <source>Vui lòng nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/1990.</source>
        <extracomment>A year alone, as typed or stored.</extracomment>
        <translation>Please enter the date as day/month/year, for example 05/09/1990.</translation>
    </message>
    <message>
        <source>Năm phải viết đủ bốn chữ số, ví dụ 05/09/1990 chứ không phải 05/09/90.</source>
        <translation>Please write the year with all four digits, for example 05/09/1990, not 05/09/90.</translation>
    </message>
    <message>
        <source>Năm phải từ {earliest} trở đi.</source>
        <translation>The year must be {earliest} or later.</translation>
    </message>
    <message>
        <source>Tháng phải từ 1 đến 12.</source>
        <translation>The month must be from 1 to 12.</translation>
    </message>
    <message>
        <source>Ngày không có trong lịch: tháng đã nhập chỉ có {days} ngày.</source>
        <translation>This date does not exist: the month you entered has only {days} days.</translation>
    </message>
    <message>
        <source>Vui lòng nhập năm đủ bốn chữ số (ví dụ 1962), hoặc cả ngày/tháng/năm.</source>
        <translation>Please enter the year with four digits (for example 1962), or the full day/month/year.</translation>
    </message>
    <message>
        <source>Ngày này chưa tới: không được sau ngày hôm nay.</source>
        <translation>This date has not come yet: it must not be after today.</translation>
    </message>
    <message>
        <source>Ngày này đã qua. Vui lòng chọn một ngày từ hôm nay trở đi.</source>
        <translation>This date has passed. Please choose today or a later date.</translation>
    </message>
    <message>
        <source>Ngày này quá xa: chỉ được đến ngày {latest} ({years} năm kể từ hôm nay).</source>
        <translation>This date is too far ahead: it can be at most {latest} ({years} years from today).</translation>
    </message>
    <message>
        <source>Người này phải đủ {age} tuổi tính đến hôm nay.</source>
        <translation>This person must be at least {age} years old today.</translation>
    </message>
    <message>
        <source>Người này không được quá {age} tuổi tính đến hôm nay.</source>
        <translation>This person must be no more than {age} years old today.</translation>
    </message>
    <message>
        <source>Ngày này không thể sớm hơn một ngày đã khai trước đó (ví dụ ngày mất không thể trước ngày sinh); vui lòng kiểm tra lại.</source>
        <translation>This date cannot be earlier than a date given before it (for example, a date of death cannot be before the date of birth); please check it.</translation>
    </message>
    <message>
        <source>Địa chỉ e-mail quá dài: tối đa {maximum} ký tự.</source>
        <translation>The e-mail address is too long: at most {maximum} characters.</translation>
    </message>
    <message>
        <source>Địa chỉ e-mail không được có dấu cách.</source>
        <translation>The e-mail address must not contain spaces.</translation>
    </message>
    <message>
        <source>Vui lòng nhập địa chỉ e-mail.</source>
        <translation>Please enter an e-mail address.</translation>
    </message>
    <message>
        <source>Địa chỉ e-mail không được có dấu tiếng Việt hay ký tự đặc biệt; vui lòng gõ chữ không dấu, ví dụ nguyenvanan@gmail.com.</source>
        <translation>The e-mail address must not contain Vietnamese accents or special characters; please type it without accents, for example nguyenvanan@gmail.com.</translation>
    </message>
    <message>
        <source>Địa chỉ e-mail phải có đúng một ký tự @ giữa tên và tên miền, ví dụ nguyenvanan@gmail.com; địa chỉ đã nhập có {count}.</source>
        <translation>An e-mail address must have exactly one @ between the name and the domain, for example nguyenvanan@gmail.com; the address you entered has {count}.</translation>
    </message>
    <message>
        <source>Phần trước @ của địa chỉ e-mail không hợp lệ: chỉ dùng chữ không dấu, chữ số và các dấu . _ - +, không bắt đầu hay kết thúc bằng dấu chấm.</source>
        <translation>The part of the e-mail address before the @ is not valid: use only letters without accents, digits and the signs . _ - +, and do not start or end it with a dot.</translation>
    </message>
    <message>
        <source>Tên miền sau @ phải có dấu chấm, ví dụ gmail.com hoặc yahoo.com.vn.</source>
        <translation>The domain after the @ must contain a dot, for example gmail.com or yahoo.com.vn.</translation>
    </message>
    <message>
        <source>Tên miền sau @ không hợp lệ: chỉ dùng chữ, chữ số, dấu gạch ngang và dấu chấm, ví dụ gmail.com.</source>
        <translation>The domain after the @ is not valid: use only letters, digits, hyphens and dots, for example gmail.com.</translation>
    </message>
    <message>
        <source>Giá trị này không hợp lệ.</source>
        <translation>This value is not valid.</translation>
    </message>
    <message>
        <source>Vui lòng nhập số giấy tờ.</source>
        <translation>Please enter the document number.</translation>
    </message>
    <message>
        <source>Số giấy tờ chỉ gồm chữ số (0–9), không có chữ cái hay ký hiệu.</source>
        <translation>The document number contains only digits (0–9), with no letters or symbols.</translation>
    </message>
    <message>
        <source>Số chứng minh nhân dân cũ có 9 chữ số; số đã nhập có {count} chữ số.</source>
        <translation>An old identity card (CMND) number has 9 digits; the number you entered has {count} digits.</translation>
    </message>
    <message>
        <source>Đây là số chứng minh nhân dân cũ (9 chữ số). Vui lòng nhập số định danh cá nhân 12 chữ số in trên thẻ căn cước.</source>
        <translation>This is an old identity card (CMND) number (9 digits). Please enter the 12-digit personal identification number printed on your ID card.</translation>
    </message>
    <message>
        <source>Số định danh cá nhân chưa đúng. Vui lòng đối chiếu 12 số in trên thẻ căn cước.</source>
        <translation>This personal identification number is not right. Please compare it with the 12 digits printed on the citizen ID card.</translation>
    </message>
    <message>
        <source>Số định danh cá nhân không khớp với giới tính đã chọn. Vui lòng kiểm tra lại.</source>
        <translation>The personal identification number does not match the sex chosen. Please check it.</translation>
    </message>
    <message>
        <source>Số định danh cá nhân không khớp với năm sinh đã khai. Vui lòng kiểm tra lại số định danh và năm sinh.</source>
        <translation>The personal identification number does not match the year of birth given. Please check the number and the year of birth.</translation>
    </message>
    <message>
        <source>Số định danh cá nhân có 12 chữ số; số đã nhập có {count} chữ số.</source>
        <translation>The personal identification number has 12 digits; the number you entered has {count} digits.</translation>
    </message>
    <message>
        <source>Họ và tên không được có chữ số.</source>
        <translation>The full name must not contain digits.</translation>
    </message>
    <message>
        <source>Họ và tên không được có biểu tượng cảm xúc (emoji).</source>
        <translation>The full name must not contain emoji.</translation>
    </message>
    <message>
        <source>Vui lòng nhập họ, chữ đệm và tên.</source>
        <translation>Please enter the full name: family name, middle name and given name.</translation>
    </message>
    <message>
        <source>Họ và tên có ký tự không hợp lệ. Vui lòng xóa và nhập lại.</source>
        <translation>The name has a character that cannot be used. Please delete it and type again.</translation>
    </message>
    <message>
        <source>Họ và tên chỉ viết bằng chữ cái tiếng Việt (chữ Latinh có dấu), không dùng chữ của bảng chữ cái khác.</source>
        <translation>The full name must be written in Vietnamese letters (Latin letters with accents), not in another alphabet.</translation>
    </message>
    <message>
        <source>Họ và tên chỉ gồm chữ cái và dấu cách, không có dấu câu hay ký hiệu.</source>
        <translation>The full name may contain only letters and spaces, with no punctuation or symbols.</translation>
    </message>
    <message>
        <source>Họ và tên quá dài: tối đa {maximum} ký tự.</source>
        <translation>The full name is too long: at most {maximum} characters.</translation>
    </message>
    <message>
        <source>Vui lòng nhập số điện thoại.</source>
        <translation>Please enter a phone number.</translation>
    </message>
    <message>
        <source>Số điện thoại chỉ gồm chữ số; có thể viết +84 ở đầu và cách nhau bằng dấu cách, dấu chấm hoặc gạch ngang.</source>
        <translation>A phone number contains only digits; it may start with +84, and the digits may be separated by spaces, dots or hyphens.</translation>
    </message>
    <message>
        <source>Số điện thoại phải bắt đầu bằng số 0 (hoặc +84), ví dụ 0912 345 678.</source>
        <translation>The phone number must start with 0 (or +84), for example 0912 345 678.</translation>
    </message>
    <message>
        <source>Số điện thoại cố định có 11 chữ số (02 và mã vùng), ví dụ 024 3825 1234; số đã nhập có {count} chữ số.</source>
        <translation>A landline number has 11 digits (02 and the area code), for example 024 3825 1234; the number you entered has {count} digits.</translation>
    </message>
    <message>
        <source>Số di động phải bắt đầu bằng 03, 05, 07, 08 hoặc 09; vui lòng kiểm tra lại.</source>
        <translation>A mobile number must start with 03, 05, 07, 08 or 09; please check.</translation>
    </message>
    <message>
        <source>Số điện thoại di động có 10 chữ số, ví dụ 0912 345 678.</source>
        <translation>A mobile number has 10 digits, for example 0912 345 678.</translation>
    </message>
    <message>
        <source>Số điện thoại di động có 10 chữ số, ví dụ 0912 345 678; số đã nhập có {count} chữ số.</source>
        <translation>A mobile number has 10 digits, for example 0912 345 678; the number you entered has {count} digits.</translation>
    </message>
    <message>
        <source>Vui lòng nhập nội dung cho mục này.</source>
        <translation>Please type your answer here.</translation>
    </message>
    <message>
        <source>Nội dung quá ngắn: cần ít nhất {minimum} ký tự, đã nhập {count}.</source>
        <translation>Too short: at least {minimum} characters are needed; you entered {count}.</translation>
    </message>
    <message>
        <source>Nội dung quá dài: tối đa {maximum} ký tự.</source>
        <translation>Too long: at most {maximum} characters.</translation>
    </message>
    <message>
        <source>Không dùng biểu tượng cảm xúc (emoji); chỉ nhập chữ và số.</source>
        <translation>Please do not use emoji; enter only letters and numbers.</translation>
    </message>
    <message>
        <source>Mục này chỉ nhập trên một dòng, không xuống dòng.</source>
        <translation>This answer fits on one line; please do not start a new line.</translation>
    </message>
    <message>
        <source>Có ký tự không hợp lệ. Vui lòng xóa và nhập lại.</source>
        <translation>There is a character that cannot be used. Please delete it and type again.</translation>
    </message>
</context>
</TS>
