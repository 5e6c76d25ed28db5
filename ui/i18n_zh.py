"""Simplified Chinese for the UI (UI_ZH, by English source text) and for the core's
message templates (CORE_ZH). `make translations` compiles them into the .qm file."""

from app.domain.catalog_zh import CORE_ZH  # noqa: F401  (built into the same .qm)

UI_ZH = {
    "No camera": "没有摄像头",
    "No camera found at index %1. Plug one in, or choose another camera or a video file in Settings.":
        "找不到编号 %1 的摄像头。请接上摄像头，或在设置中选择其他摄像头或视频文件。",
    "Cannot open the video %1: the file is missing or not a video.": "无法打开视频 %1：文件不存在或不是视频。",
    "Camera %1 on": "摄像头 %1 已开启",
    "Camera %1 stopped: no more frames": "摄像头 %1 已停止：没有更多画面",
    "Confirm an item by hand": "手动确认商品",
    "Barcode damaged": "条码损坏",
    "No barcode on item": "商品上没有条码",
    "Barcode will not scan": "条码扫不出",
    "Scanner not working": "扫码枪故障",
    "Item": "商品",
    "Reason": "原因",
    "Hardware self-test": "硬件自检",
    "Scan each code on the test card. Every scanner, camera and serial port connected to this bench shows up here.":
        "请逐个扫描测试卡上的条码。本工位连接的每个扫码枪、摄像头和串口都会显示在这里。",
    "Last scan": "最近一次扫描",
    "Received:": "收到：",
    "Scan text:": "扫描内容：",
    "Source:": "来源：",
    "Key timing:": "按键间隔：",
    "GS1:": "GS1：",
    "Devices:": "设备：",
    "not a keyboard: no key timing": "不是键盘输入：没有按键间隔",
    "%1 keys, mean gap %2 ms, longest %3 ms": "%1 个按键，平均间隔 %2 毫秒，最长 %3 毫秒",
    "scanner speed (limit %1 ms)": "扫码枪速度（上限 %1 毫秒）",
    "typing speed, not taken as a scan (limit %1 ms)": "手动打字速度，不算扫描（上限 %1 毫秒）",
    "Keyboard (typed by hand)": "键盘（手动输入）",
    "Keyboard scanner": "键盘式扫码枪",
    "Serial scanner": "串口扫码枪",
    "Camera": "摄像头",
    "%1, symbology %2": "%1，码制 %2",
    "not a GS1 code (scan the GS1 code on the test card)": "不是 GS1 码（请扫描测试卡上的 GS1 码）",
    "does not parse: %1": "无法解析：%1",
    "parses": "解析成功",
    "Keyboard scanner listening": "键盘式扫码枪已就绪",
    "Printer down": "打印机离线",
    "Log-in locked": "登录已锁定",
    "The pack video was not kept: {0}": "打包视频未能保存：{0}",
    "No camera at this station: parcels are packed without a pack video.": "本工位没有摄像头：打包时不录制打包视频。",
    "Put the parcel on the scale and let it settle…": "请把包裹放到秤上，等读数稳定……",
    "{0} Put it right and the scale checks again, or a supervisor scans {1} to ship it as it is.":
        "{0} 请改正后秤会自动重新检查；或由主管扫描 {1} 按现重量发货。",
    "No parcel's weight was refused: there is nothing to ship as it is.": "没有包裹的重量被拒：无需按现重量发货。",
    "Ship order {0} although its weight is off": "订单 {0} 重量不符，仍然发货",
    "The product's weight is wrong in the catalogue": "商品资料中的重量有误",
    "The box is a different size": "箱子尺寸不同",
    "Packing material added": "加了包装材料",
    # plurals: Chinese has one form, %n is the number
    "%n alerts to acknowledge": "%n 条告警待确认",
    "1 alert to acknowledge": "1 条告警待确认",
    "%n new alerts": "%n 条新告警",
    "1 new alert": "1 条新告警",
    "%n orders shown": "显示 %n 个订单",
    "1 order shown": "显示 1 个订单",
    "Scale": "电子秤",
    " ms": " 毫秒",
    "Order id": "订单号",
    "Quantity": "数量",
    "Unit price": "单价",
    "Item name": "商品名称",
    "Buyer name": "买家姓名",
    "Ship to name": "收件人",
    "Phone": "电话",
    "Street line": "街道地址",
    "City": "城市",
    "Postcode": "邮编",
    "Country": "国家",
    "Placed at": "下单时间",
    "Tracking number": "运单号",
    "Weight:": "重量：",
    "Zero check:": "归零检查：",
    "Zero check": "归零检查",
    "Zero the scale": "电子秤归零",
    "Not checked yet this shift.": "本班次尚未检查。",
    "overload: take the weight off": "超载：请拿走重物",
    "under zero: zero the scale": "低于零：请将电子秤归零",
    "busy": "忙碌中",
    "not readable": "无法读取",
    "stable": "稳定",
    "moving": "不稳定",
    "Take everything off the scale and wait for a stable reading…": "请清空秤台，等待读数稳定……",
    "Passed: the empty scale reads %1 g.": "通过：空秤读数为 %1 克。",
    "press Zero the scale": "请点击“电子秤归零”",
    "press the scale's zero key": "请按电子秤上的归零键",
    "Failed: the scale reads %1 g with nothing on it; %2, then check again.":
        "未通过：秤上没有东西时读数为 %1 克；%2，然后再检查一次。",
    "Scale on %1 stopped": "%1 上的电子秤已停止",
    "Scale on %1 connected": "%1 上的电子秤已连接",
    "Scale on %1 reconnected": "%1 上的电子秤已重新连接",
    "Scale on %1 not found: %2; retrying": "找不到 %1 上的电子秤：%2；正在重试",
    "Scale on %1 disconnected (%2); waiting for it to come back": "%1 上的电子秤已断开（%2）；等待重新连接",
    "device vanished": "设备已消失",
    "device closed": "设备已关闭",
    "Scale port": "电子秤端口",
    "Scale protocol": "电子秤协议",
    "Keyboard scanner off": "键盘式扫码枪已关闭",
    "Packdesk": "Packdesk 打包台",
    "Station {0}": "工位 {0}",
    "Log in": "登录",
    "Name": "姓名",
    "PIN": "PIN 码",
    "Enter your name and PIN.": "请输入姓名和 PIN 码。",
    "Packdesk — station {0}": "Packdesk — 工位 {0}",
    "Packdesk — station {0} — {1}": "Packdesk — 工位 {0} — {1}",
    "Store: {0}": "数据库：{0}",
    "&Tools": "工具(&T)",
    "Log out": "退出登录",
    "Quit Packdesk": "退出 Packdesk",
    "&Settings": "设置(&S)",
    "Not logged in": "未登录",
    "supervisor": "主管",
    "packer": "打包员",
    "Packing: {0} ({1})": "打包员：{0}（{1}）",
    "Logged out. An open order stays open for you.": "已退出。未完成的订单会为你保留。",
    "Locked after being idle. Enter your PIN to go on.": "闲置后已锁定。请输入 PIN 码继续。",
    "Order still open": "订单仍未完成",
    "Order {0} is still being packed. It stays open and resumes here next time. Quit anyway?":
        "订单 {0} 仍在打包中，下次会在这里继续。仍要退出吗？",
    "SKU": "SKU",
    "Verified": "已核对",
    "Bin": "库位",
    "Log in first.": "请先登录。",
    "Something went wrong, nothing was lost: {0}": "出了点问题，数据没有丢失：{0}",
    "No order is open. Scan an order first.": "没有打开的订单。请先扫描订单。",
    "Order {0} packed. Label {1} printing… Scan the next order.":
        "订单 {0} 已打包。面单 {1} 正在打印… 请扫描下一个订单。",
    "Label: {0}": "面单：{0}",
    "Label NOT printed: {0}. Scan REPRINT to try again.": "面单未打印：{0}。扫描“重打面单”再试。",
    "No label has been printed at this bench yet.": "本工位还没有打印过面单。",
    "Reprinting {0}…": "正在重打 {0}…",
    "Put order on hold": "挂起订单",
    "Item out of stock": "商品缺货",
    "Item damaged": "商品损坏",
    "Address problem": "地址有问题",
    "Buyer asked to wait": "买家要求暂缓",
    "Ship part of the order": "部分发货",
    "Item out of stock, rest ships now": "部分缺货，其余先发",
    "Buyer agreed to split": "买家同意分开发货",
    "%v of %m items": "%v / %m 件",
    "Scans of this order": "本订单的扫描记录",
    "Scan, or type a code and press Enter": "扫描，或输入条码后按回车",
    "Undo (F2)": "撤销 (F2)",
    "Confirm by hand": "手动确认",
    "Hold…": "挂起…",
    "Complete": "完成",
    "Leave order": "离开订单",
    "Reprint label (F9)": "重打面单 (F9)",
    "Scan an order": "请扫描订单",
    "Packing slip, waybill or order number": "装箱单、运单号或订单号",
    "Which order?": "哪个订单？",
    "More than one order matches this scan:": "有多个订单与此扫描匹配：",
    "Job": "任务",
    "Document": "文档",
    "Printer": "打印机",
    "State": "状态",
    "Details": "详情",
    "Print log": "打印记录",
    "Retry waiting jobs now": "立即重试等待中的任务",
    "Left out: {0} line(s) of the print log that could not be read (cut short when the app stopped).":
        "已略过打印记录中 {0} 行无法读取的内容（应用停止时被截断）。",
    "Order": "订单",
    "Channel": "渠道",
    "Channel order": "渠道订单号",
    "Why": "原因",
    "Ship with": "合并发货",
    "Approve for packing": "批准打包",
    "Dismiss": "忽略",
    "Refresh": "刷新",
    "not imported": "未导入",
    "Serial scanner on %1 stopped": "%1 上的串口扫码枪已停止",
    "Serial scanner on %1 not found: %2; retrying": "找不到 %1 上的串口扫码枪：%2；正在重试",
    "Serial scanner on %1 reconnected": "%1 上的串口扫码枪已重新连接",
    "Serial scanner on %1 connected": "%1 上的串口扫码枪已连接",
    "Serial scanner on %1 disconnected (%2); waiting for it to come back":
        "%1 上的串口扫码枪已断开（%2）；等待重新连接",
    "port vanished": "端口消失",
    "Station settings": "工位设置",
    "System language": "跟随系统语言",
    " min": " 分钟",
    "Save as PDF in a folder": "保存为 PDF 到文件夹",
    "System print queue (CUPS)": "系统打印队列 (CUPS)",
    "ZPL thermal printer (TCP 9100)": "ZPL 热敏打印机 (TCP 9100)",
    "folder, queue name, or host:port": "文件夹、队列名或 主机:端口",
    "camera number, or a video file": "摄像头编号或视频文件",
    "Play sounds": "播放提示音",
    "Station id": "工位编号",
    "Language": "语言",
    "Lock when idle after": "闲置多久后锁定",
    "Label printer": "面单打印机",
    "Printer address": "打印机地址",
    "Label size": "面单尺寸",
    "Letter": "美式信纸（Letter）",
    "Serial scanner port": "串口扫码枪端口",
    "Scanner key gap (mean, at most)": "扫码枪按键间隔（平均，上限）",
    "Language, printer and scanner changes apply when Packdesk starts again.":
        "语言、打印机和扫码枪的更改在重新启动 Packdesk 后生效。",
    "Supervisor": "主管",
    "Sync now": "立即同步",
    "%1: syncing… %2": "%1：同步中… %2",
    "%1: OFFLINE, %2 waiting": "%1：离线，%2 条待发送",
    "%1: OFFLINE until %3, %2 waiting": "%1：离线至 %3，%2 条待发送",
    "%1: %2": "%1：%2",
    "not synced yet": "尚未同步",
    " (%1 failed, waiting for a person)": "（%1 条失败，等待人工处理）",
    "Failed messages…": "失败的消息…",
    "Failed channel messages": "渠道失败消息",
    "Failed channel messages…": "渠道失败消息…",
    "Message": "消息",
    "Change": "变更",
    "About": "对象",
    "Why it failed": "失败原因",
    "Send again": "重新发送",
    "Shipment": "发货",
    "Stock level": "库存数量",
    "No failed messages.": "没有失败的消息。",
    "Message #%1 to %2 is queued again; it is sent now.": "发往 %2 的消息 #%1 已重新排队，正在发送。",
    "No sales channel set up": "尚未设置销售渠道",
    "{0}: printed on {1}": "{0}：已在 {1} 打印",
    "{0} waits: {1}. It will print when the printer is back.": "{0} 等待中：{1}。打印机恢复后会自动打印。",
    "{0} NOT printed: {1}": "{0} 未打印：{1}",
    "Settings not saved": "设置未保存",
    "Station settings…": "工位设置…",
    "Needs review": "待审核",
    "A supervisor must be logged in.": "需要主管登录。",
    "Orders needing review…": "待审核订单…",
    # tools menu, work pages, supervisor tools
    "Preview the last label": "预览上一张面单",
    "Print labels for many orders…": "批量打印面单…",
    "Command barcodes": "指令条码",
    "Print the command-barcode sheet": "打印指令条码表",
    "Preview": "预览",
    "Label {0}": "面单 {0}",
    "Returns counter": "退货台",
    "Order board": "订单看板",
    "Health dashboard": "运营指标看板",
    "Alerts": "告警",
    "Stock history": "库存流水",
    "Receive goods": "收货入库",
    "Cycle count": "循环盘点",
    "Import orders from a CSV file…": "从 CSV 文件导入订单…",
    # order lines at the bench
    "lot {0}": "批次 {0}",
    # CSV order import
    "Import orders from a CSV file": "从 CSV 文件导入订单",
    "No file chosen.": "未选择文件。",
    "Choose file…": "选择文件…",
    "Choose the text encoding…": "选择文字编码…",
    "Packdesk cannot tell this file's text encoding for sure. Choose the reading in which the names and addresses look right; nothing is imported until then.":
        "Packdesk 无法确定此文件的文字编码。请选择姓名和地址显示正确的那一种；选择之前不会导入任何内容。",
    "Row": "行号",
    "Problems": "问题",
    "Import the good rows, skip the bad ones": "导入正确的行，跳过有问题的行",
    "Save this mapping for files like this": "保存此列对应关系，供同类文件使用",
    "Import": "导入",
    "Order export": "订单导出文件",
    "CSV files (*.csv *.txt)": "CSV 文件 (*.csv *.txt)",
    "Reading the file…": "正在读取文件…",
    "ok": "正常",
    "{0} rows, {1} with problems. Nothing is imported until you press Import.":
        "共 {0} 行，其中 {1} 行有问题。按“导入”之前不会导入任何数据。",
    "Mapping saved: files with these columns will use it.": "列对应关系已保存：列相同的文件会自动使用。",
    "{0} rows have problems: fix the file, or tick “skip the bad ones”. Nothing was imported.":
        "{0} 行有问题：请修改文件，或勾选“跳过有问题的行”。未导入任何数据。",
    "Imported {0} orders ({1}); skipped {2} with bad rows.": "已导入 {0} 个订单（{1}）；跳过 {2} 个有问题的订单。",
    "Pack bench": "打包台",
    "Print": "打印",
    "Print the packing slip of this order": "打印本订单的装箱单",
    "Scan an order first.": "请先扫描订单。",
    "Packing slip {0}: job {1}": "装箱单 {0}：任务 {1}",
    "Ready": "待打包", "Packing": "打包中", "Packed": "已打包", "Cancelled": "已取消",
    # alerts
    "Packdesk alerts": "Packdesk 告警",
    "Raised": "发生时间",
    "Kind": "类型",
    "What happened": "事件",
    "Your name": "你的姓名",
    "Acknowledge": "确认",
    "Check now": "立即检查",
    "Choose an alert first.": "请先选择一条告警。",
    "Acknowledged by %1.": "已由 %1 确认。",
    " (cleared)": "（已解除）",
    "Stuck": "订单停滞",
    "Late": "超时",
    "Sync failure": "同步失败",
    "Stock conflict": "库存冲突",
    "Return escalated": "退货已上报",
    # batch labels
    "Print labels for many orders": "批量打印面单",
    "Loading the orders waiting to ship…": "正在加载待发货订单…",
    "Print labels for the selected orders": "为所选订单打印面单",
    "Cancel the job": "取消任务",
    "{0} orders waiting to ship. Select the ones to label.": "{0} 个订单待发货。请选择要打印面单的订单。",
    "Select at least one order.": "请至少选择一个订单。",
    "Getting tracking numbers…": "正在获取运单号…",
    "Job {0}: {1} {2}": "任务 {0}：{1} {2}",
    "Too late to cancel: the job reached the printer.": "来不及取消：任务已发送到打印机。",
    # order board
    "Status": "状态",
    "Buyer": "买家",
    "Placed": "下单时间",
    "Ship by": "最晚发货",
    "Tracking": "运单号",
    "Late: past its ship-by time": "已超时：过了最晚发货时间",
    "Due to ship within 4 hours": "4 小时内须发货",
    "On time": "未超时",
    "Packed, shipped or cancelled": "已打包、已发货或已取消",
    "No ship-by time": "无发货时限",
    "All channels": "全部渠道",
    "Any status": "全部状态",
    "Any age": "不限时长",
    "Older than 4 h": "超过 4 小时",
    "Older than 24 h": "超过 24 小时",
    "Older than 3 days": "超过 3 天",
    "On hold": "已挂起",
    "Merge candidates": "可合并发货",
    "Order number, buyer, SKU or tracking": "订单号、买家、SKU 或运单号",
    "Loading…": "加载中…",
    " (scroll for more)": "（向下滚动查看更多）",
    "Could not read the orders: %1": "无法读取订单：%1",
    "Order %1": "订单 %1",
    "%1 · %2 · %3 · %4": "%1 · %2 · %3 · %4",
    "When": "时间",
    "What": "事件",
    "By": "操作人",
    # cycle count
    "Bin location, e.g. A-01-1": "库位，例如 A-01-1",
    "or SKUs, separated by commas": "或 SKU，用逗号分隔",
    "Start count": "开始盘点",
    "Scan each item (or a case code)": "逐件扫描（或扫箱码）",
    "Set count": "改为此数量",
    "Finish counting": "完成盘点",
    "Approve (supervisor)": "批准（主管）",
    "Reject (supervisor)": "驳回（主管）",
    "Station {station}: no count open.": "工位 {station}：没有进行中的盘点。",
    "Counted": "实盘",
    "Expected": "账面",
    "Variance": "差异",
    "Location": "库位",
    "SKUs": "SKU",
    "Scan": "扫描",
    "Correct a SKU": "修正 SKU 数量",
    "Start a count before scanning.": "请先开始盘点再扫描。",
    "Not a readable GS1 code: {why}": "无法读取的 GS1 码：{why}",
    "Weekly count": "每周盘点",
    "Recount needed": "需要复盘",
    "Approve the count and adjust stock": "批准盘点并调整库存",
    "Reject the count": "驳回盘点",
    "Count {id} of {scope}: counting blind": "盘点 {id}（{scope}）：盲盘中",
    "Count {id}: {short} units short, {over} over; accuracy {accuracy}":
        "盘点 {id}：盘亏 {short} 件，盘盈 {over} 件；准确率 {accuracy}",
    "A supervisor approves the count to adjust stock.": "主管批准盘点后才会调整库存。",
    "Count {id} {status}.": "盘点 {id}：{status}。",
    # health dashboard
    "Day": "日",
    "Week": "周",
    "Month": "月",
    "Packer": "打包员",
    "Orders": "订单数",
    "Orders / hour": "订单/小时",
    "Scan to label (s)": "扫描到出面单（秒）",
    "Mis-scans": "错扫率",
    "On-time fulfilment": "按时发货率",
    "Inventory accuracy": "库存准确率",
    "Return rate": "退货率",
    "First response to returns": "退货首次响应时间",
    "Mis-scan rate": "错扫率",
    "Period": "周期",
    "%1 to %2 (UTC)": "%1 至 %2（UTC）",
    "Could not work out the figures: %1": "无法计算指标：%1",
    "nothing packed": "没有打包记录",
    "no counts yet": "还没有盘点",
    "no return cases yet": "还没有退货",
    "no scans": "没有扫描",
    "Orders packed": "已打包订单",
    "On time %": "按时率 %",
    # pack bench
    "This GS1 code cannot be read: {0}": "无法读取此 GS1 码：{0}",
    "This GS1 code has no product number (GTIN).": "此 GS1 码没有商品编号 (GTIN)。",
    # receiving
    "Open receipt": "新建入库单",
    "Scan an item (GS1 codes fill lot and expiry)": "扫描商品（GS1 码会自动填入批次和有效期）",
    "Expires": "有效期至",
    "Undo last scan": "撤销上一次扫描",
    "Close receipt": "完成入库单",
    "Station {station}: no receipt open.": "工位 {station}：没有打开的入库单。",
    "Product": "商品",
    "Units": "数量",
    "Lot": "批次",
    "Delivery note": "送货单号",
    "Supplier": "供应商",
    "Units per scan": "每次扫描数量",
    "Expiry": "有效期",
    "Open a receipt before scanning.": "请先新建入库单再扫描。",
    "Receipt {reference} ({status}): {units} units of {skus} SKUs":
        "入库单 {reference}（{status}）：{skus} 个 SKU，共 {units} 件",
    # returns counter
    "Scan an order, a tracking number or a return slip.": "请扫描订单、运单号或退货单。",
    "Once scanned, the order's return policy, its units and the refund show here.":
        "扫描后，这里会显示该订单的退货政策、商品和退款。",
    "Something went wrong: %s": "出了点问题：%s",
    "%s operations are still running; close again when they have finished.":
        "还有 %s 个操作在进行；请等它们结束后再关闭。",
    "1 operation is still running; close again when it has finished.":
        "还有 1 个操作在进行；请等它结束后再关闭。",
    "Return %s is %s.": "退货 %s 状态：%s。",
    "Scan the order first.": "请先扫描订单。",
    "Accept a return outside the policy": "接受不符合退货政策的退货",
    "Loyal customer": "老客户",
    "Fault found after the window": "过了退货期才发现故障",
    "Goodwill": "客情照顾",
    "Return %s created; the slip is printing.": "退货 %s 已创建，正在打印退货单。",
    "Printing the return slip…": "正在打印退货单…",
    "Return slip: %s": "退货单：%s",
    "The return slip did not print: %s": "退货单未打印：%s",
    "Received. Missing: %s": "已收货。缺少：%s",
    "Everything came back. Grade each unit.": "已全部退回。请逐件质检。",
    "There is no unit waiting to be graded.": "没有待质检的商品。",
    "All units graded. Refund %s.": "已全部质检。退款 %s。",
    "Graded. Next: %s": "已质检。下一件：%s",
    "Photo of the unit": "商品照片",
    "Images (*.png *.jpg *.jpeg)": "图片 (*.png *.jpg *.jpeg)",
    "Taking a photo…": "正在拍照…",
    "No photo: %s": "未拍到照片：%s",
    "Photo attached: %s": "已附上照片：%s",
    "Return %s is %s; refund %s (%s).": "退货 %s 状态：%s；退款 %s（%s）。",
    "Reject the return": "拒绝退货",
    "Why is it rejected?": "拒绝原因？",
    "Return %s rejected.": "退货 %s 已拒绝。",
    "Could not check return deadlines: %s": "无法检查退货期限：%s",
    "Changed mind": "不想要了",
    "Damaged": "损坏",
    "Wrong item sent": "发错货",
    "Not as described": "与描述不符",
    "Resellable": "可再售",
    "Missing parts": "缺件",
    "requested": "已申请",
    "approved": "已批准",
    "in transit": "退货在途",
    "received": "已收货",
    "graded": "已质检",
    "refunded": "已退款",
    "closed": "已关闭",
    "rejected": "已拒绝",
    "Scan or type an order, tracking number or return slip; or a buyer's name or phone":
        "扫描或输入订单号、运单号或退货单；也可输入买家姓名或电话",
    "Buyer pays return shipping": "买家承担退货运费",
    "Shop pays return shipping": "店铺承担退货运费",
    "Create return and print slip": "创建退货并打印退货单",
    "Supervisor override…": "主管特批…",
    "Close refund by hand…": "手动结束退款…",
    "Close a refund the channel refused": "结束渠道拒绝的退款",
    "Refunded in the seller centre": "已在卖家中心退款",
    "Refunded by bank transfer": "已通过银行转账退款",
    "The buyer agreed to no refund": "买家同意不退款",
    "Return %s is closed; the refund of %s was settled by hand.": "退货单 %s 已结束；退款 %s 已手动处理。",
    "Finish receiving": "完成收货",
    "Restock": "重新上架",
    "Quarantine": "隔离",
    "Scrap": "报废",
    "Photo…": "拍照…",
    "Refund": "退款",
    "Reprint slip": "重打退货单",
    "Reject…": "拒绝…",
    "Shipped": "已发货",
    "Return": "退货数量",
    "opened": "已拆封",
    "Policy passes": "符合退货政策",
    "Outside the policy": "不符合退货政策",
    "Received": "已收货",
    "To grade": "待质检",
    "Refund %s": "退款 %s",
    # stock history
    "Show": "查看",
    "From": "转出",
    "To": "转入",
    "Who": "操作人",
    "Station": "工位",
    "Available": "可用",
    "Awaiting shipment": "待发货",
    "Frozen": "冻结",
    "Returns in transit": "在途退货",
    "Sellable": "可售",
    "Allocation ratio": "分配比例",
    "Floor buffer": "安全库存",
    "Told it may sell": "已告知渠道可售",
    "Units left": "剩余数量",
    "Channel quotas": "渠道配额",
    "Lots, first to leave first": "批次（先出库的在前）",
    "Type or scan a SKU first.": "请先输入或扫描 SKU。",
    "Loading {sku} ...": "正在加载 {sku} ...",
    "{sku} {name}: available {available}, awaiting shipment {awaiting}, frozen {frozen}, returns in transit {transit}: sellable {sellable}. On hand {on_hand}.":
        "{sku} {name}：可用 {available}，待发货 {awaiting}，冻结 {frozen}，在途退货 {transit}：可售 {sellable}。在库 {on_hand}。",
    "The ledger does not add up to these figures: tell a supervisor.": "库存流水与这些数字对不上：请告知主管。",
    "The store could not do that: {error}": "数据库无法完成此操作：{error}",
    # merged parcels (issue 8)
    "Pack together": "合并打包",
    "Pack together (+{0})": "合并打包（+{0}）",
    "Drop order…": "移出订单…",
    "One parcel: {0} orders": "一个包裹：{0} 个订单",
    "{0} · {1} {2} · {3} of {4} items": "{0} · {1} {2} · {3} / {4} 件",
    "CANCELLED: take its items out": "已取消：请把它的商品取出",
    "Scans of this parcel": "本包裹的扫描记录",
    "Only an order of a merged parcel can be dropped; this parcel holds one order. Leave it instead.":
        "只能从合并包裹中移出订单；这个包裹只有一个订单。请改用离开订单。",
    "Which order comes out of the parcel? Take its items out of the box.":
        "哪个订单要移出包裹？请把它的商品从箱子里取出。",
    "Order {0} is complete. Scan PD:COMPLETE to ship it alone, or PD:MERGE to pack {1} in the same parcel.":
        "订单 {0} 已齐。扫描 PD:COMPLETE 单独发货，或扫描 PD:MERGE 把 {1} 装进同一个包裹。",
    "Orders {0} packed in one parcel. Label {1} printing… Scan the next order.":
        "订单 {0} 已合并打包。面单 {1} 正在打印… 请扫描下一个订单。",
    "The store is read-only": "数据库为只读",
    "The disk is full": "磁盘已满",
    "The store is busy": "数据库正忙",
    "The store is damaged": "数据库已损坏",
    "The database server cannot be reached": "无法连接数据库服务器",
    "The store cannot be opened": "无法打开数据库",
    # the bench: a label not printed holds the next order (issue 21)
    "Label for {0} NOT printed: {1}: {2}": "{0} 的面单未打印：{1}：{2}",
    "Label for {0}: printed on {1}": "{0} 的面单：已在 {1} 打印",
    "Label for {0} printed on {1}. Scan the next order.": "{0} 的面单已在 {1} 打印。请扫描下一个订单。",
    "Label for {0} not printed: {1}: {2}\nSwitch it on (the label then prints by itself), choose another label printer in Settings, or scan {3} to pack on.":
        "{0} 的面单未打印：{1}：{2}\n请打开打印机（面单会自动打印），在设置中选择其他面单打印机，或扫描 {3} 继续打包。",
    "the label printer": "面单打印机",
    "The label printer is used at once; language and scanner changes apply when Packdesk starts again.":
        "面单打印机立即生效；语言和扫码枪的更改在 Packdesk 重新启动后生效。",
    # the bench: a supervisor takes over a busy order (issue 13)
    "Take over…": "接手…",
    "{0} A supervisor can take it over here: press “Take over…” or scan {1}.":
        "{0}主管可以在本工位接手：按“接手…”或扫描 {1}。",
    "No busy order to take over: scan the order that is open at another station first.":
        "没有可接手的订单：请先扫描在其他工位打开的订单。",
    "Take over order {0}": "接手订单 {0}",
    "The other station froze": "另一个工位卡住了",
    "The packer moved to this station": "打包员换到了本工位",
    "The packer has gone home": "打包员已下班",
    # confirm by hand needs a supervisor
    "Confirm {0} by hand": "手动确认 {0}",
    "{0} by hand": "{0} 件手动",
    "Confirmed by hand": "手动确认",
    # leaving the bench
    "Order {0} stays open for {1} with its verified items: scan it to go on with it.":
        "订单 {0} 仍为 {1} 保持打开，已核对的商品保留：扫描它即可继续。",
    "Scan an order.": "请扫描订单。",
    "Logged out.": "已退出登录。",
    "Logged out. Order {0} stays open at this station with 1 verified item; scan it again to go on.":
        "已退出登录。订单 {0} 在本工位保持打开，已核对 1 件；再次扫描即可继续。",
    "Logged out. Order {0} stays open at this station with {1} verified items; scan it again to go on.":
        "已退出登录。订单 {0} 在本工位保持打开，已核对 {1} 件；再次扫描即可继续。",
}



