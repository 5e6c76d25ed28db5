"""Simplified Chinese for the core's message templates (app/domain/messages.py Msg), by
English template, and for the plain words the core passes as values (statuses, kinds).

One catalogue for every reader: the UI builds it into its .qm (`make translations`, context
"core"); the senders, reports, slips and the command line translate with it directly
(app/domain/translation.py). tests/unit/test_translation_coverage.py fails when a template in
the code has no entry here, or an entry's fields differ from its English.
"""

_BENCH = {
    "{name} is locked after {count} wrong PINs in a row; try again in {seconds} s, or ask a supervisor.":
        "{name} 连续输错 {count} 次 PIN，已被锁定；请 {seconds} 秒后再试，或找主管。",
    "A PIN is 4 to 8 digits.": "PIN 码为 4 到 8 位数字。",
    "A name has 1 to 64 characters.": "姓名为 1 到 64 个字符。",
    "{role} is not a role; use packer, clerk or supervisor.": "{role} 不是角色；请用 packer（打包员）、clerk（退货柜台）或 supervisor（主管）。",
    "There is already someone called {name}.": "已经有人叫 {name}。",
    "There is nobody called {name}.": "没有叫 {name} 的人。",
    "{name} is the last active supervisor; add another one first.": "{name} 是最后一位在职主管；请先添加另一位主管。",
    "This store already has people or orders; packdesk init only sets up an empty store. Use packdesk people to add someone.":
        "此数据库已有人员或订单；packdesk init 只用于设置空数据库。请用 packdesk people 添加人员。",
    "The scale shows {weighed} g, below zero: take the parcel off and zero the scale.":
        "秤显示 {weighed} 克，低于零：请拿下包裹并将电子秤归零。",
    "No weight is known for {skus} yet; the parcel's {weighed} g is not checked.":
        "尚不知道 {skus} 的重量；本包裹的 {weighed} 克未做检查。",
    "Weight checked: {weighed} g, expected {expected} g.": "重量已核对：{weighed} 克，应为 {expected} 克。",
    "The parcel weighs {weighed} g, {difference} g less than the {expected} g expected: about the weight of {count} × {sku}. Is one missing?":
        "包裹重 {weighed} 克，比应有的 {expected} 克轻 {difference} 克：约等于 {count} × {sku} 的重量。是否少放了？",
    "The parcel weighs {weighed} g, {difference} g less than the {expected} g expected. Check the items and the box.":
        "包裹重 {weighed} 克，比应有的 {expected} 克轻 {difference} 克。请检查商品和箱子。",
    "The parcel weighs {weighed} g, {difference} g more than the {expected} g expected: about the weight of {count} × {sku}. Is one too many in the box?":
        "包裹重 {weighed} 克，比应有的 {expected} 克重 {difference} 克：约等于 {count} × {sku} 的重量。是否多放了？",
    "The parcel weighs {weighed} g, {difference} g more than the {expected} g expected. Check for an extra item or the wrong box.":
        "包裹重 {weighed} 克，比应有的 {expected} 克重 {difference} 克。请检查是否多放了商品或用错了箱子。",
    "{sku} is not a box Packdesk knows; scan the box's own code.": "{sku} 不是已登记的箱子；请扫描箱子自己的条码。",
    "Shipping a parcel whose weight is off": "重量不符的包裹仍然发货",
    "Order {number} was put ON HOLD by the channel while packing. Stop and set the parcel aside; do not ship it.":
        "打包过程中，渠道已将订单 {number} 暂停发货。请停止打包，把包裹放到一边，不要发货。",
    "label not saved: disk full at {path}": "面单未保存：{path} 所在磁盘已满",
    "label not saved: {problem} at {path}": "面单未保存：{path}：{problem}",
    "packing slip not saved: disk full at {path}": "装箱单未保存：{path} 所在磁盘已满",
    "packing slip not saved: {problem} at {path}": "装箱单未保存：{path}：{problem}",
    "return slip not saved: disk full at {path}": "退货单未保存：{path} 所在磁盘已满",
    "return slip not saved: {problem} at {path}": "退货单未保存：{path}：{problem}",
    "document not saved: disk full at {path}": "文件未保存：{path} 所在磁盘已满",
    "document not saved: {problem} at {path}": "文件未保存：{path}：{problem}",
    "Outbox message {id} is not in the store.": "发件箱消息 {id} 不在数据库中。",
    "Outbox message {id} has not failed (it is {status}).": "发件箱消息 {id} 没有失败（状态为 {status}）。",
    "“{code}” is not a product code Packdesk knows.": "“{code}” 不是已知的商品条码。",
    "No order is open. Scan an order first.": "没有打开的订单。请先扫描订单。",
    "No parcel's weight was refused: there is nothing to ship as it is.":
        "没有包裹的重量被拒：无需按现重量发货。",
    "The bench cannot go from {state} by {event}.": "工作台无法从 {state} 经 {event} 转换。",
    "The bench cannot go from {state} to {to}.": "工作台无法从 {state} 转到 {to}。",
    "Wrong item: {sku} {name} is not in this order. Still expected: {expected}.":
        "错货：{sku} {name} 不在本订单中。仍需：{expected}。",
    "Serial {serial} was already scanned in this order.": "序列号 {serial} 已在本订单中扫过。",
    "{sku} {name}: {verified} of {quantity}": "{sku} {name}：{verified} / {quantity}",
    "Over-scan: {sku} needs {quantity}, {verified} already verified; {units} more is too many.":
        "多扫：{sku} 需要 {quantity} 件，已核对 {verified} 件；再加 {units} 件就多了。",
    "{sku} must be scanned; it cannot be confirmed by hand.": "{sku} 必须扫描，不能手动确认。",
    "Confirming an item by hand needs a reason.": "手动确认商品需要填写原因。",
    "{sku} is not outstanding in this order.": "本订单中 {sku} 已无待核对数量。",
    "{sku} confirmed by hand ({reason}): {verified} of {quantity}":
        "{sku} 已手动确认（{reason}）：{verified} / {quantity}",
    "The pack session for {number} is closed.": "订单 {number} 的打包已结束。",
    "nothing, the order is complete": "无，订单已齐",
    "The scan was empty.": "扫描内容为空。",
    "The scan is {length} characters long; no barcode here is longer than {limit}.":
        "扫描内容长达 {length} 个字符；这里的条码不会超过 {limit} 个字符。",
    "The scan contains a control character (U+{code}); check the scanner's keyboard layout and suffix settings.":
        "扫描内容含有控制字符 (U+{code})；请检查扫码枪的键盘布局和后缀设置。",
    "No order matches “{text}”.": "没有与 “{text}” 匹配的订单。",
    "{count} orders match “{text}”; pick one.": "有 {count} 个订单与 “{text}” 匹配，请选择一个。",
    "Order {number} was CANCELLED ({when}). Do not ship it: put the items back.":
        "订单 {number} 已取消（{when}）。不要发货：请把商品放回。",
    "Order {number} was already packed by {by} on {when}.": "订单 {number} 已由 {by} 于 {when} 打包。",
    "Order {number} is on hold since {when} ({reason}).": "订单 {number} 自 {when} 起挂起（{reason}）。",
    "no reason given": "未填写原因",
    "Order {number} needs review before packing.": "订单 {number} 需审核后才能打包。",
    "Order {number} opened.": "订单 {number} 已打开。",
    "Order {number} is being packed by {packer} at {station}.": "订单 {number} 正由 {packer} 在 {station} 打包。",
    "Order {number} resumed where it was left.": "订单 {number} 已从上次中断处继续。",
    "Pack session {id} does not exist.": "打包记录 {id} 不存在。",
    "Order {number} is no longer open at this bench.": "订单 {number} 已不在本工位打包。",
    "Order {number} is gone from the store.": "数据库中已找不到订单 {number}。",
    "Quantity {quantity} is not between 1 and {limit}.": "数量 {quantity} 不在 1 到 {limit} 之间。",
    "Order {number} was CANCELLED while packing. Stop and put the items back.":
        "订单 {number} 在打包时被取消。请停止并把商品放回。",
    "That is order {other}. Finish or hold order {number} first.": "这是订单 {other}。请先完成或挂起订单 {number}。",
    "There is no scan to undo.": "没有可撤销的扫描。",
    "Undone: {sku} ×{quantity}.": "已撤销：{sku} ×{quantity}。",
    "There is no product {sku}.": "没有商品 {sku}。",
    "Order {number} is on hold: {reason}": "订单 {number} 已挂起：{reason}",
    "Order {number} is back in the queue.": "订单 {number} 已回到待打包队列。",
    "“{text}” is not a quantity from 1 to {limit}.": "“{text}” 不是 1 到 {limit} 之间的数量。",
    "Name or PIN is not right.": "姓名或 PIN 码不正确。",
    "{action} needs a supervisor's PIN and a reason.": "{action}需要主管 PIN 码和原因。",
    "{action} needs a reason.": "{action}需要原因。",
    "Supervisor name or PIN is not right.": "主管姓名或 PIN 码不正确。",
    "{name} is not a supervisor.": "{name} 不是主管。",
    "Putting an order on hold": "挂起订单",
    "Shipping part of an order": "部分发货",
    "Order {number} was cancelled; it must not ship.": "订单 {number} 已取消，不能发货。",
    "Nothing has been verified yet; scan the items first.": "还没有核对任何商品，请先扫描商品。",
    "No carrier profile is set up; add one in Settings → Carriers.": "尚未设置承运商，请在 设置 → 承运商 中添加。",
    "{what}: another station kept changing the same record; tried {attempts} times. Please scan again.":
        "{what}：其他工位一直在修改同一条记录；已重试 {attempts} 次。请重新扫描。",
    "Opening the order": "打开订单",
    "Recording the scan": "记录扫描",
    "Undoing the scan": "撤销扫描",
    "Confirming the item": "确认商品",
    "Holding the order": "挂起订单",
    "Completing the order": "完成订单",
    "Leaving the order": "离开订单",
    # merged parcels (issue 8)
    "Wrong item: {sku} {name} is in none of this parcel's orders. Still expected: {expected}.":
        "错货：{sku} {name} 不在本包裹的任何订单中。仍需：{expected}。",
    "{sku} {name}: {verified} of {quantity} for order {number}":
        "{sku} {name}：{verified} / {quantity}，属于订单 {number}",
    "{sku} {name}: {shares} (oldest order first)": "{sku} {name}：{shares}（先装最早的订单）",
    "{sku} confirmed by hand ({reason}): {verified} of {quantity} for order {number}":
        "{sku} 已手动确认（{reason}）：{verified} / {quantity}，属于订单 {number}",
    "nothing, the parcel is complete": "无，包裹已齐",
    "Order {number} is not in this parcel.": "订单 {number} 不在这个包裹里。",
    "Order {number} is the only order in this parcel; leave it or hold it instead.":
        "订单 {number} 是这个包裹里唯一的订单；请改为离开或挂起。",
    "{opened} 1 more order for this buyer and address: {numbers}. Scan PD:MERGE or press “Pack together” to pack it in the same parcel.":
        "{opened} 同一买家、同一地址还有 1 个订单：{numbers}。扫描 PD:MERGE 或按“合并打包”，装进同一个包裹。",
    "{opened} {count} more orders for this buyer and address: {numbers}. Scan PD:MERGE or press “Pack together” to pack them in one parcel.":
        "{opened} 同一买家、同一地址还有 {count} 个订单：{numbers}。扫描 PD:MERGE 或按“合并打包”，装进一个包裹。",
    "Order {number} in this parcel was CANCELLED while packing. Take its items out, then scan PD:DROP or press “Drop order” to drop it; the other orders pack on.":
        "包裹中的订单 {number} 在打包时被取消。请取出它的商品，然后扫描 PD:DROP 或按“移出订单”；其他订单继续打包。",
    "Orders {numbers} are on hold: {reason}": "订单 {numbers} 已挂起：{reason}",
    "Orders {numbers} are back in the queue.": "订单 {numbers} 已回到待打包队列。",
    "Order {number} in this parcel was cancelled; drop it before adding orders.":
        "包裹中的订单 {number} 已取消；请先移出它，再合并其他订单。",
    "No other order for this buyer and address can join this parcel now.":
        "同一买家、同一地址现在没有其他可以并入这个包裹的订单。",
    "One parcel for {count} orders: {numbers}. Scan every order's items; each line says which order it is for.":
        "{count} 个订单合并为一个包裹：{numbers}。请扫描每个订单的商品；每一行都写明属于哪个订单。",
    "{merged} Not added (no longer ready to pack, or it has its own waybill): {numbers}.":
        "{merged} 未加入（已不是待打包，或已有自己的运单）：{numbers}。",
    "Cancelled order {number} is out of the parcel: put its items back. Packing goes on with {numbers}.":
        "已取消的订单 {number} 已移出包裹：请把它的商品放回。继续打包 {numbers}。",
    "Order {number} is out of the parcel and back in the queue: take its items out. Packing goes on with {numbers}.":
        "订单 {number} 已移出包裹并回到待打包队列：请取出它的商品。继续打包 {numbers}。",
    "Nothing of order {number} has been verified: scan its items, or drop it from the parcel (PD:DROP).":
        "订单 {number} 还没有核对任何商品：请扫描它的商品，或把它移出包裹（PD:DROP）。",
    "Order {number} in this parcel was cancelled; it must not ship. Take its items out and drop it from the parcel (PD:DROP), then complete.":
        "包裹中的订单 {number} 已取消，不能发货。请取出它的商品并移出包裹（PD:DROP），然后再完成。",
    "Packing the orders in one parcel": "合并打包订单",
    "Taking the order out of the parcel": "把订单移出包裹",
    "The folder {folder} that holds the store is read-only, so Packdesk cannot record anything there. Nothing was changed. Make the folder writable for this user, or move the store to a writable folder and open it with --db.":
        "存放数据库的文件夹 {folder} 为只读，Packdesk 无法在其中记录任何内容。未做任何更改。请让当前用户可写该文件夹，或把数据库移到可写的文件夹并用 --db 打开。",
    "The store {path} is read-only, so Packdesk cannot record anything. Nothing was changed. Make the file writable for this user, or open a writable copy with --db.":
        "数据库 {path} 为只读，Packdesk 无法记录任何内容。未做任何更改。请让当前用户可写该文件，或用 --db 打开一个可写的副本。",
    "The disk that holds the store is full, so this was not saved; nothing was written half-way. Free some space on that disk ({where}), then do it again.":
        "存放数据库的磁盘已满，本次操作未保存，也没有写入一半的数据。请在该磁盘（{where}）上腾出空间，然后重做。",
    "the database server": "数据库服务器",
    "station {station} (process {pid} on {host})": "工位 {station}（{host} 上的进程 {pid}）",
    "another program (process {pid})": "另一个程序（进程 {pid}）",
    "another station or program": "另一个工位或程序",
    "The store is busy: {holder} is writing to it and has not finished for {seconds} s. Nothing was saved. Try again in a moment; if it stays busy, close Packdesk or the other program on that station.":
        "数据库正忙：{holder} 正在写入，已超过 {seconds} 秒仍未完成。未保存任何内容。请稍后重试；如果一直忙，请关闭那个工位上的 Packdesk 或其他程序。",
    "Close Packdesk and put the latest backup, {backup}, in its place.":
        "请关闭 Packdesk，用最新的备份 {backup} 替换它。",
    "No backup of it was found next to it: restore it from your own backups.":
        "旁边没有找到它的备份：请从你自己的备份中恢复。",
    "The store {path} is damaged ({problem}). Packdesk did not change it. {advice}":
        "数据库 {path} 已损坏（{problem}）。Packdesk 没有改动它。{advice}",
    "The connection to the database server was lost; this was not saved. Packdesk connects again by itself: check the network and the server, then do it again.":
        "与数据库服务器的连接已断开，本次操作未保存。Packdesk 会自动重新连接：请检查网络和服务器，然后重做。",
    "The store cannot be reached ({problem}). Nothing was changed. Check that it is where Packdesk is told it is (--db or PACKDESK_DB) and that this user may open it.":
        "无法访问数据库（{problem}）。未做任何更改。请检查它是否在 Packdesk 设置的位置（--db 或 PACKDESK_DB），以及当前用户是否有权打开它。",
    "Before upgrading the store, Packdesk saved a copy of it at {path}.":
        "升级数据库之前，Packdesk 已把它备份到 {path}。",
    "The connection to the database server dropped and was made again; nothing was lost.":
        "与数据库服务器的连接曾断开，现已重新连接；没有丢失任何内容。",
    "The store could not be backed up before its upgrade ({problem}); it has not been changed.":
        "升级前无法备份数据库（{problem}）；数据库未做改动。",
    "{what} too long, cut to {limit} characters": "{what}过长，已截为 {limit} 个字符",
    "{what} of line {line} too long, cut to {limit} characters":
        "第 {line} 行的{what}过长，已截为 {limit} 个字符",
    "channel order id is {length} characters, longer than the {limit} Packdesk keeps":
        "渠道订单号有 {length} 个字符，超过 Packdesk 可保存的 {limit} 个",
    "line {line} has quantity {quantity}: more than the {limit} one order line may hold":
        "订单行 {line} 的数量为 {quantity}：超过单行上限 {limit}",
    "line {line} has a unit price of {cents} cents: more than Packdesk can keep":
        "订单行 {line} 的单价为 {cents} 分：超出 Packdesk 可保存的范围",
    "the store refused this order: {why}": "数据库拒绝保存此订单：{why}",
    "the store refused the data: {kind}{where}": "数据库拒绝保存数据：{kind}{where}",
    "a number too large for the store": "数字过大，数据库无法保存",
    "unexpected {kind} (details withheld: they may hold buyers' data)":
        "意外错误 {kind}（细节未显示：其中可能含有买家信息）",
    "the {channel} payload has a shape Packdesk cannot read ({kind} in {mapper})":
        "{channel} 发来的数据结构 Packdesk 无法读取（{mapper} 中的 {kind}）",
    "the order could not be read ({kind}); it was not imported": "无法读取此订单（{kind}），未导入",
    "Serial {serial} already shipped in order {number}.": "序列号 {serial} 已随订单 {number} 发出。",
    "Serial {serial} is already in order {number}, being packed at {station}.":
        "序列号 {serial} 已在订单 {number} 中，正在 {station} 打包。",
    "Serial {serial} did not ship in order {number}; check the unit's label.":
        "序列号 {serial} 不是随订单 {number} 发出的；请核对商品标签。",
    "Order {number} was taken over by {packer} at {station} (supervisor {supervisor}); this station can no longer scan it.":
        "订单 {number} 已由 {packer} 在 {station} 接手（主管 {supervisor}）；本工位不能再扫描它。",
    "Order {number} taken over from {packer} at {station}; {verified} of {expected} items already verified, packing goes on here.":
        "订单 {number} 已从 {station} 的 {packer} 处接手；已核对 {verified} / {expected} 件，在本工位继续打包。",
    "There is no order {number}.": "没有订单 {number}。",
    "Taking over an order": "接手订单",
    "Taking over the order": "接手订单",
    "Order {number} is not open at any station; open it instead.": "订单 {number} 没有在任何工位打开；请直接打开它。",
    "Order {number} is already open at this station.": "订单 {number} 已在本工位打开。",
    "There is no return {rma}.": "没有退货单 {rma}。",
    "Closing a refund by hand": "手动结束退款",
    "The refund for return {rma} is still being sent to the channel (tried {attempts} times); close it by hand once the channel has refused it.":
        "退货单 {rma} 的退款仍在发送给渠道（已尝试 {attempts} 次）；渠道拒绝后才能手动结束。",
    "The channel took the refund for return {rma}; there is nothing to close by hand.":
        "渠道已受理退货单 {rma} 的退款；无需手动结束。",
    "Return {rma} has no refund waiting for the channel; there is nothing to close by hand.":
        "退货单 {rma} 没有等待渠道处理的退款；无需手动结束。",
    "Quiet hours are two times like 22:00-07:00, not {text}.":
        "免打扰时段应写成两个时间，例如 22:00-07:00，而不是 {text}。",
    "A route code is 1-24 lower-case letters, digits, - or _, not {code!r}.":
        "告警路由代码须为 1-24 个小写字母、数字、- 或 _，不能是 {code!r}。",
    "A route is dingtalk, wecom or mail, not {kind}.": "告警路由类型只能是 dingtalk、wecom 或 mail，不能是 {kind}。",
    "Unknown alert kinds: {kinds}; choose from {known}.": "未知的告警类型：{kinds}；可选：{known}。",
    "A route's language is en or zh_CN, not {language}.": "告警路由的语言只能是 en 或 zh_CN，不能是 {language}。",
    "Quiet hours need a start and an end, like 22:00-07:00.": "免打扰时段需要开始和结束时间，例如 22:00-07:00。",
    "Route {code}: a robot's webhook is a URL, not {target}.": "告警路由 {code}：机器人的 Webhook 应是网址，而不是 {target}。",
    "Route {code}: give the mail addresses, comma-separated.": "告警路由 {code}：请填写收件邮箱，用逗号分隔。",
    "Route {code}: a mail route needs smtp_host.": "告警路由 {code}：邮件路由需要设置 smtp_host。",
    "Unknown time zone {zone}.": "未知的时区 {zone}。",
    "Route {code}: the weekly report goes by mail only.": "告警路由 {code}：运营周报只能通过邮件发送。",
    "Route {code}: report_hour is an hour from 0 to 23, not {hour}.": "告警路由 {code}：report_hour 是 0 到 23 的小时数，不能是 {hour}。",
    "No mail route gets the weekly report; add one with packdesk alerts route add CODE --kind mail --alerts weekly_report ...":
        "没有接收运营周报的邮件路由；请用 packdesk alerts route add CODE --kind mail --alerts weekly_report ... 添加",
    "There is no alert route {code}.": "没有告警路由 {code}。",
    "Packing on without the label for {numbers}; this is recorded. It still prints when the printer is back. Scan the next order.":
        "不等 {numbers} 的面单，继续打包；此操作已记录。打印机恢复后面单仍会打印。请扫描下一个订单。",
    "Recording that packing goes on without the label": "记录不等面单继续打包",
    "Confirming an item by hand": "手动确认商品",
    "{left} Its 1 verified item no longer counts: take it out of the box.":
        "{left} 已核对的 1 件不再计数：请把它从箱子里取出。",
    "{left} Its {count} verified items no longer count: take them out of the box.":
        "{left} 已核对的 {count} 件不再计数：请把它们从箱子里取出。",
}

_ALERTS = {
    "{number} ({channel}) has been {status} for {held}, past the {limit} limit.":
        "{number}（{channel}）处于“{status}”已 {held}，超过 {limit} 的上限。",
    "{number} ({channel}) was promised to ship by {ship_by} UTC and is still {status}.":
        "{number}（{channel}）承诺在 UTC {ship_by} 前发货，目前仍为“{status}”。",
    "A {kind} push to {channel} failed for good: {error}": "向 {channel} 推送{kind}最终失败：{error}",
    "Sync with {code} failed: {result}": "与 {code} 同步失败：{result}",
    "{number} ({channel}): {reasons}": "{number}（{channel}）：{reasons}",
    "Return {case} for order {order} was escalated to a supervisor.":
        "订单 {order} 的退货 {case} 已升级给主管处理。",
    "Shipping labels for {orders} have waited {minutes} min for printer {printer} at {station}: {reason}":
        "{station} 的打印机 {printer} 未响应，{orders} 的面单已等待 {minutes} 分钟：{reason}",
    "Test message from Packdesk, sent by {by}.": "来自 Packdesk 的测试消息，由 {by} 发送。",
    "{name} is locked after {failures} wrong PINs in a row, until {until} UTC. If it was not them, find out who tried.":
        "{name} 连续输错 {failures} 次 PIN，锁定至 UTC {until}。如果不是本人，请查明是谁在尝试。",
    "Order stuck": "订单滞留",
    "Order late": "订单逾期",
    "Sync failure": "同步失败",
    "Stock conflict": "库存冲突",
    "Return escalated": "退货已升级",
    "Printer down": "打印机离线",
    "Log-in locked": "登录已锁定",
    "Test message": "测试消息",
    "[Packdesk] {title}: {subject}": "[Packdesk] {title}：{subject}",
    "[Packdesk] Cleared - {title}: {subject}": "[Packdesk] 已解除 - {title}：{subject}",
    "The condition has cleared.": "该情况已解除。",
}

