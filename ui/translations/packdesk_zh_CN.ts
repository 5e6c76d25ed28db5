<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../station_parts.py" line="49" />
        <source>{0}: printed on {1}</source>
        <translation>{0}：已在 {1} 打印</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="53" />
        <source>{0} waits: {1}. It will print when the printer is back.</source>
        <translation>{0} 等待中：{1}。打印机恢复后会自动打印。</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="57" />
        <source>{0} NOT printed: {1}</source>
        <translation>{0} 未打印：{1}</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="63" />
        <source>Print log</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="64" />
        <source>Preview the last label</source>
        <translation>预览上一张面单</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="66" />
        <source>Print labels for many orders…</source>
        <translation>批量打印面单…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="77" />
        <source>Command barcodes</source>
        <translation>指令条码</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="79" />
        <source>Print the command-barcode sheet</source>
        <translation>打印指令条码表</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="80" />
        <source>Print the packing slip of this order</source>
        <translation>打印本订单的装箱单</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="110" />
        <source>Scan an order first.</source>
        <translation>请先扫描订单。</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="117" />
        <source>Packing slip {0}: job {1}</source>
        <translation>装箱单 {0}：任务 {1}</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="127" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="128" />
        <source>No label has been printed at this bench yet.</source>
        <translation>本工位还没有打印过面单。</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="132" />
        <source>Label {0}</source>
        <translation>面单 {0}</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="163" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="191" />
        <source>Hardware self-test</source>
        <translation>硬件自检</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="208" />
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="218" />
        <source>Station settings…</source>
        <translation>工位设置…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="233" />
        <source>Needs review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="339" />
        <source>The pack video was not kept: {0}</source>
        <translation>打包视频未能保存：{0}</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="368" />
        <source>No camera at this station: parcels are packed without a pack video.</source>
        <translation>本工位没有摄像头：打包时不录制打包视频。</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="228" />
        <source>A supervisor must be logged in.</source>
        <translation>需要主管登录。</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="240" />
        <source>Failed channel messages</source>
        <translation>渠道失败消息</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="246" />
        <source>Failed channel messages…</source>
        <translation>渠道失败消息…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="248" />
        <source>Orders needing review…</source>
        <translation>待审核订单…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="252" />
        <source>Returns counter</source>
        <translation>退货台</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="262" />
        <source>Order board</source>
        <translation>订单看板</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="264" />
        <source>Health dashboard</source>
        <translation>运营指标看板</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="267" />
        <location filename="../station_parts.py" line="271" />
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="287" />
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="296" />
        <source>Stock history</source>
        <translation>库存流水</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="297" />
        <source>Receive goods</source>
        <translation>收货入库</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="299" />
        <source>Cycle count</source>
        <translation>循环盘点</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="306" />
        <source>Import orders from a CSV file…</source>
        <translation>从 CSV 文件导入订单…</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="39" />
        <source>BoardModel</source>
        <comment>Needs review</comment>
        <translation>BoardModel</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="40" />
        <source>BoardModel</source>
        <comment>Ready</comment>
        <translation>BoardModel</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="40" />
        <source>BoardModel</source>
        <comment>Packing</comment>
        <translation>BoardModel</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="41" />
        <source>BoardModel</source>
        <comment>Packed</comment>
        <translation>BoardModel</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="41" />
        <source>BoardModel</source>
        <comment>Shipped</comment>
        <translation>BoardModel</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="42" />
        <source>BoardModel</source>
        <comment>On hold</comment>
        <translation>BoardModel</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="43" />
        <source>BoardModel</source>
        <comment>Cancelled</comment>
        <translation>BoardModel</translation>
    </message>
    <message>
        <location filename="../store_problem.py" line="17" />
        <source>The store is read-only</source>
        <translation>数据库为只读</translation>
    </message>
    <message>
        <location filename="../store_problem.py" line="21" />
        <source>The disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../store_problem.py" line="22" />
        <source>The store is busy</source>
        <translation>数据库正忙</translation>
    </message>
    <message>
        <location filename="../store_problem.py" line="23" />
        <source>The store is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../store_problem.py" line="24" />
        <source>The database server cannot be reached</source>
        <translation>无法连接数据库服务器</translation>
    </message>
    <message>
        <location filename="../store_problem.py" line="25" />
        <source>The store cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../alerts_panel.py" line="57" />
        <source>Packdesk alerts</source>
        <translation>Packdesk 告警</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="63" />
        <source>Raised</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="63" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="64" />
        <source>What happened</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="70" />
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="71" />
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="73" />
        <source>Check now</source>
        <translation>立即检查</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="95" />
        <source>Choose an alert first.</source>
        <translation>请先选择一条告警。</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="113" />
        <source>Acknowledged by %1.</source>
        <translation>已由 %1 确认。</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="125" />
        <source> (cleared)</source>
        <translation>（已解除）</translation>
    </message>
    <message numerus="yes">
        <location filename="../alerts_panel.py" line="132" />
        <source>%n alert(s) to acknowledge</source>
        <translation><numerusform>%n 条告警待确认</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../alerts_panel.py" line="137" />
        <source>%n new alert(s)</source>
        <translation><numerusform>%n 条新告警</numerusform></translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="142" />
        <source>Stuck</source>
        <translation>订单停滞</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="142" />
        <source>Late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="143" />
        <source>Sync failure</source>
        <translation>同步失败</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="144" />
        <source>Stock conflict</source>
        <translation>库存冲突</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="145" />
        <source>Return escalated</source>
        <translation>退货已上报</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="146" />
        <source>Printer down</source>
        <translation>打印机离线</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="147" />
        <source>Log-in locked</source>
        <translation>登录已锁定</translation>
    </message>
</context>
<context>
    <name>BatchLabelsDialog</name>
    <message>
        <location filename="../print_tools.py" line="102" />
        <source>Print labels for many orders</source>
        <translation>批量打印面单</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="108" />
        <source>Loading the orders waiting to ship…</source>
        <translation>正在加载待发货订单…</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="110" />
        <source>Print labels for the selected orders</source>
        <translation>为所选订单打印面单</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="111" />
        <source>Cancel the job</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="139" />
        <source>{0} orders waiting to ship. Select the ones to label.</source>
        <translation>{0} 个订单待发货。请选择要打印面单的订单。</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="148" />
        <source>Select at least one order.</source>
        <translation>请至少选择一个订单。</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="151" />
        <source>Getting tracking numbers…</source>
        <translation>正在获取运单号…</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="179" />
        <source>Job {0}: {1} {2}</source>
        <translation>任务 {0}：{1} {2}</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="187" />
        <source>Too late to cancel: the job reached the printer.</source>
        <translation>来不及取消：任务已发送到打印机。</translation>
    </message>
