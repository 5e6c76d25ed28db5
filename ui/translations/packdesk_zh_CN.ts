<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../station_parts.py" line="41" />
        <source>{0}: printed on {1}</source>
        <translation>{0}：已在 {1} 打印</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="44" />
        <source>{0} waits: {1}. It will print when the printer is back.</source>
        <translation>{0} 等待中：{1}。打印机恢复后会自动打印。</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="47" />
        <source>{0} NOT printed: {1}</source>
        <translation>{0} 未打印：{1}</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="51" />
        <source>Print log</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="69" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="80" />
        <source>Hardware self-test</source>
        <translation>硬件自检</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="92" />
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="99" />
        <source>Station settings…</source>
        <translation>工位设置…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="112" />
        <source>Needs review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="113" />
        <source>A supervisor must be logged in.</source>
        <translation>需要主管登录。</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="117" />
        <source>Orders needing review…</source>
        <translation>待审核订单…</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../../scanners/preview.py" line="21" />
        <source>No camera</source>
        <translation>没有摄像头</translation>
    </message>
</context>
<context>
    <name>CameraScanner</name>
    <message>
        <location filename="../../scanners/camera.py" line="168" />
        <source>No camera found at index %1. Plug one in, or choose another camera or a video file in Settings.</source>
        <translation>找不到编号 %1 的摄像头。请接上摄像头，或在设置中选择其他摄像头或视频文件。</translation>
    </message>
    <message>
        <location filename="../../scanners/camera.py" line="171" />
        <source>Cannot open the video %1: the file is missing or not a video.</source>
        <translation>无法打开视频 %1：文件不存在或不是视频。</translation>
    </message>
    <message>
        <location filename="../../scanners/camera.py" line="174" />
        <source>Camera %1 on</source>
        <translation>摄像头 %1 已开启</translation>
    </message>
    <message>
        <location filename="../../scanners/camera.py" line="176" />
        <source>Camera %1 stopped: no more frames</source>
        <translation>摄像头 %1 已停止：没有更多画面</translation>
    </message>
</context>
<context>
    <name>ConfirmByHandDialog</name>
    <message>
        <location filename="../dialogs.py" line="57" />
        <source>Confirm an item by hand</source>
        <translation>手动确认商品</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="64" />
        <source>Barcode damaged</source>
        <translation>条码损坏</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="64" />
        <source>No barcode on item</source>
        <translation>商品上没有条码</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="65" />
        <source>Barcode will not scan</source>
        <translation>条码扫不出</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="65" />
        <source>Scanner not working</source>
        <translation>扫码枪故障</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="67" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="68" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>HardwareSelfTest</name>
    <message>
        <location filename="../selftest.py" line="43" />
        <source>Hardware self-test</source>
        <translation>硬件自检</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="47" />
        <source>Scan each code on the test card. Every scanner, camera and serial port connected to this bench shows up here.</source>
        <translation>请逐个扫描测试卡上的条码。本工位连接的每个扫码枪、摄像头和串口都会显示在这里。</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="57" />
        <source>Last scan</source>
        <translation>最近一次扫描</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="59" />
        <source>Received:</source>
        <translation>收到：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="60" />
        <source>Scan text:</source>
        <translation>扫描内容：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="61" />
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="62" />
        <source>Key timing:</source>
        <translation>按键间隔：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="63" />
        <source>GS1:</source>
        <translation>GS1：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="69" />
        <source>Devices:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="82" />
        <source>not a keyboard: no key timing</source>
        <translation>不是键盘输入：没有按键间隔</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="89" />
        <source>%1 keys, mean gap %2 ms, longest %3 ms</source>
        <translation>%1 个按键，平均间隔 %2 毫秒，最长 %3 毫秒</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="93" />
        <source>scanner speed (limit %1 ms)</source>
        <translation>扫码枪速度（上限 %1 毫秒）</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="96" />
        <source>typing speed, not taken as a scan (limit %1 ms)</source>
        <translation>手动打字速度，不算扫描（上限 %1 毫秒）</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="98" />
        <source>Keyboard (typed by hand)</source>
        <translation>键盘（手动输入）</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="115" />
        <source>Keyboard scanner</source>
        <translation>键盘式扫码枪</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="115" />
        <source>Serial scanner</source>
        <translation>串口扫码枪</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="116" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="121" />
        <source>%1, symbology %2</source>
        <translation>%1，码制 %2</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="125" />
        <source>not a GS1 code (scan the GS1 code on the test card)</source>
        <translation>不是 GS1 码（请扫描测试卡上的 GS1 码）</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="132" />
        <source>does not parse: %1</source>
        <translation>无法解析：%1</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="136" />
        <source>parses</source>
        <translation>解析成功</translation>
    </message>