_WORDS = {  # plain words the core passes as values: statuses, kinds
    "needs review": "待审核", "needs_review": "待审核", "ready": "待打包", "packing": "打包中",
    "packed": "已打包", "shipped": "已发货", "on hold": "已暂停", "on_hold": "已暂停",
    "cancelled": "已取消", "fulfilment": "发货", "stock level": "库存", "stock_level": "库存",
    "refund": "退款", "requested": "已申请", "approved": "已批准", "in transit": "运输中",
    "in_transit": "运输中", "received": "已收货", "graded": "已检验", "refunded": "已退款",
    "closed": "已关闭", "rejected": "已拒绝", "changed mind": "不想要了", "damaged": "损坏",
    "wrong item": "发错商品", "not as described": "与描述不符", "resellable": "可再售",
    "missing parts": "缺少配件", "restock": "重新上架", "quarantine": "隔离",
    "scrap": "报废", "buyer": "买家", "shop": "店铺", "pending": "处理中",
    "confirmed": "已确认", "failed": "失败", "manual": "手动", "label": "面单",
    "another station": "另一个工位", "all alerts": "全部告警", "order date": "下单时间",
    "packing slip": "装箱单", "return slip": "退货单", "a line item": "一个订单行",
    "a shipment tracking item in meta_data": "meta_data 中的一条物流跟踪信息",
    "already on the channel": "渠道上已有", "(no id)": "（无编号）",
    "(no Location)": "（没有 Location）",
}

_STORE_AND_CORE = {
    "naive datetime given to the store; use an aware one": "存入数据库的时间没有时区；请使用带时区的时间",
    "a print queue in the store needs the station's name": "数据库中的打印队列需要工位名称",
    "a print job has no {unknown} to change": "打印任务没有可修改的 {unknown}",
    "The order-number counter moved while numbers were taken.": "取号时订单号计数器被改动了。",
    "Another station took in some of these channel orders at the same moment.":
        "另一个工位同时接收了其中部分渠道订单。",
    "The order-number counter was just created by another station.": "订单号计数器刚被另一个工位创建。",
    "The store at {url!r} cannot be opened: {orig}": "无法打开位于 {url!r} 的数据库：{orig}",
    "This store was written by a newer Packdesk (schema {unknown}). It has not been changed. Update Packdesk on this station to open it.":
        "此数据库由更新版本的 Packdesk 写入（结构版本 {unknown}），未做任何改动。请先在本工位升级 Packdesk 再打开。",
    "“{url}” is not a database address: {exc}": "“{url}”不是数据库地址：{exc}",
    "Another station changed the same record first.": "另一个工位先修改了同一条记录。",
    "Another writer stored the same record first: {describe_store_error}":
        "另一个写入方先保存了同一条记录：{describe_store_error}",
    "Type your name to acknowledge the alert.": "请输入姓名以确认告警。",
    "A name has at most 64 characters.": "姓名最多 64 个字符。",
    "This alert was already acknowledged by {acknowledged_by}.": "此告警已由 {acknowledged_by} 确认。",
    "{name} must be between 0 and 1, not {value}.": "{name} 必须在 0 到 1 之间，不能是 {value}。",
    "The first-response threshold must be a positive number of minutes.": "首次响应阈值必须是正的分钟数。",
    "an S10 serial is 8 digits, not {serial!r}": "S10 序号为 8 位数字，不能是 {serial!r}",
    "Carrier {code}: {digits} serial digits; use 4 to 20.": "承运商 {code}：序号位数 {digits}；请用 4 到 20 位。",
    "Carrier {code}: the {part} {text!r} must be upper-case letters and digits.":
        "承运商 {code}：{part} {text!r} 只能是大写字母和数字。",
    "Carrier {name}: the number range is used up.": "承运商 {name}：号段已用完。",
    "Carrier {name}: the next number {sequence} is outside its range 1..{value}; set the range again.":
        "承运商 {name}：下一个号码 {sequence} 超出号段 1..{value}；请重新设置号段。",
    "A {value} order cannot be put on hold.": "“{value}”状态的订单不能暂停。",
    "A ready order can no longer be sent to review.": "待打包的订单不能再送去审核。",
    "Channel code {code!r} must be 1-32 letters, digits, - or _.": "渠道代码 {code!r} 须为 1-32 个字母、数字、- 或 _。",
    "Channel kind {kind!r} is not one of {channel_kinds}.": "渠道类型 {kind!r} 不在 {channel_kinds} 之中。",
    "Allocation ratio {ratio} must be between 0 and 1 (e.g. 0.8).": "分配比例 {ratio} 必须在 0 到 1 之间（例如 0.8）。",
    "Floor buffer {buffer} must not be negative.": "保底库存 {buffer} 不能为负数。",
    "Clips are kept at least a day, in a budget of 0 bytes or more.": "视频至少保留一天，空间预算须为 0 字节或以上。",
    "A count scan adds a positive number of units, not {units}.": "盘点扫描须增加正数件数，不能是 {units}。",
    "A counted quantity cannot be negative ({units}).": "盘点数量不能为负数（{units}）。",
    "{sku}: the count is still open, no variance yet.": "{sku}：盘点尚未结束，还没有差异。",
    "A count covers a location or a list of SKUs, not {kind}.": "盘点范围是一个库位或一组 SKU，不能是 {kind}。",
    "Say which location or which SKUs to count.": "请说明要盘点哪个库位或哪些 SKU。",
    "Count {id}: cannot go from {current} to {target}.": "盘点 {id}：不能从 {current} 变为 {target}。",
    "Count {id} is {status}; counting is closed.": "盘点 {id} 为 {status}；盘点已结束。",
    "Receipt {reference} is closed; open a new one.": "收货单 {reference} 已关闭；请新开一张。",
    "Lot {lot} is {length} characters; GS1 allows at most 20.": "批号 {lot} 有 {length} 个字符；GS1 最多允许 20 个。",
    "Lot {lot} holds a control character; scan it again.": "批号 {lot} 含有控制字符；请重新扫描。",
    "A receipt needs a positive quantity, not {quantity}.": "收货数量必须为正数，不能是 {quantity}。",
    "Lot {lot} of {sku} expires on {known}, not {scanned}: check the label or use the lot printed on it.":
        "{sku} 的批号 {lot} 到期日为 {known}，不是 {scanned}：请检查标签，或使用标签上印的批号。",
    "Order {number} is {value}; it cannot become {value2}.": "订单 {number} 为“{value}”；不能变为“{value2}”。",
    "Order {number} is {value}; only an order being packed can be taken over.":
        "订单 {number} 为“{value}”；只有打包中的订单才能接管。",
    "Return {rma_number} is {value}; it cannot become {value2}.": "退货 {rma_number} 为“{value}”；不能变为“{value2}”。",
    "Return {rma_number} is {status}; items are received only while it is approved or in transit.":
        "退货 {rma_number} 为“{status}”；只有已批准或运输中的退货才能收货。",
    "{raw} is not a product we know.": "{raw} 不是已登记的商品。",
    "{sku} is not on return {rma}.": "{sku} 不在退货 {rma} 中。",
    "{sku}: all {quantity} already received; this one is extra.": "{sku}：{quantity} 件已全部收到；这一件是多出来的。",
    "{sku}: {received} of {quantity} received.": "{sku}：已收到 {received}/{quantity} 件。",
    "Return {rma_number} is {status}; units are graded after receiving is finished.":
        "退货 {rma_number} 为“{status}”；收货完成后才能检验。",
    "{sku} is not on return {rma_number}.": "{sku} 不在退货 {rma_number} 中。",
    "Every received {sku} is graded already.": "收到的每件 {sku} 都已检验。",
    "{what} {value!r} is not one of: {allowed}.": "{what} {value!r} 不在以下选项中：{allowed}。",
    "A stock move needs a positive quantity, not {quantity}.": "库存移动数量必须为正数，不能是 {quantity}。",
    "{sku}: a move from {value} to {value2} changes no stock figure.": "{sku}：从 {value} 到 {value2} 的移动不改变任何库存数字。",
    "{sku}: {quantity} needed from {source}, only {have} there.": "{sku}：需要从 {source} 取 {quantity} 件，那里只有 {have} 件。",
    "A weight tolerance is a number of grams of 0 or more and a percentage from 0 to 100.":
        "重量容差须为 0 克或以上，百分比在 0 到 100 之间。",
    "There is no alert {alert_id}.": "没有告警 {alert_id}。",
    "There is already a packer called {name}.": "已经有叫 {name} 的打包员。",
    "“{status}” is not an order status.": "“{status}”不是订单状态。",
    "Search for at most {search_max} characters.": "搜索内容最多 {search_max} 个字符。",
    "An age filter cannot be negative.": "时长筛选不能为负数。",
    "A channel called {code!r} exists already.": "已有名为 {code!r} 的渠道。",
    "There is no channel {code!r}; add it first.": "没有渠道 {code!r}；请先添加。",
    "There is no channel {code!r}.": "没有渠道 {code!r}。",
    "There is no count {id}.": "没有盘点 {id}。",
    "“{text}” is not a product code Packdesk knows; put the item aside for a supervisor.":
        "“{text}”不是 Packdesk 已知的商品码；请把该商品放在一边交给主管。",
    "{sku}: {counted}": "{sku}：{counted}",
    "The count is blind: close counting to see the variance.": "这是盲盘：结束盘点后才能看到差异。",
    "Count cancelled.": "盘点已取消。",
    "{sku}: {missing} of the missing units are reserved by open orders; put those orders on hold or short-ship them, then approve the count.":
        "{sku}：缺少的件数中有 {missing} 件被未完成订单占用；请先暂停这些订单或少发，再批准盘点。",
    "Not products Packdesk knows: {skus}.": "不是 Packdesk 已知的商品：{skus}。",
    "A count covers at most {most} SKUs; split it.": "一次盘点最多 {most} 个 SKU；请拆分。",
    "Health windows need times with a time zone (UTC).": "运营指标的时间段需要带时区的时间（UTC）。",
    "A health window must end after it starts.": "运营指标的时间段结束时间必须晚于开始时间。",
    "Choose a chart step that gives at most 400 points.": "请选择最多产生 400 个点的图表步长。",
    "“{period}” is not a period; choose day, week or month.": "“{period}”不是周期；请选择日、周或月。",
    "Order {order_number} for {channel} {channel_order_id} is gone from the store.":
        "{channel} {channel_order_id} 对应的订单 {order_number} 已不在数据库中。",
    "There is no order {order_number}.": "没有订单 {order_number}。",
    "Order {number} is not waiting for review.": "订单 {number} 不在待审核状态。",
    "Order {number}: SKU {sku} is still unknown.": "订单 {number}：SKU {sku} 仍未知。",
    "Order {number}: {exc}": "订单 {number}：{exc}",
    "There is no parked order {exception_id}.": "没有搁置的订单 {exception_id}。",
    "Order {number} is cancelled; it gets no label.": "订单 {number} 已取消；不打印面单。",
    "There is no order {missing}.": "没有订单 {missing}。",
    "Order {unlabelled} has no tracking number yet.": "订单 {unlabelled} 还没有运单号。",
    "No carrier profile is set up.": "尚未设置承运商。",
    "a lease of {lease_s:g} s would never hold; give seconds > 0": "{lease_s:g} 秒的租约永远不会生效；请给出大于 0 的秒数",
    "Order {channel_order_id} did not come in from {channel}; Packdesk does not know its channel lines.":
        "订单 {channel_order_id} 不是从 {channel} 进来的；Packdesk 不知道它在渠道上的订单行。",
    "Return {rma} refunds {left} more of {sku} than the channel's order lists.":
        "退货 {rma} 退款的 {sku} 比渠道订单上的多 {left} 件。",
    "Channel {channel_code} is not set up.": "渠道 {channel_code} 尚未设置。",
    "Outbox message {id}: this runner's claim lapsed and another runner took it over; it records the outcome.":
        "待发消息 {id}：本进程的认领已过期，已由另一个进程接手；结果由它记录。",
    "Status {status!r} is not one of {statuses}.": "状态 {status!r} 不在 {statuses} 之中。",
    "+{units} {sku}": "+{units} {sku}",
    "There is no receipt {id}.": "没有收货单 {id}。",
    "Nothing on this receipt to undo.": "这张收货单上没有可撤销的内容。",
    "There is no stock record for SKU {sku}.": "SKU {sku} 没有库存记录。",
    "Undone: {units} {sku}": "已撤销：{units} {sku}",
    "Receipt {reference} closed.": "收货单 {reference} 已关闭。",
    "Receipt {reference} exists already; use another reference.": "收货单 {reference} 已存在；请换一个单号。",
    "Units per scan must be 1 to {most}, not {quantity}.": "每次扫描件数须为 1 到 {most}，不能是 {quantity}。",
    "That scan was already received.": "这次扫描已经收过货了。",
    "“{text}” is not a product code Packdesk knows; add the product first.": "“{text}”不是 Packdesk 已知的商品码；请先添加该商品。",
    "+{units} {sku}, lot {lot}": "+{units} {sku}，批号 {lot}",
    "“{text}” is not a week; write it like 2026-W47.": "“{text}”不是周；请写成 2026-W47 这样。",
    "{year} has no week {number}.": "{year} 年没有第 {number} 周。",
    "Within the return window: day {day} since delivery.": "在退货期内：签收后第 {day} 天。",
    "Within the return window: day {day} since shipping (delivery unknown).": "在退货期内：发货后第 {day} 天（签收时间未知）。",
    "{sku}: {category} items cannot be returned without a fault.": "{sku}：{category} 类商品无质量问题不能退货。",
    "{sku}: an opened hygiene item cannot be returned.": "{sku}：已拆封的卫生用品不能退货。",
    "{sku}: day {day} since it reached the buyer; returns are accepted up to day {days} ({last}).":
        "{sku}：买家收到后第 {day} 天；退货只接受到第 {days} 天（{last}）。",
    "The order has not shipped; there is nothing to return.": "订单尚未发货；没有可退的商品。",
    "Return {rma}: {status}.": "退货 {rma}：{status}。",
    "No order, tracking number, return or buyer matches '{text}'.": "没有与“{text}”匹配的订单、运单号、退货或买家。",
    "{count} orders match '{text}'.": "有 {count} 个订单与“{text}”匹配。",
    "Order {number} is {status}; it has not shipped, so there is nothing to return.":
        "订单 {number} 为“{status}”；尚未发货，没有可退的商品。",
    "Order {number} is already fully returned.": "订单 {number} 已全部退货。",
    "Choose at least one item and how many come back.": "请至少选择一个商品以及退回的件数。",
    "{sku} is not on order {number}.": "{sku} 不在订单 {number} 中。",
    "{sku}: a quantity cannot be negative ({quantity}).": "{sku}：数量不能为负数（{quantity}）。",
    "{sku}: {quantity} to return, but only {shipped} shipped and {already} are already on a return.":
        "{sku}：要退 {quantity} 件，但只发出了 {shipped} 件，且已有 {already} 件在退货中。",
    "{sku}: {quantity} to return, but only {shipped} shipped.": "{sku}：要退 {quantity} 件，但只发出了 {shipped} 件。",
    "Outside the return policy: {reason} A supervisor can accept it anyway, with a reason.":
        "不符合退货政策：{reason} 主管可以填写原因后仍然接受。",
    "There is no return {rma_number}.": "没有退货 {rma_number}。",
    "Say why the return is rejected.": "请说明拒绝退货的原因。",
    "{text} is an order or a return, not an item.": "{text} 是订单或退货，不是商品。",
    "Nothing has been received for {rma}; scan the items, or reject the return if nothing came back.":
        "退货 {rma} 还没有收到任何商品；请扫描商品，如果什么都没退回，请拒绝该退货。",
    "A {grade} unit cannot go back on the shelf for sale; quarantine or scrap it.":
        "“{grade}”的商品不能重新上架销售；请隔离或报废。",
    "Return {rma_number} is {status}; grade every unit first.": "退货 {rma_number} 为“{status}”；请先检验每一件。",
    "There is nobody called {to!r} to assign the return to.": "没有叫 {to!r} 的人可以分派此退货。",
    "A return window cannot be negative.": "退货期不能为负数。",
    "A refund percentage is 0 to 100, not {percent}.": "退款百分比为 0 到 100，不能是 {percent}。",
    "Unknown time zone {name!r} in the settings; use a name such as Asia/Shanghai or Europe/Paris.":
        "设置中的时区 {name!r} 未知；请使用 Asia/Shanghai 或 Europe/Paris 这样的名称。",
    "Say why the units are frozen: {reasons} (then a colon and any detail), not “{reason}”.":
        "请说明冻结原因：{reasons}（后面可加冒号和详情），不能是“{reason}”。",
    "the file does not hold a JSON object": "文件中不是 JSON 对象",
}

_PRINTING = {
    "Code 128 takes printable ASCII only, not {text!r}": "Code 128 只能编码可打印的 ASCII 字符，不能是 {text!r}",
    "unknown symbology {symbology!r}; use code128, gs1_128 or ean13":
        "未知码制 {symbology!r}；请用 code128、gs1_128 或 ean13",
    "cannot encode {text!r} as {symbology}: {exc}": "无法把 {text!r} 编码为 {symbology}：{exc}",
    "EAN-13 needs 12 or 13 digits, not {text!r}": "EAN-13 需要 12 或 13 位数字，不能是 {text!r}",
    "EAN-13 {text} has a wrong check digit (expected {gtin_check_digit})": "EAN-13 {text} 的校验位错误（应为 {gtin_check_digit}）",
    "{symbology} of {count} modules does not fit in {value:.2f} in at {dpi} dpi":
        "{count} 个模块的 {symbology} 在 {dpi} dpi 下放不进 {value:.2f} 英寸",
    "No CJK font found for labels: {wqy_path} is missing. Install it with: apt-get install {wqy_package}":
        "找不到面单用的中日韩字体：缺少 {wqy_path}。请用以下命令安装：apt-get install {wqy_package}",
    "unknown label size {size!r}; use one of {label_sizes}": "未知面单尺寸 {size!r}；请用 {label_sizes} 之一",
    "Shipping labels": "快递面单",
    "FROM": "寄件", "TO": "收件", "Order {order_number}": "订单 {order_number}",
    "Parcel {parcel_index}/{parcel_count}": "包裹 {parcel_index}/{parcel_count}",
    "Label {number} {tracking_number}": "面单 {number} {tracking_number}",
    "job {job_id} → {name}": "任务 {job_id} → {name}",
    "{name} ({role}) PIN {pin}": "{name}（{role}）PIN {pin}",
    "folder {folder}": "文件夹 {folder}",
    "wrote {path}": "已写入 {path}",
    "{rma_number}: refund {refund_status}": "{rma_number}：退款{refund_status}",
    "Packdesk {week}": "Packdesk {week}",
    "cancelled after {count} labels": "打印 {count} 张面单后已取消",
    "no labels to render": "没有要生成的面单",
    "order {order_number} has no tracking number": "订单 {order_number} 没有运单号",
    "order {order_number}: parcel {parcel_index} of {parcel_count} is impossible":
        "订单 {order_number}：第 {parcel_index}/{parcel_count} 个包裹不存在",
    "Bench commands": "工作台命令条码",
    "Demo log-ins (name / PIN)": "演示账号（姓名 / PIN）",
    "Orders to pack": "待打包订单",
    " (case of {pack_quantity})": "（每箱 {pack_quantity} 件）",
    "Packdesk demo barcodes": "Packdesk 演示条码",
    "the queue is stopped {message}": "打印队列已停止 {message}",
    "the queue is not accepting jobs": "打印队列不接受任务",
    "CUPS refused the job: {exc}": "CUPS 拒绝了该任务：{exc}",
    "label printer {host}:{port}": "面单打印机 {host}:{port}",
    "a raw ZPL printer cannot print {content_type}; route PDFs to CUPS": "ZPL 直连打印机不能打印 {content_type}；请把 PDF 发往 CUPS",
    "nothing answers on the port: is the printer switched on and on the network?": "该端口无响应：打印机是否已开机并连上网络？",
    "no answer within {timeout:g} s": "{timeout:g} 秒内无响应",
    "pycups cannot load ({exc}); install libcups2 and pycups": "无法加载 pycups（{exc}）；请安装 libcups2 和 pycups",
    "CUPS queue {queue}": "CUPS 队列 {queue}",
    "the CUPS scheduler is not running ({exc}); start cupsd": "CUPS 调度程序未运行（{exc}）；请启动 cupsd",
    "no such print queue; add it in the CUPS settings or choose another printer": "没有这个打印队列；请在 CUPS 设置中添加，或选择其他打印机",
    "warn when on-time fulfilment is below (0-1)": "按时发货率低于此值时告警（0-1）",
    "warn when inventory accuracy is below (0-1)": "库存准确率低于此值时告警（0-1）",
    "warn when the return rate is above (0-1)": "退货率高于此值时告警（0-1）",
    "warn when first response takes longer (min)": "首次响应超过此时长时告警（分钟）",
    "packdesk report: {exc}": "packdesk report：{exc}",
    "--due needs --folder, the folder that keeps the reports.": "--due 需要 --folder，即保存报告的文件夹。",
    "every recent week already has a report in {folder}": "{folder} 中最近每一周都已有报告",
    "{target} does not end in .pdf; the report is a PDF.": "{target} 不是以 .pdf 结尾；报告是 PDF 文件。",
    "{units_returned} of {units_shipped} units shipped came back in {days} days: {rate:.1%}":
        "{days} 天内发出的 {units_shipped} 件中退回 {units_returned} 件：{rate:.1%}",
    "packdesk returns: {exc}": "packdesk returns：{exc}",
    "PIN for {supervisor}: ": "{supervisor} 的 PIN：",
    "{rma_number}: {status}, refund {refund_status} (closed by hand by {supervisor})":
        "{rma_number}：{status}，退款{refund_status}（由 {supervisor} 手动关闭）",
    "{value} / {value2}: {window_days} days (faults {fault_window_days}), {value3}{value4}, damaged refund {damaged_refund_percent}%, missing parts {missing_parts_refund_percent}%":
        "{value} / {value2}：{window_days} 天（质量问题 {fault_window_days} 天），{value3}{value4}，损坏退款 {damaged_refund_percent}%，缺配件退款 {missing_parts_refund_percent}%",
    "packdesk returns slip: {message}": "packdesk returns slip：{message}",
    "Return slip {rma_number} written to {target}": "退货单 {rma_number} 已写入 {target}",
    "Please pack the items with this slip and send them to the address above before the date shown. Return shipping is paid by you.":
        "请将商品与本退货单一起寄回上方地址，并在截止日期前寄出。退货运费由买家承担。",
    "Please pack the items with this slip and send them to the address above before the date shown. Return shipping is paid by the shop.":
        "请将商品与本退货单一起寄回上方地址，并在截止日期前寄出。退货运费由店铺承担。",
    "Packing slip {order_number}": "装箱单 {order_number}",
    "no products to label": "没有要打标签的商品",
    "Product labels": "商品标签",
    "Packing slip": "装箱单",
    "Return slip": "退货单",
    "Send to:": "寄回地址：",
    "Ship to:": "收货人：",
    "Return by:": "退回截止：",
    "Buyer's note": "买家留言",
    "Buyer": "买家", "Ordered": "下单时间", "Order": "订单", "Item": "商品", "Qty": "数量",
    "Bin": "库位", "{caption}: {value}": "{caption}：{value}", "Instructions": "退货说明", "Return {rma_number}": "退货 {rma_number}",
    "Products": "商品", "row {row_number} (order {order_key}): {errors}": "第 {row_number} 行（订单 {order_key}）：{errors}",
    "no slip captions for {language!r}; use one of {captions}": "没有 {language!r} 的单据文字；请用 {captions} 之一",
    "unknown paper {paper!r}; use A4 or Letter": "未知纸张 {paper!r}；请用 A4 或 Letter",
    "resumed after a restart": "重启后继续",
    "the print spooler is closed": "打印队列程序已关闭",
    "the store cannot record the job": "数据库无法记录该打印任务",
    "cannot render: {exc}": "无法生成：{exc}",
    "{reason} (try {value} in {delay:g} s)": "{reason}（{delay:g} 秒后第 {value} 次重试）",
    "cancelled by the user": "已被用户取消",
    "the app stopped while this job was being sent, so it may have printed; check the printer and print it again if it did not come out":
        "发送此任务时程序停止了，可能已经打印；请检查打印机，如果没有打出来请重新打印",
    "the app stopped before this batch was rendered; print it again": "这批任务生成前程序停止了；请重新打印",
    "its printer ({value}) cannot be found again; print it again": "找不到它的打印机（{value}）；请重新打印",
    "no labels to print": "没有要打印的面单",
    "cancelled after {value} labels": "打印 {value} 张面单后已取消",
    "unknown paper {paper!r}; use one of {cups_media}": "未知纸张 {paper!r}；请用 {cups_media} 之一",
    "a {printer} route needs a target": "{printer} 打印路径需要一个目标",
    "label printer address {target!r} needs host:port": "面单打印机地址 {target!r} 需要写成 主机:端口",
    "station {name} has no printer for {value}s; set one in the settings": "工位 {name} 没有用于{value}的打印机；请在设置中选择一台",
    "a label starts with ^XA but never ends with ^XZ": "面单以 ^XA 开头，却没有以 ^XZ 结束",
    "no ^XA ... ^XZ label found": "找不到 ^XA ... ^XZ 面单",
    "thermal printers here are 203 or 300 dpi, not {dpi}": "这里的热敏打印机为 203 或 300 dpi，不能是 {dpi}",
}