# merged from main (go-live, shipments, bench-live, evidence): the screens' new strings
from ui.evidence_zh import EVIDENCE_UI_ZH  # noqa: E402

_MAIN_UI = {
    'Full screen not kept for the next start: {0}':
        '全屏设置未能保存到下次启动：{0}',
    'Queue: {0} ready · {1} due today · {2} late':
        '队列：{0} 单待打包 · {1} 单今天到期 · {2} 单已超时',
    'You: {0} packed · {1:.1f}/h':
        '你：已打包 {0} 单 · 每小时 {1:.1f} 单',
    'You: none packed yet today':
        '你：今天还没有打包',
    'Full screen (F11)':
        '全屏 (F11)',
    'Leave full screen':
        '退出全屏',
    'NEXT':
        '下一件',
    'Bin {0}':
        '货位 {0}',
    'No bin':
        '没有货位',
    '1 more to scan':
        '还要扫 1 件',
    '{0} more to scan':
        '还要扫 {0} 件',
    'Label sent: {0}':
        '面单已发送：{0}',
    '{0} — Packdesk':
        '{0} — Packdesk',
    'Grade for the next units: %s':
        '接下来的商品等级：%s',
    'Note read (F6)':
        '留言已读 (F6)',
    'Note: {0}':
        '买家留言：{0}',
    'Reprinting label {0} for {1}…':
        '正在重打面单 {0}（{1}）…',
    'Label pending':
        '面单待出',
    'Label refused':
        '面单被拒',
    'Not handed over':
        '未交接',
    'Parcel not moving':
        '包裹无物流更新',
    'Returned to sender':
        '已退回',
    'Order {0} packed. Asking {1} for its label… Scan the next order.':
        '订单 {0} 已打包。正在向 {1} 申请面单…… 请扫描下一个订单。',
    'Looking for sales channels…':
        '正在查找销售渠道…',
    'No sales channel set up: add one with “packdesk channel add CODE --kind shopify” (or woocommerce, taobao), then press Sync now.':
        '尚未设置销售渠道：请用 “packdesk channel add CODE --kind shopify”（或 woocommerce、taobao）添加，然后按“立即同步”。',
    'Orders needing review':
        '待审核订单',
    'BoardModel':
        'BoardModel',
    'The label printer, the language and full screen are used at once; slip printer and scanner changes apply when Packdesk starts again.':
        '面单打印机、语言和全屏设置立即生效；单据打印机和扫码枪的更改在 Packdesk 重新启动后生效。',
    'Slip printer':
        '单据打印机',
    'Slip printer address':
        '单据打印机地址',
    'Slip paper':
        '单据纸张',
    'folder, or queue name':
        '文件夹，或打印队列名称',
    'For {0}:':
        '{0}可用：',
    'Needs {0}':
        '需要{0}',
    'Not allowed':
        '不允许',
    '{0} is a counter clerk, and this station has no returns counter.':
        '{0} 是退货柜台员，本工位没有退货柜台。',
    'counter clerk':
        '退货柜台员',
    'Logged in: {0} ({1})':
        '已登录：{0}（{1}）',
    'Next steps for a new store':
        '新店的下一步',
    'Welcome to Packdesk':
        '欢迎使用 Packdesk',
    'This store is new: nobody is in it yet. Set up its first supervisor, who adds the products, the packers and the printer next.':
        '这是一个新店，还没有任何人员。请先设置第一位主管，由主管接着添加商品、打包员和打印机。',
    '4 to 8 digits':
        '4 到 8 位数字',
    "Supervisor's name":
        '主管姓名',
    'The same PIN again':
        '再输入一次 PIN',
    "This station's name":
        '本工位名称',
    'Set up the store':
        '设置本店',
    "Enter the supervisor's name.":
        '请输入主管姓名。',
    'The two PINs differ; type the PIN twice again.':
        '两次输入的 PIN 不一致，请重新输入两次。',
    'Give this station a name, like bench-1.':
        '请给本工位起个名字，例如 bench-1。',
    '{0} is the supervisor of this store.':
        '{0} 是本店的主管。',
    'Packdesk — a new store':
        'Packdesk — 新店',
    'Add products':
        '添加商品',
    'One at a time: SKU, name, barcode (its check digit is checked), weight, bin, picture.':
        '逐个添加：SKU、名称、条码（会核对校验位）、重量、库位、图片。',
    'Import the catalogue from a CSV file':
        '从 CSV 文件导入商品目录',
    'Columns sku, name, barcode, weight_g, bin, image, opening_stock; each bad row is named and kept aside.':
        '列为 sku、name、barcode、weight_g、bin、image、opening_stock；每个有问题的行都会列出并另存。',
    'Add packers and counter clerks':
        '添加打包员和退货柜台员',
    'Each with a name, a role and a PIN of their own.':
        '每人有自己的姓名、角色和 PIN。',
    'Set up the label printer':
        '设置面单打印机',
    'A PDF folder, a CUPS queue or a ZPL printer; the slip printer and the idle lock too.':
        'PDF 文件夹、CUPS 队列或 ZPL 打印机；还有装箱单打印机和空闲锁定。',
    'Or connect a sales channel: packdesk channel add.':
        '或连接销售渠道：packdesk channel add。',
    'Set up the carrier':
        '设置承运商',
    "Tracking numbers come from a carrier's number range. Until a carrier account is connected, give the shop its own range on the command line:":
        '运单号来自承运商的号段。在连接承运商账号之前，请在命令行为本店设置自己的号段：',
    'Copy the command':
        '复制命令',
    'Start packing':
        '开始打包',
    'People — for supervisors':
        '人员 — 主管使用',
    'Who packs, takes returns and supervises. Someone who left is disabled, never deleted: the history keeps the name.':
        '谁打包、谁收退货、谁是主管。离职的人只停用不删除：历史记录保留姓名。',
    'Role':
        '角色',
    'May log in':
        '可以登录',
    'Add someone':
        '添加人员',
    'Add':
        '添加',
    'The person chosen above':
        '上面选中的人',
    'Change the role':
        '更改角色',
    'Disable':
        '停用',
    'Enable':
        '启用',
    'Give this new PIN':
        '设为新 PIN',
    'New PIN, twice':
        '新 PIN（输入两次）',
    'yes':
        '是',
    'no, disabled':
        '否，已停用',
    '{0} added as {1}.':
        '已添加 {0}，角色：{1}。',
    '{0} is now {1}.':
        '{0} 现在是{1}。',
    '{0} may log in again.':
        '{0} 可以重新登录了。',
    '{0} is disabled and can no longer log in; the history keeps the name.':
        '{0} 已停用，不能再登录；历史记录保留姓名。',
    '{0} has a new PIN.':
        '{0} 已设置新 PIN。',
    'Products — for supervisors':
        '商品 — 主管使用',
    'Find by SKU or name':
        '按 SKU 或名称查找',
    'Barcode':
        '条码',
    'Weight (g)':
        '重量（克）',
    "EAN-13, UPC-A, GTIN-14 or the shop's own code":
        'EAN-13、UPC-A、GTIN-14 或本店自编码',
    ' g':
        ' 克',
    'e.g. A-01-2':
        '例如 A-01-2',
    'Choose…':
        '选择…',
    'Save the product':
        '保存商品',
    'New product':
        '新商品',
    'Weight of one unit':
        '单件重量',
    'Picture':
        '图片',
    "The product's picture":
        '商品图片',
    'Pictures (*.png *.jpg *.jpeg *.webp)':
        '图片 (*.png *.jpg *.jpeg *.webp)',
    '{0} saved: {1}, {2} g.':
        '已保存 {0}：{1}，{2} 克。',
    'no barcode':
        '无条码',
    'Import the catalogue — for supervisors':
        '导入商品目录 — 主管使用',
    'A CSV file whose first line names the columns: sku and name, and any of barcode, weight_g (or weight_kg), bin, image, opening_stock. Opening stock goes into the stock ledger as “opening stock”, once per SKU.':
        'CSV 文件第一行是列名：sku 和 name，以及 barcode、weight_g（或 weight_kg）、bin、image、opening_stock 中的任意几列。期初库存以“opening stock”记入库存台账，每个 SKU 只记一次。',
    'Choose the file…':
        '选择文件…',
    'Line':
        '行',
    'Problem':
        '问题',
    'Import the good rows':
        '导入没有问题的行',
    'The catalogue file':
        '商品目录文件',
    'Checking {0}…':
        '正在检查 {0}…',
    '{0} — rows to import: {1} (new products: {2}, changed: {3}, with opening stock: {4}). Rows with problems, kept aside: {5}.':
        '{0} — 可导入的行：{1}（新商品：{2}，修改：{3}，含期初库存：{4}）。有问题另存的行：{5}。',
    'Imported. New products: {0}, changed: {1}; opening stock: {3} units for {2} SKUs.':
        '已导入。新商品：{0}，修改：{1}；期初库存：{2} 个 SKU 共 {3} 件。',
    'Rows not imported: {0}. They are in {1}, each with its problem: fix them there and import that file.':
        '未导入的行：{0}。它们在 {1} 中，每行注明了问题：改好后导入该文件。',
    'People…':
        '人员…',
    'Product label {0}':
        '商品标签 {0}',
    'So far: products {0}, packers and clerks {1}, carriers {2}, orders {3}.':
        '目前：商品 {0} 个，打包员和退货柜台员 {1} 人，承运商 {2} 个，订单 {3} 个。',
    'Log in to acknowledge an alert.':
        '请登录后再确认警报。',
    'Print its barcode label…':
        '打印它的条码标签…',
    'Products…':
        '商品…',
    'Import the catalogue from a CSV file…':
        '从 CSV 文件导入商品目录…',
}
UI_ZH.update({k: v for k, v in {**EVIDENCE_UI_ZH, **_MAIN_UI}.items() if k not in UI_ZH})