</context>
<context>
    <name>BenchDialogs</name>
    <message>
        <location filename="../pack_bench_dialogs.py" line="18" />
        <source>Put order on hold</source>
        <translation>挂起订单</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="19" />
        <source>Item out of stock</source>
        <translation>商品缺货</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="19" />
        <source>Item damaged</source>
        <translation>商品损坏</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="19" />
        <source>Address problem</source>
        <translation>地址有问题</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="20" />
        <source>Buyer asked to wait</source>
        <translation>买家要求暂缓</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="27" />
        <source>Ship part of the order</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="28" />
        <source>Item out of stock, rest ships now</source>
        <translation>部分缺货，其余先发</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="28" />
        <source>Buyer agreed to split</source>
        <translation>买家同意分开发货</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="40" />
        <source>No order is open. Scan an order first.</source>
        <translation>没有打开的订单。请先扫描订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="55" />
        <source>Confirm {0} by hand</source>
        <translation>手动确认 {0}</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../board_model.py" line="161" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="161" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="161" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="161" />
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="162" />
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="162" />
        <source>Ship by</source>
        <translation>最晚发货</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="162" />
        <source>Tracking</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="194" />
        <source>Late: past its ship-by time</source>
        <translation>已超时：过了最晚发货时间</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="195" />
        <source>Due to ship within 4 hours</source>
        <translation>4 小时内须发货</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="196" />
        <source>On time</source>
        <translation>未超时</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="197" />
        <source>Packed, shipped or cancelled</source>
        <translation>已打包、已发货或已取消</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="198" />
        <source>No ship-by time</source>
        <translation>无发货时限</translation>
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
        <location filename="../../scanners/camera.py" line="173" />
        <source>No camera found at index %1. Plug one in, or choose another camera or a video file in Settings.</source>
        <translation>找不到编号 %1 的摄像头。请接上摄像头，或在设置中选择其他摄像头或视频文件。</translation>
    </message>
    <message>
        <location filename="../../scanners/camera.py" line="176" />
        <source>Cannot open the video %1: the file is missing or not a video.</source>
        <translation>无法打开视频 %1：文件不存在或不是视频。</translation>
    </message>
    <message>
        <location filename="../../scanners/camera.py" line="179" />
        <source>Camera %1 on</source>
        <translation>摄像头 %1 已开启</translation>
    </message>
    <message>
        <location filename="../../scanners/camera.py" line="181" />
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
        <location filename="../dialogs.py" line="65" />
        <source>Barcode damaged</source>
        <translation>条码损坏</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="65" />
        <source>No barcode on item</source>
        <translation>商品上没有条码</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="66" />
        <source>Barcode will not scan</source>
        <translation>条码扫不出</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="66" />
        <source>Scanner not working</source>
        <translation>扫码枪故障</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="68" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="69" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>CycleCountWidget</name>
    <message>
        <location filename="../cycle_count.py" line="45" />
        <source>Bin location, e.g. A-01-1</source>
        <translation>库位，例如 A-01-1</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="47" />
        <source>or SKUs, separated by commas</source>
        <translation>或 SKU，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="48" />
        <source>Start count</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="50" />
        <source>Scan each item (or a case code)</source>
        <translation>逐件扫描（或扫箱码）</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="54" />
        <source>Set count</source>
        <translation>改为此数量</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="55" />
        <source>Finish counting</source>
        <translation>完成盘点</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="56" />
        <source>Approve (supervisor)</source>
        <translation>批准（主管）</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="57" />
        <source>Reject (supervisor)</source>
        <translation>驳回（主管）</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="58" />
        <source>Station {station}: no count open.</source>
        <translation>工位 {station}：没有进行中的盘点。</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="62" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="62" />
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="63" />
        <source>Expected</source>
        <translation>账面</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="63" />
        <source>Variance</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="70" />
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="71" />
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="72" />
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="77" />
        <source>Correct a SKU</source>
        <translation>修正 SKU 数量</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="121" />
        <source>Start a count before scanning.</source>
        <translation>请先开始盘点再扫描。</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="126" />
        <source>Not a readable GS1 code: {why}</source>
        <translation>无法读取的 GS1 码：{why}</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="152" />
        <source>Weekly count</source>
        <translation>每周盘点</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="152" />
        <source>Recount needed</source>
        <translation>需要复盘</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="158" />
        <source>Approve the count and adjust stock</source>
        <translation>批准盘点并调整库存</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="164" />
        <source>Reject the count</source>
        <translation>驳回盘点</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="178" />
        <source>Count {id} of {scope}: counting blind</source>
        <translation>盘点 {id}（{scope}）：盲盘中</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="188" />
        <source>Count {id}: {short} units short, {over} over; accuracy {accuracy}</source>
        <translation>盘点 {id}：盘亏 {short} 件，盘盈 {over} 件；准确率 {accuracy}</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="191" />
        <source>A supervisor approves the count to adjust stock.</source>
        <translation>主管批准盘点后才会调整库存。</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="199" />
        <source>Count {id} {status}.</source>
        <translation>盘点 {id}：{status}。</translation>
    </message>
</context>
<context>
    <name>FailedMessagesWindow</name>
    <message>
        <location filename="../failed_messages.py" line="38" />
        <source>Failed channel messages</source>
        <translation>渠道失败消息</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="39" />
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="39" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="39" />
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="40" />
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="40" />
        <source>Why it failed</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="43" />
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="44" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="62" />
        <source>Shipment</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="62" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="63" />
        <source>Stock level</source>
        <translation>库存数量</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="70" />
        <source>No failed messages.</source>
        <translation>没有失败的消息。</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="90" />
        <source>Message #%1 to %2 is queued again; it is sent now.</source>
        <translation>发往 %2 的消息 #%1 已重新排队，正在发送。</translation>
    </message>
</context>
<context>
    <name>HardwareSelfTest</name>
    <message>
        <location filename="../selftest.py" line="61" />
        <source>Hardware self-test</source>
        <translation>硬件自检</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="65" />
        <source>Scan each code on the test card. Every scanner, camera and serial port connected to this bench shows up here.</source>
        <translation>请逐个扫描测试卡上的条码。本工位连接的每个扫码枪、摄像头和串口都会显示在这里。</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="75" />
        <source>Last scan</source>
        <translation>最近一次扫描</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="77" />
        <source>Received:</source>
        <translation>收到：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="78" />
        <source>Scan text:</source>
        <translation>扫描内容：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="79" />
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="80" />
        <source>Key timing:</source>
        <translation>按键间隔：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="81" />
        <source>GS1:</source>
        <translation>GS1：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="87" />
        <source>Devices:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="94" />
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="100" />
        <source>Not checked yet this shift.</source>
        <translation>本班次尚未检查。</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="102" />
        <source>Zero check</source>
        <translation>归零检查</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="104" />
        <source>Zero the scale</source>
        <translation>电子秤归零</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="111" />
        <source>Weight:</source>
        <translation>重量：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="112" />
        <source>Zero check:</source>
        <translation>归零检查：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="125" />
        <source>overload: take the weight off</source>
        <translation>超载：请拿走重物</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="126" />
        <source>under zero: zero the scale</source>
        <translation>低于零：请将电子秤归零</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="127" />
        <source>busy</source>
        <translation>忙碌中</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="128" />
        <source>not readable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="130" />
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="130" />
        <source>moving</source>
        <translation>不稳定</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="140" />
        <source>Take everything off the scale and wait for a stable reading…</source>
        <translation>请清空秤台，等待读数稳定……</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="156" />
        <source>Passed: the empty scale reads %1 g.</source>
        <translation>通过：空秤读数为 %1 克。</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="160" />
        <source>press Zero the scale</source>
        <translation>请点击“电子秤归零”</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="161" />
        <source>press the scale's zero key</source>
        <translation>请按电子秤上的归零键</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="162" />
        <source>Failed: the scale reads %1 g with nothing on it; %2, then check again.</source>
        <translation>未通过：秤上没有东西时读数为 %1 克；%2，然后再检查一次。</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="173" />
        <source>not a keyboard: no key timing</source>
        <translation>不是键盘输入：没有按键间隔</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="180" />
        <source>%1 keys, mean gap %2 ms, longest %3 ms</source>
        <translation>%1 个按键，平均间隔 %2 毫秒，最长 %3 毫秒</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="184" />
        <source>scanner speed (limit %1 ms)</source>
        <translation>扫码枪速度（上限 %1 毫秒）</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="187" />
        <source>typing speed, not taken as a scan (limit %1 ms)</source>
        <translation>手动打字速度，不算扫描（上限 %1 毫秒）</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="189" />
        <source>Keyboard (typed by hand)</source>
        <translation>键盘（手动输入）</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="206" />
        <source>Keyboard scanner</source>
        <translation>键盘式扫码枪</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="206" />
        <source>Serial scanner</source>
        <translation>串口扫码枪</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="207" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="212" />
        <source>%1, symbology %2</source>
        <translation>%1，码制 %2</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="216" />
        <source>not a GS1 code (scan the GS1 code on the test card)</source>
        <translation>不是 GS1 码（请扫描测试卡上的 GS1 码）</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="223" />
        <source>does not parse: %1</source>
        <translation>无法解析：%1</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="227" />
        <source>parses</source>
        <translation>解析成功</translation>
    </message>
</context>
<context>
    <name>HealthDashboardWidget</name>
    <message>
        <location filename="../health_dashboard.py" line="50" />
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="50" />
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="51" />
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="58" />
        <source>Packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="58" />
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="58" />
        <source>Orders / hour</source>
        <translation>订单/小时</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="59" />
        <source>Scan to label (s)</source>
        <translation>扫描到出面单（秒）</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="59" />
        <source>Mis-scans</source>
        <translation>错扫率</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="59" />
        <source>Confirmed by hand</source>
        <translation>手动确认</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="71" />
        <source>On-time fulfilment</source>
        <translation>按时发货率</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="72" />
        <source>Inventory accuracy</source>
        <translation>库存准确率</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="73" />
        <source>Return rate</source>
        <translation>退货率</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="74" />
        <source>First response to returns</source>
        <translation>退货首次响应时间</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="75" />
        <source>Mis-scan rate</source>
        <translation>错扫率</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="82" />
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="94" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="101" />
        <source>%1 to %2 (UTC)</source>
        <translation>%1 至 %2（UTC）</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="107" />
        <source>Could not work out the figures: %1</source>
        <translation>无法计算指标：%1</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="114" />
        <location filename="../health_dashboard.py" line="117" />
        <source>nothing packed</source>
        <translation>没有打包记录</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="115" />
        <source>no counts yet</source>
        <translation>还没有盘点</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="119" />
        <source>no return cases yet</source>
        <translation>还没有退货</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="120" />
        <source>no scans</source>
        <translation>没有扫描</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="142" />
        <source>Orders packed</source>
        <translation>已打包订单</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="144" />
        <source>On time %</source>
        <translation>按时率 %</translation>
    </message>