_SYNC = {
    "{name}: the robot says too many messages ({said}); trying again later": "{name}：机器人提示消息太多（{said}）；稍后重试",
    "{name}: the robot is busy ({said})": "{name}：机器人繁忙（{said}）",
    "this computer's clock (the signature is only good for an hour)": "本机时钟（签名只在一小时内有效）",
    "the robot's sign secret, its keyword and its IP allow-list": "机器人的加签密钥、关键词和 IP 白名单",
    "{name}: DingTalk refused the message ({said}); check {check}, then send the failed messages again":
        "{name}：钉钉拒绝了消息（{said}）；请检查{check}，然后重新发送失败的消息",
    "{name}: WeCom refused the message ({said}); check the robot's webhook address (key)":
        "{name}：企业微信拒绝了消息（{said}）；请检查机器人的 Webhook 地址（key）",
    "{name}: the robot refused the message ({said})": "{name}：机器人拒绝了消息（{said}）",
    "recipients refused: {recipients}": "收件人被拒绝：{recipients}",
    "{name}: the mail server does not offer STARTTLS ({exc}); Packdesk sends mail encrypted only":
        "{name}：邮件服务器不支持 STARTTLS（{exc}）；Packdesk 只发送加密邮件",
    "{name}: the mail server's certificate is not trusted ({value})": "{name}：邮件服务器的证书不受信任（{value}）",
    "{name}: mail server {smtp_host} not reachable ({name2})": "{name}：无法连接邮件服务器 {smtp_host}（{name2}）",
    "{name}: the mail server asks to try later (SMTP {code} {said})": "{name}：邮件服务器要求稍后再试（SMTP {code} {said}）",
    "refused the login": "拒绝了登录",
    "refused the mail": "拒绝了邮件",
    "{name}: the mail server {what} (SMTP {code} {said})": "{name}：邮件服务器{what}（SMTP {code} {said}）",
    "{name}: {exc} (set the route up again with packdesk alerts route add {code} ...)":
        "{name}：{exc}（请用 packdesk alerts route add {code} ... 重新设置该路由）",
    "alerts: {sent} sent, {failed} failed": "告警：已发送 {sent} 条，失败 {failed} 条",
    "errcode {code}: {message}": "错误码 {code}：{message}",
    "errcode {code}": "错误码 {code}",
    "; quiet {quiet}": "；免打扰 {quiet}",
    "packdesk {command}: {exc}": "packdesk {command}：{exc}",
    "  --encoding {encoding}: {sample}": "  --encoding {encoding}：{sample}",
    "row {number}: {problem}": "第 {number} 行：{problem}",
    "rows {numbered}-{numbered2}: {exc}": "第 {numbered}-{numbered2} 行：{exc}",
    "row {number} 购买数量": "第 {number} 行 购买数量",
    "row {number} 价格": "第 {number} 行 价格",
    "[Packdesk] Weekly report {week}": "[Packdesk] 运营周报 {week}",
    "The Packdesk weekly report for {week} is attached: the week's figures, their trend and charts, and any figure that stayed past its threshold three days in a row.":
        "附件是 {week} 的 Packdesk 运营周报：本周各项指标、趋势和图表，以及连续三天超出阈值的指标。",
    "{name}: this station cannot render the weekly report; another station will send it":
        "{name}：本工位无法生成运营周报；将由其他工位发送",
    "The report for {week} is queued for route {route}.": "{week} 的周报已排队发往路由 {route}。",
    "The report for {week} was queued for route {route} already; see packdesk outbox list --channel alert:{route}.":
        "{week} 的周报之前已排队发往路由 {route}；请看 packdesk outbox list --channel alert:{route}。",
    "The next packdesk sync sends it.": "下一次 packdesk sync 会发送。",
    "{line}, 1 route waiting": "{line}，1 条路由等待中",
    "{line}, {waiting} routes waiting": "{line}，{waiting} 条路由等待中",
    "Alert route {code}: {name}": "告警路由 {code}：{name}",
    "quiet hours until {quiet:%H:%M} UTC": "免打扰至 UTC {quiet:%H:%M}",
    "Alert route {code} ({kind})": "告警路由 {code}（{kind}）",
    "{exc}; check the route's webhook address": "{exc}；请检查该路由的 Webhook 地址",
    "; its secret is in the system keyring.": "；其密钥保存在系统密钥环中。",
    "Alert route {code} added": "已添加告警路由 {code}",
    "Test message sent to alert route {code}.": "测试消息已发送到告警路由 {code}。",
    "packdesk alerts: the test message to {code} is {status}: {value}": "packdesk alerts：发往 {code} 的测试消息为 {status}：{value}",
    "{count} alert routes": "{count} 条告警路由",
    "Alert route {code} removed.": "已删除告警路由 {code}。",
    "{code} sign secret (SEC...): ": "{code} 的加签密钥（SEC...）：",
    "{code} SMTP password for {username}: ": "{code} 中 {username} 的 SMTP 密码：",
    "sync cursor is not valid ({exc}); reset the channel's cursor": "同步游标无效（{exc}）；请重置该渠道的游标",
    "{channel}: shop address {base_url!r} is not an https URL": "{channel}：店铺地址 {base_url!r} 不是 https 网址",
    "{channel}: shop address must use https, got {base_url!r}": "{channel}：店铺地址必须使用 https，收到的是 {base_url!r}",
    "{channel}: TLS verification cannot be turned off": "{channel}：不能关闭 TLS 证书验证",
    "{channel}: no answer in time ({name})": "{channel}：未及时响应（{name}）",
    "{channel}: connection failed ({name})": "{channel}：连接失败（{name}）",
    "{channel}: {method} {path} was redirected to {target} (HTTP {status}); Packdesk does not follow redirects with the shop's keys: set the shop address to the https address it moved to":
        "{channel}：{method} {path} 被重定向到 {target}（HTTP {status}）；Packdesk 不会带着店铺密钥跟随重定向：请把店铺地址改为它迁移后的 https 地址",
    "{channel}: too many requests, retry after {wait:.1f} s": "{channel}：请求过多，{wait:.1f} 秒后重试",
    "{channel}: server error HTTP {status}": "{channel}：服务器错误 HTTP {status}",
    "{channel}: credentials refused (HTTP {status}{said}); check the channel's access settings":
        "{channel}：凭据被拒绝（HTTP {status}{said}）；请检查该渠道的访问设置",
    "{channel}: request refused (HTTP {status}): {text}": "{channel}：请求被拒绝（HTTP {status}）：{text}",
    "rate limited, retry after {retry_after_s:.1f} s": "被限流，{retry_after_s:.1f} 秒后重试",
    "{channel}: answer to {method} {path} is not valid JSON ({exc})": "{channel}：{method} {path} 的响应不是有效的 JSON（{exc}）",
    "stock for {sku} changed at the channel (now {remote_quantity})": "{sku} 的库存在渠道上已变动（现为 {remote_quantity}）",
    "{pulled} orders in": "收到 {pulled} 个订单",
    "orders being pulled by {pulled_elsewhere}": "订单正由 {pulled_elsewhere} 拉取",
    "{pulled}, {pushed} changes out": "{pulled}，推送 {pushed} 项变更",
    ", {parked} parked (see exceptions)": "，搁置 {parked} 个（见异常列表）",
    "rate limited for {retry_after_s:.0f} s: {exc}": "被限流 {retry_after_s:.0f} 秒：{exc}",
    "rate limited, waiting {pause:.1f} s": "被限流，等待 {pause:.1f} 秒",
    "stopped while waiting for the rate limit": "等待限流解除时已停止",
    "could not read orders: {exc}": "无法读取订单：{exc}",
    "{pushed} changes out": "推送 {pushed} 项变更",
    "Packdesk cannot send {kind!r} messages yet": "Packdesk 目前还不能发送 {kind!r} 消息",
    "{sku} changed at the channel; pulling orders and recomputing": "{sku} 在渠道上已变动；正在拉取订单并重新计算",
    "No channel to sync; add one with: packdesk channel add CODE --kind ...": "没有要同步的渠道；请用以下命令添加：packdesk channel add CODE --kind ...",
    "{code}: {where}, {queue_depth} queued, {failed} failed - {value}": "{code}：{where}，排队 {queue_depth}，失败 {failed} - {value}",
    "packdesk import: {unsure}": "packdesk import：{unsure}",
    "Nothing was imported. Run again with the --encoding whose names read right.": "没有导入任何内容。请用名称显示正确的那个 --encoding 重新运行。",
    "{count} of {count2} rows have errors; nothing was imported. Fix the file, or run again with --yes to import the good rows only.":
        "{count2} 行中有 {count} 行有错误；没有导入任何内容。请修正文件，或加 --yes 重新运行，只导入正确的行。",
    "Imported {count} orders from {name}: ": "已从 {name} 导入 {count} 个订单：",
    "; skipped {count} orders with bad rows": "；跳过 {count} 个有错误行的订单",
    "  {order_number} needs review: {reasons}": "  {order_number} 需要审核：{reasons}",
    "  {channel} order {channel_order_id} parked in the exceptions list: {reasons}": "  {channel} 订单 {channel_order_id} 已搁置到异常列表：{reasons}",
    "{code} ({kind}) ratio {allocation_ratio:g}, buffer {floor_buffer}: {value}": "{code}（{kind}）比例 {allocation_ratio:g}，保底 {floor_buffer}：{value}",
    "channel {code} needs --set for {missing}": "渠道 {code} 需要用 --set 设置 {missing}",
    "Channel {code} added; its credentials are in the system keyring.": "已添加渠道 {code}；其凭据保存在系统密钥环中。",
    "give message ids, or --all-failed (not both)": "请给出消息编号，或使用 --all-failed（不能同时使用）",
    "packdesk outbox: {exc}": "packdesk outbox：{exc}",
    "queued again: {outbox_line}": "已重新排队：{outbox_line}",
    "{count} messages queued again; the next sync sends them": "{count} 条消息已重新排队；下次同步时发送",
    ", being sent by {claimed_by}": "，正由 {claimed_by} 发送",
    "No system keyring is available to keep channel credentials. Start the desktop's keyring (GNOME Keyring, KWallet) or configure one for `keyring`.":
        "没有可用于保存渠道凭据的系统密钥环。请启动桌面的密钥环（GNOME Keyring、KWallet），或为 `keyring` 配置一个。",
    "Channel {channel_code}: missing {missing}.": "渠道 {channel_code}：缺少 {missing}。",
    "The keyring refused to store the credentials of {channel_code} ({name}).": "密钥环拒绝保存 {channel_code} 的凭据（{name}）。",
    "The keyring could not be read for {channel_code} ({name}).": "无法读取 {channel_code} 的密钥环（{name}）。",
    "No credentials stored for channel {channel_code}; run: packdesk channel add {channel_code} ...":
        "渠道 {channel_code} 没有保存凭据；请运行：packdesk channel add {channel_code} ...",
    "The stored credentials of {channel_code} are not readable; store them again.": "{channel_code} 已保存的凭据无法读取；请重新保存。",
    "Channel {channel_code}: stored credentials lack {missing}; store them again.": "渠道 {channel_code}：已保存的凭据缺少 {missing}；请重新保存。",
    "{source}: cannot tell its text encoding for sure (it reads as {names}); choose one, e.g. --encoding {encoding}":
        "{source}：无法确定其文本编码（可读作 {names}）；请选择一个，例如 --encoding {encoding}",
    "{source} is not text in any encoding Packdesk knows ({encodings}); give one with --encoding":
        "{source} 不是 Packdesk 已知的任何编码的文本（{encodings}）；请用 --encoding 指定",
    "{encoding!r} is not a text encoding Packdesk knows": "{encoding!r} 不是 Packdesk 已知的文本编码",
    "{source} is not {encoding} text (byte {start} does not fit)": "{source} 不是 {encoding} 文本（第 {start} 个字节不符）",
    "column {header!r} holds {value} KB of text; a cell may hold at most {value2} KB": "列 {header!r} 有 {value} KB 文本；一个单元格最多 {value2} KB",
    "{name}: no 订单编号 column, not a 宝贝报表": "{name}：没有“订单编号”列，不是宝贝报表",
    "no order id in column {order_id!r}": "列 {order_id!r} 中没有订单编号",
    " (add the 宝贝报表 items export)": "（请加上宝贝报表的商品导出）",
    "line {label!r} has no SKU{hint}": "订单行 {label!r} 没有 SKU{hint}",
    "column {quantity!r}: quantity of {label!r}": "列 {quantity!r}：{label!r} 的数量",
    "column {unit_price!r}: price of {label!r}": "列 {unit_price!r}：{label!r} 的价格",
    "{price_column} {shown} is more than Packdesk can keep (at most {value})": "{price_column} {shown} 超出 Packdesk 能保存的范围（最多 {value}）",
    "status {raw!r} is not one Packdesk knows": "状态 {raw!r} 不是 Packdesk 已知的状态",
    "cannot read {path}: {strerror}": "无法读取 {path}：{strerror}",
    "{name} is empty": "{name} 是空的",
    "{name}: columns are not a known export; set up a column mapping": "{name}：列不属于已知的导出格式；请设置列映射",
    "{name}: missing columns for {missing}": "{name}：缺少 {missing} 的列",
    "{key} (no column chosen)": "{key}（未选择列）",
    "{key} (column {column!r})": "{key}（列 {column!r}）",
    "saved column mapping is not valid: {exc}": "已保存的列映射无效：{exc}",
    "field {map} is missing": "缺少字段 {map}",
    "{what} is text, not a JSON {shapes}": "{what} 是文本，不是 JSON {shapes}",
    "{what} is a JSON {name}, not a JSON {shapes}": "{what} 是 JSON {name}，不是 JSON {shapes}",
    "{what} {shown} is not a number": "{what} {shown} 不是数字",
    "{what} {shown} is not a finite number": "{what} {shown} 不是有限数",
    "{what} {shown} is not a whole number": "{what} {shown} 不是整数",
    "{what} {shown} is more than {limit}": "{what} {shown} 超过 {limit}",
    "{what} is missing": "缺少{what}",
    "{what} {raw!r} is not a date and time": "{what} {raw!r} 不是日期时间",
    "packdesk orders: {exc}": "packdesk orders：{exc}",
    "offline until {until:%Y-%m-%d %H:%M} UTC: {exc}": "离线至 UTC {until:%Y-%m-%d %H:%M}：{exc}",
    "Channel {code} has no {args} setting; set it up again.": "渠道 {code} 没有 {args} 设置；请重新设置。",
    "Channel {code} ({kind}) has nothing to sync.": "渠道 {code}（{kind}）没有可同步的内容。",
    "{channel}: query-cost bucket low ({now_available:.0f} of {requested:.0f} points), waiting for it to refill":
        "{channel}：查询额度不足（{now_available:.0f}/{requested:.0f} 点），等待恢复",
    "{channel}: throttled by the query-cost limit": "{channel}：受查询额度限制被限流",
    "{channel}: {operation} asks for more than Shopify allows in one query: {value}": "{channel}：{operation} 超出了 Shopify 单次查询的上限：{value}",
    "{channel}: {operation} denied: {messages}": "{channel}：{operation} 被拒绝：{messages}",
    "{channel}: {operation} failed: {messages}": "{channel}：{operation} 失败：{messages}",
    "{channel}: orders answer has no orders.nodes list": "{channel}：订单响应中没有 orders.nodes 列表",
    "{exc}; even one order a page is too costly": "{exc}；即使每页一个订单也超出额度",
    "{channel}: order {text} has more line items but no cursor to ask for them": "{channel}：订单 {text} 还有更多订单行，但没有可用于获取的游标",
    "{channel}: line items of order {text} came back without nodes": "{channel}：订单 {text} 的订单行返回时没有 nodes",
    "{channel}: order {channel_order_id} not found": "{channel}：找不到订单 {channel_order_id}",
    "tracking already on Shopify": "Shopify 上已有运单号",
    "{channel}: fulfilment refused: ": "{channel}：发货被拒绝：",
    "refund already on Shopify": "Shopify 上已有退款",
    "{channel}: refund refused: ": "{channel}：退款被拒绝：",
    "{channel}: {count} inventory items carry SKU {sku!r} (expected exactly one)": "{channel}：有 {count} 个库存项使用 SKU {sku!r}（应只有一个）",
    "{channel}: inventory level of {sku!r} has no available quantity": "{channel}：{sku!r} 的库存没有可用数量",
    "{channel}: SKU {sku!r} is not stocked at the bench location": "{channel}：SKU {sku!r} 在本工作台的仓库地点没有库存",
    "{channel}: stock for {sku} refused: ": "{channel}：{sku} 的库存更新被拒绝：",
    "{channel}: refund in {currency} for an order in {currency2}": "{channel}：以 {currency} 退款，但订单币种是 {currency2}",
    "{channel}: order {channel_order_id} has no captured payment to refund": "{channel}：订单 {channel_order_id} 没有可退款的已收款项",
    "{channel}: order {channel_order_id} has nothing left to fulfil for the shipped lines": "{channel}：订单 {channel_order_id} 的已发订单行没有待发货的内容了",
    "{field_name} {value!r} is not one Packdesk knows": "{field_name} {value!r} 不是 Packdesk 已知的值",
    "current quantity of line {line_id}": "订单行 {line_id} 的当前数量",
    "price of line {line_id}": "订单行 {line_id} 的价格",
    "{channel}: {operation} answered with a JSON {name}, not an object": "{channel}：{operation} 返回的是 JSON {name}，不是对象",
    "{channel}: {operation} answer has no data object": "{channel}：{operation} 的响应中没有 data 对象",
    "Taobao already shows this tracking number": "淘宝上已显示此运单号",
    "{channel}: trade {tid} is closed at Taobao; it cannot be consigned ({exc})": "{channel}：交易 {tid} 在淘宝已关闭；不能发货（{exc}）",
    "Taobao already shows {tid} consigned (B04): {exc}": "淘宝上已显示 {tid} 已发货（B04）：{exc}",
    "{channel}: consignment of {tid} not accepted": "{channel}：{tid} 的发货未被接受",
    "{channel}: Taobao refunds are approved in the seller centre; Packdesk marks this case for a person (order {channel_order_id}, {amount:.2f})":
        "{channel}：淘宝退款需在卖家中心审批；Packdesk 将此退货标记为需人工处理（订单 {channel_order_id}，{amount:.2f}）",
    "{channel}: {count} items carry merchant code {sku!r} (expected exactly one)": "{channel}：有 {count} 个商品使用商家编码 {sku!r}（应只有一个）",
    "channel already holds this quantity": "渠道上已是这个数量",
    "{channel}: stock of {sku} read back as {read_back} after writing {quantity}": "{channel}：写入 {quantity} 后读回的 {sku} 库存为 {read_back}",
    "trade status {status!r} is not one Packdesk knows": "交易状态 {status!r} 不是 Packdesk 已知的状态",
    "num of line {oid}": "订单行 {oid} 的数量",
    "price of line {oid}": "订单行 {oid} 的价格",
    "{channel}: the increment window may be at most one day": "{channel}：增量查询的时间窗口最多一天",
    "taobao: {api_method} refused (code {code}: {detail})": "淘宝：{api_method} 被拒绝（代码 {code}：{detail}）",
    "taobao: sign method {method!r} is not one of {sign_methods}": "淘宝：签名方法 {method!r} 不在 {sign_methods} 之中",
    "taobao: {api_method} answered with a JSON {name}, not an object": "淘宝：{api_method} 返回的是 JSON {name}，不是对象",
    "taobao: {api_method} answer has no {response_key}": "淘宝：{api_method} 的响应中没有 {response_key}",
    "taobao: {api_method} call limit reached (code {code}: {detail})": "淘宝：{api_method} 已达调用上限（代码 {code}：{detail}）",
    "taobao: {api_method} platform error (code {code}: {detail})": "淘宝：{api_method} 平台错误（代码 {code}：{detail}）",
    "taobao: {api_method} busy, try again later (code {code}: {detail})": "淘宝：{api_method} 繁忙，请稍后再试（代码 {code}：{detail}）",
    "taobao: credentials refused for {api_method} ({detail})": "淘宝：{api_method} 的凭据被拒绝（{detail}）",
    "shipping address has no recipient name": "收货地址没有收件人姓名",
    "shipping address has no street line": "收货地址没有街道地址",
    "shipping address has no city or region": "收货地址没有城市或地区",
    "shipping country is not a two-letter country code": "收货国家不是两位字母的国家代码",
    "shipping address in {country} has no postcode": "{country} 的收货地址没有邮编",
    "postcode is not a valid {country} postcode": "邮编不是有效的 {country} 邮编",
    "no phone number for the carrier": "没有给承运商的电话号码",
    "phone has letters or symbols in it": "电话号码中有字母或符号",
    "phone is not an 11-digit mainland mobile number": "电话号码不是 11 位的中国大陆手机号",
    "phone has {digits} digits (expected 6 to 15)": "电话号码有 {digits} 位数字（应为 6 到 15 位）",
    "phone is not a number the carrier can dial": "电话号码不是承运商能拨打的号码",
    "phone is too short for a {country} number": "电话号码位数太少，不像 {country} 的号码",
    "phone is too long for a {country} number": "电话号码位数太多，不像 {country} 的号码",
    "line {label!r} has no SKU, so it cannot be scanned": "订单行 {label!r} 没有 SKU，无法扫描",
    "line {label!r} has quantity {quantity} (must be 1 or more)": "订单行 {label!r} 的数量为 {quantity}（必须为 1 或以上）",
    "line {label!r} has price {price} (must be 0 or more)": "订单行 {label!r} 的价格为 {price}（必须为 0 或以上）",
    "line {label!r} has currency {currency!r} (expected e.g. USD, CNY)": "订单行 {label!r} 的币种为 {currency!r}（应为 USD、CNY 等）",
    "order has no lines": "订单没有订单行",
    "{channel}: credentials refused (HTTP 401: {value}); the store answered as if no key had been sent, as when the web server strips the Authorization header. Packdesk sends the keys in the query string instead only over https; this store address is plain http":
        "{channel}：凭据被拒绝（HTTP 401：{value}）；店铺的回应就像没有收到密钥一样，网页服务器去掉 Authorization 头时就会这样。Packdesk 只在 https 下改用查询字符串发送密钥；这个店铺地址是普通 http",
    "{channel}: order list is a JSON {name}": "{channel}：订单列表是 JSON {name}",
    "{channel}: order list has no usable X-WP-TotalPages header": "{channel}：订单列表没有可用的 X-WP-TotalPages 头",
    "{channel}: refund list is a JSON {name}": "{channel}：退款列表是 JSON {name}",
    "refund already on WooCommerce": "WooCommerce 上已有退款",
    "{channel}: refund answer is not a JSON object": "{channel}：退款响应不是 JSON 对象",
    "{channel}: {count} products carry SKU {sku!r} (expected exactly one)": "{channel}：有 {count} 个商品使用 SKU {sku!r}（应只有一个）",
    "{channel}: stock of {sku!r} is not managed by WooCommerce": "{channel}：{sku!r} 的库存不由 WooCommerce 管理",
    "stock of {sku}": "{sku} 的库存",
    "Shipped with {carrier}, tracking number {tracking_number}.": "已由 {carrier} 发出，运单号 {tracking_number}。",
    "order status {status!r} is not one Packdesk knows": "订单状态 {status!r} 不是 Packdesk 已知的状态",
    "quantity of line {line_id}": "订单行 {line_id} 的数量",
    "meta_data entry {n}": "meta_data 第 {n} 项",
    "{channel}: page size {page_size} is outside 1..100": "{channel}：每页数量 {page_size} 不在 1..100 之间",
}