# merged from go-live-2: the catalogue pull, the carrier screen, supervisor commands
_GO_LIVE_2_UI = {
    'At the channel: {address}':
        '渠道中的图片：{address}',
    'No weight yet: the weight gate learns it from the scale, or type it here.':
        '尚无重量：称重关卡会从电子秤学得，或在此输入。',
    'From channel {channel}; a pull follows its changes until a weight is typed here.':
        '来自渠道 {channel}；拉取会跟随其变化，直到在此输入重量。',
    'Learned from the scale; a weight typed here replaces it.':
        '由电子秤学得；在此输入的重量会替换它。',
    'Set by a person; a pull from a channel never replaces it.':
        '人工设置；从渠道拉取不会替换它。',
    'API key':
        'API 密钥',
    'Checkword (校验码)':
        '校验码',
    'App secret':
        'App Secret',
    'Session key':
        '授权 Session',
    'App key':
        'App Key',
    'E-waybill password (optional)':
        '电子面单密码（可选）',
    'Sales channel':
        '销售渠道',
    'Pull the catalogue from the channel':
        '从渠道拉取商品目录',
    'No Shopify, WooCommerce or Taobao channel yet: connect one with packdesk channel add, then pull its catalogue here.':
        '还没有 Shopify、WooCommerce 或淘宝渠道：先用 packdesk channel add 连接一个，再在这里拉取其商品目录。',
    'Pulling the catalogue from {channel}…':
        '正在从 {channel} 拉取商品目录…',
    'From {channel}: {added} products added, {changed} changed; opening stock {units} units for {skus} SKUs.':
        '来自 {channel}：新增 {added} 个商品，更新 {changed} 个；期初库存 {skus} 个 SKU 共 {units} 件。',
    'Listed without a SKU, not taken: {count}. Give them a SKU at the channel and pull again.':
        '没有 SKU 的商品未导入：{count} 个。请在渠道里给它们设置 SKU 后再拉取。',
    '… and {count} more.':
        '… 另有 {count} 条。',
    'The catalogue was not pulled: {reason} What was stored before stays.':
        '商品目录未拉取：{reason} 之前已保存的内容保持不变。',
    'Carriers…':
        '承运商…',
    'Carriers — for supervisors':
        '承运商 — 主管使用',
    'Code':
        '代码',
    'Labels from':
        '面单来源',
    'Next number / address':
        '下一个单号 / 地址',
    'Own number range':
        '本店号段',
    'Carrier API':
        '承运商接口',
    'e.g. OWN':
        '例如 OWN',
    'capital letters, e.g. PK':
        '大写字母，例如 PK',
    '8 digits: a UPU S10 check digit; otherwise GS1 mod-10':
        '8 位：UPU S10 校验位；其他位数：GS1 模 10 校验',
    'Add the carrier':
        '添加承运商',
    'Name on the labels':
        '面单上的名称',
    'Prefix':
        '前缀',
    'Serial digits':
        '序号位数',
    'Sender name':
        '寄件人姓名',
    'Sender phone':
        '寄件人电话',
    'Sender address':
        '寄件人地址',
    "leave empty for the carrier's own address":
        '留空则使用承运商的默认地址',
    'Save the carrier':
        '保存承运商',
    'Test the connection':
        '测试连接',
    'Carrier':
        '承运商',
    'API address':
        '接口地址',
    'Settings (KEY=VALUE, one a line)':
        '设置（KEY=VALUE，每行一个）',
    'kept in the system keyring; empty keeps the stored one':
        '保存在系统钥匙串中；留空则保留已存的',
    '{carrier} needs: {settings}':
        '{carrier} 需要：{settings}',
    '{carrier} needs no settings besides its key.':
        '{carrier} 除密钥外不需要其他设置。',
    'own number range':
        '本店号段',
    "the carrier's address":
        '承运商默认地址',
    'Carrier {code} ({name}) added; its first tracking number is {number}.':
        '已添加承运商 {code}（{name}）；第一个运单号是 {number}。',
    'Give the carrier a code, like SF or EZP.':
        '请给承运商一个代码，例如 SF 或 EZP。',
    '{said} Its keys are in the system keyring.':
        '{said} 其密钥已保存在系统钥匙串中。',
    'Save carrier {code} first, then test it.':
        '请先保存承运商 {code}，再测试。',
    'Asking {name}…':
        '正在询问 {name}…',
    'Connection works: {said}':
        '连接正常：{said}',
    'The connection test failed: {reason}':
        '连接测试失败：{reason}',
    "The shop's own tracking-number range, or a carrier account (EasyPost, Shippo, SF Express, Cainiao, KDNiao) that issues the labels.":
        '本店自己的运单号段，或由承运商账户（EasyPost、Shippo、顺丰、菜鸟、快递鸟）出具面单。',
}
UI_ZH.update({k: v for k, v in _GO_LIVE_2_UI.items() if k not in UI_ZH})