</context>
<context>
    <name>KeyboardWedge</name>
    <message>
        <location filename="../../scanners/wedge.py" line="90" />
        <source>Keyboard scanner listening</source>
        <extracomment>every burst that ended in Enter, Tab or the suffix, scan or typing (a BurstTiming)</extracomment>
        <translation>键盘式扫码枪已就绪</translation>
    </message>
    <message>
        <location filename="../../scanners/wedge.py" line="99" />
        <source>Keyboard scanner off</source>
        <translation>键盘式扫码枪已关闭</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../login.py" line="22" />
        <source>Packdesk</source>
        <translation>Packdesk 打包台</translation>
    </message>
    <message>
        <location filename="../login.py" line="24" />
        <source>Station {0}</source>
        <translation>工位 {0}</translation>
    </message>
    <message>
        <location filename="../login.py" line="37" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../login.py" line="42" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../login.py" line="42" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../login.py" line="78" />
        <source>Enter your name and PIN.</source>
        <translation>请输入姓名和 PIN 码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="30" />
        <source>Packdesk — station {0}</source>
        <translation>Packdesk — 工位 {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="34" />
        <source>Station {0}</source>
        <translation>工位 {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="49" />
        <source>Store: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="57" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="58" />
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="61" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="70" />
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="76" />
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="76" />
        <source>packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="77" />
        <source>Packing: {0} ({1})</source>
        <translation>打包员：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="87" />
        <source>Logged out. An open order stays open for you.</source>
        <translation>已退出。未完成的订单会为你保留。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="95" />
        <source>Locked after being idle. Enter your PIN to go on.</source>
        <translation>闲置后已锁定。请输入 PIN 码继续。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="108" />
        <source>Order still open</source>
        <translation>订单仍未完成</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="109" />
        <source>Order {0} is still being packed. It stays open and resumes here next time. Quit anyway?</source>
        <translation>订单 {0} 仍在打包中，下次会在这里继续。仍要退出吗？</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <location filename="../order_lines_model.py" line="55" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="55" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="55" />
        <source>Verified</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="56" />
        <source>Bin</source>
        <translation>库位</translation>
    </message>
</context>
<context>
    <name>PackBench</name>
    <message>
        <location filename="../pack_bench.py" line="137" />
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="165" />
        <source>Something went wrong, nothing was lost: {0}</source>
        <translation>出了点问题，数据没有丢失：{0}</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="185" />
        <location filename="../pack_bench.py" line="312" />
        <source>No order is open. Scan an order first.</source>
        <translation>没有打开的订单。请先扫描订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="252" />
        <source>Order {0} packed. Label {1} printing… Scan the next order.</source>
        <translation>订单 {0} 已打包。面单 {1} 正在打印… 请扫描下一个订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="261" />
        <source>Label: {0}</source>
        <translation>面单：{0}</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="265" />
        <source>Label NOT printed: {0}. Scan REPRINT to try again.</source>
        <translation>面单未打印：{0}。扫描“重打面单”再试。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="271" />
        <source>No label has been printed at this bench yet.</source>
        <translation>本工位还没有打印过面单。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="273" />
        <source>Reprinting {0}…</source>
        <translation>正在重打 {0}…</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="289" />
        <source>Put order on hold</source>
        <translation>挂起订单</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="290" />
        <source>Item out of stock</source>
        <translation>商品缺货</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="290" />
        <source>Item damaged</source>
        <translation>商品损坏</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="290" />
        <source>Address problem</source>
        <translation>地址有问题</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="291" />
        <source>Buyer asked to wait</source>
        <translation>买家要求暂缓</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="298" />
        <source>Ship part of the order</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="299" />
        <source>Item out of stock, rest ships now</source>
        <translation>部分缺货，其余先发</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="299" />
        <source>Buyer agreed to split</source>
        <translation>买家同意分开发货</translation>
    </message>
</context>
<context>
    <name>PackBenchView</name>
    <message>
        <location filename="../pack_bench_view.py" line="65" />
        <source>%v of %m items</source>
        <translation>%v / %m 件</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="98" />
        <source>Scans of this order</source>
        <translation>本订单的扫描记录</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="110" />
        <source>Scan, or type a code and press Enter</source>
        <translation>扫描，或输入条码后按回车</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="114" />
        <source>Undo (F2)</source>
        <translation>撤销 (F2)</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="116" />
        <source>Confirm by hand</source>
        <translation>手动确认</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="117" />
        <source>Hold…</source>
        <translation>挂起…</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="118" />
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="119" />
        <source>Leave order</source>
        <translation>离开订单</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="120" />
        <source>Reprint label (F9)</source>
        <translation>重打面单 (F9)</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="141" />
        <source>Scan an order</source>
        <translation>请扫描订单</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="142" />
        <source>Packing slip, waybill or order number</source>
        <translation>装箱单、运单号或订单号</translation>
    </message>
</context>
<context>
    <name>PickOrderDialog</name>
    <message>
        <location filename="../dialogs.py" line="86" />
        <source>Which order?</source>
        <translation>哪个订单？</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="100" />
        <source>More than one order matches this scan:</source>
        <translation>有多个订单与此扫描匹配：</translation>
    </message>
</context>
<context>
    <name>PrintJobsModel</name>
    <message>
        <location filename="../print_log.py" line="63" />
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="63" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="63" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="63" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="64" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>PrintLog</name>
    <message>
        <location filename="../print_log.py" line="81" />
        <source>Print log</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="90" />
        <source>Retry waiting jobs now</source>
        <translation>立即重试等待中的任务</translation>
    </message>
</context>
<context>
    <name>ReviewListWidget</name>
    <message>
        <location filename="../review_list.py" line="37" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="37" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="37" />
        <source>Channel order</source>
        <translation>渠道订单号</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="37" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="38" />
        <source>Ship with</source>
        <translation>合并发货</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="43" />
        <source>Approve for packing</source>
        <translation>批准打包</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="44" />
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="45" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="64" />
        <source>not imported</source>
        <translation>未导入</translation>
    </message>
</context>
<context>
    <name>SerialScanner</name>
    <message>
        <location filename="../../scanners/serial.py" line="60" />
        <source>Serial scanner on %1 stopped</source>
        <translation>%1 上的串口扫码枪已停止</translation>
    </message>
    <message>
        <location filename="../../scanners/serial.py" line="68" />
        <source>Serial scanner on %1 not found: %2; retrying</source>
        <translation>找不到 %1 上的串口扫码枪：%2；正在重试</translation>
    </message>
    <message>
        <location filename="../../scanners/serial.py" line="73" />
        <source>Serial scanner on %1 reconnected</source>
        <translation>%1 上的串口扫码枪已重新连接</translation>
    </message>
    <message>
        <location filename="../../scanners/serial.py" line="74" />
        <source>Serial scanner on %1 connected</source>
        <translation>%1 上的串口扫码枪已连接</translation>
    </message>
    <message>
        <location filename="../../scanners/serial.py" line="81" />
        <source>Serial scanner on %1 disconnected (%2); waiting for it to come back</source>
        <translation>%1 上的串口扫码枪已断开（%2）；等待重新连接</translation>
    </message>
    <message>
        <location filename="../../scanners/serial.py" line="89" />
        <source>port vanished</source>
        <translation>端口消失</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="29" />
        <source>Station settings</source>
        <translation>工位设置</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="33" />
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="39" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="42" />
        <source>Save as PDF in a folder</source>
        <translation>保存为 PDF 到文件夹</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="43" />
        <source>System print queue (CUPS)</source>
        <translation>系统打印队列 (CUPS)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="44" />
        <source>ZPL thermal printer (TCP 9100)</source>
        <translation>ZPL 热敏打印机 (TCP 9100)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="49" />
        <source>folder, queue name, or host:port</source>
        <translation>文件夹、队列名或 主机:端口</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="56" />
        <source>camera number, or a video file</source>
        <translation>摄像头编号或视频文件</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="61" />
        <source>Play sounds</source>
        <translation>播放提示音</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="67" />
        <source>Station id</source>
        <translation>工位编号</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="68" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="69" />
        <source>Lock when idle after</source>
        <translation>闲置多久后锁定</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="70" />
        <source>Label printer</source>
        <translation>面单打印机</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="71" />
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="72" />
        <source>Label size</source>
        <translation>面单尺寸</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="73" />
        <source>Serial scanner port</source>
        <translation>串口扫码枪端口</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="74" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="75" />
        <source>Scanner key gap (mean, at most)</source>
        <translation>扫码枪按键间隔（平均，上限）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="83" />
        <source>Language, printer and scanner changes apply when Packdesk starts again.</source>
        <translation>语言、打印机和扫码枪的更改在重新启动 Packdesk 后生效。</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../dialogs.py" line="36" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="37" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="38" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../sync_status.py" line="36" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="57" />
        <source>%1: syncing… %2</source>
        <translation>%1：同步中… %2</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="60" />
        <source>%1: OFFLINE, %2 waiting</source>
        <translation>%1：离线，%2 条待发送</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="62" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="63" />
        <source>not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="65" />
        <source> (%1 failed: see exceptions)</source>
        <translation>（%1 条失败：见异常列表）</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="71" />
        <source>No sales channel set up</source>
        <translation>尚未设置销售渠道</translation>
    </message>
</context>
<context><name>core</name><message><source>“{code}” is not a product code Packdesk knows.</source><translation>“{code}” 不是已知的商品条码。</translation></message><message><source>Wrong item: {sku} {name} is not in this order. Still expected: {expected}.</source><translation>错货：{sku} {name} 不在本订单中。仍需：{expected}。</translation></message><message><source>Serial {serial} was already scanned in this order.</source><translation>序列号 {serial} 已在本订单中扫过。</translation></message><message><source>{sku} {name}: {verified} of {quantity}</source><translation>{sku} {name}：{verified} / {quantity}</translation></message><message><source>Over-scan: {sku} needs {quantity}, {verified} already verified; {units} more is too many.</source><translation>多扫：{sku} 需要 {quantity} 件，已核对 {verified} 件；再加 {units} 件就多了。</translation></message><message><source>{sku} must be scanned; it cannot be confirmed by hand.</source><translation>{sku} 必须扫描，不能手动确认。</translation></message><message><source>Confirming an item by hand needs a reason.</source><translation>手动确认商品需要填写原因。</translation></message><message><source>{sku} is not outstanding in this order.</source><translation>本订单中 {sku} 已无待核对数量。</translation></message><message><source>{sku} confirmed by hand ({reason}): {verified} of {quantity}</source><translation>{sku} 已手动确认（{reason}）：{verified} / {quantity}</translation></message><message><source>The pack session for {number} is closed.</source><translation>订单 {number} 的打包已结束。</translation></message><message><source>nothing, the order is complete</source><translation>无，订单已齐</translation></message><message><source>The scan was empty.</source><translation>扫描内容为空。</translation></message><message><source>The scan is {length} characters long; no barcode here is longer than {limit}.</source><translation>扫描内容长达 {length} 个字符；这里的条码不会超过 {limit} 个字符。</translation></message><message><source>The scan contains a control character (U+{code}); check the scanner's keyboard layout and suffix settings.</source><translation>扫描内容含有控制字符 (U+{code})；请检查扫码枪的键盘布局和后缀设置。</translation></message><message><source>No order matches “{text}”.</source><translation>没有与 “{text}” 匹配的订单。</translation></message><message><source>{count} orders match “{text}”; pick one.</source><translation>有 {count} 个订单与 “{text}” 匹配，请选择一个。</translation></message><message><source>Order {number} was CANCELLED ({when}). Do not ship it: put the items back.</source><translation>订单 {number} 已取消（{when}）。不要发货：请把商品放回。</translation></message><message><source>Order {number} was already packed by {by} on {when}.</source><translation>订单 {number} 已由 {by} 于 {when} 打包。</translation></message><message><source>Order {number} is on hold since {when} ({reason}).</source><translation>订单 {number} 自 {when} 起挂起（{reason}）。</translation></message><message><source>no reason given</source><translation>未填写原因</translation></message><message><source>Order {number} needs review before packing.</source><translation>订单 {number} 需审核后才能打包。</translation></message><message><source>Order {number} opened.</source><translation>订单 {number} 已打开。</translation></message><message><source>Order {number} is being packed by {packer} at {station}.</source><translation>订单 {number} 正由 {packer} 在 {station} 打包。</translation></message><message><source>Order {number} resumed where it was left.</source><translation>订单 {number} 已从上次中断处继续。</translation></message><message><source>Pack session {id} does not exist.</source><translation>打包记录 {id} 不存在。</translation></message><message><source>Order {number} is no longer open at this bench.</source><translation>订单 {number} 已不在本工位打包。</translation></message><message><source>Order {number} is gone from the store.</source><translation>数据库中已找不到订单 {number}。</translation></message><message><source>Quantity {quantity} is not between 1 and {limit}.</source><translation>数量 {quantity} 不在 1 到 {limit} 之间。</translation></message><message><source>Order {number} was CANCELLED while packing. Stop and put the items back.</source><translation>订单 {number} 在打包时被取消。请停止并把商品放回。</translation></message><message><source>That is order {other}. Finish or hold order {number} first.</source><translation>这是订单 {other}。请先完成或挂起订单 {number}。</translation></message><message><source>There is no scan to undo.</source><translation>没有可撤销的扫描。</translation></message><message><source>Undone: {sku} ×{quantity}.</source><translation>已撤销：{sku} ×{quantity}。</translation></message><message><source>There is no product {sku}.</source><translation>没有商品 {sku}。</translation></message><message><source>Order {number} is on hold: {reason}</source><translation>订单 {number} 已挂起：{reason}</translation></message><message><source>Order {number} is back in the queue.</source><translation>订单 {number} 已回到待打包队列。</translation></message><message><source>“{text}” is not a quantity from 1 to {limit}.</source><translation>“{text}” 不是 1 到 {limit} 之间的数量。</translation></message><message><source>Name or PIN is not right.</source><translation>姓名或 PIN 码不正确。</translation></message><message><source>{action} needs a supervisor's PIN and a reason.</source><translation>{action}需要主管 PIN 码和原因。</translation></message><message><source>{action} needs a reason.</source><translation>{action}需要原因。</translation></message><message><source>Supervisor name or PIN is not right.</source><translation>主管姓名或 PIN 码不正确。</translation></message><message><source>{name} is not a supervisor.</source><translation>{name} 不是主管。</translation></message><message><source>Putting an order on hold</source><translation>挂起订单</translation></message><message><source>Shipping part of an order</source><translation>部分发货</translation></message><message><source>Order {number} was cancelled; it must not ship.</source><translation>订单 {number} 已取消，不能发货。</translation></message><message><source>Nothing has been verified yet; scan the items first.</source><translation>还没有核对任何商品，请先扫描商品。</translation></message><message><source>No carrier profile is set up; add one in Settings → Carriers.</source><translation>尚未设置承运商，请在 设置 → 承运商 中添加。</translation></message><message><source>{what}: another station kept changing the same record; tried {attempts} times. Please scan again.</source><translation>{what}：其他工位一直在修改同一条记录；已重试 {attempts} 次。请重新扫描。</translation></message><message><source>Opening the order</source><translation>打开订单</translation></message><message><source>Recording the scan</source><translation>记录扫描</translation></message><message><source>Undoing the scan</source><translation>撤销扫描</translation></message><message><source>Confirming the item</source><translation>确认商品</translation></message><message><source>Holding the order</source><translation>挂起订单</translation></message><message><source>Completing the order</source><translation>完成订单</translation></message><message><source>Leaving the order</source><translation>离开订单</translation></message></context></TS>