_REPORT_AND_INTAKE = {
    "On-time fulfilment {on_time_rate:.1%} is below {on_time_min:.0%}": "按时发货率 {on_time_rate:.1%} 低于 {on_time_min:.0%}",
    "Inventory accuracy {inventory_accuracy:.1%} is below {inventory_accuracy_min:.0%}":
        "库存准确率 {inventory_accuracy:.1%} 低于 {inventory_accuracy_min:.0%}",
    "Return rate {return_rate:.1%} is above {return_rate_max:.0%}": "退货率 {return_rate:.1%} 高于 {return_rate_max:.0%}",
    "First response to returns {minutes:.0f} min is above {first_response_max_minutes:.0f} min":
        "退货首次响应 {minutes:.0f} 分钟，超过 {first_response_max_minutes:.0f} 分钟",
    "the channel holds the order": "渠道暂停了该订单",
    "awaiting payment": "等待付款",
    "Taking in channel orders": "接收渠道订单",
    "{channel_hold} no more": "{channel_hold}已解除",
    "{status} at the channel": "渠道上为“{status}”",
    "Order {number} is ready to pack.": "订单 {number} 可以打包了。",
    "partly refunded at the channel: check which items still ship": "渠道上已部分退款：请确认哪些商品仍需发货",
    "the channel changed the order's items: check them before packing": "渠道修改了订单商品：打包前请核对",
    "review done": "审核完成",
    "unknown SKU {sku}: no such product in Packdesk": "未知 SKU {sku}：Packdesk 中没有这个商品",
    "{hold_reason} after order {number} was {value}: stop the parcel before it ships":
        "订单 {number} 已是“{value}”后{hold_reason}：请在发出前拦下包裹",
    "{status} at the channel after order {number} was {value}: stop the parcel and refund by hand":
        "订单 {number} 已是“{value}”后渠道上变为“{status}”：请拦下包裹并手动退款",
    "order is {status} at the channel": "订单在渠道上为“{status}”",
    "not enough stock for SKU {sku}": "SKU {sku} 库存不足",
    "On-time fulfilment": "按时发货率",
    "Inventory accuracy": "库存准确率",
    "Return rate": "退货率",
    "First response to returns": "退货首次响应",
    "Mis-scan rate": "错扫率",
    "channel {channel}: {count} of {total} late orders": "渠道 {channel}：逾期订单 {total} 个中占 {count} 个",
    "orders due at {hour:02d}:00 UTC: {count} of {total} late orders": "UTC {hour:02d}:00 到期的订单：逾期订单 {total} 个中占 {count} 个",
    "SKU {sku}: {count} of {total} counts off": "SKU {sku}：盘点差异 {total} 次中占 {count} 次",
    "packer {packer}: {count} of {total} mis-scans": "打包员 {packer}：错扫 {total} 次中占 {count} 次",
    "no counts yet": "尚无盘点",
    "no return cases yet": "尚无退货",
    "better": "变好", "worse": "变差", "same": "持平",
    "On-time fulfilment per day (%), threshold dashed": "每日按时发货率（%），虚线为阈值",
    "On-time fulfilment per day (%), threshold dashed: too few days with packed orders for a line":
        "每日按时发货率（%），虚线为阈值：有打包订单的天数太少，画不出折线",
    "n/a": "无",
    "{figure}: {days} days in a row, {first} to {last}": "{figure}：连续 {days} 天，{first} 至 {last}",
    "week": "本周",
    "min {limit}": "最低 {limit}",
    "max {limit}": "最高 {limit}",
    "{streak}; most of the misses: {carried_by}": "{streak}；问题主要集中在：{carried_by}",
    "Orders packed per day": "每日打包订单数",
    "Past the threshold three days in a row": "连续三天超出阈值",
    "Threshold crossings": "超出阈值",
    "Packdesk weekly report {week}": "Packdesk 运营周报 {week}",
    "{since} to {until} (UTC). Made {made_at} UTC.": "{since} 至 {until}（UTC）。生成于 UTC {made_at}。",
    "Orders packed: {orders_fulfilled}, on time: {on_time}, returns opened: {returns}.":
        "打包订单：{orders_fulfilled}，按时：{on_time}，新开退货：{returns}。",
    "Figures and trend": "指标与趋势",
    "Charts": "图表",
    "Worst days": "表现最差的几天",
    "Packers": "打包员",
    "Figure": "指标", "This week": "本周", "Last week": "上周", "Trend": "趋势",
    "Threshold": "阈值", "Status": "状态", "Packer": "打包员", "Orders": "订单",
    "Orders/hour": "订单/小时", "Scan to label (s)": "扫描到出面单（秒）",
    "{scope}: {crossing}": "{scope}：{crossing}",
    "Day": "日期", "On time": "按时", "Mis-scans": "错扫", "WARN": "警告", "ok": "正常",
    "No figure stayed past its threshold three days in a row.": "没有指标连续三天超出阈值。",
    "No figure crossed its threshold.": "没有指标超出阈值。",
    "No orders were packed this week.": "本周没有打包订单。",
    "Every day with packed orders shipped all of them on time.": "有打包订单的每一天都全部按时发货。",
}

WORDS_ZH = _WORDS
CORE_ZH = {**_BENCH, **_ALERTS, **_WORDS, **_STORE_AND_CORE, **_PRINTING, **_SYNC,
           **_REPORT_AND_INTAKE}


# merged from main (go-live, shipments, bench-live, evidence): the core's new templates
_MAIN_CORE = {
    'No parcel has tracking number {number}. Check that the label is one of ours and set the parcel aside.':
        '没有运单号为 {number} 的包裹。请确认这是我们的面单，并把包裹放到一边。',
    'Parcel {number} (order {orders}) was stopped; it must not leave. Take it off the cage and give it to a supervisor.':
        '包裹 {number}（订单 {orders}）已被拦截，不能发出。请把它从笼车上取下交给主管。',
    'Parcel {number} was already scanned out by {by} at {when}.':
        '包裹 {number} 已由 {by} 于 {when} 扫描交接。',
    'Parcel {number} ({orders}) scanned out to {carrier}.':
        '包裹 {number}（{orders}）已交接给 {carrier}。',
    'Order {number} stopped.':
        '订单 {number} 已拦截。',
    'Order {number} stopped; label {tracking} will be refunded at the carrier.':
        '订单 {number} 已拦截；面单 {tracking} 将向承运商申请退款。',
    'Order {number} is {status}; only a packed parcel that has not been handed over can be stopped.':
        '订单 {number} 状态为{status}；只有已打包且未交接的包裹才能拦截。',
    'The label for {orders} will be asked again.':
        '将重新为 {orders} 申请面单。',
    'Parcel {reference} is {state}; only a pending label is asked again.':
        '包裹 {reference} 状态为 {state}；只有待出的面单才能重新申请。',
    'There is no parcel {reference}.':
        '没有包裹 {reference}。',
    'Parcel {reference}: its carrier {carrier} or its orders are gone from the store.':
        '包裹 {reference}：其承运商 {carrier} 或订单已不在数据库中。',
    'Quiet hours must be between 0 (the default, 72) and 1440, not {hours}.':
        '无物流更新的告警时长必须在 0（默认 72）到 1440 小时之间，而不是 {hours}。',
    '{zone} is not a time zone Packdesk knows; give one like Asia/Shanghai or Europe/Berlin.':
        '{zone} 不是 Packdesk 认识的时区；请填写如 Asia/Shanghai 或 Europe/Berlin。',
    'Carrier {code} issues its labels through {api}.':
        '承运商 {code} 通过 {api} 出面单。',
    'Carrier {code} prints numbers from its own range.':
        '承运商 {code} 使用自有号段打印运单号。',
    'There is no carrier adapter {api}; use one of {known}, or none for the own number range.':
        '没有名为 {api} 的承运商接口；请使用 {known} 之一，或留空使用自有号段。',
    'The carrier refused the label for {orders}: {reason}. Correct it (address, balance), then ask again with `packdesk labels retry {reference}`.':
        '承运商拒绝为 {orders} 出面单：{reason}。请先改正（地址、余额），再运行 `packdesk labels retry {reference}` 重新申请。',
    'The label for {orders} has been pending at {carrier} for {minutes} min: {reason}. Packing goes on; it prints when the carrier answers.':
        '{orders} 的面单已在 {carrier} 等待 {minutes} 分钟：{reason}。打包可以继续，承运商响应后面单会自动打印。',
    'Parcel {tracking} ({orders}) for {carrier} was packed but not scanned out by the {cutoff} cut-off. Find it and scan it out (packdesk handover).':
        '发往 {carrier} 的包裹 {tracking}（{orders}）已打包，但在 {cutoff} 截止前未扫描交接。请找到它并扫描交接（packdesk handover）。',
    'Parcel {tracking} ({orders}) is being returned to us by {carrier}. Contact the buyer before it arrives.':
        '包裹 {tracking}（{orders}）正由 {carrier} 退回。请在包裹到达前联系买家。',
    'Parcel {tracking} ({orders}) has not moved at {carrier} for {held}. Ask the carrier where it is.':
        '包裹 {tracking}（{orders}）在 {carrier} 已 {held} 没有物流更新。请向承运商查询。',
    '{opened} {notes}':
        '{opened} {notes}',
    'NOTE from the buyer ({notes}). Read it, then scan PD:NOTEOK or press F6 before scanning the items.':
        '买家留言（{notes}）。请先阅读，然后扫描 PD:NOTEOK 或按 F6，再扫描商品。',
    "There is no buyer's note to read.":
        '没有要阅读的买家留言。',
    'Note read by {packer} (recorded). Scan the items.':
        '{packer} 已阅读留言（已记录）。请扫描商品。',
    'Recording that the note was read':
        '记录留言已阅读',
    'Pack videos stopped at station {station}: {free} free of {total} at {folder}, and filming keeps {keep} free. Packing goes on; delete old clips (packdesk clips prune) or free space, and filming starts again with the next order.':
        '工位 {station} 的打包视频已停止：{folder} 剩余 {free}，共 {total}，录制需保留 {keep} 空闲。打包照常进行；请删除旧视频（packdesk clips prune）或腾出空间，下一单起恢复录制。',
    'No pack video was recorded for order {number}: the station had no camera, or filming was off.':
        '订单 {number} 没有打包视频：工位没有摄像头，或未开启录制。',
    "The pack video of order {number} filmed on {filmed} was deleted on {deleted} by the clips' retention (older than the days kept, or over the disk budget).":
        '订单 {number} 于 {filmed} 拍摄的打包视频已在 {deleted} 按保留规则删除（超过保留天数或磁盘预算）。',
    'The pack video of order {number} was filmed at station {station}, but its file {path} is not on this disk: open it at that station, or restore the file.':
        '订单 {number} 的打包视频在工位 {station} 拍摄，但文件 {path} 不在本机磁盘上：请到该工位查看，或恢复该文件。',
    "Filming again: there is room on the clips' disk ({free} free).":
        '已恢复录制：视频磁盘有空间了（剩余 {free}）。',
    "only {free} free on the clips' disk ({folder}); {keep} is kept free":
        '视频磁盘（{folder}）仅剩 {free}，需保留 {keep} 空闲',
    "the clips' disk is full ({folder})":
        '视频磁盘已满（{folder}）',
    'Pack videos stopped: {reason}. Packing goes on without them; delete old clips (packdesk clips prune) or free space, and filming starts again with the next order.':
        '打包视频已停止：{reason}。打包照常进行，只是不录像；请删除旧视频（packdesk clips prune）或腾出空间，下一单起恢复录制。',
    'The pack video encoder stopped ({reason}); the clip being filmed may be lost. Packing goes on; filming starts again with the next order.':
        '打包视频编码进程已停止（{reason}），正在录制的视频可能丢失。打包照常进行，下一单起恢复录制。',
    'No box sizes in the catalogue: no box to suggest.':
        '商品资料中没有纸箱尺寸：无法建议纸箱。',
    'No box suggested: {sku} has no size in the catalogue.':
        '无法建议纸箱：{sku} 没有尺寸资料。',
    'Box {sku} ({size}) fits these items.':
        '纸箱 {sku}（{size}）装得下这些商品。',
    'No box fits these items (the largest is {sku}): use a bigger box or two parcels.':
        '没有纸箱装得下这些商品（最大的是 {sku}）：请用更大的纸箱或分成两个包裹。',
    'Box {sku} is too small for these items; {fits} fits. Scan the box you use.':
        '纸箱 {sku} 太小，装不下这些商品；{fits} 合适。请扫描所用纸箱。',
    'Box {sku} is too small for these items. Scan the box you use.':
        '纸箱 {sku} 太小，装不下这些商品。请扫描所用纸箱。',
    "Box {sku} ({name}): its {tare} g count in the parcel's weight.":
        '纸箱 {sku}（{name}）：其 {tare} 克计入包裹重量。',
    'Log in first: only {who} may open {screen}.':
        '请先登录：只有{who}可以打开{screen}。',
    'Only {who} may open {screen}; {name} is logged in as {role}.':
        '只有{who}可以打开{screen}；{name} 登录的身份是{role}。',
    'anyone logged in':
        '任何已登录的人',
    'a packer or a supervisor':
        '打包员或主管',
    'a counter clerk or a supervisor':
        '退货柜台员或主管',
    'a supervisor':
        '主管',
    'a packer':
        '打包员',
    'a counter clerk':
        '退货柜台员',
    'the pack bench':
        '打包台',
    'the returns counter':
        '退货柜台',
    'the print log':
        '打印记录',
    'the label preview':
        '面单预览',
    'the command-barcode sheet':
        '命令条码表',
    'the packing slip':
        '装箱单',
    'the hardware self-test':
        '硬件自检',
    'the stock history':
        '库存历史',
    'receiving':
        '收货',
    'the cycle count':
        '盘点',
    'the order board':
        '订单看板',
    'the health dashboard':
        '运行状况面板',
    'the alerts':
        '警报',
    'batch labels':
        '批量面单',
    'the order import':
        '订单导入',
    'the station settings':
        '工位设置',
    'the orders needing review':
        '待审核订单',
    'the failed channel messages':
        '发送失败的渠道消息',
    'the people screen':
        '人员页面',
    'the product editor':
        '商品编辑',
    'the catalogue import':
        '商品目录导入',
    'the next steps for a new store':
        '新店的下一步',
    'This store already has people or orders; set-up only sets up an empty store. A supervisor adds people in Tools → People… or with packdesk people add.':
        '本店已有人员或订单；初始设置只用于空店。主管可在 工具 → 人员… 中或用 packdesk people add 添加人员。',
    '{name} is the last active supervisor; make someone else a supervisor first.':
        '{name} 是最后一位在职主管；请先让其他人成为主管。',
    'The barcode is empty.':
        '条码为空。',
    'The barcode “{code}” has {length} characters; use at most {limit}.':
        '条码“{code}”有 {length} 个字符；最多 {limit} 个。',
    'The barcode “{code}” has a space or a character a label cannot print; use letters, digits and - . / only.':
        '条码“{code}”含有空格或标签无法打印的字符；只能用字母、数字和 - . /。',
    'The barcode {code} is not a valid GTIN: its last digit should be {digit} (GS1 check digit). Check the number on the pack.':
        '条码 {code} 不是有效的 GTIN：最后一位应为 {digit}（GS1 校验位）。请核对包装上的号码。',
    'The SKU is empty.':
        'SKU 为空。',
    'The SKU “{sku}” must be 1 to 64 characters without spaces.':
        'SKU“{sku}”须为 1 到 64 个字符，不含空格。',
    'The product name is empty.':
        '商品名称为空。',
    'The product name has more than 255 characters.':
        '商品名称超过 255 个字符。',
    'A weight of {grams} g is not possible; give 0 to {limit} g.':
        '{grams} 克的重量不可能；请填 0 到 {limit} 克。',
    'The bin “{bin}” has more than 32 characters.':
        '库位“{bin}”超过 32 个字符。',
    'The image path has more than 512 characters.':
        '图片路径超过 512 个字符。',
    'The barcode {code} is already on {owner}; a barcode belongs to one product.':
        '条码 {code} 已属于 {owner}；一个条码只能属于一个商品。',
    'The weight “{weight}” is not a number.':
        '重量“{weight}”不是数字。',
    'The opening stock “{quantity}” is not a whole number from 0 to {limit}.':
        '期初库存“{quantity}”不是 0 到 {limit} 之间的整数。',
    'The catalogue file has no {columns} column; the first line must name the columns, for instance sku,name,barcode,weight_g,bin,image,opening_stock.':
        '商品目录文件没有 {columns} 列；第一行必须是列名，例如 sku,name,barcode,weight_g,bin,image,opening_stock。',
    'SKU {sku} is on line {line} already; give each SKU one line.':
        'SKU {sku} 已在第 {line} 行；每个 SKU 只占一行。',
    'The barcode {code} is on line {line} already; a barcode belongs to one product.':
        '条码 {code} 已在第 {line} 行；一个条码只能属于一个商品。',
    'SKU {sku} already has stock ({units} on hand); opening stock is counted once. Count it again with Tools → Cycle count.':
        'SKU {sku} 已有库存（在库 {units} 件）；期初库存只记一次。请用 工具 → 盘点 重新盘点。',
    "No carrier is set up, so no tracking number can be given; a supervisor adds one with packdesk carrier add CODE --name NAME --prefix LETTERS (the shop's own number range).":
        '尚未设置承运商，无法分配运单号；请主管用 packdesk carrier add CODE --name NAME --prefix LETTERS 添加（本店自己的号段）。',
    'A carrier code is 1 to 16 letters and digits, like OWN.':
        '承运商代码为 1 到 16 个字母和数字，例如 OWN。',
    'The carrier needs a name, printed on its labels.':
        '承运商需要一个名称，会印在面单上。',
    'There is already a carrier {code}.':
        '已有承运商 {code}。',
    'Label pending':
        '面单待出',
    'Label refused':
        '面单被拒',
    'Parcel not handed over':
        '包裹未交接',
    'Parcel not moving':
        '包裹无物流更新',
    'Parcel returned to sender':
        '包裹退回',
    'Pack videos stopped: disk nearly full':
        '打包视频已停止：磁盘将满',
    'Pack video encoder stopped':
        '打包视频编码进程已停止',
    'The pack video encoder stopped at station {station} ({reason}); the clip being filmed may be lost. Packing goes on; filming starts again with the next order.':
        '工位 {station} 的打包视频编码进程已停止（{reason}），正在录制的视频可能丢失。打包照常进行，下一单起恢复录制。',
}
CORE_ZH.update({k: v for k, v in _MAIN_CORE.items() if k not in CORE_ZH})