_CATALOGUE_FILE_UI = {
    "A CSV file or an Excel workbook (.xlsx) whose first line names the columns: sku and name, and any of barcode, weight_g (or weight_kg), bin, image, opening_stock. Opening stock goes into the stock ledger as “opening stock”, once per SKU.":
        "CSV 文件或 Excel 工作簿（.xlsx），第一行是列名：sku 和 name，以及 barcode、weight_g（或 weight_kg）、bin、image、opening_stock 中的任意几列。期初库存以“opening stock”记入库存台账，每个 SKU 只记一次。",
    "CSV files and workbooks (*.csv *.txt *.xlsx)": "CSV 文件和工作簿 (*.csv *.txt *.xlsx)",
}
UI_ZH.update({k: v for k, v in _CATALOGUE_FILE_UI.items() if k not in UI_ZH})

_BOARD_WEIGHT_UI = {
    "Weight": "重量",
    "weight unknown": "重量未知",
    "No weight for {0}: set it in Tools → Products…, or the label prints no weight":
        "{0} 没有重量：请在 工具 → 商品… 中设置，否则面单上不印重量",
}
UI_ZH.update({k: v for k, v in _BOARD_WEIGHT_UI.items() if k not in UI_ZH})

_ATTACH_CODE_UI = {
    "Attach {code} to a product": "把 {code} 关联到商品",
    "New supplier barcode": "供应商的新条码",
    "Case code": "整箱条码",
    "Product (SKU)": "商品（SKU）",
    "Units per scan of this code": "此条码每扫一次的件数",
    "Attach to a product…": "关联到商品…",
    "Attach {code} to a product…": "把 {code} 关联到商品…",
}
UI_ZH.update({k: v for k, v in _ATTACH_CODE_UI.items() if k not in UI_ZH})
# the returns counter by scanner, the self-test's test card (issue 21, counter-scan)
_COUNTER_SCAN_UI = {
    'Print the test card': '打印测试卡',
    'Sending the test card to the printer…': '正在把测试卡发送到打印机…',
    'Test card: %1. Scan each of its codes.': '测试卡：%1。请逐个扫描其上的条码。',
    'The test card did not print: %1': '测试卡未能打印：%1',
    'Scan the bin %1 goes back to: %2.': '请扫描 %1 放回的库位：%2。',
    'Scan the bin %1 goes back to.': '请扫描 %1 放回的库位。',
    'Damaged: a photo of the unit is needed. Press Photo… (there is no camera here), or a supervisor scans PD:NO-PHOTO.':
        '损坏：需要这件商品的照片。请按“照片…”（此处没有摄像头），或由主管扫描 PD:NO-PHOTO。',
    'Grade a damaged unit without a photo': '不拍照给损坏商品评级',
    'The camera is broken': '摄像头坏了',
    'The damage does not show on a photo': '照片拍不出损坏',
    "No photo, on %1's word: scan where the unit goes.": '经 %1 批准不拍照：请扫描商品去向。',
    'Photo taken. Scan where the damaged unit goes.': '已拍照。请扫描损坏商品的去向。',
    'Return %1 is closed. Refund %2 by hand: %3': '退货 %1 已关闭。请手工退款 %2：%3',
    'sent to the channel': '已发送到渠道',
    'confirmed by the channel': '渠道已确认',
    'refused by the channel': '渠道已拒绝',
    'by hand': '手工',
    'none': '无',
    'No photo (supervisor)…': '不拍照（主管）…',
}
UI_ZH.update({k: v for k, v in _COUNTER_SCAN_UI.items() if k not in UI_ZH})
# zh-finish: the kinds of an order's history lines (the order board's history window)
_ZH_FINISH_UI = {
    "Intake": "接单", "Review": "审核", "Pack session": "打包", "Stock": "库存", "Sync": "同步",
    "Return case": "退货", "Product name": "商品名称",
}
UI_ZH.update({k: v for k, v in _ZH_FINISH_UI.items() if k not in UI_ZH})

