<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
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
    <name>ErrorScreen</name>
    <message>
        <source>Xin lỗi, đã có sự cố.</source>
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
        <translation>The kiosk is still starting up. Please try again in a moment.</translation>
    </message>
    <message>
        <source>Tệp danh mục thủ tục {path} không hợp lệ: {detail}</source>
        <translation>The procedure catalogue file {path} is not valid: {detail}</translation>
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
        <source>Cơ sở dữ liệu {path} thuộc phiên bản phần mềm mới hơn (lược đồ {revision}). Hãy cập nhật phần mềm kiosk; dữ liệu được giữ nguyên.</source>
        <translation>The database {path} was written by a newer version of the software (schema {revision}). Please update the kiosk software; your data has been left unchanged.</translation>
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
        <source>Nhập sai mã PIN quá nhiều lần. Tạm khoá đến {until}, vui lòng thử lại sau.</source>
        <translation>Too many wrong PINs. Locked until {until}; please try again later.</translation>
    </message>
    <message>
        <source>Mã PIN phải gồm từ 4 đến 12 chữ số.</source>
        <translation>The PIN must be 4 to 12 digits long.</translation>
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
</context>
<context>
    <name>HelpScreen</name>
    <message>
        <source>Hướng dẫn sử dụng</source>
        <translation>How to use this kiosk</translation>
    </message>
    <message>
        <source>1. Chạm vào ô bạn cần trên trang chủ: tra cứu thủ tục, điền tờ khai, đăng ký tài khoản hoặc lấy số thứ tự.</source>
        <translation>1. On the home screen, touch what you need: look up a procedure, fill in a form, register an account or get a queue number.</translation>
    </message>
    <message>
        <source>2. Làm theo từng bước trên màn hình. Bạn có thể bấm «Về trang chủ» bất cứ lúc nào.</source>
        <translation>2. Follow the steps on the screen. You can touch “Back to home” at any time.</translation>
    </message>
    <message>
        <source>3. Chữ nhỏ quá? Bấm «Cỡ chữ» ở cuối trang chủ để phóng to, hoặc «Tương phản cao» để chữ rõ hơn.</source>
        <translation>3. Text too small? Touch “Text size” at the bottom of the home screen to make it bigger, or “High contrast” to make it clearer.</translation>
    </message>
    <message>
        <source>4. Nếu bạn rời đi, sau một lúc kiosk sẽ tự xoá thông tin đã nhập và trở về trang chủ. Cần giúp đỡ? Hãy hỏi cán bộ tại quầy.</source>
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
        <source>Bộ phận một cửa · {kiosk}</source>
        <translation>One-stop counter · {kiosk}</translation>
    </message>
    <message>
        <source>Xin chào! Bạn cần làm gì hôm nay?</source>
        <translation>Hello! What would you like to do today?</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Ngoại tuyến</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Hướng dẫn</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Cỡ chữ {percent}%</source>
        <translation>Text size {percent}%</translation>
    </message>
    <message>
        <source>Tương phản cao</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Biểu trưng của trung tâm</source>
        <translation>Centre emblem</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Bạn vẫn đang sử dụng chứ?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>Để bảo vệ thông tin của bạn, kiosk sẽ xoá những gì đã nhập và trở về trang chủ.</source>
        <translation>To protect your information, the kiosk will erase what you entered and return to the home screen.</translation>
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
        <source>Khai từng bước, in biên nhận hồ sơ</source>
        <translation>Step by step, with a printed dossier receipt</translation>
    </message>
    <message>
        <source>Đăng ký tài khoản</source>
        <translation>Register an account</translation>
    </message>
    <message>
        <source>Tạo tài khoản dịch vụ công trực tuyến</source>
        <translation>Create an online public services account</translation>
    </message>
    <message>
        <source>Lấy số thứ tự</source>
        <translation>Get a queue number</translation>
    </message>
    <message>
        <source>In phiếu số thứ tự để được gọi vào quầy</source>
        <translation>Print a ticket and wait to be called to a counter</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Một Cửa Kiosk</source>
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
        <source>{count} thủ tục trong lĩnh vực này. Chạm vào thủ tục để xem.</source>
        <translation>{count} procedures in this field. Touch one to see it.</translation>
    </message>
    <message>
        <source>Tra cứu theo lĩnh vực</source>
        <translation>Browse by field</translation>
    </message>
    <message>
        <source>Chọn lĩnh vực của việc bạn cần làm:</source>
        <translation>Choose the field of what you need to do:</translation>
    </message>
    <message>
        <source>Đã in danh sách giấy tờ, mời bạn nhận ở khe máy in.</source>
        <translation>The documents checklist has been printed. Please take it from the printer slot.</translation>
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
        <source>Giấy tờ cần mang</source>
        <translation>Documents to bring</translation>
    </message>
    <message>
        <source>Danh mục chưa ghi giấy tờ cho thủ tục này. Vui lòng hỏi cán bộ tại quầy.</source>
        <translation>The catalogue lists no documents for this procedure yet. Please ask the staff at the counter.</translation>
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
        <source>Quét mã QR bằng camera điện thoại để mở thủ tục này trên Cổng Dịch vụ công và xem lại hoặc nộp hồ sơ ở nhà.</source>
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
        <translation>Type the procedure&apos;s name, e.g. birth registration, marriage</translation>
    </message>
    <message>
        <source>Tên thủ tục cần tìm</source>
        <translation>Name of the procedure to find</translation>
    </message>
    <message>
        <source>Xoá</source>
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
        <source>Không tìm thấy thủ tục nào phù hợp. Hãy thử gõ ít chữ hơn, bỏ bớt bộ lọc, hoặc tra cứu theo lĩnh vực.</source>
        <translation>No matching procedure was found. Try typing fewer words, removing a filter, or browsing by field.</translation>
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
        <source>Thủ tục này làm được trực tuyến toàn trình: bạn có thể nộp hồ sơ, nộp lệ phí và nhận kết quả qua mạng, không cần đến quầy.</source>
        <translation>This procedure can be done fully online: you can submit the application, pay the fee and receive the result online, without coming to the counter.</translation>
    </message>
    <message>
        <source>Thủ tục này nộp hồ sơ trực tuyến được, nhưng bạn vẫn cần đến quầy để xuất trình giấy tờ hoặc nhận kết quả.</source>
        <translation>You can submit this application online, but you still need to come to the counter to show documents or collect the result.</translation>
    </message>
    <message>
        <source>Thủ tục này chưa làm được trực tuyến: bạn nộp hồ sơ tại quầy.</source>
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
        <translation>Hide keyboard</translation>
    </message>
    <message>
        <source>Xoá</source>
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
        <source>Telex: bật</source>
        <translation>Telex: on</translation>
    </message>
    <message>
        <source>Telex: tắt</source>
        <translation>Telex: off</translation>
    </message>