# carriers, labels, hand-over and tracking (printing/carriers, printing/carrier_labels.py,
# printing/manifest.py, printing/shipping_cli.py and the shipment services)
_CARRIERS = {
    "The hand-over cut-off {text!r} is not a time of day; give it as HH:MM, for instance 17:00.":
        "交接截止时间 {text!r} 不是有效的时刻；请按 HH:MM 填写，例如 17:00。",
    "from {carrier_api}": "来自 {carrier_api}",
    "of our own range": "取自自有号段",
    "label {tracking_number} {source}": "面单 {tracking_number}（{source}）",
    "Parcel {parcel} is {state}; it cannot become {new_state}.":
        "包裹 {parcel} 当前为“{state}”，不能改为“{new_state}”。",
    "A carrier setting is KEY=VALUE (for instance partner_id=SF12345), not {pair}.":
        "承运商设置应写成 KEY=VALUE（例如 partner_id=SF12345），而不是 {pair}。",
    "Order {number}'s label is still pending at {carrier}; it prints when the carrier answers (packdesk labels --once).":
        "订单 {number} 的面单仍在 {carrier} 等待出单；承运商响应后会自动打印（packdesk labels --once）。",
    "asked again by {by} after: {reason}": "{by} 在此问题后重新申请：{reason}",
    "Parcel {reference}: another runner took the label request over.":
        "包裹 {reference}：另一个进程已接手这次面单申请。",
    "label {tracking_number} from {carrier_api}": "面单 {tracking_number}，来自 {carrier_api}",
    "packed again": "已重新打包",
    "the parcel was stopped; its label will be refunded": "包裹已拦截；其面单将申请退款",
    "{tracking_number}: job {job_id} → {printer}": "{tracking_number}：打印任务 {job_id} → {printer}",
    "label pending: {error}; {later}": "面单待出：{error}；{later}",
    "label {tracking_number} printed elsewhere": "面单 {tracking_number} 已在别处打印",
    "Label {order_numbers} {tracking_number}": "面单 {order_numbers} {tracking_number}",
    "label pending: another station is asking the carrier for it":
        "面单待出：另一个工位正在向承运商申请",
    "it prints when the carrier answers": "承运商响应后会自动打印",
    "a supervisor must put it right (see Alerts)": "需要主管处理（见告警）",
    "the carrier's label for {order_numbers} is {label_format}; the label printer takes PDF or ZPL":
        "承运商给 {order_numbers} 的面单格式为 {label_format}；面单打印机只接受 PDF 或 ZPL",
    "of no known format": "未知格式",
    "Cainiao needs the TOP signer; build the registry with CarrierRegistry(top_sign=sync.taobao_top.sign).":
        "菜鸟需要 TOP 签名函数；请用 CarrierRegistry(top_sign=sync.taobao_top.sign) 创建承运商注册表。",
    "Carrier {code}: unknown kind {kind!r}; use one of {kinds}.":
        "承运商 {code}：未知的接口类型 {kind!r}；请使用 {kinds} 之一。",
    "Carrier {code}: the setting {setting} is missing; fill it in the carrier settings.":
        "承运商 {code}：缺少设置项 {setting}；请在承运商设置中填写。",
    "Carrier {name}: {error}": "承运商 {name}：{error}",
    "Cainiao": "菜鸟",
    "{name} refused {method} (code {code}: {detail}).": "{name} 拒绝了 {method}（错误码 {code}：{detail}）。",
    "{name} e-waybills have no pick-up booking through TOP; choose SF Express for a return pick-up.":
        "{name} 电子面单不能通过 TOP 预约上门揽收；退货上门取件请选择顺丰速运。",
    "{name}: TOP tracks by Taobao trade, not by waybill number; follow waybill {tracking_number} through a KDNiao subscription.":
        "{name}：TOP 按淘宝交易查物流，不按运单号；请通过快递鸟订阅跟踪运单 {tracking_number}。",
    "{name}: TOP could not serve {method} now (code {code}: {detail}); it will be asked again.":
        "{name}：TOP 暂时无法处理 {method}（错误码 {code}：{detail}）；稍后会自动重试。",
    "{name}: the e-waybill subscription has no numbers left ({detail}); recharge it with the express company's branch, then print again.":
        "{name}：电子面单订购的单号已用完（{detail}）；请到快递公司网点充值后再打印。",
    "{name} refused the address ({detail}); correct it or choose another carrier.":
        "{name} 拒绝了该地址（{detail}）；请改正地址或换一家承运商。",
    "{name}: TOP refused the credentials for {method} ({detail}); authorise the app again and store the new session.":
        "{name}：TOP 拒绝了 {method} 的授权凭证（{detail}）；请重新授权应用并保存新的 session。",
    "{name} answered order {reference} with no waybill number; look it up in the Cainiao console.":
        "{name} 对订单 {reference} 的回复中没有运单号；请到菜鸟后台查询。",
    "{name} did not cancel waybill {tracking_number}; cancel it in the Cainiao console.":
        "{name} 未取消运单 {tracking_number}；请到菜鸟后台取消。",
    "{name} answered {method} with no result object; it will be asked again.":
        "{name} 对 {method} 的回复中没有结果；稍后会自动重试。",
    "{name} answered {method} without its response; it will be asked again.":
        "{name} 对 {method} 的回复不完整；稍后会自动重试。",
    "No system keyring is available to keep carrier credentials. Start the desktop's keyring (GNOME Keyring, KWallet) or configure one for `keyring`.":
        "没有可用的系统密钥环来保存承运商凭证。请启动桌面的密钥环（GNOME Keyring、KWallet），或为 `keyring` 配置一个。",
    "Carrier {carrier_code}: missing {missing}.": "承运商 {carrier_code}：缺少 {missing}。",
    "No credentials stored for carrier {carrier_code}; store its {fields} again in the carrier settings.":
        "承运商 {carrier_code} 没有保存凭证；请在承运商设置中重新保存其 {fields}。",
    "Carrier {carrier_code}: stored credentials lack {missing}; store them again.":
        "承运商 {carrier_code}：已保存的凭证缺少 {missing}；请重新保存。",
    "Unknown carrier kind {kind!r}; use one of {kinds}.": "未知的承运商接口类型 {kind!r}；请使用 {kinds} 之一。",
    "The keyring refused to store the credentials of carrier {carrier_code} ({error}).":
        "密钥环拒绝保存承运商 {carrier_code} 的凭证（{error}）。",
    "The keyring could not be read for carrier {carrier_code} ({error}).":
        "无法读取承运商 {carrier_code} 的密钥环（{error}）。",
    "The stored credentials of carrier {carrier_code} are not readable; store them again.":
        "承运商 {carrier_code} 已保存的凭证无法读取；请重新保存。",
    "EasyPost refused the request ({status}): {text}": "EasyPost 拒绝了请求（{status}）：{text}",
    "Packdesk does not book EasyPost pick-ups; book it in the EasyPost dashboard.":
        "Packdesk 不通过 EasyPost 预约揽收；请在 EasyPost 控制台预约。",
    "HTTP {status}": "HTTP {status}",
    "EasyPost is busy or down ({status}): {text}": "EasyPost 繁忙或无法服务（{status}）：{text}",
    "EasyPost refused the postage: {text}. Top up the EasyPost balance or fix its billing, then ask again.":
        "EasyPost 拒绝扣除运费：{text}。请为 EasyPost 充值或修正付款设置，然后重新申请。",
    "EasyPost refused the address: {text}": "EasyPost 拒绝了该地址：{text}",
    "EasyPost refused the API key; save the right key with the carrier profile.":
        "EasyPost 拒绝了 API 密钥；请在承运商资料中保存正确的密钥。",
    "EasyPost does not know it: {text}": "EasyPost 查无此项：{text}",
    "EasyPost quoted no rate for this parcel: {messages}": "EasyPost 没有为此包裹报价：{messages}",
    "The webhook's signature does not match the EasyPost webhook secret; it was not sent by EasyPost, or the secret changed.":
        "Webhook 签名与 EasyPost 的 webhook 密钥不符；它不是 EasyPost 发来的，或者密钥已更换。",
    "The webhook body is not an EasyPost Event.": "Webhook 内容不是 EasyPost 的 Event。",
    "EasyPost needs its API key; save it with the carrier profile.":
        "EasyPost 需要 API 密钥；请在承运商资料中保存。",
    "Label {tracking_number} has no EasyPost shipment id to refund.":
        "面单 {tracking_number} 没有 EasyPost 的 shipment id，无法退款。",
    "EasyPost rejected the refund of label {tracking_number} (used, or past the refund window).":
        "EasyPost 拒绝为面单 {tracking_number} 退款（已使用，或已过退款期限）。",
    "EasyPost bought the label but gave no label file yet.": "EasyPost 已购买面单，但还没有给出面单文件。",
    "EasyPost's label file answered {status_code}.": "获取 EasyPost 面单文件时返回 {status_code}。",
    "The webhook body is not JSON.": "Webhook 内容不是 JSON。",
    "EasyPost's label file could not be fetched: {exc}": "无法获取 EasyPost 的面单文件：{exc}",
    "EasyPost did not answer in time.": "EasyPost 响应超时。",
    "EasyPost could not be reached: {exc}": "无法连接 EasyPost：{exc}",
    "EasyPost answered with something that is not JSON.": "EasyPost 返回的内容不是 JSON。",
    "none": "无",
    "{template_name}: rows add up to {top} mm": "{template_name}：各行合计 {top} 毫米",
    "e-waybill {tracking_number}": "电子面单 {tracking_number}",
    "An e-waybill is drawn as PDF or ZPL, not {label_format}.": "电子面单只能生成 PDF 或 ZPL，不能生成 {label_format}。",
    "unknown e-waybill template {template_name!r}; use one of {templates}":
        "未知的电子面单模板 {template_name!r}；请使用 {templates} 之一",
    "The carrier gave no waybill number; the label cannot be drawn.": "承运商没有给出运单号；无法生成面单。",
    "The receiver of waybill {number} is encrypted by the platform (a masked Taobao/Tmall order): print it through the Cainiao print component, which alone may decrypt it.":
        "运单 {number} 的收件人信息已被平台加密（淘宝/天猫脱敏订单）：请通过菜鸟打印组件打印，只有它能解密。",
    "label printers here are 203 or 300 dpi, not {dpi}": "面单打印机只支持 203 或 300 dpi，不支持 {dpi}",
    "the QR code of {count} characters does not fit {side:.0f} mm at {dpi} dpi":
        "{count} 个字符的二维码在 {dpi} dpi 下放不进 {side:.0f} 毫米",
    "The carrier delivered a {delivered} label, not {wanted}; choose a printer for it.":
        "承运商给的是 {delivered} 格式的面单，不是 {wanted}；请为它选择合适的打印机。",
    "{carrier_name} is busy or down (HTTP {status}) for {what}; it will be asked again.":
        "{carrier_name} 处理{what}时繁忙或无法服务（HTTP {status}）；稍后会自动重试。",
    "{carrier_name} refused {what} with HTTP {status}; check the carrier's address and credentials in the settings.":
        "{carrier_name} 拒绝了{what}（HTTP {status}）；请在设置中检查承运商的地址和凭证。",
    "{carrier_name} answered {what} with something that is not JSON; it will be asked again.":
        "{carrier_name} 对{what}返回的内容不是 JSON；稍后会自动重试。",
    "{carrier_name} did not answer {what} within {timeout_s:g} s; it will be asked again.":
        "{carrier_name} 在 {timeout_s:g} 秒内未响应{what}；稍后会自动重试。",
    "{carrier_name} could not be reached for {what} ({error}); check the network, it will be asked again.":
        "{what}时无法连接 {carrier_name}（{error}）；请检查网络，稍后会自动重试。",
    "{name} refused {what} ({detail}).": "{name} 拒绝了{what}（{detail}）。",
    "e-waybill for order {reference}": "订单 {reference} 的电子面单申请",
    "{name} pick-ups are booked with the express company itself; choose SF Express for a return pick-up.":
        "{name} 的揽收需直接向快递公司预约；退货上门取件请选择顺丰速运。",
    "tracking {tracking_number}": "查询 {tracking_number} 的物流",
    "subscribing to {tracking_number}": "订阅 {tracking_number} 的物流",
    "{name}: the e-waybill balance is used up ({detail}); top it up with the express company's branch, then print again.":
        "{name}：电子面单余额已用完（{detail}）；请到快递公司网点充值后再打印。",
    "{name} refused the address for {what} ({detail}); correct it or choose another carrier.":
        "{name} 拒绝了{what}的地址（{detail}）；请改正地址或换一家承运商。",
    "{name} is busy ({detail}); it will be asked again.": "{name} 繁忙（{detail}）；稍后会自动重试。",
    "{name} already issued a waybill for this order ({detail}); the earlier label is the one to print.":
        "{name} 已为此订单出过运单（{detail}）；请打印之前的那张面单。",
    "{name} refused the signature for {what} ({detail}); check the EBusinessID and AppKey in the carrier settings.":
        "{name} 拒绝了{what}的签名（{detail}）；请在承运商设置中检查 EBusinessID 和 AppKey。",
    "{name} push: RequestType {request_type!r} is not 101.": "{name} 推送：RequestType {request_type!r} 不是 101。",
    "{name} push: the DataSign does not match; it was not sent by KDNiao with this account's AppKey.":
        "{name} 推送：DataSign 不符；它不是快递鸟用本账号的 AppKey 发来的。",
    "{name} push for EBusinessID {pushed_id}, not {ebusiness_id}.":
        "{name} 推送的 EBusinessID 是 {pushed_id}，不是 {ebusiness_id}。",
    "{name}: unknown ShipperCode {shipper_code!r}; use one of {shippers}.":
        "{name}：未知的快递公司编码 ShipperCode {shipper_code!r}；请使用 {shippers} 之一。",
    "{name} accepted order {reference} but gave no waybill number; look it up in the KDNiao console.":
        "{name} 接受了订单 {reference}，但没有给出运单号；请到快递鸟后台查询。",
    "cancelling waybill {tracking_number}": "取消运单 {tracking_number}",
    "{name} answered {what} with no result object; it will be asked again.":
        "{name} 对{what}的回复中没有结果；稍后会自动重试。",
    "{name} push: RequestData is not JSON.": "{name} 推送：RequestData 不是 JSON。",
    "KDNiao": "快递鸟",
    "SF Express": "顺丰速运",
    "{name} refused {service_code} ({detail}).": "{name} 拒绝了 {service_code}（{detail}）。",
    "the label PDF of {waybill}": "运单 {waybill} 的面单 PDF",
    "{name} accepted order {reference} but gave no waybill number; look the order up in the SF console.":
        "{name} 接受了订单 {reference}，但没有给出运单号；请到顺丰后台查询该订单。",
    "{name} answered {service_code} with no result object; it will be asked again.":
        "{name} 对 {service_code} 的回复中没有结果；稍后会自动重试。",
    "{name} platform is busy for {service_code} ({api_code} {api_message}); it will be asked again.":
        "{name} 平台处理 {service_code} 时繁忙（{api_code} {api_message}）；稍后会自动重试。",
    "{name} refused {service_code} ({api_code} {api_message}); check the partner ID, the check word and that the service is enabled for it on the SF open platform.":
        "{name} 拒绝了 {service_code}（{api_code} {api_message}）；请检查顾客编码（partner ID）、校验码，以及该服务是否已在顺丰开放平台开通。",
    "{name} answered {service_code} with an unreadable apiResultData; it will be asked again.":
        "{name} 对 {service_code} 返回的 apiResultData 无法解析；稍后会自动重试。",
    "{name} refused the address ({detail}); correct the receiver or sender details and print the label again.":
        "{name} 拒绝了该地址（{detail}）；请改正收件人或寄件人信息后重新打印面单。",
    "{name} refused the monthly account ({detail}); the 月结 account must be checked or topped up with SF before labels can be printed.":
        "{name} 拒绝了月结账号（{detail}）；请先与顺丰核对月结账号或充值，才能打印面单。",
    "{name} is at peak capacity ({detail}); it will be asked again.": "{name} 业务高峰，暂无运力（{detail}）；稍后会自动重试。",
    "{name} does not know this order ({detail}).": "{name} 查无此订单（{detail}）。",
    "{name} cloud print gave no file for waybill {waybill}.": "{name} 云打印没有给出运单 {waybill} 的文件。",
    "{name} cloud print sent something that is not a PDF for waybill {waybill}.":
        "{name} 云打印给运单 {waybill} 的文件不是 PDF。",
    "{name}: waybill {tracking_number} has no order id; cancel it in the SF merchant console.":
        "{name}：运单 {tracking_number} 没有订单号；请到顺丰商家后台取消。",
    "{name}: a pick-up needs the address the parcel goes to.": "{name}：预约揽收需要包裹的目的地址。",
    "{name} does not collect or deliver at this address for order {reference} ({remark}); check the address with the buyer or choose another carrier.":
        "{name} 在订单 {reference} 的地址不提供收派服务（{remark}）；请与买家核对地址，或换一家承运商。",
    "Shippo": "Shippo",
    "the label file": "获取面单文件",
    "the refund of a label": "面单退款",
    "the pick-up booking": "预约揽收",
    "the tracking query": "物流查询",
    "the shipment": "创建运单",
    "the customs declaration": "海关申报",
    "the label purchase": "购买面单",
    "{name} refused {what}: {said}.": "{name} 拒绝了{what}：{said}。",
    "{name}: label {tracking_number} has no transaction id, so it cannot be refunded from here; refund it in Shippo.":
        "{name}：面单 {tracking_number} 没有 transaction id，无法在这里退款；请到 Shippo 退款。",
    "the refund of {tracking_number}": "{tracking_number} 的退款",
    "{name} will not refund label {tracking_number}: {reason}.": "{name} 不为面单 {tracking_number} 退款：{reason}。",
    "{name} answered the refund of {tracking_number} with status {state!r}; it will be asked again.":
        "{name} 对 {tracking_number} 退款的回复状态为 {state!r}；稍后会自动重试。",
    "{name}: pick-ups need the carrier account id (carrier_account) in the carrier settings.":
        "{name}：预约揽收需要在承运商设置中填写承运商账号 id（carrier_account）。",
    "{name}: a return pick-up needs the address it goes back to.": "{name}：退货上门取件需要退回的地址。",
    "{name} could not book the pick-up: {messages}.": "{name} 无法预约揽收：{messages}。",
    "{name}: tracking needs the carrier's token (carrier, e.g. usps) in the carrier settings.":
        "{name}：物流跟踪需要在承运商设置中填写承运商代号（carrier，例如 usps）。",
    "the tracking of {tracking_number}": "{tracking_number} 的物流查询",
    "{name}: a parcel abroad needs each item's HS code, origin and value for customs; missing for {skus}. Fill them in the product's details.":
        "{name}：寄往境外的包裹报关需要每件商品的 HS 编码、原产地和价值；{skus} 缺少这些信息。请在商品资料中补全。",
    "{name} has not made the label yet ({state}); it will be asked again.": "{name} 还未生成面单（{state}）；稍后会自动重试。",
    "{name} refused the API key (HTTP {status}); check the Shippo token in the carrier settings.":
        "{name} 拒绝了 API 密钥（HTTP {status}）；请在承运商设置中检查 Shippo token。",
    "{name} answered {what} without a JSON object; it will be asked again.":
        "{name} 对{what}的回复不是 JSON 对象；稍后会自动重试。",
    "{name}: {what}: {said}; it will be asked again.": "{name}：{what}：{said}；稍后会自动重试。",
    "{name} cannot charge the postage for {what}: {said}. Top up or fix the billing in Shippo.":
        "{name} 无法为{what}扣除运费：{said}。请在 Shippo 充值或修正付款设置。",
    "{name} refused the address for {what}: {said}. Correct the address on the order.":
        "{name} 拒绝了{what}的地址：{said}。请改正订单上的地址。",
    "no rate is offered for this parcel": "此包裹没有可用的报价",
    "{name} offers no {service!r} for this parcel; it offers {offered}.":
        "{name} 不为此包裹提供 {service!r}；可选的有：{offered}。",
    "all": "全部商品",
    "nothing": "无",
    "no parcels were scanned out: there is no manifest to print": "没有扫描交接的包裹：没有交接清单可打印",
    "{made} UTC · station {station}": "{made} UTC · 工位 {station}",
    "{made} UTC": "{made} UTC",
    "Tracking number": "运单号",
    "Weight": "重量",
    "Scanned out": "交接扫描",
    "{count} parcels": "{count} 个包裹",
    "Hand-over manifest: {carrier_name}": "交接清单：{carrier_name}",
    "{count} parcels, {weight}": "{count} 个包裹，{weight}",
    "Driver's name and signature: {line}": "揽收员姓名及签字：{line}",
    "Packdesk hand-over manifest": "Packdesk 交接清单",
    "{count} parcels scanned out, {refused} refused": "已交接 {count} 个包裹，拒收 {refused} 个",
    "{recorded} new tracking events; delivered: {delivered}": "新增 {recorded} 条物流记录；已签收：{delivered}",
    "{secrets} of carrier {code} kept in the keyring": "承运商 {code} 的 {secrets} 已保存到密钥环",
    "no parcel of ours has tracking number {number}": "我们没有运单号为 {number} 的包裹",
    "label {tracking_number}": "面单 {tracking_number}",
    "still pending: {error}": "仍在等待：{error}",
    "{orders}: {outcome}": "{orders}：{outcome}",
    "{reference}: refund {outcome}": "{reference}：退款结果：{outcome}",
    "{carrier}: {error}": "{carrier}：{error}",
    "packdesk: carrier {code} has no carrier API ({api}); set one with `packdesk carrier set {code} --api ...` first":
        "packdesk：承运商 {code} 没有承运商接口（{api}）；请先用 `packdesk carrier set {code} --api ...` 设置",
    "{name} of carrier {code}: ": "承运商 {code} 的 {name}：",
    "{name} of carrier {code} (Enter: none): ": "承运商 {code} 的 {name}（直接回车：不填）：",
    "manifest {carrier_name}: {count} parcels, {weight_kg:.2f} kg":
        "交接清单 {carrier_name}：{count} 个包裹，{weight_kg:.2f} kg",
    "another runner is tracking the parcels now": "另一个进程正在跟踪包裹物流",
    "packdesk carrier key: {exc}": "packdesk carrier key：{exc}",
    "REFUSED {number}: {exc}": "拒收 {number}：{exc}",
    "packdesk labels: say `packdesk labels retry REF...`": "packdesk labels：请写 `packdesk labels retry REF...`",
    "own number range": "自有号段",
    "Parcel {reference}: its carrier {carrier} is gone from the store.":
        "包裹 {reference}：其承运商 {carrier} 已不在数据库中。",
    "this outbox message has not been stored yet": "这条发件箱消息还没有保存到数据库",
}
CORE_ZH.update({k: v for k, v in _CARRIERS.items() if k not in CORE_ZH})