_CATALOGUE_BG_UI = {
    "Differences to settle — for supervisors": "待处理的差异 — 主管使用",
    "Name": "名称", "Barcode": "条码", "Weight (g)": "重量（克）",
    "A sales channel says something else than the product. Nothing was changed: choose which value the product keeps.":
        "销售渠道的资料与商品不一致。尚未做任何改动：请选择商品保留哪个值。",
    "SKU": "SKU", "Product": "商品", "What": "项目", "On the product": "商品现有",
    "The channel says": "渠道的值",
    "Keep the product's value": "保留商品现有的值",
    "Take the channel's value": "采用渠道的值",
    "learned from the scale": "由电子秤学得",
    "from {channel}": "来自 {channel}",
    "set by a person or a file": "由人工或文件设定",
    "No differences to settle: the channels and the products agree.": "没有待处理的差异：渠道与商品一致。",
    "{sku}: {what} is now {value}.": "{sku}：{what} 现在是 {value}。",
    "Not settled: {reason}": "未处理：{reason}",
    "Settled": "处理结果",
    "Show the settled ones too (who chose what)": "同时显示已处理的（谁选了什么）",
    "the sources agree now": "来源现已一致",
    "kept the product's": "保留了商品现有的值",
    "took the channel's": "采用了渠道的值",
    "{who} {side}, {when}": "{who}{side}，{when}",
    "Differences to settle…": "待处理的差异…",
    "{station} is pulling the catalogue of {channel} now; pull again when it is done.":
        "{station} 正在拉取 {channel} 的商品资料；完成后再拉取。",
    "Where the channel says something else than a product, nothing was changed: {count} differences wait in Tools → Differences to settle.":
        "渠道资料与商品不一致之处未做改动：{count} 条差异在 工具 → 待处理的差异 中等待处理。",
}
UI_ZH.update({k: v for k, v in _CATALOGUE_BG_UI.items() if k not in UI_ZH})
# station-setup: the station set-up's pages and test pages, the opening stock import
_STATION_SETUP_UI = {
    "Station": "工位",
    "Printers": "打印机",
    "Scanners": "扫码枪",
    "Scale": "电子秤",
    "Print a test label": "打印测试面单",
    "Shipping labels": "快递面单",
    "Packing slips, return slips and sheets": "装箱单、退货单和条码页",
    "No scale is running at this station. Give its port and protocol, save, and start Packdesk again: its live weight shows here.":
        "本工位没有在用的电子秤。请填写它的端口和协议，保存后重新启动 Packdesk：这里就会显示实时重量。",
    "Not printed yet.": "尚未打印。",
    "Not printed: %1": "未打印：%1",
    "Sending the test page to %1…": "正在把测试页发送到 %1…",
    "Job %1 waits for %2: %3. It prints when the printer is back.":
        "任务 %1 在等 %2：%3。打印机恢复后就会打印。",
    "Job %1 is going to %2…": "任务 %1 正在发往 %2…",
    "%1 took job %2 (its job %3); asking the queue whether it printed…":
        "%1 已接收任务 %2（队列任务号 %3）；正在询问打印队列是否已打印…",
    "Printed: %1 took the test page.": "已打印：%1 已接收测试页。",
    "waiting in the queue": "在队列中等待",
    "held": "已暂停",
    "printing": "正在打印",
    "stopped": "已停止",
    "cancelled": "已取消",
    "aborted": "已中止",
    "completed": "已完成",
    "Printed: the print queue says job %1 is completed.": "已打印：打印队列显示任务 %1 已完成。",
    "Not printed: the print queue says job %1 is %2. Look at the printer, then print the test page again.":
        "未打印：打印队列显示任务 %1 %2。请检查打印机，然后再打印一次测试页。",
    "The print queue still says job %1 is %2: look at the printer.":
        "打印队列仍显示任务 %1 %2：请检查打印机。",
    "The print queue says job %1 is %2…": "打印队列显示任务 %1 %2…",
    "CUPS queues on this computer: %1": "本机的 CUPS 打印队列：%1",
    "CUPS has no print queues yet.": "CUPS 还没有打印队列。",
    "CUPS cannot be asked for its queues: %1": "无法向 CUPS 查询打印队列：%1",
    "Camera %1: %2": "摄像头 %1：%2",
    "A number or a video file, typed below": "在下面输入编号或视频文件",
    "Show its picture": "显示画面",
    "Import opening stock from a file…": "从文件导入期初库存…",
    "A CSV file or an Excel workbook (.xlsx) whose first line names the columns: sku and quantity, and where known bin, lot and expiry (YYYY-MM-DD), one line per lot. Every unit goes into the stock ledger as “opening stock”; a SKU that has stock already is counted with Tools → Cycle count instead.":
        "CSV 文件或 Excel 工作簿（.xlsx），第一行写列名：sku 和 quantity，已知的话再加 bin（库位）、lot（批号）和 expiry（有效期，YYYY-MM-DD），每个批号一行。每件商品都以“期初库存”记入库存流水；已有库存的 SKU 请改用 工具 → 循环盘点。",
    "The opening stock file": "期初库存文件",
    "Import opening stock — for supervisors": "导入期初库存 — 主管使用",
    "{0} — rows to import: {1} ({2} units of {3} SKUs; lots: {4}). Rows with problems, kept aside: {5}.":
        "{0} — 可导入的行：{1}（{3} 个 SKU 共 {2} 件，{4} 个批号）。有问题、暂不导入的行：{5}。",
    "Columns not used: {0}.": "未使用的列：{0}。",
    "Imported. Opening stock: {0} units of {1} SKUs; lots: {2}; bins set: {3}.":
        "已导入。期初库存：{1} 个 SKU 共 {0} 件，{2} 个批号；设置库位：{3} 个。",
}
UI_ZH.update({k: v for k, v in _STATION_SETUP_UI.items() if k not in UI_ZH})
# carriers-cn: a return pick-up at the buyer's door (上门取件) from the returns counter
_RETURN_PICKUP_UI = {
    "Book a pick-up at the buyer's door": "预约上门取件",
    "Booking the pick-up…": "正在预约上门取件…",
    "Pick-up %s booked; the slip with its code is printing.": "已预约上门取件 %s，正在打印带取件码的退货单。",
    "No pick-up was booked: %s": "未能预约上门取件：%s",
    "Pick-up %s with %s, %s": "上门取件 %s（%s，%s）",
}
UI_ZH.update({k: v for k, v in _RETURN_PICKUP_UI.items() if k not in UI_ZH})