</context>
<context>
    <name>HidScale</name>
    <message>
        <location filename="../../scanners/scale.py" line="244" />
        <source>device closed</source>
        <translation>设备已关闭</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../import_dialog.py" line="50" />
        <source>Import orders from a CSV file</source>
        <translation>从 CSV 文件导入订单</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="62" />
        <source>No file chosen.</source>
        <translation>未选择文件。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="63" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="76" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="76" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="77" />
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="81" />
        <source>Import the good rows, skip the bad ones</source>
        <translation>导入正确的行，跳过有问题的行</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="82" />
        <source>Save this mapping for files like this</source>
        <translation>保存此列对应关系，供同类文件使用</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="84" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="105" />
        <source>Order export</source>
        <translation>订单导出文件</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="106" />
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="115" />
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="124" />
        <source>Choose the text encoding…</source>
        <translation>选择文字编码…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="130" />
        <source>Packdesk cannot tell this file's text encoding for sure. Choose the reading in which the names and addresses look right; nothing is imported until then.</source>
        <translation>Packdesk 无法确定此文件的文字编码。请选择姓名和地址显示正确的那一种；选择之前不会导入任何内容。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="178" />
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="185" />
        <source>{0} rows, {1} with problems. Nothing is imported until you press Import.</source>
        <translation>共 {0} 行，其中 {1} 行有问题。按“导入”之前不会导入任何数据。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="216" />
        <source>Mapping saved: files with these columns will use it.</source>
        <translation>列对应关系已保存：列相同的文件会自动使用。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="221" />
        <source>{0} rows have problems: fix the file, or tick “skip the bad ones”. Nothing was imported.</source>
        <translation>{0} 行有问题：请修改文件，或勾选“跳过有问题的行”。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="237" />
        <source>Imported {0} orders ({1}); skipped {2} with bad rows.</source>
        <translation>已导入 {0} 个订单（{1}）；跳过 {2} 个有问题的订单。</translation>
    </message>
</context>
<context>
    <name>KeyboardWedge</name>
    <message>
        <location filename="../../scanners/wedge.py" line="95" />
        <source>Keyboard scanner listening</source>
        <extracomment>every burst that ended in Enter, Tab or the suffix, scan or typing (a BurstTiming)</extracomment>
        <translation>键盘式扫码枪已就绪</translation>
    </message>
    <message>
        <location filename="../../scanners/wedge.py" line="104" />
        <source>Keyboard scanner off</source>
        <translation>键盘式扫码枪已关闭</translation>
    </message>
</context>
<context>
    <name>LabelWatch</name>
    <message>
        <location filename="../pack_bench_label.py" line="47" />
        <source>Label for {0} NOT printed: {1}: {2}</source>
        <translation>{0} 的面单未打印：{1}：{2}</translation>
    </message>
    <message>
        <location filename="../pack_bench_label.py" line="62" />
        <source>Label for {0}: printed on {1}</source>
        <translation>{0} 的面单：已在 {1} 打印</translation>
    </message>
    <message>
        <location filename="../pack_bench_label.py" line="72" />
        <source>Label for {0} printed on {1}. Scan the next order.</source>
        <translation>{0} 的面单已在 {1} 打印。请扫描下一个订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench_label.py" line="103" />
        <source>Label for {0} not printed: {1}: {2}
Switch it on (the label then prints by itself), choose another label printer in Settings, or scan {3} to pack on.</source>
        <translation>{0} 的面单未打印：{1}：{2}