# the Chinese platforms' channels (sync/pinduoduo.py, jd.py, douyin.py, cn_open.py,
# carrier_codes.py), the Shopify bulk export and the catalogue's command line
_CHANNELS_CN = {
    "Taobao": "淘宝",
    "Pinduoduo": "拼多多",
    "JD": "京东",
    "Douyin": "抖店",
    "Shopify": "Shopify",
    "WooCommerce": "WooCommerce",
    "{channel}: carrier {carrier!r} has no {name} company code, so the shipment was not sent; set one on the channel (packdesk channel add ... --set {setting_prefix}{carrier}=<{name}'s code>) and send the message again":
        "{channel}：承运商 {carrier!r} 没有{name}的快递公司编码，发货信息未发送；请在渠道上设置（packdesk channel add ... --set {setting_prefix}{carrier}=<{name}的编码>），然后重新发送该消息",
    "Products added: {added}, changed: {updated}. Opening stock: {units} units for {stocked} SKUs (reason “{opening_stock}”).":
        "新增商品 {added} 个，修改 {updated} 个。期初库存：{stocked} 个 SKU 共 {units} 件（原因“{opening_stock}”）。",
    "Carrier {code} ({name}) added; its first tracking number is {first_number}.":
        "已添加承运商 {code}（{name}）；第一个运单号为 {first_number}。",
    "Columns not used: {ignored_columns}": "未使用的列：{ignored_columns}",
    "line {line} ({sku}): {problem}": "第 {line} 行（{sku}）：{problem}",
    "Nothing was imported: rows with problems: {count} of {rows}. Fix them in the file, or run again with --yes to import the good rows only (the others are written to a .rejected.csv file to fix and import again).":
        "未导入任何内容：{rows} 行中有 {count} 行有问题。请在文件中改正，或加 --yes 重新运行，只导入没有问题的行（其余行会写入 .rejected.csv 文件，改正后再导入）。",
    "Rows not imported: {count}. They are in {rejects}, with the reason in its error column.":
        "未导入的行：{count} 行。它们在 {rejects} 中，原因写在 error 列。",
    "packdesk: {error}": "packdesk：{error}",
    "{code}\t{name}\t{service}\tnext {first_number}": "{code}\t{name}\t{service}\t下一个 {first_number}",
    "no SKU": "无 SKU",
    "{channel}: {api} refused ({detail})": "{channel}：{api} 被拒绝（{detail}）",
    "{channel}: {api} call limit reached ({detail})": "{channel}：{api} 已达调用次数上限（{detail}）",
    "{channel}: {api} platform busy or failing ({detail})": "{channel}：{api} 平台繁忙或故障（{detail}）",
    "{channel}: the shop's authorisation was refused for {api} ({detail}); {how_to_authorise}":
        "{channel}：店铺授权被 {api} 拒绝（{detail}）；{how_to_authorise}",
    "{channel}: order {channel_order_id} left in part (tracking {tracking_number}); {platform}'s shipping call ships whole orders, so record this parcel in the {platform} merchant backend":
        "{channel}：订单 {channel_order_id} 只发出了一部分（运单号 {tracking_number}）；{platform}的发货接口只能整单发货，请在{platform}商家后台登记这个包裹",
    "authorise Packdesk again in 抖店 → 服务市场 (or the shop's own app) and store the new access token with `packdesk channel add`":
        "请在 抖店 → 服务市场（或店铺自己的应用）中重新授权 Packdesk，并用 `packdesk channel add` 保存新的 access token",
    "{channel}: sign method {sign_method!r} is not one of {sign_methods}":
        "{channel}：签名方式 {sign_method!r} 不在 {sign_methods} 之中",
    "{channel}: Douyin refunds are agreed in 抖店 (售后工作台); Packdesk marks this case for a person (order {channel_order_id}, {amount:.2f})":
        "{channel}：抖店的退款需在抖店后台（售后工作台）同意；Packdesk 已把此事标记为人工处理（订单 {channel_order_id}，{amount:.2f}）",
    "{what} {value!r} is not a Unix time": "{what} {value!r} 不是 Unix 时间",
    "order_status {status} is not one Packdesk knows": "order_status {status} 不是 Packdesk 认识的状态",
    "{channel}: order.searchList pages hold 1 to 100 orders": "{channel}：order.searchList 每页只能有 1 到 100 个订单",
    "{channel}: {method} answered with a JSON {json_type}, not an object":
        "{channel}：{method} 返回的是 JSON {json_type}，不是对象",
    "{channel}: {method} answer has no data object": "{channel}：{method} 的回复中没有 data 对象",
    "{channel}: order {order_id} came back without shop_order_detail":
        "{channel}：订单 {order_id} 的回复中没有 shop_order_detail",
    "Douyin already shows this tracking number": "抖店上已显示此运单号",
    "{channel}: order {order_id} is {status} at Douyin; it cannot be shipped":
        "{channel}：订单 {order_id} 在抖店为{status}；不能发货",
    "Douyin already shows {order_id} shipped": "抖店上已显示 {order_id} 已发货",
    "{channel}: no SKU carries 商家编码 {sku!r}": "{channel}：没有 SKU 的商家编码是 {sku!r}",
    "{field} {value!r} is not a number": "{field} {value!r} 不是数字",
    "refund_status {refund_status} is not one Packdesk knows": "refund_status {refund_status} 不是 Packdesk 认识的状态",
    "item_num of {line_id}": "{line_id} 的 item_num",
    "refund_status {refund!r} is not a number": "refund_status {refund!r} 不是数字",
    "goods_price of {line_id}": "{line_id} 的 goods_price",
    "authorise Packdesk again for the shop in JD's 京麦/JOS service market and store the new access token with `packdesk channel add`":
        "请在京东的京麦/JOS 服务市场为店铺重新授权 Packdesk，并用 `packdesk channel add` 保存新的 access token",
    "{channel}: JD refunds are approved in the merchant backend (售后服务); Packdesk marks this case for a person (order {channel_order_id}, {amount:.2f})":
        "{channel}：京东的退款需在商家后台（售后服务）审核；Packdesk 已把此事标记为人工处理（订单 {channel_order_id}，{amount:.2f}）",
    "orderState {order_state!r} is not one Packdesk knows": "orderState {order_state!r} 不是 Packdesk 认识的状态",
    "{channel}: the search window may be at most one month": "{channel}：查询时间段最长一个月",
    "{channel}: {method} answer has no {response_key}": "{channel}：{method} 的回复中没有 {response_key}",
    "{channel}: {method} answer has no {part}": "{channel}：{method} 的回复中没有 {part}",
    "{channel}: order {order_id} came back without orderInfo": "{channel}：订单 {order_id} 的回复中没有 orderInfo",
    "JD already shows this tracking number": "京东上已显示此运单号",
    "{channel}: order {order_id} is cancelled at JD; it cannot be shipped": "{channel}：订单 {order_id} 在京东已取消；不能发货",
    "JD already shows {order_id} shipped": "京东上已显示 {order_id} 已发货",
    "{channel}: order {order_id} is {order_state} at JD (locked or paused); it cannot be shipped now":
        "{channel}：订单 {order_id} 在京东为 {order_state}（锁定或暂停）；现在不能发货",
    "{channel}: {count} SKUs carry outerId {sku!r} (expected exactly one)":
        "{channel}：有 {count} 个 SKU 的 outerId 是 {sku!r}（应当正好一个）",
    "{channel}: stock of {sku} not accepted": "{channel}：{sku} 的库存未被接受",
    "itemTotal of {sku_id}": "{sku_id} 的 itemTotal",
    "jdPrice of {sku_id}": "{sku_id} 的 jdPrice",
    "authorise Packdesk again in the Pinduoduo merchant backend (拼多多 商家后台 → 服务市场) and store the new access token with `packdesk channel add`":
        "请在拼多多商家后台（拼多多 商家后台 → 服务市场）重新授权 Packdesk，并用 `packdesk channel add` 保存新的 access token",
    "{channel}: Pinduoduo refunds are agreed in the merchant backend (售后); Packdesk marks this case for a person (order {channel_order_id}, {amount:.2f})":
        "{channel}：拼多多的退款需在商家后台（售后）同意；Packdesk 已把此事标记为人工处理（订单 {channel_order_id}，{amount:.2f}）",
    "{field} {number} is not one Packdesk knows": "{field} {number} 不是 Packdesk 认识的值",
    "{channel}: the increment window may be at most 30 minutes": "{channel}：增量查询时间段最长 30 分钟",
    "{channel}: {api} answered with a JSON {json_type}, not an object": "{channel}：{api} 返回的是 JSON {json_type}，不是对象",
    "{channel}: {api} answer has no {response_key}": "{channel}：{api} 的回复中没有 {response_key}",
    "{channel}: order {order_sn} came back without order_info": "{channel}：订单 {order_sn} 的回复中没有 order_info",
    "{channel}: Pinduoduo lists no available logistics company {code!r} (carrier {carrier!r}); check the carrier's code (--set carrier.{carrier}=...)":
        "{channel}：拼多多的可用快递公司中没有 {code!r}（承运商 {carrier!r}）；请检查承运商编码（--set carrier.{carrier}=...）",
    "Pinduoduo already shows this tracking number": "拼多多上已显示此运单号",
    "{channel}: order {order_sn} is {status} at Pinduoduo; it cannot be shipped":
        "{channel}：订单 {order_sn} 在拼多多为{status}；不能发货",
    "Pinduoduo already shows {order_sn} shipped (tracking {tracking_number})":
        "拼多多上已显示 {order_sn} 已发货（运单号 {tracking_number}）",
    "{channel}: shipment of {order_sn} not accepted": "{channel}：{order_sn} 的发货未被接受",
    "{channel}: {count} SKUs carry merchant code {sku!r} (expected exactly one)":
        "{channel}：有 {count} 个 SKU 的商家编码是 {sku!r}（应当正好一个）",
    "{field} {value!r} is not one Pinduoduo documents": "{field} {value!r} 不在拼多多文档列出的值中",
    "goods_count of SKU {sku_id}": "SKU {sku_id} 的 goods_count",
    "goods_price of SKU {sku_id}": "SKU {sku_id} 的 goods_price",
    "{channel}: Shopify refused the bulk export of orders: {said}": "{channel}：Shopify 拒绝批量导出订单：{said}",
    "{channel}: bulkOperationRunQuery answered without an operation id":
        "{channel}：bulkOperationRunQuery 的回复中没有操作 id",
    "shopify: bulk export address {scheme}://{host} is not https": "shopify：批量导出地址 {scheme}://{host} 不是 https",
    "shopify: the bulk export of orders was denied (ACCESS_DENIED): give the app the read_orders access scope, and read_all_orders for orders older than 60 days":
        "shopify：批量导出订单被拒绝（ACCESS_DENIED）：请给应用 read_orders 权限；要读取 60 天以前的订单还需要 read_all_orders",
    "shopify: sync cursor names a bulk export badly ({page!r}); reset the channel's cursor":
        "shopify：同步游标中的批量导出记录有误（{page!r}）；请重置该渠道的游标",
    "shopify: bulk export download timed out ({error})": "shopify：批量导出文件下载超时（{error}）",
    "shopify: bulk export download failed ({error})": "shopify：批量导出文件下载失败（{error}）",
    "shopify: bulk export download failed (HTTP {status_code})": "shopify：批量导出文件下载失败（HTTP {status_code}）",
    "shopify: bulk export download refused (HTTP {status_code}); it may have expired":
        "shopify：批量导出文件下载被拒绝（HTTP {status_code}）；文件可能已过期",
    "shopify: bulk export line {number} is a JSON {json_type}, not an object":
        "shopify：批量导出第 {number} 行是 JSON {json_type}，不是对象",
    "shopify: bulk export line {number} is not JSON ({exc})": "shopify：批量导出第 {number} 行不是 JSON（{exc}）",
}
CORE_ZH.update({k: v for k, v in _CHANNELS_CN.items() if k not in CORE_ZH})

# a masked receiver decrypted by the platform for one label (receiver_decrypt permission)
_RECEIVER_DECRYPT = {
    "{channel}: order {order_id} has no encrypted receiver to decrypt":
        "{channel}：订单 {order_id} 没有可解密的加密收件人",
    "{channel}: order {order_sn} has no encrypted receiver to decrypt":
        "{channel}：订单 {order_sn} 没有可解密的加密收件人",
    "{channel}: the decrypted receiver of {order_id} is incomplete":
        "{channel}：订单 {order_id} 解密后的收件人信息不完整",
    "{channel}: the decrypted receiver of {order_sn} is incomplete":
        "{channel}：订单 {order_sn} 解密后的收件人信息不完整",
    "{channel}: Douyin did not decrypt the receiver of {order_id} ({detail})":
        "{channel}：抖店未解密订单 {order_id} 的收件人（{detail}）",
    "{channel}: Pinduoduo did not decrypt the receiver of {order_sn} ({detail})":
        "{channel}：拼多多未解密订单 {order_sn} 的收件人（{detail}）",
    "{channel}: order {order_id} has no oaid to decrypt":
        "{channel}：订单 {order_id} 没有可解密的 oaid",
    "{channel}: JD did not decrypt the receiver of {order_id} (code {code}: {detail})":
        "{channel}：京东未解密订单 {order_id} 的收件人（代码 {code}：{detail}）",
    "{channel}: trade {tid} has no oaid to decrypt":
        "{channel}：交易 {tid} 没有可解密的 oaid",
    "{channel}: Taobao did not decrypt the receiver of {tid} (the oaid does not match the trade)":
        "{channel}：淘宝未解密交易 {tid} 的收件人（oaid 与该交易不符）",
    "{channel}: the decrypted receiver of {tid} is incomplete":
        "{channel}：交易 {tid} 解密后的收件人信息不完整",
}
CORE_ZH.update({k: v for k, v in _RECEIVER_DECRYPT.items() if k not in CORE_ZH})

# a parcel's states as the shipment messages pass them (ShipmentState, "_" as spaces)
_PARCEL_WORDS = {"label pending": "面单待出", "labelled": "已出面单", "delivered": "已签收",
                 "returned to sender": "已退回寄件人"}
WORDS_ZH.update({k: v for k, v in _PARCEL_WORDS.items() if k not in WORDS_ZH})
CORE_ZH.update({k: v for k, v in _PARCEL_WORDS.items() if k not in CORE_ZH})

# WooCommerce refunds and Shipment Tracking, CSV lines matched by barcode, payload replay,
# regions (channels-rest)
_CHANNELS_REST = {
    "line {label!r} has no SKU, and its barcode {shown} is on no product in the catalogue: add the barcode to its product (Tools → Products…, or packdesk products add SKU --name NAME --barcode {barcode}) or give the variant a SKU in the shop, then import again":
        "订单行 {label!r} 没有 SKU，其条码 {shown} 不在任何商品上：请把该条码加到对应商品上（工具 → 商品…，或 packdesk products add SKU --name NAME --barcode {barcode}），或在店铺里给该款式设置 SKU，然后重新导入",
    "line {label!r} has no SKU and no barcode, and two products in the catalogue have that name: give the variant a SKU (or a barcode) in the shop and export again":
        "订单行 {label!r} 没有 SKU 也没有条码，而商品目录中有两个商品同名：请在店铺里给该款式设置 SKU（或条码）后重新导出",
    "line {label!r} has no SKU and no barcode, and no single product in the catalogue is named so: give the variant a SKU (or a barcode) in the shop and export again, or add a product with that exact name":
        "订单行 {label!r} 没有 SKU 也没有条码，商品目录中也没有唯一同名的商品：请在店铺里给该款式设置 SKU（或条码）后重新导出，或添加一个名称完全相同的商品",
    "packdesk orders replay: {exc}": "packdesk orders replay：{exc}",
    "cannot read {path}: {reason}": "无法读取 {path}：{reason}",
    "{name} is not UTF-8 text; channels send JSON in UTF-8: save the payload as it came":
        "{name} 不是 UTF-8 文本；渠道发送的 JSON 都是 UTF-8：请按收到的原样保存数据",
    "{name} is not JSON (line {line}, column {column}: {reason}); send the payload as the channel gave it, not a screenshot or a copy from a web page":
        "{name} 不是 JSON（第 {line} 行第 {column} 列：{reason}）；请发送渠道给出的原始数据，不要截图或从网页复制",
    "channel {channel!r} is not one Packdesk syncs; choose one of {channels}":
        "{channel!r} 不是 Packdesk 同步的渠道；请从 {channels} 中选择",
    "no {channel} order found in the file: it holds no object shaped like a {channel} order{hint}":
        "文件中没有 {channel} 订单：其中没有 {channel} 订单结构的对象{hint}",
    "; it looks like a {other} payload: run again with --channel {other}":
        "；它看起来是 {other} 的数据：请用 --channel {other} 重新运行",
    "; this is a REST or webhook order (line_items, financial_status), and Packdesk reads Shopify through the GraphQL Admin API: send the order as the GraphQL `order` query answers it (or its bulk export lines)":
        "；这是 REST 或 webhook 订单（line_items、financial_status），而 Packdesk 通过 GraphQL Admin API 读取 Shopify：请发送 GraphQL `order` 查询返回的订单（或其批量导出行）",
    " (is --channel right?)": "（--channel 是否正确？）",
    "(no id)": "（无编号）",
    "not taken in: {reason}; it would wait in the exceptions list (Tools → Orders needing review)":
        "不会导入：{reason}；它会留在异常列表中（工具 → 待审核订单）",
    "not taken in as a new order: the channel says {said}; an order Packdesk already has would be updated to match":
        "不会作为新订单导入：渠道显示为{said}；Packdesk 已有的同一订单会随之更新",
    "taken in and held: the channel has put the order on hold": "导入并暂停：渠道已暂停该订单",
    "taken in for review: {reasons}": "导入后待审核：{reasons}",
    "taken in, ready to pack": "导入，可以打包",
    "status {status} ({disposition}), ship to {name}, {place}":
        "状态 {status}（{disposition}），寄往 {name}，{place}",
    "(no name)": "（无姓名）",
    "(no address)": "（无地址）",
    "(no SKU)": "（无 SKU）",
    "receiver masked by the marketplace": "收件人信息已被平台脱敏",
    "region is not one of {country}'s states or provinces": "地区不是 {country} 的省/州之一",
    "paid back through the payment gateway": "已通过支付网关退款",
    "{channel}: shipment trackings are a JSON {name}, not a list": "{channel}：物流跟踪记录是 JSON {name}，不是列表",
    "{channel}: order {order} was not refunded ({amount}): WooCommerce says “{said}”. Pay the buyer back in the payment provider (or by bank transfer), then close the return with `packdesk returns close-refund`":
        "{channel}：订单 {order} 未退款（{amount}）：WooCommerce 说 “{said}”。请在支付服务商处（或通过银行转账）给买家退款，然后用 `packdesk returns close-refund` 关闭该退货",
    "{channel}: refund {refund} of order {order} ({amount}) is recorded in WooCommerce, but the payment gateway did not pay it back. Pay the buyer back in the payment provider, then close the return with `packdesk returns close-refund`":
        "{channel}：订单 {order} 的退款 {refund}（{amount}）已记在 WooCommerce 中，但支付网关没有退款。请在支付服务商处给买家退款，然后用 `packdesk returns close-refund` 关闭该退货",
}
CORE_ZH.update({k: v for k, v in _CHANNELS_REST.items() if k not in CORE_ZH})


# merged from go-live-2: the catalogue pull, supervisor approvals, labels held
_GO_LIVE_2_CORE = {
    'the carrier set-up':
        '承运商设置',
    'Barcode left out (fix it at the channel and pull again): {problem}':
        '未采用条码（请在渠道里改正后再拉取）：{problem}',
    'Barcode {code} left out: it is on {owner} already; a barcode belongs to one product.':
        '未采用条码 {code}：它已属于 {owner}；一个条码只属于一个商品。',
    'The weight {kept} g ({whose}) was kept; {channel} says {grams} g. Settle it in the product editor.':
        '保留了重量 {kept} 克（{whose}）；{channel} 给出的是 {grams} 克。请在商品编辑器中确定。',
    'learned from the scale':
        '由电子秤学得',
    'from channel {other}':
        '来自渠道 {other}',
    'set by a person':
        '人工设置',
    'SKU {sku} is on more than one product at {channel}; the first was taken.':
        'SKU {sku} 在 {channel} 中对应多个商品；已采用第一个。',
    'The SKU “{sku}” must be 1 to 64 characters without spaces; change it at the channel.':
        'SKU“{sku}”须为 1 到 64 个字符且不含空格；请在渠道里修改。',
    'SKU {sku} has no name at the channel.':
        'SKU {sku} 在渠道中没有名称。',
    'There is no channel {code}; `packdesk channel list` shows them.':
        '没有渠道 {code}；用 `packdesk channel list` 查看。',
    '{name} is locked after {count} wrong PINs in a row; try again in {seconds} s, or ask another supervisor.':
        '{name} 连续 {count} 次 PIN 码错误，已被锁定；请 {seconds} 秒后再试，或请另一位主管。',
    'Carrier {code} uses its own number range; it has no API keys.':
        '承运商 {code} 使用本店号段，没有接口密钥。',
    "Order {number} is {why}; it gets no label. A supervisor can print it anyway: packdesk print label {number} --override (asks for the supervisor's name and PIN).":
        '订单 {number} {why}，不出面单。主管仍可打印：packdesk print label {number} --override（会要求主管姓名和 PIN 码）。',
}
CORE_ZH.update({k: v for k, v in _GO_LIVE_2_CORE.items() if k not in CORE_ZH})

# the catalogue pull and the carrier connection test (go-live-2)
_GO_LIVE_2_MORE = {
    "Carrier {name} prints numbers from its own range; there is no carrier to ask.":
        "承运商 {name} 使用自有号段打印运单号；没有可询问的承运商。",
    "Packdesk has no harmless test call for {api} yet; print a test label to see whether the account works.":
        "Packdesk 还没有针对 {api} 的无害测试调用；请打印一张测试面单来确认账户是否可用。",
    "EasyPost answered and accepted the API key.": "EasyPost 已响应并接受了 API 密钥。",
    "{carrier} answered and accepted the API token.": "{carrier} 已响应并接受了 API 令牌。",
    "the connection test": "连接测试",
    "packdesk products pull: {error} Nothing more was pulled; what was stored before stays.":
        "packdesk products pull：{error} 未再拉取更多商品；之前已保存的保持不变。",
    "Channel {code} is a {kind} shop; Packdesk pulls the catalogue from {kinds} shops. Import its product export with packdesk products import FILE.":
        "渠道 {code} 是 {kind} 店铺；Packdesk 只能从 {kinds} 店铺拉取商品目录。请用 packdesk products import FILE 导入其商品导出文件。",
    "From {channel}: products added {added}, changed {updated}. Opening stock: {units} units for {stocked} SKUs (only SKUs with no stock yet).":
        "来自 {channel}：新增商品 {added} 个，更新 {updated} 个。期初库存：{stocked} 个 SKU 共 {units} 件（仅限尚无库存的 SKU）。",
    "Listed at {channel} without a SKU, not taken: {count}. Give them a SKU at the channel and pull again.":
        "{channel} 上有 {count} 个商品没有 SKU，未导入。请在渠道为它们设置 SKU 后重新拉取。",
    "{channel}: the catalogue export was denied (ACCESS_DENIED): give the app the read_products and read_inventory access scopes":
        "{channel}：商品目录导出被拒绝（ACCESS_DENIED）：请给应用授予 read_products 和 read_inventory 权限",
    "shopify: productVariants answer has no nodes list": "shopify：productVariants 的应答中没有 nodes 列表",
    "woocommerce: {path} answered with no list": "woocommerce：{path} 的应答不是列表",
}
CORE_ZH.update({k: v for k, v in _GO_LIVE_2_MORE.items() if k not in CORE_ZH})

# opening stock from a file, the catalogue as a workbook and its export
_CATALOGUE_FILE = {
    "The expiry “{expiry}” is not a date; write it as YYYY-MM-DD, for instance 2027-03-31.":
        "有效期“{expiry}”不是日期；请写成 YYYY-MM-DD，例如 2027-03-31。",
    "{sku} is in bin {bin} on line {line}; a product has one bin, so put the same bin on each of its lines.":
        "{sku} 在第 {line} 行的库位是 {bin}；一个商品只有一个库位，请在它的每一行写同一个库位。",
    "{sku} lot {lot} is on line {line} already; give each lot one line.":
        "{sku} 的批号 {lot} 已在第 {line} 行；每个批号只写一行。",
    "Lot {lot} of {sku} expires on {known}, not {given}.":
        "{sku} 的批号 {lot} 有效期至 {known}，而不是 {given}。",
    "The quantity “{quantity}” is not a whole number from 1 to {limit}.":
        "数量“{quantity}”不是 1 到 {limit} 之间的整数。",
    "The stock file has no {columns} column; the first line must name the columns, for instance sku,bin,quantity,lot,expiry.":
        "库存文件没有 {columns} 列；第一行必须是列名，例如 sku,bin,quantity,lot,expiry。",
    "There is no product {sku}; add it first (packdesk products add or products import, or Tools → Products).":
        "没有商品 {sku}；请先添加（packdesk products add 或 products import，或 工具 → 商品）。",
    "An expiry date belongs to a lot: give the lot too, or leave the expiry empty.":
        "有效期属于某个批号：请同时填写批号，或把有效期留空。",
    "Opening stock: {units} units of {skus} SKUs in {lots} lots (reason “{reason}”); bins set: {bins}.":
        "期初库存：{skus} 个 SKU 共 {units} 件，{lots} 个批号（原因“{reason}”）；设置库位：{bins} 个。",
    "Products exported: {count}, to {path}.": "已导出商品 {count} 个，保存到 {path}。",
    "packdesk: cannot read {path}: {error}": "packdesk：无法读取 {path}：{error}",
    "packdesk: cannot write {path}: {error}": "packdesk：无法写入 {path}：{error}",
    "{name} is an old Excel file (.xls); save it as .xlsx or CSV and import that.":
        "{name} 是旧版 Excel 文件（.xls）；请另存为 .xlsx 或 CSV 后再导入。",
    "{name} is not an Excel workbook that can be read ({error}); save it again as .xlsx or CSV.":
        "{name} 不是可读取的 Excel 工作簿（{error}）；请重新另存为 .xlsx 或 CSV。",
    "{name} has no sheet.": "{name} 中没有工作表。",
    "{name}: its first sheet is empty.": "{name}：第一个工作表是空的。",
}
CORE_ZH.update({k: v for k, v in _CATALOGUE_FILE.items() if k not in CORE_ZH})