# the product editor (names in two languages, barcodes with units per scan, size, picture)
# and product labels in batches
_PRODUCT_EDITOR_UI = {
    "{0} is not a picture (PNG, JPEG or WebP).": "{0} 不是图片（PNG、JPEG 或 WebP）。",
    "{0} is not there any more.": "{0} 已经不在了。",
    "Add a barcode": "添加条码",
    "Remove": "删除",
    "e.g. 宜兴紫砂壶 (printed on its label too)": "例如 宜兴紫砂壶（也会印在标签上）",
    "Must be scanned: nobody may confirm it by hand": "必须扫码：任何人都不能手动确认",
    "length": "长",
    "width": "宽",
    "height": "高",
    "mm": "毫米",
    "Name in Chinese": "中文名称",
    "More barcodes": "更多条码",
    "Size (L × W × H)": "尺寸（长 × 宽 × 高）",
    "From a file…": "从文件选择…",
    "Take it with the camera": "用摄像头拍摄",
    "No camera is set for this station (Settings → Camera).": "本工位没有设置摄像头（设置 → 摄像头）。",
    "Labels for many products…": "批量打印商品标签…",
    "No picture": "没有图片",
    "Taking a picture…": "正在拍照…",
    "Picture ready; Save the product to keep it.": "图片已就绪；请保存商品以保留它。",
    "No picture: {0}": "没有图片：{0}",
    "Product labels — for supervisors": "商品标签 — 主管使用",
    "Tick the products and how many labels each needs. A product without a barcode gets the "
    "shop's own code (an EAN-13 starting with 20), stored on it, so its label scans.":
        "勾选商品并填写每个商品需要的标签数量。没有条码的商品会得到本店自编码（以 20 开头的 EAN-13），"
        "并保存在商品上，这样它的标签可以扫码。",
    "Labels": "标签数",
    "Tick all without a barcode": "勾选所有没有条码的商品",
    "Untick all": "全部取消勾选",
    "Print the labels…": "打印标签…",
    "none: an own code is given": "无：打印时分配本店自编码",
    "Products without a barcode: {0}.": "没有条码的商品：{0} 个。",
    "Product labels ({0})": "商品标签（{0} 张）",
    "{0} labels for {1} products sent to the printer.": "已将 {1} 个商品的 {0} 张标签发送到打印机。",
    "Own codes given to: {0}.": "已分配本店自编码：{0}。",
    "Chosen: {0}": "已选：{0}",
    "A CSV file or an Excel workbook (.xlsx) whose first line names the columns: sku and name, "
    "and any of name_zh (the Chinese name), barcode, weight_g (or weight_kg), bin, image, "
    "opening_stock. Opening stock goes into the stock ledger as “opening stock”, once per SKU.":
        "CSV 文件或 Excel 工作簿（.xlsx），第一行是列名：sku 和 name，以及 name_zh（中文名称）、barcode、"
        "weight_g（或 weight_kg）、bin、image、opening_stock 中的任意几列。期初库存以“opening stock”"
        "记入库存台账，每个 SKU 只记一次。",
    "One at a time: SKU, names in two languages, barcodes and case codes, weight, size, bin, "
    "picture; labels for products without a barcode.":
        "逐个添加：SKU、两种语言的名称、条码和箱码、重量、尺寸、库位、图片；为没有条码的商品打印标签。",
    "{0} had no barcode: its own code {1} is now on it and on the label.":
        "{0} 原来没有条码：现在它有了本店自编码 {1}，标签上也印着这个码。",
}
UI_ZH.update({k: v for k, v in _PRODUCT_EDITOR_UI.items() if k not in UI_ZH})
_CARRIER_TEST_LABEL_UI = {  # ui/carrier_setup.py: an own range's test label
    "The carrier's label on this station's label printer, with the range's next number: scan it. The number is not used up.":
        "在本工位的面单打印机上打印该承运商的面单，运单号为号段的下一个号码：请扫描核对。该号码不会被占用。",
    "Choose an own-range carrier in the list (or add one), then print its test label.":
        "请先在列表中选择一个自有号段承运商（或新增一个），再打印它的测试面单。",
    "Test label of {code}: {job}. Its barcode must scan as {number}; that number is not used up.":
        "{code} 的测试面单：{job}。它的条码扫出来必须是 {number}；该号码不会被占用。",
    "The test label was not printed: {reason}": "测试面单没有打印：{reason}",
}
UI_ZH.update({k: v for k, v in _CARRIER_TEST_LABEL_UI.items() if k not in UI_ZH})
_SHIPPING_UPLOAD_UI = {  # ui/shipping_upload.py: Tools → Shipping-upload file for a marketplace
    "Shipping-upload file for a marketplace…": "导出平台批量发货文件…",
    "Shipping-upload file for a marketplace": "平台批量发货文件",
    "Also orders exported before": "也包括以前导出过的订单",
    "Export…": "导出…",
    "Channel": "渠道",
    "Packed on or after": "打包日期从",
    "Save the shipping-upload file": "保存批量发货文件",
    "Upload files (*.csv *.xlsx)": "上传文件 (*.csv *.xlsx)",
    "Writing {0}…": "正在写入 {0}…",
    "{0} orders written to {1}. Upload it in the {2} seller centre's bulk shipping.":
        "已把 {0} 个订单写入 {1}。请在{2}商家后台的批量发货中上传。",
}
UI_ZH.update({k: v for k, v in _SHIPPING_UPLOAD_UI.items() if k not in UI_ZH})