</context>
<context>
    <name>PinPadScreen</name>
    <message>
        <source>Hãy nhập mã PIN.</source>
        <translation>Please enter the PIN.</translation>
    </message>
    <message>
        <source>Mở khoá chế độ cán bộ</source>
        <translation>Unlock staff mode</translation>
    </message>
    <message>
        <source>Nhập mã PIN cán bộ rồi bấm OK.</source>
        <translation>Enter the staff PIN, then touch OK.</translation>
    </message>
    <message>
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Xoá</source>
        <translation>Erase</translation>
    </message>
    <message>
        <source>Xoá một chữ số</source>
        <translation>Erase one digit</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
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
        <source>Quét mã để xem thủ tục trên Cổng Dịch vụ công và nộp hồ sơ trực tuyến</source>
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
        <source>Bạn có thuộc đối tượng ưu tiên không?</source>
        <translation>Do you have priority?</translation>
    </message>
    <message>
        <source>Đối tượng ưu tiên được mời vào quầy trước. Cán bộ có thể đề nghị bạn xuất trình giấy tờ.</source>
        <translation>People with priority are called first. Staff may ask to see a document.</translation>
    </message>
    <message>
        <source>Không thuộc đối tượng ưu tiên</source>
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
        <source>Bạn lấy số thứ tự cho:</source>
        <translation>You are taking a number for:</translation>
    </message>
    <message>
        <source>Đang tải danh sách quầy…</source>
        <translation>Loading the counters…</translation>
    </message>
    <message>
        <source>Chạm vào việc bạn cần làm để lấy số thứ tự:</source>
        <translation>Touch what you need to do to take a queue number:</translation>
    </message>
    <message>
        <source>Chưa lấy được số thứ tự tại kiosk này. Vui lòng hỏi cán bộ tại quầy.</source>
        <translation>Queue numbers are not available at this kiosk. Please ask the staff at the counter.</translation>
    </message>
    <message>
        <source>{name}: hiện ngoài giờ làm việc. Mời bạn quay lại trong giờ làm việc hoặc hỏi cán bộ tại quầy.</source>
        <translation>{name}: closed right now. Please come back during opening hours or ask the staff at the counter.</translation>
    </message>
    <message>
        <source>{name}: hôm nay đã hết số thứ tự. Mời bạn quay lại vào ngày làm việc tiếp theo hoặc hỏi cán bộ tại quầy.</source>
        <translation>{name}: no numbers left today. Please come back on the next working day or ask the staff at the counter.</translation>
    </message>
    <message>
        <source>Người cao tuổi</source>
        <translation>Elderly person</translation>
    </message>
    <message>
        <source>Người khuyết tật</source>
        <translation>Person with a disability</translation>
    </message>
    <message>
        <source>Phụ nữ có thai</source>
        <translation>Pregnant woman</translation>
    </message>
    <message>
        <source>Người có công</source>
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
        <source>Mời bạn đến quầy {counters}</source>
        <translation>Please go to counter {counters}</translation>
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
        <source>Không có ai chờ trước bạn</source>
        <translation>No one ahead of you</translation>
    </message>
    <message>
        <source>Trước bạn còn {count} người</source>
        <translation>People ahead of you: {count}</translation>
    </message>
    <message>
        <source>Số thứ tự của bạn</source>
        <translation>Your queue number</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Mã QR của vé</source>
        <translation>Ticket QR code</translation>
    </message>
    <message>
        <source>Số thứ tự {label}</source>
        <translation>Queue number {label}</translation>
    </message>
    <message>
        <source>Đối tượng ưu tiên: {group}</source>
        <translation>Priority: {group}</translation>
    </message>
    <message>
        <source>Vé đã được in, mời bạn nhận vé ở khe máy in.</source>
        <translation>Your ticket has been printed. Please take it from the printer slot.</translation>
    </message>
    <message>
        <source>Máy in đang gặp sự cố. Vui lòng chụp ảnh hoặc đưa màn hình này cho cán bộ tại quầy. Số thứ tự của bạn vẫn có hiệu lực.</source>
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
        <source>Dịch vụ này không có đối tượng ưu tiên “{group}”.</source>
        <translation>This queue has no priority group “{group}”.</translation>
    </message>
    <message>
        <source>Hôm nay đã hết số cho dịch vụ này ({limit} số). Xin mời quay lại vào ngày làm việc tiếp theo.</source>
        <translation>All numbers for this queue are taken today ({limit}). Please come back on the next working day.</translation>
    </message>
    <message>
        <source>Dịch vụ này đã hết giờ nhận hồ sơ hôm nay. Xin mời quay lại vào ngày làm việc tiếp theo.</source>
        <translation>This queue has stopped taking applications for today. Please come back on the next working day.</translation>
    </message>
    <message>
        <source>Hết số thứ tự dành cho kiosk này khi mất kết nối ({code}, từ {first} đến {last}). Xin mời lấy số ở kiosk khác hoặc hỏi cán bộ tại quầy.</source>
        <translation>This kiosk has used all its offline numbers ({code}, {first} to {last}). Please take a number at another kiosk or ask the staff at the counter.</translation>
    </message>
    <message>
        <source>Không tìm thấy số thứ tự “{key}”.</source>
        <translation>Queue number “{key}” was not found.</translation>
    </message>
    <message>
        <source>Số thứ tự {label} đã bị huỷ, không in lại được.</source>
        <translation>Queue number {label} was cancelled and cannot be reprinted.</translation>
    </message>
    <message>
        <source>Người có công với cách mạng</source>
        <translation>Person of merit to the revolution</translation>
    </message>
    <message>
        <source>SỐ THỨ TỰ</source>
        <translation>QUEUE NUMBER</translation>
    </message>
    <message>
        <source>Mời đến quầy {counters}</source>
        <translation>Please go to counter {counters}</translation>
    </message>
    <message>
        <source>Bạn là người đầu tiên</source>
        <translation>You are first in line</translation>
    </message>
    <message>
        <source>Ưu tiên: {group}</source>
        <translation>Priority: {group}</translation>
    </message>
    <message>
        <source>Ngày {date} lúc {time}</source>
        <translation>{date} at {time}</translation>
    </message>
    <message>
        <source>Mã hồ sơ: {reference}</source>
        <translation>Dossier reference: {reference}</translation>
    </message>
    <message>
        <source>Đưa mã này cho cán bộ khi cần</source>
        <translation>Show this code to staff when asked</translation>
    </message>
    <message>
        <source>Xin giữ phiếu và chờ đến lượt khi được gọi số.</source>
        <translation>Please keep this slip and wait until your number is called.</translation>
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
        <source>Thoát ứng dụng</source>
        <translation>Quit the application</translation>
    </message>
    <message>
        <source>Khoá lại &amp; về trang chủ</source>
        <translation>Lock &amp; go home</translation>
    </message>
    <message>
        <source>Thao tác gần đây</source>
        <translation>Recent actions</translation>
    </message>
    <message>
        <source>Nhật ký hệ thống</source>
        <translation>System log</translation>
    </message>
</context>
<context>
    <name>UnavailableScreen</name>
    <message>
        <source>Dịch vụ này chưa có tại kiosk này.</source>
        <translation>This service is not available at this kiosk yet.</translation>
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
</TS>