_ATTACH_CODE = {
    "“{text}” is not a product code Packdesk knows. A supervisor can attach it to a product here (Attach to a product…), or add it in Tools → Products…, then scan it again.":
        "“{text}”不是 Packdesk 已知的商品条码。主管可以在这里把它关联到商品（关联到商品…），或在 工具 → 商品… 中添加，然后重新扫描。",
    "Attaching a barcode to a product": "把条码关联到商品",
    "{code} is now a code of {sku} ({by}). {received}": "{code} 现在是 {sku} 的条码（{by}）。{received}",
}
CORE_ZH.update({k: v for k, v in _ATTACH_CODE.items() if k not in CORE_ZH})
# The workflow's refusals (app/domain/workflow.py) for the machines that had none before.
_WORKFLOW = {
    "The {states} table is missing {missing} and lists unknown {unknown}.":
        "{states} 状态表缺少 {missing}，并列出了未知的 {unknown}。",
    "Return {rma}: its refund is {value}; it cannot become {value2}.":
        "退货 {rma}：退款为“{value}”；不能变为“{value2}”。",
    "Parcel {parcel}: its label refund is {state}; it cannot become {new_state}.":
        "包裹 {parcel}：面单退款为“{state}”；不能变为“{new_state}”。",
    "Outbox message {id} is {status}; it cannot become {value2}.":
        "发件箱消息 {id} 为“{status}”；不能变为“{value2}”。",
    "Print job {id} is {state}; it cannot become {new_state}.":
        "打印任务 {id} 为“{state}”；不能变为“{new_state}”。",
}
CORE_ZH.update({k: v for k, v in _WORKFLOW.items() if k not in CORE_ZH})
# the returns counter by scanner, the self-test's test card (issue 21, counter-scan)
_COUNTER_SCAN = {
    "no {channel} channel is set up at this store, so Packdesk cannot send it. Pay the buyer back in the seller centre or by bank transfer.":
        "本店没有设置 {channel} 渠道，Packdesk 无法发送退款。请在卖家中心或通过银行转账退款给买家。",
    "order {number} came from {channel}, which Packdesk cannot refund. Pay the buyer back in the shop's own system or by bank transfer.":
        "订单 {number} 来自 {channel}，Packdesk 无法为其退款。请在店铺自己的系统中或通过银行转账退款给买家。",
    "Everything came back. Grade each unit: {sku} first.": "全部已退回。请逐件评级：先评 {sku}。",
    "Scan the bin {sku} goes back to.": "请扫描 {sku} 放回的库位。",
    "{bin} is not the bin of {sku}; it goes back to {home}. Scan that bin.":
        "{bin} 不是 {sku} 的库位；它应放回 {home}。请扫描该库位。",
    "{bin} is not a bin of this store; scan the label on the bin.":
        "{bin} 不是本店的库位；请扫描库位上的标签。",
    "A damaged unit needs a photo: take one (PD:PHOTO), or a supervisor lets it go without (PD:NO-PHOTO).":
        "损坏的商品需要照片：请拍一张（PD:PHOTO），或由主管批准不拍照（PD:NO-PHOTO）。",
    "GS1-128 takes its fields as (AI)data, not {text!r}": "GS1-128 的字段格式为 (AI)数据，而不是 {text!r}",
    "Scanner test card": "扫描枪测试卡",
    "Open Tools → Hardware self-test at the bench and scan each code. The screen shows what arrived, from which scanner and how fast; the GS1 codes are read field by field.":
        "在工作台打开 工具 → 硬件自检，逐个扫描每个条码。屏幕会显示收到的内容、来自哪个扫描枪以及速度；GS1 条码会逐个字段解析。",
    "GS1-128: product number, expiry, lot and serial": "GS1-128：商品编号、有效期、批号和序列号",
    "GS1 DataMatrix: the same fields": "GS1 DataMatrix：相同字段",
    "EAN-13: a product's own barcode": "EAN-13：商品自带的条码",
    "Code 128: an order or a command": "Code 128：订单或命令",
    "Grading a damaged unit without a photo": "不拍照给损坏商品评级",
}
CORE_ZH.update({k: v for k, v in _COUNTER_SCAN.items() if k not in CORE_ZH})
# zh-finish: an order's history on the board, and the words it passes as values
_ZH_FINISH_WORDS = {
    "verified": "已核对", "wrong_item": "错货", "unknown_code": "未知条码", "over_scan": "多扫",
    "duplicate_serial": "序列号重复", "open": "进行中", "completed": "已完成", "partial": "部分完成",
    "held": "已暂停", "left": "已离开", "available": "可用", "awaiting_shipment": "待发货",
    "frozen": "冻结", "returns_in_transit": "退货在途", "supplier": "供应商", "customer": "顾客",
    "adjustment": "调整", "receipt": "入库", "reserved": "已预留", "released": "已释放",
    "unfrozen": "已解冻", "short shipped": "少发", "sent": "已发送", "opening stock": "期初库存",
}
_ZH_FINISH = {
    "Placed at {channel} as {channel_order_id}": "在 {channel} 下单，渠道单号 {channel_order_id}",
    "Review: {reason}": "审核：{reason}",
    "Merge candidate, group {group}": "可合并发货，组 {group}",
    "{from_status} → {to_status}": "{from_status} → {to_status}",
    "{from_status} → {to_status}: {reason}": "{from_status} → {to_status}：{reason}",
    "Pack session at {station} started": "在 {station} 开始打包",
    "Pack session {outcome}": "打包{outcome}",
    "Pack session {outcome}, box {box}": "打包{outcome}，箱子 {box}",
    "Scan {raw}: {result}": "扫描 {raw}：{result}",
    "{scan} (undone)": "{scan}（已撤销）",
    "{scan} {sku} ×{quantity}": "{scan} {sku} ×{quantity}",
    "{sku} ×{quantity}: {from_bucket} → {to_bucket} ({reason})":
        "{sku} ×{quantity}：{from_bucket} → {to_bucket}（{reason}）",
    "Fulfilment push to {channel}: {status}": "向 {channel} 推送发货：{status}",
    "Fulfilment push to {channel}: {status} ({error})": "向 {channel} 推送发货：{status}（{error}）",
    "Return {rma}: {to_status}": "退货 {rma}：{to_status}",
    "Return {rma}: {from_status} → {to_status}": "退货 {rma}：{from_status} → {to_status}",
    "{step} ({reason})": "{step}（{reason}）",
    "{earlier}; {later}": "{earlier}；{later}",
    # the command-barcode sheet (app/domain/command_codes.py)
    "UNDO last scan": "撤销上一次扫描", "HOLD order (supervisor)": "挂起订单（主管）",
    "COMPLETE order": "完成订单", "LOG OUT": "退出登录", "REPRINT last label": "重打上一张面单",
    "LEAVE order unfinished": "离开订单（未完成）", "MERGE: pack together": "合并：装进一个包裹",
    "DROP order from parcel": "从包裹中移出订单",
    "TAKE OVER busy order (supervisor)": "接手他人正在打包的订单（主管）",
    "SKIP LABEL: pack on without it": "跳过面单：不出面单继续打包",
    "WEIGHT OK: ship as weighed (supervisor)": "重量确认：按称重发货（主管）",
    "NOTE OK: buyer's note read": "留言已读：已阅读买家留言",
    "RETURN: create it for this order": "退货：为本订单创建退货单",
    "GRADE: resellable": "检验：可再售", "GRADE: damaged": "检验：损坏",
    "GRADE: missing parts": "检验：缺少配件", "RESTOCK the next unit": "下一件重新上架",
    "QUARANTINE the next unit": "下一件隔离", "SCRAP the next unit": "下一件报废",
    "RECEIVED: close the receipt": "已收货：结束收货", "REFUND the return": "为退货退款",
    "Returns counter": "退货柜台", "Packdesk bench commands": "Packdesk 打包台命令条码",
    # the command line's own output (main.py, scanners/)
    "Demo store already there: {url}": "演示数据库已存在：{url}",
    "The store at {url} already has orders; not adding a demo.": "{url} 的数据库已有订单；不再添加演示数据。",
    "Demo store created at {url}: {products} products, {orders} orders.":
        "已在 {url} 创建演示数据库：{products} 个商品，{orders} 个订单。",
    "  log in as {name!r} with PIN {pin} ({role})": "  以 {name!r} 登录，PIN 码 {pin}（{role}）",
    "Barcode sheet for the demo: {path}": "演示用条码表：{path}",
    "packdesk print: no product {skus}": "packdesk print：没有商品 {skus}",
    "packdesk: no terminal to ask the PIN on; set {variable}": "packdesk：没有可输入 PIN 码的终端；请设置 {variable}",
    "PIN for {who} (4 to 8 digits): ": "{who} 的 PIN 码（4 到 8 位数字）：",
    "The same PIN again: ": "再输入一次 PIN 码：",
    "packdesk: the two PINs differ; nothing was changed": "packdesk：两次输入的 PIN 码不一致；未做任何修改",
    "Store ready at {url}. {name} is its supervisor. Next: add products (packdesk products add, or packdesk products import FILE), people (packdesk people add), a carrier (packdesk carrier add), connect a channel (packdesk channel add), and start Packdesk to pack.":
        "{url} 的数据库已就绪，{name} 是主管。下一步：添加商品（packdesk products add，或 packdesk products import FILE）、人员（packdesk people add）、承运商（packdesk carrier add），连接销售渠道（packdesk channel add），然后启动 Packdesk 开始打包。",
    "packdesk: the station name was not saved: {exc}": "packdesk：工位名称未能保存：{exc}",
    "{deleted} clips deleted, {freed} MB freed; {kept} kept for open returns":
        "已删除 {deleted} 段视频，释放 {freed} MB；为未结退货保留 {kept} 段",
    "packdesk: not deleted: {problem}": "packdesk：未删除：{problem}",
    "packdesk: no pack video of {key}": "packdesk：没有 {key} 的打包视频",
    "{path}: no barcode found": "{path}：未找到条码",
    "packdesk: {action} needs a supervisor: set PACKDESK_SUPERVISOR and PACKDESK_PIN, or run it at a terminal to be asked":
        "packdesk：{action} 需要主管确认：请设置 PACKDESK_SUPERVISOR 和 PACKDESK_PIN，或在终端中运行以便输入",
    "Supervisor's name: ": "主管姓名：",
    "PIN for {name}: ": "{name} 的 PIN 码：",
}
WORDS_ZH.update({k: v for k, v in _ZH_FINISH_WORDS.items() if k not in WORDS_ZH})
CORE_ZH.update({k: v for k, v in {**_ZH_FINISH_WORDS, **_ZH_FINISH}.items() if k not in CORE_ZH})

# The command line's help (argparse help=, description=), by English text: `packdesk --help`
# and each command's help read in the terminal's language (app/domain/translation.py
# translate_parser). tests/unit/test_cli_help_language.py fails when one has no Chinese here.
CLI_ZH = {
    "Packing bench and returns counter": "打包工位与退货柜台",
    "show this help message and exit": "显示此帮助信息并退出",
    "database URL or SQLite path (default: PACKDESK_DB, then packdesk.db in the user data folder)":
        "数据库地址或 SQLite 文件路径（默认：PACKDESK_DB，其次是用户数据文件夹中的 packdesk.db）",
    "this station's id (default: the host name)": "本工位的编号（默认：主机名）",
    "UI language": "界面语言",
    "create a demo store to pack from": "创建一个用于练习打包的演示数据库",
    "set up an empty store: its first supervisor": "设置空数据库：创建第一位主管",
    "who packs, takes returns and supervises": "人员：谁打包、谁收退货、谁做主管",
    "decode barcodes in image files": "识别图片文件中的条码",
    "pull orders and push changes for every channel": "为每个渠道拉取订单并推送变更",
    "import orders from a CSV export": "从 CSV 导出文件导入订单",
    "set up sales channels": "设置销售渠道",
    "changes queued for the channels": "待发往各渠道的变更（发件箱）",
    "send alerts to DingTalk, WeCom or e-mail": "把告警发到钉钉、企业微信或电子邮件",
    "list orders (for scripts: --json)": "列出订单（供脚本使用：--json）",
    "write the weekly PDF report": "生成每周 PDF 报告",
    "return cases: deadlines, rules, slips": "退货单：期限、规则、退货单据",
    "pack videos: find, export for a dispute, prune": "打包视频：查找、为纠纷导出、清理",
    "the catalogue: add, import, list": "商品目录：添加、导入、列出",
    "scan parcels out to the carrier (tracking numbers on stdin) and print the manifest":
        "扫描交接给承运商的包裹（从标准输入读运单号）并打印交接清单",
    "follow parcels at their carriers": "在承运商处跟踪包裹",
    "carrier labels still pending": "仍待出具的承运商面单",
    "carrier profiles that issue labels": "出具面单的承运商配置",
    "print documents headless": "无界面打印单据",
    "do nothing when the store already has orders": "数据库中已有订单时不做任何事",
    "also write a printable PDF of demo barcodes here": "同时在此处写出可打印的演示条码 PDF",
    "the first supervisor's name": "第一位主管的姓名",
    "a new packer, clerk or supervisor": "新增打包员、退货柜台员或主管",
    "everyone, with role and whether they may log in": "所有人员，含角色及能否登录",
    "someone who left: no log-in, history keeps the name": "停用离职人员：不能再登录，历史记录保留姓名",
    "someone disabled, back again": "重新启用已停用的人员",
    "a new PIN for someone who forgot theirs": "为忘记 PIN 码的人设置新 PIN 码",
    "make someone a packer, clerk or supervisor": "把某人设为打包员、退货柜台员或主管",
    'print [{"path": ..., "reads": [{"symbology": ..., "text": ...}]}]':
        '输出 [{"path": ..., "reads": [{"symbology": ..., "text": ...}]}]',
    "one pass, then exit (headless)": "同步一轮后退出（无界面）",
    "only this channel (repeatable)": "只处理此渠道（可重复）",
    "seconds between passes without --once (default 900)": "不带 --once 时两轮之间的秒数（默认 900）",
    "how long this process's claim on outbox messages and on a channel's pull holds before another station may take it over, should this one die (default 300)":
        "本进程对发件箱消息和渠道拉取的占用保持多久；本进程意外退出时，超过此时间后其他工位可接手（默认 300）",
    "Shopify order export, Taobao 订单报表, or a mapped CSV": "Shopify 订单导出、淘宝订单报表，或已配置列映射的 CSV",
    "column mapping: a JSON file or JSON text": "列映射：JSON 文件或 JSON 文本",
    "Taobao 宝贝报表 with the order lines": "包含订单行的淘宝宝贝报表",
    "channel the orders belong to": "订单所属的渠道",
    "import the good rows, skip bad ones": "导入正确的行，跳过有问题的行",
    "the file's text encoding (e.g. cp1252, gb18030, shift_jis), when Packdesk cannot tell it for sure":
        "文件的文本编码（例如 cp1252、gb18030、shift_jis），在 Packdesk 无法确定时指定",
    "channels and their last result": "各渠道及其最近一次结果",
    "add a channel; secrets go to the OS keyring": "添加渠道；密钥保存在系统钥匙串中",
    "a setting, e.g. shop_url=https://x.myshopify.com": "一项设置，例如 shop_url=https://x.myshopify.com",
    "allocation ratio, e.g. 0.8": "库存分配比例，例如 0.8",
    "floor buffer in units": "保留库存（件）",
    "queued, sent and failed messages, oldest first": "排队中、已发送和失败的消息，最早的在前",
    "send FAILED messages again once the cause is fixed": "问题解决后重新发送失败（FAILED）的消息",
    "only the FAILED ones": "只列出失败（FAILED）的",
    "only this channel": "只处理此渠道",
    "every FAILED message": "所有失败（FAILED）的消息",
    "with --all-failed: only this channel's": "与 --all-failed 一起用：只处理此渠道的",
    "alert routes": "告警路由",
    "add (or set up again) a route; secrets go to the OS keyring": "添加（或重新设置）一条路由；密钥保存在系统钥匙串中",
    "the routes": "列出路由",
    "remove a route and its secrets": "删除一条路由及其密钥",
    "send a test message to a route now": "立即向一条路由发送测试消息",
    "the robot's webhook URL, or mail addresses (comma-separated)": "机器人的 webhook 地址，或邮件地址（以逗号分隔）",
    "comma-separated, of stuck, late, sync_failure, stock_conflict, return_escalated, printer_down, login_locked, label_pending, label_refused, not_handed_over, parcel_quiet, returned_to_sender, clips_disk, clip_encoder (default: all)":
        "以逗号分隔，可选 stuck、late、sync_failure、stock_conflict、return_escalated、printer_down、login_locked、label_pending、label_refused、not_handed_over、parcel_quiet、returned_to_sender、clips_disk、clip_encoder（默认：全部）",
    "quiet hours: messages wait in the outbox until they end": "免打扰时段：其间的消息在发件箱中等待，结束后再发",
    "the zone of the quiet hours": "免打扰时段所用的时区",
    "the DingTalk robot's custom keyword": "钉钉机器人的自定义关键词",
    "the DingTalk robot uses 加签: its secret (SEC...) goes to the keyring": "钉钉机器人使用加签：其密钥（SEC...）保存在钥匙串中",
    "mail: smtp_host, smtp_port, username, sender, ca_file; DingTalk: msgtype=text":
        "邮件：smtp_host、smtp_port、username、sender、ca_file；钉钉：msgtype=text",
    "set up, but send nothing yet": "只设置，暂不发送",
    "one JSON array, an object per order": "输出一个 JSON 数组，每个订单一个对象",
    "only this channel's orders (its code)": "只列出此渠道的订单（渠道代码）",
    "only orders in this status: needs_review, ready, packing, packed, shipped, delivered, on_hold, cancelled":
        "只列出此状态的订单：needs_review、ready、packing、packed、shipped、delivered、on_hold、cancelled",
    "what Packdesk would take in from a channel's payload file, and why not": "Packdesk 会从渠道的数据文件中接收哪些订单，以及为什么不接收",
    "the JSON (or JSON Lines) the channel sent": "渠道发来的 JSON（或 JSON Lines）",
    "the kind of channel that sent it": "发送它的渠道类型",
    "the verdicts as one JSON array": "以一个 JSON 数组输出结论",
    "ISO week, e.g. 2026-W47 (default: last full week)": "ISO 周，例如 2026-W47（默认：上一个完整周）",
    "PDF to write (default: packdesk-report-WEEK.pdf)": "要写出的 PDF（默认：packdesk-report-WEEK.pdf）",
    "the report's language (default: the locale's)": "报告的语言（默认：系统区域设置的语言）",
    "write every finished week of the last four missing from --folder": "补写最近四周中 --folder 里还没有的已结束周报告",
    "where --due keeps the reports": "--due 保存报告的文件夹",
    "mail the week's report to the routes that get it, now": "立即把该周报告发给订阅它的路由",
    "with --mail: only this alert route (repeat for more)": "与 --mail 一起用：只发给此告警路由（可重复）",
    "warn when on-time fulfilment is below (0-1)": "按时发货率低于此值时提醒（0-1）",
    "warn when inventory accuracy is below (0-1)": "库存准确率低于此值时提醒（0-1）",
    "warn when the return rate is above (0-1)": "退货率高于此值时提醒（0-1）",
    "warn when first response takes longer (min)": "首次响应超过此时长时提醒（分钟）",
    "the store's time zone, e.g. Asia/Shanghai (default: this machine's)": "店铺所在时区，例如 Asia/Shanghai（默认：本机时区）",
    "escalate overdue cases, follow refunds, list alerts": "升级逾期退货、跟进退款、列出告警",
    "units returned per unit shipped": "每发货一件的退货件数",
    "list or set a return rule": "列出或设置退货规则",
    "print a return slip again, as a PDF file": "以 PDF 文件重新打印退货单",
    "close a refund the channel refused, settled by hand (asks the supervisor's PIN)":
        "关闭渠道拒绝、已人工处理的退款（需要主管 PIN 码）",
    "one channel's rule (default: all)": "某个渠道的规则（默认：全部）",
    "one category's rule (default: all)": "某个品类的规则（默认：全部）",
    "days for a no-reason return (default 7)": "无理由退货的天数（默认 7）",
    "days when the shop was at fault": "店铺责任时的退货天数",
    "--no-returnable: no no-reason returns for this category": "--no-returnable：此品类不支持无理由退货",
    "returnable only unopened": "仅未拆封时可退",
    "refund %% for a damaged unit": "损坏商品的退款百分比（%%）",
    "only list the rules": "只列出规则",
    "how it was settled, for the audit trail": "处理方式，记入审计记录",
    "the supervisor's name": "主管姓名",
    "an order's clips (by order, tracking or channel id)": "某订单的视频片段（按订单号、运单号或渠道单号）",
    "copy an order's clips with checksum and scan log": "复制某订单的视频片段，附校验和与扫描记录",
    "delete old clips, never those of open returns": "删除旧视频片段，但不删未结退货的片段",
    "the folder to write to": "要写入的文件夹",
    "keep clips this many days": "视频片段保留的天数",
    "and at most this much disk": "且最多占用这么多磁盘空间",
    "database URL or SQLite path": "数据库地址或 SQLite 文件路径",
    "one product (added, or changed when the SKU exists)": "一个商品（新增；SKU 已存在时修改）",
    "products, barcodes, weights and opening stock from a CSV file": "从 CSV 文件导入商品、条码、重量和期初库存",
    "products and variants from a sales channel (Shopify, WooCommerce, Taobao): SKU, name, barcode, weight, picture, and its stock as opening stock for SKUs with none yet":
        "从销售渠道（Shopify、WooCommerce、淘宝）拉取商品和规格：SKU、名称、条码、重量、图片，并把渠道库存作为尚无库存的 SKU 的期初库存",
    "products, by SKU": "按 SKU 列出商品",
    "a GTIN (EAN/UPC, check digit checked) or the shop's own code": "GTIN（EAN/UPC，会核对校验位）或店铺自编码",
    "one unit's weight in grams": "单件重量（克）",
    "the product's name in Chinese (the bench and the slips show it to a station working in Chinese)":
        "商品的中文名称（工作语言为中文的工位在打包台和单据上显示它）",
    "where it is kept, e.g. A-01-2": "存放库位，例如 A-01-2",
    "path of the product's picture": "商品图片的路径",
    "import the good rows even when some rows have problems": "即使部分行有问题，也导入正确的行",
    "the file's text encoding (e.g. gb18030)": "文件的文本编码（例如 gb18030）",
    "where the rows not imported go (default: next to FILE, .rejected.csv)": "未导入的行写到哪里（默认：FILE 旁边的 .rejected.csv）",
    "who is recorded on the opening-stock moves": "期初库存变动记录的操作人",
    "the channel's code (packdesk channel list)": "渠道代码（见 packdesk channel list）",
    "who hands the parcels over": "交接包裹的人",
    "write the manifest PDF here": "在此处写出交接清单 PDF",
    "pull once, then stop": "拉取一次后停止",
    "an EasyPost webhook body (JSON file) to record": "要记录的 EasyPost webhook 内容（JSON 文件）",
    "ask the carriers once": "向承运商查询一次",
    "'retry' then references": "'retry' 加上单号",
    "a carrier with a number range of its own": "使用自有号段的承运商",
    "the carriers and the next number of each": "各承运商及其下一个运单号",
    "add or change a carrier profile": "添加或修改承运商配置",
    "store the carrier's API key in the keyring": "把承运商的 API 密钥保存到钥匙串",
    "printed on its labels": "打印在其面单上",
    "upper-case letters before the serial": "序号前的大写字母",
    "serial digits (8: UPU S10)": "序号位数（8：UPU S10）",
    "easypost, shippo, sf_express, cainiao or kdniao; empty: the own number range":
        "easypost、shippo、sf_express、cainiao 或 kdniao；留空：使用自有号段",
    "the adapter's endpoint (a sandbox)": "接口地址（沙箱）",
    "the adapter's plain settings, e.g. partner_id=... (SF), cp_code=... template_url=... (Cainiao), shipper_code=... (KDNiao), carrier=usps (Shippo); KEY= removes one":
        "接口的普通设置，例如 partner_id=...（顺丰）、cp_code=... template_url=...（菜鸟）、shipper_code=...（快递鸟）、carrier=usps（Shippo）；KEY= 表示删除该项",
    "scan out packed parcels by HH:MM (default 17:00)": "已打包包裹须在 HH:MM 前扫描交接（默认 17:00）",
    "the cut-off's time zone, e.g. Asia/Shanghai (UTC)": "截止时间所用时区，例如 Asia/Shanghai（UTC）",
    "alert after this long without tracking news (default 72)": "超过这么长时间没有物流更新时告警（默认 72）",
    "render an order's shipping label": "生成订单的快递面单",
    "render an order's packing slip": "生成订单的装箱单",
    "product or shelf labels": "商品标签或货架标签",
    "write the label PDF here": "在此处写出面单 PDF",
    "label an order on hold or in review anyway (asks for a supervisor's name and PIN)":
        "仍为暂停或待审核的订单出面单（需要主管姓名和 PIN 码）",
    "write the packing slip PDF here": "在此处写出装箱单 PDF",
    "write the labels PDF here": "在此处写出标签 PDF",
}
# argparse's own words, as Python's argparse writes them (3.11)
CLI_ARGPARSE_ZH = {
    "{text} is not a language; use en or zh_CN": "{text} 不是可用的语言；请用 en 或 zh_CN",
    "usage: ": "用法：", "positional arguments": "位置参数", "options": "选项",
    "the following arguments are required: {names}": "缺少必需的参数：{names}",
    "unrecognized arguments: {names}": "无法识别的参数：{names}",
    "invalid choice: {value} (choose from {choices})": "无效的选项：{value}（可选：{choices}）",
    "argument {name}: {problem}": "参数 {name}：{problem}",
    "expected one argument": "需要一个参数值",
    "invalid {kind} value: {value}": "无效的 {kind} 值：{value}",
    "{prog}: error: {message}": "{prog}：错误：{message}",
}