请打开打印机（面单会自动打印），在设置中选择其他面单打印机，或扫描 {3} 继续打包。</translation>
    </message>
    <message>
        <location filename="../pack_bench_label.py" line="114" />
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../pack_bench_label.py" line="117" />
        <source>No label has been printed at this bench yet.</source>
        <translation>本工位还没有打印过面单。</translation>
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
        <location filename="../main_window.py" line="31" />
        <location filename="../main_window.py" line="90" />
        <source>Packdesk — station {0}</source>
        <translation>Packdesk — 工位 {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="35" />
        <source>Station {0}</source>
        <translation>工位 {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="50" />
        <source>Store: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="58" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="59" />
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="62" />
        <source>Quit Packdesk</source>
        <translation>退出 Packdesk</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="67" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="76" />
        <source>Pack bench</source>
        <translation>打包台</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="89" />
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="96" />
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="96" />
        <source>packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="97" />
        <source>Packing: {0} ({1})</source>
        <translation>打包员：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="98" />
        <source>Packdesk — station {0} — {1}</source>
        <translation>Packdesk — 工位 {0} — {1}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="114" />
        <source>Logged out.</source>
        <translation>已退出登录。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="116" />
        <source>Logged out. Order {0} stays open at this station with 1 verified item; scan it again to go on.</source>
        <translation>已退出登录。订单 {0} 在本工位保持打开，已核对 1 件；再次扫描即可继续。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="119" />
        <source>Logged out. Order {0} stays open at this station with {1} verified items; scan it again to go on.</source>
        <translation>已退出登录。订单 {0} 在本工位保持打开，已核对 {1} 件；再次扫描即可继续。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129" />
        <source>Locked after being idle. Enter your PIN to go on.</source>
        <translation>闲置后已锁定。请输入 PIN 码继续。</translation>
    </message>
</context>
<context>
    <name>OrderBoard</name>
    <message>
        <location filename="../order_board.py" line="76" />
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="81" />
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="85" />
        <source>Any age</source>
        <translation>不限时长</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="85" />
        <source>Older than 4 h</source>
        <translation>超过 4 小时</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="86" />
        <source>Older than 24 h</source>
        <translation>超过 24 小时</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="86" />
        <source>Older than 3 days</source>
        <translation>超过 3 天</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="89" />
        <location filename="../order_board.py" line="135" />
        <source>Needs review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="90" />
        <source>On hold</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="91" />
        <source>Merge candidates</source>
        <translation>可合并发货</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="93" />
        <source>Order number, buyer, SKU or tracking</source>
        <translation>订单号、买家、SKU 或运单号</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="99" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="153" />
        <location filename="../order_board.py" line="161" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="180" />
        <source> (scroll for more)</source>
        <translation>（向下滚动查看更多）</translation>
    </message>
    <message numerus="yes">
        <location filename="../order_board.py" line="181" />
        <source>%n order(s) shown</source>
        <translation><numerusform>显示 %n 个订单</numerusform></translation>
    </message>
    <message>
        <location filename="../order_board.py" line="184" />
        <source>Could not read the orders: %1</source>
        <translation>无法读取订单：%1</translation>
    </message>
</context>
<context>
    <name>OrderHistoryDialog</name>
    <message>
        <location filename="../order_board.py" line="43" />
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="46" />
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="50" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="50" />
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="51" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="51" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <location filename="../order_lines_model.py" line="62" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="62" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="62" />
        <source>Verified</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="63" />
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="63" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="73" />
        <source>lot {0}</source>
        <translation>批次 {0}</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="76" />
        <source>{0} by hand</source>
        <translation>{0} 件手动</translation>
    </message>
</context>
<context>
    <name>PackBench</name>
    <message>
        <location filename="../pack_bench.py" line="111" />
        <source>Order {0} stays open for {1} with its verified items: scan it to go on with it.</source>
        <translation>订单 {0} 仍为 {1} 保持打开，已核对的商品保留：扫描它即可继续。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="115" />
        <source>Scan an order.</source>
        <translation>请扫描订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="137" />
        <source>This GS1 code cannot be read: {0}</source>
        <translation>无法读取此 GS1 码：{0}</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="140" />
        <source>This GS1 code has no product number (GTIN).</source>
        <translation>此 GS1 码没有商品编号 (GTIN)。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="201" />
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="239" />
        <source>Something went wrong, nothing was lost: {0}</source>
        <translation>出了点问题，数据没有丢失：{0}</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="269" />
        <source>No order is open. Scan an order first.</source>
        <translation>没有打开的订单。请先扫描订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="355" />
        <source>Order {0} is complete. Scan PD:COMPLETE to ship it alone, or PD:MERGE to pack {1} in the same parcel.</source>
        <translation>订单 {0} 已齐。扫描 PD:COMPLETE 单独发货，或扫描 PD:MERGE 把 {1} 装进同一个包裹。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="384" />
        <source>Orders {0} packed in one parcel. Label {1} printing… Scan the next order.</source>
        <translation>订单 {0} 已合并打包。面单 {1} 正在打印… 请扫描下一个订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="388" />
        <source>Order {0} packed. Label {1} printing… Scan the next order.</source>
        <translation>订单 {0} 已打包。面单 {1} 正在打印… 请扫描下一个订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="397" />
        <source>Label: {0}</source>
        <translation>面单：{0}</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="404" />
        <source>the label printer</source>
        <translation>面单打印机</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="406" />
        <source>Label NOT printed: {0}. Scan REPRINT to try again.</source>
        <translation>面单未打印：{0}。扫描“重打面单”再试。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="411" />
        <source>No label has been printed at this bench yet.</source>
        <translation>本工位还没有打印过面单。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="413" />
        <source>Reprinting {0}…</source>
        <translation>正在重打 {0}…</translation>
    </message>
</context>
<context>
    <name>PackBenchView</name>
    <message>
        <location filename="../pack_bench_view.py" line="186" />
        <source>%v of %m items</source>
        <translation>%v / %m 件</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="101" />
        <location filename="../pack_bench_view.py" line="205" />
        <source>Scans of this order</source>
        <translation>本订单的扫描记录</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="114" />
        <source>Scan, or type a code and press Enter</source>
        <translation>扫描，或输入条码后按回车</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="118" />
        <source>Undo (F2)</source>
        <translation>撤销 (F2)</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="120" />
        <source>Confirm by hand</source>
        <translation>手动确认</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="121" />
        <source>Hold…</source>
        <translation>挂起…</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="122" />
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="123" />
        <source>Leave order</source>
        <translation>离开订单</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="124" />
        <source>Reprint label (F9)</source>
        <translation>重打面单 (F9)</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="126" />
        <source>Pack together</source>
        <translation>合并打包</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="128" />
        <source>Drop order…</source>
        <translation>移出订单…</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="129" />
        <source>Take over…</source>
        <translation>接手…</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="158" />
        <source>Scan an order</source>
        <translation>请扫描订单</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="159" />
        <source>Packing slip, waybill or order number</source>
        <translation>装箱单、运单号或订单号</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="204" />
        <source>Scans of this parcel</source>
        <translation>本包裹的扫描记录</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="209" />
        <source>One parcel: {0} orders</source>
        <translation>一个包裹：{0} 个订单</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="212" />
        <source>{0} · {1} {2} · {3} of {4} items</source>
        <translation>{0} · {1} {2} · {3} / {4} 件</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="216" />
        <source>CANCELLED: take its items out</source>
        <translation>已取消：请把它的商品取出</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="226" />
        <source>Pack together (+{0})</source>
        <translation>合并打包（+{0}）</translation>
    </message>
</context>
<context>
    <name>ParcelActions</name>
    <message>
        <location filename="../pack_bench_parcels.py" line="44" />
        <source>Only an order of a merged parcel can be dropped; this parcel holds one order. Leave it instead.</source>
        <translation>只能从合并包裹中移出订单；这个包裹只有一个订单。请改用离开订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench_parcels.py" line="54" />
        <source>Which order comes out of the parcel? Take its items out of the box.</source>
        <translation>哪个订单要移出包裹？请把它的商品从箱子里取出。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../print_tools.py" line="71" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>PickOrderDialog</name>
    <message>
        <location filename="../dialogs.py" line="88" />
        <source>Which order?</source>
        <translation>哪个订单？</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="102" />
        <source>More than one order matches this scan:</source>
        <translation>有多个订单与此扫描匹配：</translation>
    </message>
</context>
<context>
    <name>PrintJobsModel</name>
    <message>
        <location filename="../print_log.py" line="74" />
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="74" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="74" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="74" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="75" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>PrintLog</name>
    <message>
        <location filename="../print_log.py" line="92" />
        <source>Print log</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="108" />
        <source>Left out: {0} line(s) of the print log that could not be read (cut short when the app stopped).</source>
        <translation>已略过打印记录中 {0} 行无法读取的内容（应用停止时被截断）。</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="117" />
        <source>Retry waiting jobs now</source>
        <translation>立即重试等待中的任务</translation>
    </message>
</context>
<context>
    <name>ReceivingWidget</name>
    <message>
        <location filename="../receiving.py" line="67" />
        <source>Open receipt</source>
        <translation>新建入库单</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="69" />
        <source>Scan an item (GS1 codes fill lot and expiry)</source>
        <translation>扫描商品（GS1 码会自动填入批次和有效期）</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="73" />
        <location filename="../receiving.py" line="84" />
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="77" />
        <source>Undo last scan</source>
        <translation>撤销上一次扫描</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="78" />
        <source>Close receipt</source>
        <translation>完成入库单</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="79" />
        <source>Station {station}: no receipt open.</source>
        <translation>工位 {station}：没有打开的入库单。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="82" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="82" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="83" />
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="83" />
        <location filename="../receiving.py" line="98" />
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="94" />
        <source>Delivery note</source>
        <translation>送货单号</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="95" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="96" />
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="97" />
        <source>Units per scan</source>
        <translation>每次扫描数量</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="102" />
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="131" />
        <source>Open a receipt before scanning.</source>
        <translation>请先新建入库单再扫描。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="136" />
        <source>Not a readable GS1 code: {why}</source>
        <translation>无法读取的 GS1 码：{why}</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="171" />
        <source>Receipt {reference} ({status}): {units} units of {skus} SKUs</source>
        <translation>入库单 {reference}（{status}）：{skus} 个 SKU，共 {units} 件</translation>
    </message>
</context>
<context>
    <name>ReturnsCounter</name>
    <message>
        <location filename="../returns_counter.py" line="68" />
        <source>Scan an order, a tracking number or a return slip.</source>
        <translation>请扫描订单、运单号或退货单。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="126" />
        <source>This GS1 code cannot be read: {0}</source>
        <translation>无法读取此 GS1 码：{0}</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="129" />
        <source>This GS1 code has no product number (GTIN).</source>
        <translation>此 GS1 码没有商品编号 (GTIN)。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="158" />
        <source>Something went wrong: %s</source>
        <translation>出了点问题：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="174" />
        <source>Return %s is %s.</source>
        <translation>退货 %s 状态：%s。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="206" />
        <source>Scan the order first.</source>
        <translation>请先扫描订单。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="215" />
        <source>Accept a return outside the policy</source>
        <translation>接受不符合退货政策的退货</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="216" />
        <source>Loyal customer</source>
        <translation>老客户</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="216" />
        <source>Fault found after the window</source>
        <translation>过了退货期才发现故障</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="217" />
        <source>Goodwill</source>
        <translation>客情照顾</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="224" />
        <source>Return %s created; the slip is printing.</source>
        <translation>退货 %s 已创建，正在打印退货单。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="232" />
        <source>Printing the return slip…</source>
        <translation>正在打印退货单…</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="237" />
        <source>Return slip: %s</source>
        <translation>退货单：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="241" />
        <source>The return slip did not print: %s</source>
        <translation>退货单未打印：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="252" />
        <source>Received. Missing: %s</source>
        <translation>已收货。缺少：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="254" />
        <source>Everything came back. Grade each unit.</source>
        <translation>已全部退回。请逐件质检。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="266" />
        <source>There is no unit waiting to be graded.</source>
        <translation>没有待质检的商品。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="281" />
        <source>All units graded. Refund %s.</source>
        <translation>已全部质检。退款 %s。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="284" />
        <source>Graded. Next: %s</source>
        <translation>已质检。下一件：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="290" />
        <source>Photo of the unit</source>
        <translation>商品照片</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="291" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="298" />
        <source>Taking a photo…</source>
        <translation>正在拍照…</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="300" />
        <source>No photo: %s</source>
        <translation>未拍到照片：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="305" />
        <source>Photo attached: %s</source>
        <translation>已附上照片：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="315" />
        <source>Return %s is %s; refund %s (%s).</source>
        <translation>退货 %s 状态：%s；退款 %s（%s）。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="320" />
        <source>Close a refund the channel refused</source>
        <translation>结束渠道拒绝的退款</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="321" />
        <source>Refunded in the seller centre</source>
        <translation>已在卖家中心退款</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="321" />
        <source>Refunded by bank transfer</source>
        <translation>已通过银行转账退款</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="322" />
        <source>The buyer agreed to no refund</source>
        <translation>买家同意不退款</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="335" />
        <source>Return %s is closed; the refund of %s was settled by hand.</source>
        <translation>退货单 %s 已结束；退款 %s 已手动处理。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="339" />
        <source>Reject the return</source>
        <translation>拒绝退货</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="340" />
        <source>Why is it rejected?</source>
        <translation>拒绝原因？</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="351" />
        <source>Return %s rejected.</source>
        <translation>退货 %s 已拒绝。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="367" />
        <source>Could not check return deadlines: %s</source>
        <translation>无法检查退货期限：%s</translation>
    </message>
</context>
<context>
    <name>ReturnsCounterView</name>
    <message>
        <location filename="../returns_view.py" line="37" />
        <source>Changed mind</source>
        <translation>不想要了</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="37" />
        <location filename="../returns_view.py" line="40" />
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="38" />
        <source>Wrong item sent</source>
        <translation>发错货</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="39" />
        <source>Not as described</source>
        <translation>与描述不符</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="40" />
        <source>Resellable</source>
        <translation>可再售</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="41" />
        <source>Missing parts</source>
        <translation>缺件</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="42" />
        <source>requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="42" />
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="43" />
        <source>in transit</source>
        <translation>退货在途</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="43" />
        <source>received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="44" />
        <source>graded</source>
        <translation>已质检</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="44" />
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="45" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="45" />
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="61" />
        <source>Scan or type an order, tracking number or return slip; or a buyer's name or phone</source>
        <translation>扫描或输入订单号、运单号或退货单；也可输入买家姓名或电话</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="116" />
        <source>Buyer pays return shipping</source>
        <translation>买家承担退货运费</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="117" />
        <source>Shop pays return shipping</source>
        <translation>店铺承担退货运费</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="121" />
        <source>Create return and print slip</source>
        <translation>创建退货并打印退货单</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="122" />
        <source>Supervisor override…</source>
        <translation>主管特批…</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="123" />
        <source>Finish receiving</source>
        <translation>完成收货</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="127" />
        <source>Restock</source>
        <translation>重新上架</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="128" />
        <source>Quarantine</source>
        <translation>隔离</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="129" />
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="130" />
        <source>Photo…</source>
        <translation>拍照…</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="131" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="132" />
        <source>Close refund by hand…</source>
        <translation>手动结束退款…</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="133" />
        <source>Reprint slip</source>
        <translation>重打退货单</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="134" />
        <source>Reject…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="178" />
        <source>Returns counter</source>
        <translation>退货台</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="179" />
        <source>Scan an order, a tracking number or a return slip.</source>
        <translation>请扫描订单、运单号或退货单。</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="194" />
        <location filename="../returns_view.py" line="247" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="194" />
        <location filename="../returns_view.py" line="247" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="195" />
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="195" />
        <source>Return</source>
        <translation>退货数量</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="196" />
        <location filename="../returns_view.py" line="249" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="214" />
        <source>opened</source>
        <translation>已拆封</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="228" />
        <source>Policy passes</source>
        <translation>符合退货政策</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="228" />
        <source>Outside the policy</source>
        <translation>不符合退货政策</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="248" />
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="248" />
        <source>To grade</source>
        <translation>待质检</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="261" />
        <source>Refund %s</source>
        <translation>退款 %s</translation>
    </message>
</context>
<context>
    <name>ReviewListWidget</name>
    <message>
        <location filename="../review_list.py" line="28" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="28" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="28" />
        <source>Channel order</source>
        <translation>渠道订单号</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="29" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="29" />
        <source>Ship with</source>
        <translation>合并发货</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="31" />
        <source>Approve for packing</source>
        <translation>批准打包</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="32" />
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="33" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="51" />
        <source>not imported</source>
        <translation>未导入</translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <location filename="../../scanners/scale.py" line="74" />
        <source>Scale on %1 stopped</source>
        <translation>%1 上的电子秤已停止</translation>
    </message>
    <message>
        <location filename="../../scanners/scale.py" line="86" />
        <source>device vanished</source>
        <translation>设备已消失</translation>
    </message>
    <message>
        <location filename="../../scanners/scale.py" line="93" />
        <source>Scale on %1 reconnected</source>
        <translation>%1 上的电子秤已重新连接</translation>
    </message>
    <message>
        <location filename="../../scanners/scale.py" line="94" />
        <source>Scale on %1 connected</source>
        <translation>%1 上的电子秤已连接</translation>
    </message>
    <message>
        <location filename="../../scanners/scale.py" line="99" />
        <source>Scale on %1 not found: %2; retrying</source>
        <translation>找不到 %1 上的电子秤：%2；正在重试</translation>
    </message>
    <message>
        <location filename="../../scanners/scale.py" line="107" />
        <source>Scale on %1 disconnected (%2); waiting for it to come back</source>
        <translation>%1 上的电子秤已断开（%2）；等待重新连接</translation>
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
        <location filename="../settings_dialog.py" line="64" />
        <source>camera number, or a video file</source>
        <translation>摄像头编号或视频文件</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="69" />
        <source>Play sounds</source>
        <translation>播放提示音</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="75" />
        <source>Station id</source>
        <translation>工位编号</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="76" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="77" />
        <source>Lock when idle after</source>
        <translation>闲置多久后锁定</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="78" />
        <source>Label printer</source>
        <translation>面单打印机</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="79" />
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="80" />
        <source>Label size</source>
        <translation>面单尺寸</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="81" />
        <source>Serial scanner port</source>
        <translation>串口扫码枪端口</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="82" />
        <source>Scale port</source>
        <translation>电子秤端口</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="83" />
        <source>Scale protocol</source>
        <translation>电子秤协议</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="84" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="85" />
        <source>Scanner key gap (mean, at most)</source>
        <translation>扫码枪按键间隔（平均，上限）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="93" />
        <source>The label printer is used at once; language and scanner changes apply when Packdesk starts again.</source>
        <translation>面单打印机立即生效；语言和扫码枪的更改在 Packdesk 重新启动后生效。</translation>
    </message>
</context>
<context>
    <name>StockHistoryWidget</name>
    <message>
        <location filename="../stock_history.py" line="65" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="66" />
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="70" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="70" />
        <source>From</source>
        <translation>转出</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="70" />
        <source>To</source>
        <translation>转入</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="70" />
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="70" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="71" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="71" />
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="71" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="71" />
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="72" />
        <source>Awaiting shipment</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="72" />
        <source>Frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="72" />
        <source>Returns in transit</source>
        <translation>在途退货</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="73" />
        <source>Sellable</source>
        <translation>可售</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="75" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="75" />
        <source>Allocation ratio</source>
        <translation>分配比例</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="75" />
        <source>Floor buffer</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="76" />
        <source>Told it may sell</source>
        <translation>已告知渠道可售</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="77" />
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="77" />
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="78" />
        <source>Units left</source>
        <translation>剩余数量</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="88" />
        <source>Channel quotas</source>
        <translation>渠道配额</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="90" />
        <source>Lots, first to leave first</source>
        <translation>批次（先出库的在前）</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="107" />
        <source>Type or scan a SKU first.</source>
        <translation>请先输入或扫描 SKU。</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="110" />
        <source>Loading {sku} ...</source>
        <translation>正在加载 {sku} ...</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="123" />
        <source>{sku} {name}: available {available}, awaiting shipment {awaiting}, frozen {frozen}, returns in transit {transit}: sellable {sellable}. On hand {on_hand}.</source>
        <translation>{sku} {name}：可用 {available}，待发货 {awaiting}，冻结 {frozen}，在途退货 {transit}：可售 {sellable}。在库 {on_hand}。</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="130" />
        <source>The ledger does not add up to these figures: tell a supervisor.</source>
        <translation>库存流水与这些数字对不上：请告知主管。</translation>
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
        <location filename="../sync_status.py" line="40" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="42" />
        <source>Failed messages…</source>
        <translation>失败的消息…</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="69" />
        <source>%1: syncing… %2</source>
        <translation>%1：同步中… %2</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="73" />
        <source>%1: OFFLINE until %3, %2 waiting</source>
        <translation>%1：离线至 %3，%2 条待发送</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="76" />
        <source>%1: OFFLINE, %2 waiting</source>
        <translation>%1：离线，%2 条待发送</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="78" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="79" />
        <source>not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="81" />
        <source> (%1 failed, waiting for a person)</source>
        <translation>（%1 条失败，等待人工处理）</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="87" />
        <source>No sales channel set up</source>
        <translation>尚未设置销售渠道</translation>
    </message>
</context>
<context>
    <name>TakeOver</name>
    <message>
        <location filename="../pack_bench_takeover.py" line="26" />
        <source>{0} A supervisor can take it over here: press “Take over…” or scan {1}.</source>
        <translation>{0}主管可以在本工位接手：按“接手…”或扫描 {1}。</translation>
    </message>
    <message>
        <location filename="../pack_bench_takeover.py" line="39" />
        <source>No busy order to take over: scan the order that is open at another station first.</source>
        <translation>没有可接手的订单：请先扫描在其他工位打开的订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench_takeover.py" line="43" />
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../pack_bench_takeover.py" line="45" />
        <source>Take over order {0}</source>
        <translation>接手订单 {0}</translation>
    </message>
    <message>
        <location filename="../pack_bench_takeover.py" line="46" />
        <source>The other station froze</source>
        <translation>另一个工位卡住了</translation>
    </message>
    <message>
        <location filename="../pack_bench_takeover.py" line="46" />
        <source>The packer moved to this station</source>
        <translation>打包员换到了本工位</translation>
    </message>
    <message>
        <location filename="../pack_bench_takeover.py" line="47" />
        <source>The packer has gone home</source>
        <translation>打包员已下班</translation>
    </message>
</context>
<context>
    <name>WeightGate</name>
    <message>
        <location filename="../pack_bench_weight.py" line="49" />
        <source>Put the parcel on the scale and let it settle…</source>
        <translation>请把包裹放到秤上，等读数稳定……</translation>
    </message>
    <message>
        <location filename="../pack_bench_weight.py" line="77" />
        <source>{0} Put it right and the scale checks again, or a supervisor scans {1} to ship it as it is.</source>
        <translation>{0} 请改正后秤会自动重新检查；或由主管扫描 {1} 按现重量发货。</translation>
    </message>
    <message>
        <location filename="../pack_bench_weight.py" line="86" />
        <source>No parcel's weight was refused: there is nothing to ship as it is.</source>
        <translation>没有包裹的重量被拒：无需按现重量发货。</translation>
    </message>
    <message>
        <location filename="../pack_bench_weight.py" line="90" />
        <source>Ship order {0} although its weight is off</source>
        <translation>订单 {0} 重量不符，仍然发货</translation>
    </message>
    <message>
        <location filename="../pack_bench_weight.py" line="92" />
        <source>The product's weight is wrong in the catalogue</source>
        <translation>商品资料中的重量有误</translation>
    </message>
    <message>
        <location filename="../pack_bench_weight.py" line="93" />
        <source>The box is a different size</source>
        <translation>箱子尺寸不同</translation>
    </message>
    <message>
        <location filename="../pack_bench_weight.py" line="94" />
        <source>Packing material added</source>
        <translation>加了包装材料</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../stock_history.py" line="34" />
        <source>The store could not do that: {error}</source>
        <translation>数据库无法完成此操作：{error}</translation>
    </message>
</context>
<context><name>core</name><message><source>{name} is locked after {count} wrong PINs in a row; try again in {seconds} s, or ask a supervisor.</source><translation>{name} 连续输错 {count} 次 PIN，已被锁定；请 {seconds} 秒后再试，或找主管。</translation></message><message><source>A PIN is 4 to 8 digits.</source><translation>PIN 码为 4 到 8 位数字。</translation></message><message><source>A name has 1 to 64 characters.</source><translation>姓名为 1 到 64 个字符。</translation></message><message><source>{role} is not a role; use packer, clerk or supervisor.</source><translation>{role} 不是角色；请用 packer（打包员）、clerk（退货柜台）或 supervisor（主管）。</translation></message><message><source>There is already someone called {name}.</source><translation>已经有人叫 {name}。</translation></message><message><source>There is nobody called {name}.</source><translation>没有叫 {name} 的人。</translation></message><message><source>{name} is the last active supervisor; add another one first.</source><translation>{name} 是最后一位在职主管；请先添加另一位主管。</translation></message><message><source>This store already has people or orders; packdesk init only sets up an empty store. Use packdesk people to add someone.</source><translation>此数据库已有人员或订单；packdesk init 只用于设置空数据库。请用 packdesk people 添加人员。</translation></message><message><source>The scale shows {weighed} g, below zero: take the parcel off and zero the scale.</source><translation>秤显示 {weighed} 克，低于零：请拿下包裹并将电子秤归零。</translation></message><message><source>No weight is known for {skus} yet; the parcel's {weighed} g is not checked.</source><translation>尚不知道 {skus} 的重量；本包裹的 {weighed} 克未做检查。</translation></message><message><source>Weight checked: {weighed} g, expected {expected} g.</source><translation>重量已核对：{weighed} 克，应为 {expected} 克。</translation></message><message><source>The parcel weighs {weighed} g, {difference} g less than the {expected} g expected: about the weight of {count} × {sku}. Is one missing?</source><translation>包裹重 {weighed} 克，比应有的 {expected} 克轻 {difference} 克：约等于 {count} × {sku} 的重量。是否少放了？</translation></message><message><source>The parcel weighs {weighed} g, {difference} g less than the {expected} g expected. Check the items and the box.</source><translation>包裹重 {weighed} 克，比应有的 {expected} 克轻 {difference} 克。请检查商品和箱子。</translation></message><message><source>The parcel weighs {weighed} g, {difference} g more than the {expected} g expected: about the weight of {count} × {sku}. Is one too many in the box?</source><translation>包裹重 {weighed} 克，比应有的 {expected} 克重 {difference} 克：约等于 {count} × {sku} 的重量。是否多放了？</translation></message><message><source>The parcel weighs {weighed} g, {difference} g more than the {expected} g expected. Check for an extra item or the wrong box.</source><translation>包裹重 {weighed} 克，比应有的 {expected} 克重 {difference} 克。请检查是否多放了商品或用错了箱子。</translation></message><message><source>{sku} is not a box Packdesk knows; scan the box's own code.</source><translation>{sku} 不是已登记的箱子；请扫描箱子自己的条码。</translation></message><message><source>Shipping a parcel whose weight is off</source><translation>重量不符的包裹仍然发货</translation></message><message><source>Order {number} was put ON HOLD by the channel while packing. Stop and set the parcel aside; do not ship it.</source><translation>打包过程中，渠道已将订单 {number} 暂停发货。请停止打包，把包裹放到一边，不要发货。</translation></message><message><source>label not saved: disk full at {path}</source><translation>面单未保存：{path} 所在磁盘已满</translation></message><message><source>label not saved: {problem} at {path}</source><translation>面单未保存：{path}：{problem}</translation></message><message><source>packing slip not saved: disk full at {path}</source><translation>装箱单未保存：{path} 所在磁盘已满</translation></message><message><source>packing slip not saved: {problem} at {path}</source><translation>装箱单未保存：{path}：{problem}</translation></message><message><source>return slip not saved: disk full at {path}</source><translation>退货单未保存：{path} 所在磁盘已满</translation></message><message><source>return slip not saved: {problem} at {path}</source><translation>退货单未保存：{path}：{problem}</translation></message><message><source>document not saved: disk full at {path}</source><translation>文件未保存：{path} 所在磁盘已满</translation></message><message><source>document not saved: {problem} at {path}</source><translation>文件未保存：{path}：{problem}</translation></message><message><source>Outbox message {id} is not in the store.</source><translation>发件箱消息 {id} 不在数据库中。</translation></message><message><source>Outbox message {id} has not failed (it is {status}).</source><translation>发件箱消息 {id} 没有失败（状态为 {status}）。</translation></message><message><source>“{code}” is not a product code Packdesk knows.</source><translation>“{code}” 不是已知的商品条码。</translation></message><message><source>Wrong item: {sku} {name} is not in this order. Still expected: {expected}.</source><translation>错货：{sku} {name} 不在本订单中。仍需：{expected}。</translation></message><message><source>Serial {serial} was already scanned in this order.</source><translation>序列号 {serial} 已在本订单中扫过。</translation></message><message><source>{sku} {name}: {verified} of {quantity}</source><translation>{sku} {name}：{verified} / {quantity}</translation></message><message><source>Over-scan: {sku} needs {quantity}, {verified} already verified; {units} more is too many.</source><translation>多扫：{sku} 需要 {quantity} 件，已核对 {verified} 件；再加 {units} 件就多了。</translation></message><message><source>{sku} must be scanned; it cannot be confirmed by hand.</source><translation>{sku} 必须扫描，不能手动确认。</translation></message><message><source>Confirming an item by hand needs a reason.</source><translation>手动确认商品需要填写原因。</translation></message><message><source>{sku} is not outstanding in this order.</source><translation>本订单中 {sku} 已无待核对数量。</translation></message><message><source>{sku} confirmed by hand ({reason}): {verified} of {quantity}</source><translation>{sku} 已手动确认（{reason}）：{verified} / {quantity}</translation></message><message><source>The pack session for {number} is closed.</source><translation>订单 {number} 的打包已结束。</translation></message><message><source>nothing, the order is complete</source><translation>无，订单已齐</translation></message><message><source>The scan was empty.</source><translation>扫描内容为空。</translation></message><message><source>The scan is {length} characters long; no barcode here is longer than {limit}.</source><translation>扫描内容长达 {length} 个字符；这里的条码不会超过 {limit} 个字符。</translation></message><message><source>The scan contains a control character (U+{code}); check the scanner's keyboard layout and suffix settings.</source><translation>扫描内容含有控制字符 (U+{code})；请检查扫码枪的键盘布局和后缀设置。</translation></message><message><source>No order matches “{text}”.</source><translation>没有与 “{text}” 匹配的订单。</translation></message><message><source>{count} orders match “{text}”; pick one.</source><translation>有 {count} 个订单与 “{text}” 匹配，请选择一个。</translation></message><message><source>Order {number} was CANCELLED ({when}). Do not ship it: put the items back.</source><translation>订单 {number} 已取消（{when}）。不要发货：请把商品放回。</translation></message><message><source>Order {number} was already packed by {by} on {when}.</source><translation>订单 {number} 已由 {by} 于 {when} 打包。</translation></message><message><source>Order {number} is on hold since {when} ({reason}).</source><translation>订单 {number} 自 {when} 起挂起（{reason}）。</translation></message><message><source>no reason given</source><translation>未填写原因</translation></message><message><source>Order {number} needs review before packing.</source><translation>订单 {number} 需审核后才能打包。</translation></message><message><source>Order {number} opened.</source><translation>订单 {number} 已打开。</translation></message><message><source>Order {number} is being packed by {packer} at {station}.</source><translation>订单 {number} 正由 {packer} 在 {station} 打包。</translation></message><message><source>Order {number} resumed where it was left.</source><translation>订单 {number} 已从上次中断处继续。</translation></message><message><source>Pack session {id} does not exist.</source><translation>打包记录 {id} 不存在。</translation></message><message><source>Order {number} is no longer open at this bench.</source><translation>订单 {number} 已不在本工位打包。</translation></message><message><source>Order {number} is gone from the store.</source><translation>数据库中已找不到订单 {number}。</translation></message><message><source>Quantity {quantity} is not between 1 and {limit}.</source><translation>数量 {quantity} 不在 1 到 {limit} 之间。</translation></message><message><source>Order {number} was CANCELLED while packing. Stop and put the items back.</source><translation>订单 {number} 在打包时被取消。请停止并把商品放回。</translation></message><message><source>That is order {other}. Finish or hold order {number} first.</source><translation>这是订单 {other}。请先完成或挂起订单 {number}。</translation></message><message><source>There is no scan to undo.</source><translation>没有可撤销的扫描。</translation></message><message><source>Undone: {sku} ×{quantity}.</source><translation>已撤销：{sku} ×{quantity}。</translation></message><message><source>There is no product {sku}.</source><translation>没有商品 {sku}。</translation></message><message><source>Order {number} is on hold: {reason}</source><translation>订单 {number} 已挂起：{reason}</translation></message><message><source>Order {number} is back in the queue.</source><translation>订单 {number} 已回到待打包队列。</translation></message><message><source>“{text}” is not a quantity from 1 to {limit}.</source><translation>“{text}” 不是 1 到 {limit} 之间的数量。</translation></message><message><source>Name or PIN is not right.</source><translation>姓名或 PIN 码不正确。</translation></message><message><source>{action} needs a supervisor's PIN and a reason.</source><translation>{action}需要主管 PIN 码和原因。</translation></message><message><source>{action} needs a reason.</source><translation>{action}需要原因。</translation></message><message><source>Supervisor name or PIN is not right.</source><translation>主管姓名或 PIN 码不正确。</translation></message><message><source>{name} is not a supervisor.</source><translation>{name} 不是主管。</translation></message><message><source>Putting an order on hold</source><translation>挂起订单</translation></message><message><source>Shipping part of an order</source><translation>部分发货</translation></message><message><source>Order {number} was cancelled; it must not ship.</source><translation>订单 {number} 已取消，不能发货。</translation></message><message><source>Nothing has been verified yet; scan the items first.</source><translation>还没有核对任何商品，请先扫描商品。</translation></message><message><source>No carrier profile is set up; add one in Settings → Carriers.</source><translation>尚未设置承运商，请在 设置 → 承运商 中添加。</translation></message><message><source>{what}: another station kept changing the same record; tried {attempts} times. Please scan again.</source><translation>{what}：其他工位一直在修改同一条记录；已重试 {attempts} 次。请重新扫描。</translation></message><message><source>Opening the order</source><translation>打开订单</translation></message><message><source>Recording the scan</source><translation>记录扫描</translation></message><message><source>Undoing the scan</source><translation>撤销扫描</translation></message><message><source>Confirming the item</source><translation>确认商品</translation></message><message><source>Holding the order</source><translation>挂起订单</translation></message><message><source>Completing the order</source><translation>完成订单</translation></message><message><source>Leaving the order</source><translation>离开订单</translation></message><message><source>Wrong item: {sku} {name} is in none of this parcel's orders. Still expected: {expected}.</source><translation>错货：{sku} {name} 不在本包裹的任何订单中。仍需：{expected}。</translation></message><message><source>{sku} {name}: {verified} of {quantity} for order {number}</source><translation>{sku} {name}：{verified} / {quantity}，属于订单 {number}</translation></message><message><source>{sku} {name}: {shares} (oldest order first)</source><translation>{sku} {name}：{shares}（先装最早的订单）</translation></message><message><source>{sku} confirmed by hand ({reason}): {verified} of {quantity} for order {number}</source><translation>{sku} 已手动确认（{reason}）：{verified} / {quantity}，属于订单 {number}</translation></message><message><source>nothing, the parcel is complete</source><translation>无，包裹已齐</translation></message><message><source>Order {number} is not in this parcel.</source><translation>订单 {number} 不在这个包裹里。</translation></message><message><source>Order {number} is the only order in this parcel; leave it or hold it instead.</source><translation>订单 {number} 是这个包裹里唯一的订单；请改为离开或挂起。</translation></message><message><source>{opened} 1 more order for this buyer and address: {numbers}. Scan PD:MERGE or press “Pack together” to pack it in the same parcel.</source><translation>{opened} 同一买家、同一地址还有 1 个订单：{numbers}。扫描 PD:MERGE 或按“合并打包”，装进同一个包裹。</translation></message><message><source>{opened} {count} more orders for this buyer and address: {numbers}. Scan PD:MERGE or press “Pack together” to pack them in one parcel.</source><translation>{opened} 同一买家、同一地址还有 {count} 个订单：{numbers}。扫描 PD:MERGE 或按“合并打包”，装进一个包裹。</translation></message><message><source>Order {number} in this parcel was CANCELLED while packing. Take its items out, then scan PD:DROP or press “Drop order” to drop it; the other orders pack on.</source><translation>包裹中的订单 {number} 在打包时被取消。请取出它的商品，然后扫描 PD:DROP 或按“移出订单”；其他订单继续打包。</translation></message><message><source>Orders {numbers} are on hold: {reason}</source><translation>订单 {numbers} 已挂起：{reason}</translation></message><message><source>Orders {numbers} are back in the queue.</source><translation>订单 {numbers} 已回到待打包队列。</translation></message><message><source>Order {number} in this parcel was cancelled; drop it before adding orders.</source><translation>包裹中的订单 {number} 已取消；请先移出它，再合并其他订单。</translation></message><message><source>No other order for this buyer and address can join this parcel now.</source><translation>同一买家、同一地址现在没有其他可以并入这个包裹的订单。</translation></message><message><source>One parcel for {count} orders: {numbers}. Scan every order's items; each line says which order it is for.</source><translation>{count} 个订单合并为一个包裹：{numbers}。请扫描每个订单的商品；每一行都写明属于哪个订单。</translation></message><message><source>{merged} Not added (no longer ready to pack, or it has its own waybill): {numbers}.</source><translation>{merged} 未加入（已不是待打包，或已有自己的运单）：{numbers}。</translation></message><message><source>Cancelled order {number} is out of the parcel: put its items back. Packing goes on with {numbers}.</source><translation>已取消的订单 {number} 已移出包裹：请把它的商品放回。继续打包 {numbers}。</translation></message><message><source>Order {number} is out of the parcel and back in the queue: take its items out. Packing goes on with {numbers}.</source><translation>订单 {number} 已移出包裹并回到待打包队列：请取出它的商品。继续打包 {numbers}。</translation></message><message><source>Nothing of order {number} has been verified: scan its items, or drop it from the parcel (PD:DROP).</source><translation>订单 {number} 还没有核对任何商品：请扫描它的商品，或把它移出包裹（PD:DROP）。</translation></message><message><source>Order {number} in this parcel was cancelled; it must not ship. Take its items out and drop it from the parcel (PD:DROP), then complete.</source><translation>包裹中的订单 {number} 已取消，不能发货。请取出它的商品并移出包裹（PD:DROP），然后再完成。</translation></message><message><source>Packing the orders in one parcel</source><translation>合并打包订单</translation></message><message><source>Taking the order out of the parcel</source><translation>把订单移出包裹</translation></message><message><source>The folder {folder} that holds the store is read-only, so Packdesk cannot record anything there. Nothing was changed. Make the folder writable for this user, or move the store to a writable folder and open it with --db.</source><translation>存放数据库的文件夹 {folder} 为只读，Packdesk 无法在其中记录任何内容。未做任何更改。请让当前用户可写该文件夹，或把数据库移到可写的文件夹并用 --db 打开。</translation></message><message><source>The store {path} is read-only, so Packdesk cannot record anything. Nothing was changed. Make the file writable for this user, or open a writable copy with --db.</source><translation>数据库 {path} 为只读，Packdesk 无法记录任何内容。未做任何更改。请让当前用户可写该文件，或用 --db 打开一个可写的副本。</translation></message><message><source>The disk that holds the store is full, so this was not saved; nothing was written half-way. Free some space on that disk ({where}), then do it again.</source><translation>存放数据库的磁盘已满，本次操作未保存，也没有写入一半的数据。请在该磁盘（{where}）上腾出空间，然后重做。</translation></message><message><source>the database server</source><translation>数据库服务器</translation></message><message><source>station {station} (process {pid} on {host})</source><translation>工位 {station}（{host} 上的进程 {pid}）</translation></message><message><source>another program (process {pid})</source><translation>另一个程序（进程 {pid}）</translation></message><message><source>another station or program</source><translation>另一个工位或程序</translation></message><message><source>The store is busy: {holder} is writing to it and has not finished for {seconds} s. Nothing was saved. Try again in a moment; if it stays busy, close Packdesk or the other program on that station.</source><translation>数据库正忙：{holder} 正在写入，已超过 {seconds} 秒仍未完成。未保存任何内容。请稍后重试；如果一直忙，请关闭那个工位上的 Packdesk 或其他程序。</translation></message><message><source>Close Packdesk and put the latest backup, {backup}, in its place.</source><translation>请关闭 Packdesk，用最新的备份 {backup} 替换它。</translation></message><message><source>No backup of it was found next to it: restore it from your own backups.</source><translation>旁边没有找到它的备份：请从你自己的备份中恢复。</translation></message><message><source>The store {path} is damaged ({problem}). Packdesk did not change it. {advice}</source><translation>数据库 {path} 已损坏（{problem}）。Packdesk 没有改动它。{advice}</translation></message><message><source>The connection to the database server was lost; this was not saved. Packdesk connects again by itself: check the network and the server, then do it again.</source><translation>与数据库服务器的连接已断开，本次操作未保存。Packdesk 会自动重新连接：请检查网络和服务器，然后重做。</translation></message><message><source>The store cannot be reached ({problem}). Nothing was changed. Check that it is where Packdesk is told it is (--db or PACKDESK_DB) and that this user may open it.</source><translation>无法访问数据库（{problem}）。未做任何更改。请检查它是否在 Packdesk 设置的位置（--db 或 PACKDESK_DB），以及当前用户是否有权打开它。</translation></message><message><source>Before upgrading the store, Packdesk saved a copy of it at {path}.</source><translation>升级数据库之前，Packdesk 已把它备份到 {path}。</translation></message><message><source>The connection to the database server dropped and was made again; nothing was lost.</source><translation>与数据库服务器的连接曾断开，现已重新连接；没有丢失任何内容。</translation></message><message><source>The store could not be backed up before its upgrade ({problem}); it has not been changed.</source><translation>升级前无法备份数据库（{problem}）；数据库未做改动。</translation></message><message><source>{what} too long, cut to {limit} characters</source><translation>{what}过长，已截为 {limit} 个字符</translation></message><message><source>{what} of line {line} too long, cut to {limit} characters</source><translation>第 {line} 行的{what}过长，已截为 {limit} 个字符</translation></message><message><source>channel order id is {length} characters, longer than the {limit} Packdesk keeps</source><translation>渠道订单号有 {length} 个字符，超过 Packdesk 可保存的 {limit} 个</translation></message><message><source>line {line} has quantity {quantity}: more than the {limit} one order line may hold</source><translation>订单行 {line} 的数量为 {quantity}：超过单行上限 {limit}</translation></message><message><source>line {line} has a unit price of {cents} cents: more than Packdesk can keep</source><translation>订单行 {line} 的单价为 {cents} 分：超出 Packdesk 可保存的范围</translation></message><message><source>the store refused this order: {why}</source><translation>数据库拒绝保存此订单：{why}</translation></message><message><source>the store refused the data: {kind}{where}</source><translation>数据库拒绝保存数据：{kind}{where}</translation></message><message><source>a number too large for the store</source><translation>数字过大，数据库无法保存</translation></message><message><source>unexpected {kind} (details withheld: they may hold buyers' data)</source><translation>意外错误 {kind}（细节未显示：其中可能含有买家信息）</translation></message><message><source>the {channel} payload has a shape Packdesk cannot read ({kind} in {mapper})</source><translation>{channel} 发来的数据结构 Packdesk 无法读取（{mapper} 中的 {kind}）</translation></message><message><source>the order could not be read ({kind}); it was not imported</source><translation>无法读取此订单（{kind}），未导入</translation></message><message><source>Serial {serial} already shipped in order {number}.</source><translation>序列号 {serial} 已随订单 {number} 发出。</translation></message><message><source>Serial {serial} is already in order {number}, being packed at {station}.</source><translation>序列号 {serial} 已在订单 {number} 中，正在 {station} 打包。</translation></message><message><source>Serial {serial} did not ship in order {number}; check the unit's label.</source><translation>序列号 {serial} 不是随订单 {number} 发出的；请核对商品标签。</translation></message><message><source>Order {number} was taken over by {packer} at {station} (supervisor {supervisor}); this station can no longer scan it.</source><translation>订单 {number} 已由 {packer} 在 {station} 接手（主管 {supervisor}）；本工位不能再扫描它。</translation></message><message><source>Order {number} taken over from {packer} at {station}; {verified} of {expected} items already verified, packing goes on here.</source><translation>订单 {number} 已从 {station} 的 {packer} 处接手；已核对 {verified} / {expected} 件，在本工位继续打包。</translation></message><message><source>There is no order {number}.</source><translation>没有订单 {number}。</translation></message><message><source>Taking over an order</source><translation>接手订单</translation></message><message><source>Taking over the order</source><translation>接手订单</translation></message><message><source>Order {number} is not open at any station; open it instead.</source><translation>订单 {number} 没有在任何工位打开；请直接打开它。</translation></message><message><source>Order {number} is already open at this station.</source><translation>订单 {number} 已在本工位打开。</translation></message><message><source>There is no return {rma}.</source><translation>没有退货单 {rma}。</translation></message><message><source>Closing a refund by hand</source><translation>手动结束退款</translation></message><message><source>The refund for return {rma} is still being sent to the channel (tried {attempts} times); close it by hand once the channel has refused it.</source><translation>退货单 {rma} 的退款仍在发送给渠道（已尝试 {attempts} 次）；渠道拒绝后才能手动结束。</translation></message><message><source>The channel took the refund for return {rma}; there is nothing to close by hand.</source><translation>渠道已受理退货单 {rma} 的退款；无需手动结束。</translation></message><message><source>Return {rma} has no refund waiting for the channel; there is nothing to close by hand.</source><translation>退货单 {rma} 没有等待渠道处理的退款；无需手动结束。</translation></message><message><source>Quiet hours are two times like 22:00-07:00, not {text}.</source><translation>免打扰时段应写成两个时间，例如 22:00-07:00，而不是 {text}。</translation></message><message><source>A route code is 1-24 lower-case letters, digits, - or _, not {code!r}.</source><translation>告警路由代码须为 1-24 个小写字母、数字、- 或 _，不能是 {code!r}。</translation></message><message><source>A route is dingtalk, wecom or mail, not {kind}.</source><translation>告警路由类型只能是 dingtalk、wecom 或 mail，不能是 {kind}。</translation></message><message><source>Unknown alert kinds: {kinds}; choose from {known}.</source><translation>未知的告警类型：{kinds}；可选：{known}。</translation></message><message><source>A route's language is en or zh_CN, not {language}.</source><translation>告警路由的语言只能是 en 或 zh_CN，不能是 {language}。</translation></message><message><source>Quiet hours need a start and an end, like 22:00-07:00.</source><translation>免打扰时段需要开始和结束时间，例如 22:00-07:00。</translation></message><message><source>Route {code}: a robot's webhook is a URL, not {target}.</source><translation>告警路由 {code}：机器人的 Webhook 应是网址，而不是 {target}。</translation></message><message><source>Route {code}: give the mail addresses, comma-separated.</source><translation>告警路由 {code}：请填写收件邮箱，用逗号分隔。</translation></message><message><source>Route {code}: a mail route needs smtp_host.</source><translation>告警路由 {code}：邮件路由需要设置 smtp_host。</translation></message><message><source>Unknown time zone {zone}.</source><translation>未知的时区 {zone}。</translation></message><message><source>There is no alert route {code}.</source><translation>没有告警路由 {code}。</translation></message><message><source>{number} ({channel}) has been {status} for {held}, past the {limit} limit.</source><translation>{number}（{channel}）处于“{status}”已 {held}，超过 {limit} 的上限。</translation></message><message><source>{number} ({channel}) was promised to ship by {ship_by} UTC and is still {status}.</source><translation>{number}（{channel}）承诺在 UTC {ship_by} 前发货，目前仍为“{status}”。</translation></message><message><source>A {kind} push to {channel} failed for good: {error}</source><translation>向 {channel} 推送{kind}最终失败：{error}</translation></message><message><source>Sync with {code} failed: {result}</source><translation>与 {code} 同步失败：{result}</translation></message><message><source>{number} ({channel}): {reasons}</source><translation>{number}（{channel}）：{reasons}</translation></message><message><source>Return {case} for order {order} was escalated to a supervisor.</source><translation>订单 {order} 的退货 {case} 已升级给主管处理。</translation></message><message><source>Shipping labels for {orders} have waited {minutes} min for printer {printer} at {station}: {reason}</source><translation>{station} 的打印机 {printer} 未响应，{orders} 的面单已等待 {minutes} 分钟：{reason}</translation></message><message><source>Test message from Packdesk, sent by {by}.</source><translation>来自 Packdesk 的测试消息，由 {by} 发送。</translation></message><message><source>{name} is locked after {failures} wrong PINs in a row, until {until} UTC. If it was not them, find out who tried.</source><translation>{name} 连续输错 {failures} 次 PIN，锁定至 UTC {until}。如果不是本人，请查明是谁在尝试。</translation></message><message><source>Packing on without the label for {numbers}; this is recorded. It still prints when the printer is back. Scan the next order.</source><translation>不等 {numbers} 的面单，继续打包；此操作已记录。打印机恢复后面单仍会打印。请扫描下一个订单。</translation></message><message><source>Recording that packing goes on without the label</source><translation>记录不等面单继续打包</translation></message><message><source>Confirming an item by hand</source><translation>手动确认商品</translation></message><message><source>{left} Its 1 verified item no longer counts: take it out of the box.</source><translation>{left} 已核对的 1 件不再计数：请把它从箱子里取出。</translation></message><message><source>{left} Its {count} verified items no longer count: take them out of the box.</source><translation>{left} 已核对的 {count} 件不再计数：请把它们从箱子里取出。</translation></message></context></TS>