CLI_ZH.update({
    "every product in the import's layout (sku, name, barcode, weight_g, bin, image), as CSV or, for FILE.xlsx, a workbook":
        "按导入格式（sku、name、barcode、weight_g、bin、image）导出全部商品，为 CSV；FILE 以 .xlsx 结尾时为工作簿",
    "opening stock from a CSV file or an Excel workbook: sku, quantity and, where known, bin, lot and expiry (YYYY-MM-DD), one line per lot":
        "从 CSV 文件或 Excel 工作簿导入期初库存：sku、quantity，以及已知的 bin、lot 和 expiry（YYYY-MM-DD），每个批号一行",
    "opening stock from a file": "从文件导入期初库存",
    "products, barcodes, weights and opening stock from a CSV file or an Excel workbook (.xlsx)":
        "从 CSV 文件或 Excel 工作簿（.xlsx）导入商品、条码、重量和期初库存",
    "the catalogue: add, import, export, list": "商品目录：添加、导入、导出、列出",
    "who is recorded on the stock moves": "记录在库存变动上的操作人",
})

_COUNTER_PHOTO = {
    "PHOTO of the damaged unit": "拍照：损坏的商品",
    "NO PHOTO (supervisor)": "不拍照（主管）",
}
CORE_ZH.update({k: v for k, v in _COUNTER_PHOTO.items() if k not in CORE_ZH})
_BENCH_EDGES = {  # the command line says what it did (issue 21)
    "Return cases checked: {escalated} escalated now, {refunds} refunds followed up, "
    "{alerts} waiting for a supervisor.":
        "退货单已检查：本次升级 {escalated} 个，跟进退款 {refunds} 笔，{alerts} 个等待主管处理。",
    "No return rules set; every channel and category follows the default:":
        "尚未设置退货规则；所有渠道和类目都使用默认规则：",
    "No channel set up; add one with: packdesk channel add CODE --kind ...":
        "尚未设置渠道；请用以下命令添加：packdesk channel add CODE --kind ...",
    "Nothing was imported.": "没有导入任何订单。",
    "Preview of {name}: {orders} orders in {rows} rows, {bad} rows with errors.":
        "{name} 预览：{rows} 行共 {orders} 个订单，{bad} 行有错误。",
    "  order {order_key}: {count} lines": "  订单 {order_key}：{count} 行",
    "  … and {count} more orders": "  …… 另有 {count} 个订单",
    "Import {orders} orders? [y/N] ": "导入 {orders} 个订单吗？[y/N] ",
    "a mapping is one JSON object, field name to column":
        "列映射是一个 JSON 对象：字段名对应列名",
    "it names no column for {fields}": "没有为 {fields} 指定列",
    "it has fields Packdesk does not know: {fields} (known fields: {known})":
        "其中有 Packdesk 不认识的字段：{fields}（可用字段：{known}）",
    "{text} is not a language; use en or zh_CN": "{text} 不是可用的语言；请用 en 或 zh_CN",
}
CORE_ZH.update(_BENCH_EDGES)
CORE_ZH["CANCELLED: scan it to see the alarm ({summary})"] = "已取消：扫一下看看报警（{summary}）"

_DEMO_MORE = {
    "Demo store created at {url}: {products} products, {orders} orders to pack, {history} packed over the last {days} days.":
        "演示数据库已建立在 {url}：{products} 个商品，{orders} 个待打包订单，最近 {days} 天已打包 {history} 个。",
    "No channel set up; add one with: packdesk channel add CODE --kind ...":
        "还没有设置渠道；请用 packdesk channel add CODE --kind ... 添加。",
}
CORE_ZH.update({k: v for k, v in _DEMO_MORE.items() if k not in CORE_ZH})

CLI_ZH.update({
    "also write a printable PDF of demo barcodes here (no file named: demo-barcodes.pdf in the data folder)":
        "同时在此写一份可打印的演示条码 PDF（不写文件名时：数据文件夹中的 demo-barcodes.pdf）",
})
CLI_ZH["days of packing history behind the demo (0: none)"] = "演示数据背后的打包历史天数（0：无）"

# --- the catalogue pulled in the background, differences to settle (branch catalogue-bg) ---
_CATALOGUE_BG_CORE = {
    "The difference on {sku} ({field}) was settled already by {by}.":
        "{sku} 的差异（{field}）已由 {by} 处理过。",
    "Choose the product's value or the channel's.": "请选择商品现有的值或渠道的值。",
    "A difference is settled by a person: say who.": "差异须由人来处理：请写明是谁。",
    "the channels agreeing": "渠道数据已一致",
    "There is no catalogue difference number {id}.": "没有编号为 {id} 的商品资料差异。",
    "Barcode {code} is on {owner} now; a barcode belongs to one product. Take it off {owner} first.":
        "条码 {code} 现在在 {owner} 上；一个条码只属于一个商品。请先从 {owner} 上去掉它。",
    "{sku}: {field} is now {value} ({who} chose it).": "{sku}：{field} 现在是 {value}（{who} 选定）。",
    "a person": "人工",
    "No differences to settle.": "没有待处理的差异。",
    "settled {at:%Y-%m-%d %H:%M} by {by}: {chosen}": "{at:%Y-%m-%d %H:%M} 由 {by} 处理：{chosen}",
    "{channel}'s catalogue is being pulled by {station} now; nothing was pulled here.":
        "{station} 正在拉取 {channel} 的商品资料；此处未拉取。",
    "Differences with the products kept for a supervisor to settle: {count} (packdesk products conflicts, or Tools → Differences to settle).":
        "与商品不一致、留待主管处理的差异：{count} 条（packdesk products conflicts，或 工具 → 待处理的差异）。",
    "catalogue: {added} added, {updated} changed": "商品资料：新增 {added}，更新 {updated}",
    "catalogue being pulled by {station}": "{station} 正在拉取商品资料",
    ", {count} differences to settle": "，{count} 条差异待处理",
    "catalogue": "商品资料",
    "catalogue not pulled: {exc}": "商品资料未拉取：{exc}",
    "catalogue: {count} products": "商品资料：{count} 个商品",
    "the differences to settle": "待处理的差异",
}
CORE_ZH.update({k: v for k, v in _CATALOGUE_BG_CORE.items() if k not in CORE_ZH})
CLI_ZH.update({
    "also pull what changed in the catalogue of Shopify, WooCommerce and Taobao channels (the app always does)":
        "同时拉取 Shopify、WooCommerce 和淘宝渠道商品资料的变动（应用程序总是这样做）",
    "every product, not only those changed since the last pull": "拉取全部商品，而不只是上次拉取以来变动的",
    "where a channel and a product disagree (name, barcode, weight), waiting for a supervisor; with SKU that product's settled ones too":
        "渠道与商品不一致之处（名称、条码、重量），等待主管处理；给出 SKU 时也列出该商品已处理的",
    "settle a difference: keep the product's value or take the channel's": "处理一条差异：保留商品现有的值，或采用渠道的值",
    "its number (packdesk products conflicts)": "差异编号（见 packdesk products conflicts）",
    "keep what the product has": "保留商品现有的值",
    "take the channel's value": "采用渠道的值",
})
_STATION_SETUP = {  # the station set-up's test pages (printing/test_card.py test_page)
    "Label printer test": "面单打印机测试",
    "Printed from Station settings. The code below must scan as {code}.":
        "从工位设置打印。下面的条码扫出来必须是 {code}。",
}
CORE_ZH.update({k: v for k, v in _STATION_SETUP.items() if k not in CORE_ZH})
CORE_ZH.setdefault("the opening stock import", "期初库存导入")
_PLATFORM_WAYBILLS = {  # Pinduoduo and Douyin e-waybills for their masked orders
    "Pinduoduo e-waybill": "拼多多电子面单",
    "Douyin e-waybill": "抖音电子面单",
    "the Pinduoduo print component": "拼多多打印组件",
    "the Douyin print component": "抖音电子面单打印组件",
    "{name} answered and accepted the credentials; {count} numbers are left for {wp_code}.":
        "{name} 已应答并接受了凭据；{wp_code} 还剩 {count} 个单号。",
    "{name} accepted the credentials, but the {wp_code} subscription has no numbers left; recharge it with the express company's branch.":
        "{name} 接受了凭据，但 {wp_code} 的电子面单已无余量；请到快递公司网点充值。",
    "{name} has no pick-up booking; choose SF Express or EasyPost for a return pick-up.":
        "{name} 不提供上门取件预约；退货上门取件请选择顺丰速运或 EasyPost。",
    "{name} does not track waybills; follow waybill {tracking_number} through a KDNiao subscription.":
        "{name} 不提供运单轨迹；请通过快递鸟订阅跟踪运单 {tracking_number}。",
    "{name}: PDD could not serve {method} now (code {code}: {detail}); it will be asked again.":
        "{name}：拼多多暂时无法处理 {method}（代码 {code}：{detail}）；稍后会自动重试。",
    "{name}: PDD refused the credentials for {method} ({detail}); check the client id and secret, or authorise the shop again and store the new access token.":
        "{name}：拼多多拒绝了 {method} 的凭据（{detail}）；请检查 client id 和密钥，或重新授权店铺并保存新的 access token。",
    "{name}: Douyin could not serve {method} now (code {code}: {detail}); it will be asked again.":
        "{name}：抖店暂时无法处理 {method}（代码 {code}：{detail}）；稍后会自动重试。",
    "{name}: Douyin refused the credentials for {method} ({detail}); check the app key and secret, or authorise the shop again and store the new access token.":
        "{name}：抖店拒绝了 {method} 的凭据（{detail}）；请检查 app key 和密钥，或重新授权店铺并保存新的 access token。",
    "{name} answered without a waybill number for {reference}; it will be asked again.":
        "{name} 的应答中没有 {reference} 的运单号；稍后会重新申请。",
    "{name} did not cancel waybill {tracking_number}; cancel it in the Pinduoduo merchant console.":
        "{name} 未取消运单 {tracking_number}；请在拼多多商家后台取消。",
    "{name} did not cancel waybill {tracking_number}; cancel it in the Douyin Shop console.":
        "{name} 未取消运单 {tracking_number}；请在抖店后台取消。",
    "The receiver of waybill {number} is encrypted by the platform (a masked marketplace order): print it through {component}, which alone may decrypt it.":
        "运单 {number} 的收件人信息已被平台加密（平台脱敏订单）：请通过{component}打印，只有它能解密。",
    "The Pinduoduo e-waybill needs the PDD signer; build the registry with CarrierRegistry(pdd_sign=sync.cn_open.md5_wrapped).":
        "拼多多电子面单需要拼多多签名函数；请用 CarrierRegistry(pdd_sign=sync.cn_open.md5_wrapped) 创建承运商注册表。",
    "The Douyin e-waybill needs the Douyin signer; build the registry with CarrierRegistry(douyin_sign=sync.douyin.sign).":
        "抖音电子面单需要抖店签名函数；请用 CarrierRegistry(douyin_sign=sync.douyin.sign) 创建承运商注册表。",
}
CORE_ZH.update({k: v for k, v in _PLATFORM_WAYBILLS.items() if k not in CORE_ZH})
WORDS_ZH.update({k: _PLATFORM_WAYBILLS[k] for k in ("the Pinduoduo print component",
                                                    "the Douyin print component")
                 if k not in WORDS_ZH})

_CONNECTION_TESTS = {  # the carrier set-up's connection test, for the Chinese carriers
    "{name} answered and accepted the partner ID and the check word; the monthly card is checked with the first label.":
        "{name} 已应答，并接受了顾客编码和校验码；月结卡号会在打印第一张面单时核对。",
    "{name} answered and accepted the EBusinessID and the AppKey; the e-waybill balance of {shipper_code} is checked with the first label.":
        "{name} 已应答，并接受了 EBusinessID 和 AppKey；{shipper_code} 的电子面单余额会在打印第一张面单时核对。",
    "{name} answered and accepted the credentials; {count} numbers are left for {cp_code}.":
        "{name} 已应答并接受了凭据；{cp_code} 还剩 {count} 个单号。",
    "{name} accepted the credentials, but the {cp_code} subscription has no numbers left; recharge it with the express company's branch.":
        "{name} 接受了凭据，但 {cp_code} 的电子面单已无余量；请到快递公司网点充值。",
}
CORE_ZH.update({k: v for k, v in _CONNECTION_TESTS.items() if k not in CORE_ZH})

_PICKUPS = {  # return pick-ups at the buyer's door (上门取件)
    "EasyPost offered no pick-up for {reference}: {messages}":
        "EasyPost 没有为 {reference} 提供上门取件：{messages}",
    "EasyPost did not schedule the pick-up for {reference} (status {status}).":
        "EasyPost 未能为 {reference} 预约上门取件（状态 {status}）。",
    "EasyPost did not cancel pick-up {pickup_code}.": "EasyPost 未取消上门取件 {pickup_code}。",
    "Return {rma_number} is {status}; a pick-up is booked only for an approved return.":
        "退货 {rma_number} 当前为{status}；只有已批准的退货才能预约上门取件。",
    "Carrier {code} books no pick-ups (it has no carrier API); choose one that does, such as SF Express or EasyPost.":
        "承运商 {code} 无法预约上门取件（没有承运商接口）；请选择可以预约的承运商，例如顺丰速运或 EasyPost。",
    "pick-up {pickup_code} booked with {carrier} ({window})":
        "已向 {carrier} 预约上门取件 {pickup_code}（{window}）",
    "Return {rma_number} already has pick-up {pickup_code} with {carrier}.":
        "退货 {rma_number} 已有 {carrier} 的上门取件 {pickup_code}。",
    "Please pack the items with this slip. A courier comes to your door in the window shown to collect the parcel; give the courier the pick-up code.":
        "请将商品与本单一起包好。快递员会在所示时段上门取件，请把取件码告诉快递员。",
    "Pick-up at your door, code:": "上门取件，取件码：",
    "No carrier that books pick-ups is set up; add SF Express, EasyPost or Shippo in the carrier settings.":
        "还没有可预约上门取件的承运商；请在承运商设置中添加顺丰速运、EasyPost 或 Shippo。",
    "This counter has no carriers to book a pick-up with.": "此退货柜台没有可用于预约上门取件的承运商。",
}
CORE_ZH.update({k: v for k, v in _PICKUPS.items() if k not in CORE_ZH})

_MANIFEST_API = {  # the end-of-day manifest sent by API where the carrier has one
    "EasyPost could not make the ScanForm: {message}": "EasyPost 无法生成交接单（ScanForm）：{message}",
    "manifest for {carrier_name} not sent by API: {error}":
        "{carrier_name} 的交接清单未能通过接口发送：{error}",
    "manifest sent to {carrier_name}: {manifest_id}, {count} parcels {form_url}":
        "交接清单已发送给 {carrier_name}：{manifest_id}，共 {count} 个包裹 {form_url}",
}
CORE_ZH.update({k: v for k, v in _MANIFEST_API.items() if k not in CORE_ZH})
# the product editor: names in two languages, barcodes with units per scan, size, labels
CORE_ZH.update({
    "The length “{text}” is not a whole number of millimetres from 0 to {limit}.":
        "长度“{text}”不是 0 到 {limit} 之间的整数毫米。",
    "The width “{text}” is not a whole number of millimetres from 0 to {limit}.":
        "宽度“{text}”不是 0 到 {limit} 之间的整数毫米。",
    "The height “{text}” is not a whole number of millimetres from 0 to {limit}.":
        "高度“{text}”不是 0 到 {limit} 之间的整数毫米。",
    "Give all three sides (length, width and height in mm), or none.":
        "请填写全部三边（长、宽、高，单位毫米），或全部留空。",
    "The barcode {code} is given twice; give each code once.":
        "条码 {code} 填了两次；每个条码只填一次。",
    "The Chinese name has more than 255 characters.": "中文名称超过 255 个字符。",
    "One scan of {code} must count 1 to {most} units, not {units}.":
        "扫一次 {code} 应计 1 到 {most} 件，而不是 {units} 件。",
    "Choose at least one product to print labels for.": "请至少选择一个要打印标签的商品。",
    "Labels for {sku}: give 1 to {most} copies, not {copies}.":
        "{sku} 的标签：请填写 1 到 {most} 张，而不是 {copies} 张。",
})

_CARRIER_TEST_LABEL = {  # Tools → Carriers → Print a test label (printing/test_card.py)
    "TEST": "测试",
    "printed from Tools → Carriers": "从 工具 → 承运商 打印",
    "TEST LABEL: DO NOT SHIP": "测试面单：请勿发货",
    "Test label {code} {tracking_number}": "测试面单 {code} {tracking_number}",
}
CORE_ZH.update({k: v for k, v in _CARRIER_TEST_LABEL.items() if k not in CORE_ZH})

_JD_LOGISTICS_POOL = {  # JD Logistics and its pool of pre-fetched waybill numbers
    "the carrier never heard of waybill {number}; its queued send is withdrawn":
        "承运商从未收到运单 {number}；排队中的提交已撤回",
    "no pre-fetched waybill number is left and {carrier} cannot issue one now ({error}); raise the pool size in the carrier settings":
        "预取的运单号已用完，{carrier} 现在也无法取号（{error}）；请在承运商设置中调大号池",
    "withdrawn: the parcel was stopped before the carrier heard of it":
        "已撤回：承运商收到之前包裹已被拦下",
    "the parcel's carrier or orders are gone from the store": "包裹的承运商或订单已不在库中",
    "{carrier} no longer takes pre-fetched numbers": "{carrier} 已不再使用预取运单号",
    "{carrier} refused waybill {number}, printed while it was away: {error}":
        "{carrier} 拒收了离线时打印的运单 {number}：{error}",
    "JD Logistics needs the JOS signer; build the registry with CarrierRegistry(jos_sign=sync.cn_open.md5_wrapped).":
        "京东快递需要 JOS 签名函数；请用 CarrierRegistry(jos_sign=sync.cn_open.md5_wrapped) 创建承运商注册表。",
    "JD Logistics": "京东快递",
    "waybill {number} for {reference}": "{reference} 的运单 {number}",
    "stopping waybill {number}": "拦截运单 {number}",
    "{name} pick-ups are not booked by Packdesk; choose SF Express for a return pick-up.":
        "Packdesk 不预约{name}上门取件；退货取件请选择顺丰速运。",
    "{name}: no waybill numbers left ({detail}); ask JD Logistics for more, then print again.":
        "{name}：运单号已用完（{detail}）；请向京东快递申请更多后再打印。",
    "{count} waybill numbers": "{count} 个运单号",
    "{name} answered waybill {answered} for {number}; look the parcel up in JD's console.":
        "{name} 对运单 {number} 回复了 {answered}；请在京东后台查看该包裹。",
    "{name} refused {what} at the JOS gateway ({code} {said}); check the app key, secret and access token in the carrier settings.":
        "{name} 在 JOS 网关拒绝了{what}（{code} {said}）；请检查承运商设置中的 app key、secret 和 access token。",
    "{name} answered {what} without {key}; it will be asked again.":
        "{name} 回复{what}时没有 {key}；稍后会重新请求。",
    "{name} issued no waybill numbers; ask JD Logistics to open more for customer code {customer}.":
        "{name} 未分配运单号；请联系京东快递为商家编码 {customer} 开通更多单号。",
    "{name} answered and accepted the app key, the secret and the access token; the waybill numbers of customer code {customer} are checked when the pool is topped up.":
        "{name} 已应答并接受 app key、secret 和 access token；商家编码 {customer} 的运单号在补充号池时检查。",
    "its waybill is being sent to the carrier; cancelled next round":
        "其运单正在提交给承运商；下一轮再取消",
    "{code}: {added} waybill numbers added to the pool": "{code}：号池新增 {added} 个运单号",
    "{reference}: waybill {number} {outcome} {error}": "{reference}：运单 {number} {outcome} {error}",
}
CORE_ZH.update({k: v for k, v in _JD_LOGISTICS_POOL.items() if k not in CORE_ZH})
_SHIPPING_UPLOAD = {  # packdesk shipments export, Tools → Shipping-upload file (sync/shipping_upload.py)
    "Shopify has no bulk-shipping upload file of its own (merchants use an app); connect the channel and Packdesk sends the tracking by its API":
        "Shopify 没有自带的批量发货上传文件（商家用应用来做）；请连接该渠道，Packdesk 会通过 API 回传运单号",
    "WooCommerce has no bulk-shipping upload file of its own; connect the channel and Packdesk sends the tracking by its API":
        "WooCommerce 没有自带的批量发货上传文件；请连接该渠道，Packdesk 会通过 API 回传运单号",
    "{channel}: {why}": "{channel}：{why}",
    "{channel}: Packdesk has no bulk-shipping template for channels of kind {kind!r}; it writes them for {kinds}":
        "{channel}：Packdesk 没有 {kind!r} 类渠道的批量发货模板；支持的平台：{kinds}",
    "There is no channel {code!r}: name a channel of packdesk channel list, or the platform its orders were imported as ({kinds})":
        "没有渠道 {code!r}：请填写 packdesk channel list 中的渠道，或订单导入时所用的平台（{kinds}）",
    "{channel}: no packed order with a tracking number since {since} that was not exported already (--all exports them again)":
        "{channel}：自 {since} 起没有尚未导出、已打包且有运单号的订单（--all 可再次导出已导出的订单）",
    "The file {path} could not be written: {exc}": "无法写入文件 {path}：{exc}",
    "{text!r} is not a date (YYYY-MM-DD)": "{text!r} 不是日期（YYYY-MM-DD）",
    "packdesk shipments export: {exc}": "packdesk shipments export：{exc}",
    "{rows} orders of {channel} written to {path} in the {platform} bulk-shipping template":
        "已按{platform}批量发货模板把 {channel} 的 {rows} 个订单写入 {path}",
    "the shipping-upload export": "批量发货文件导出",
}
CORE_ZH.update({k: v for k, v in _SHIPPING_UPLOAD.items() if k not in CORE_ZH})
CLI_ZH.update({
    "shipping-upload files for marketplaces shipped without the API":
        "批量发货上传文件：不用 API 发货的平台",
    "the channel's packed orders in its platform's bulk-shipping template":
        "按平台的批量发货模板导出该渠道已打包的订单",
    "the channel's code (or the platform its orders were imported as: taobao, pinduoduo, jd, douyin)":
        "渠道代码（或订单导入时所用的平台：taobao、pinduoduo、jd、douyin）",
    "orders packed on or after this day (YYYY-MM-DD)": "在这一天及之后打包的订单（YYYY-MM-DD）",
    "write the file here (default: CHANNEL-shipping-upload-DATE)":
        "文件写到这里（默认：渠道-shipping-upload-日期）",
    "orders exported before as well": "也包括以前导出过的订单",
    "who exports (kept in each order's trail)": "导出人（记入每个订单的记录）",
})

_IPP = {  # printing/ipp.py: what the CUPS scheduler answered
    "{message} (IPP status 0x{status})": "{message}（IPP 状态 0x{status}）",
    "a short answer from the CUPS scheduler": "CUPS 打印服务的回复不完整",
    "the CUPS scheduler answered HTTP {status} {reason}": "CUPS 打印服务回复 HTTP {status} {reason}",
    "the CUPS scheduler gave no job id": "CUPS 打印服务没有给出任务编号",
}
CORE_ZH.update({k: v for k, v in _IPP.items() if k not in CORE_ZH})
