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
        <location filename="../station_parts.py" line="58" />
        <source>{0} NOT printed: {1}</source>
        <translation>{0} 未打印：{1}</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="64" />
        <source>Print log</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="66" />
        <source>Preview the last label</source>
        <translation>预览上一张面单</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="68" />
        <source>Print labels for many orders…</source>
        <translation>批量打印面单…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="81" />
        <source>Command barcodes</source>
        <translation>指令条码</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="83" />
        <source>Print the command-barcode sheet</source>
        <translation>打印指令条码表</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="102" />
        <source>Product label {0}</source>
        <translation>商品标签 {0}</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="108" />
        <source>Print the packing slip of this order</source>
        <translation>打印本订单的装箱单</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="140" />
        <source>Scan an order first.</source>
        <translation>请先扫描订单。</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="146" />
        <source>Packing slip {0}: job {1}</source>
        <translation>装箱单 {0}：任务 {1}</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="163" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="164" />
        <source>No label has been printed at this bench yet.</source>
        <translation>本工位还没有打印过面单。</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="169" />
        <source>Label {0}</source>
        <translation>面单 {0}</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="205" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="233" />
        <location filename="../station_parts.py" line="235" />
        <source>Hardware self-test</source>
        <translation>硬件自检</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="255" />
        <source>Full screen not kept for the next start: {0}</source>
        <translation>全屏设置未能保存到下次启动：{0}</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="273" />
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="287" />
        <source>Station settings…</source>
        <translation>工位设置…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="370" />
        <source>Import opening stock from a file…</source>
        <translation>从文件导入期初库存…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="382" />
        <source>Shipping-upload file for a marketplace…</source>
        <translation>导出平台批量发货文件…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="498" />
        <source>People…</source>
        <translation>人员…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="500" />
        <source>Products…</source>
        <translation>商品…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="505" />
        <source>Import the catalogue from a CSV file…</source>
        <translation>从 CSV 文件导入商品目录…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="507" />
        <source>Differences to settle…</source>
        <translation>待处理的差异…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="535" />
        <source>Carriers…</source>
        <translation>承运商…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="433" />
        <source>The pack video was not kept: {0}</source>
        <translation>打包视频未能保存：{0}</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="485" />
        <source>No camera at this station: parcels are packed without a pack video.</source>
        <translation>本工位没有摄像头：打包时不录制打包视频。</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="305" />
        <source>Failed channel messages…</source>
        <translation>渠道失败消息…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="306" />
        <source>Orders needing review…</source>
        <translation>待审核订单…</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="311" />
        <source>Returns counter</source>
        <translation>退货台</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="334" />
        <source>Order board</source>
        <translation>订单看板</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="338" />
        <source>Health dashboard</source>
        <translation>运营指标看板</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="343" />
        <location filename="../station_parts.py" line="347" />
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="364" />
        <source>Stock history</source>
        <translation>库存流水</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="366" />
        <source>Receive goods</source>
        <translation>收货入库</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="368" />
        <source>Cycle count</source>
        <translation>循环盘点</translation>
    </message>
    <message>
        <location filename="../station_parts.py" line="380" />
        <source>Import orders from a CSV file…</source>
        <translation>从 CSV 文件导入订单…</translation>
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
    <message>
        <location filename="../tool_windows.py" line="40" />
        <source>{0} — Packdesk</source>
        <translation>{0} — Packdesk</translation>
    </message>
    <message>
        <location filename="../ops.py" line="83" />
        <source>Something went wrong: %s</source>
        <translation>出了点问题：%s</translation>
    </message>
    <message>
        <location filename="../ops.py" line="391" />
        <source>1 operation is still running; close again when it has finished.</source>
        <translation>还有 1 个操作在进行；请等它结束后再关闭。</translation>
    </message>
    <message>
        <location filename="../ops.py" line="393" />
        <source>%s operations are still running; close again when they have finished.</source>
        <translation>还有 %s 个操作在进行；请等它们结束后再关闭。</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="189" />
        <source>CUPS queues on this computer: %1</source>
        <translation>本机的 CUPS 打印队列：%1</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="190" />
        <source>CUPS has no print queues yet.</source>
        <translation>CUPS 还没有打印队列。</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="194" />
        <source>CUPS cannot be asked for its queues: %1</source>
        <translation>无法向 CUPS 查询打印队列：%1</translation>
    </message>
    <message>
        <location filename="../product_pictures.py" line="45" />
        <source>{0} is not a picture (PNG, JPEG or WebP).</source>
        <translation>{0} 不是图片（PNG、JPEG 或 WebP）。</translation>
    </message>
    <message>
        <location filename="../product_pictures.py" line="47" />
        <source>{0} is not there any more.</source>
        <translation>{0} 已经不在了。</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../alerts_panel.py" line="75" />
        <source>Packdesk alerts</source>
        <translation>Packdesk 告警</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="81" />
        <source>Raised</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="81" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="82" />
        <source>What happened</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="102" />
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="103" />
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="105" />
        <source>Check now</source>
        <translation>立即检查</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="134" />
        <source>Choose an alert first.</source>
        <translation>请先选择一条告警。</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="138" />
        <source>Log in to acknowledge an alert.</source>
        <translation>请登录后再确认警报。</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="168" />
        <source>Acknowledged by %1.</source>
        <translation>已由 %1 确认。</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="222" />
        <source> (cleared)</source>
        <translation>（已解除）</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="186" />
        <source>1 alert to acknowledge</source>
        <translation>1 条告警待确认</translation>
    </message>
    <message numerus="yes">
        <location filename="../alerts_panel.py" line="187" />
        <source>%n alerts to acknowledge</source>
        <translation><numerusform>%n 条告警待确认</numerusform></translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="260" />
        <source>1 new alert</source>
        <translation>1 条新告警</translation>
    </message>
    <message numerus="yes">
        <location filename="../alerts_panel.py" line="261" />
        <source>%n new alerts</source>
        <translation><numerusform>%n 条新告警</numerusform></translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="266" />
        <source>Stuck</source>
        <translation>订单停滞</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="266" />
        <source>Late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="267" />
        <source>Sync failure</source>
        <translation>同步失败</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="268" />
        <source>Stock conflict</source>
        <translation>库存冲突</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="269" />
        <source>Return escalated</source>
        <translation>退货已上报</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="270" />
        <source>Printer down</source>
        <translation>打印机离线</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="271" />
        <source>Log-in locked</source>
        <translation>登录已锁定</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="272" />
        <source>Label pending</source>
        <translation>面单待出</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="273" />
        <source>Label refused</source>
        <translation>面单被拒</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="274" />
        <source>Not handed over</source>
        <translation>未交接</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="275" />
        <source>Parcel not moving</source>
        <translation>包裹无物流更新</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="276" />
        <source>Returned to sender</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="277" />
        <source>Pack videos stopped</source>
        <translation>打包视频已停止</translation>
    </message>
    <message>
        <location filename="../alerts_panel.py" line="278" />
        <source>Pack video encoder stopped</source>
        <translation>打包视频编码进程已停止</translation>
    </message>
</context>
<context>
    <name>AttachCodeDialog</name>
    <message>
        <location filename="../receiving.py" line="64" />
        <source>Attach {code} to a product</source>
        <translation>把 {code} 关联到商品</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="65" />
        <source>New supplier barcode</source>
        <translation>供应商的新条码</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="65" />
        <source>Case code</source>
        <translation>整箱条码</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="71" />
        <source>Product (SKU)</source>
        <translation>商品（SKU）</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="72" />
        <source>Units per scan of this code</source>
        <translation>此条码每扫一次的件数</translation>
    </message>
</context>
<context>
    <name>BatchLabelsDialog</name>
    <message>
        <location filename="../print_tools.py" line="113" />
        <source>Print labels for many orders</source>
        <translation>批量打印面单</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="119" />
        <source>Loading the orders waiting to ship…</source>
        <translation>正在加载待发货订单…</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="121" />
        <source>Print labels for the selected orders</source>
        <translation>为所选订单打印面单</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="122" />
        <source>Cancel the job</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="151" />
        <source>{0} orders waiting to ship. Select the ones to label.</source>
        <translation>{0} 个订单待发货。请选择要打印面单的订单。</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="160" />
        <source>Select at least one order.</source>
        <translation>请至少选择一个订单。</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="163" />
        <source>Getting tracking numbers…</source>
        <translation>正在获取运单号…</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="193" />
        <source>Job {0}: {1} {2}</source>
        <translation>任务 {0}：{1} {2}</translation>
    </message>
    <message>
        <location filename="../print_tools.py" line="201" />
        <source>Too late to cancel: the job reached the printer.</source>
        <translation>来不及取消：任务已发送到打印机。</translation>
    </message>
</context>
<context>
    <name>BenchDialogs</name>
    <message>
        <location filename="../pack_bench_dialogs.py" line="19" />
        <source>Put order on hold</source>
        <translation>挂起订单</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="20" />
        <source>Item out of stock</source>
        <translation>商品缺货</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="20" />
        <source>Item damaged</source>
        <translation>商品损坏</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="20" />
        <source>Address problem</source>
        <translation>地址有问题</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="21" />
        <source>Buyer asked to wait</source>
        <translation>买家要求暂缓</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="29" />
        <source>Ship part of the order</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="30" />
        <source>Item out of stock, rest ships now</source>
        <translation>部分缺货，其余先发</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="30" />
        <source>Buyer agreed to split</source>
        <translation>买家同意分开发货</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="42" />
        <source>No order is open. Scan an order first.</source>
        <translation>没有打开的订单。请先扫描订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench_dialogs.py" line="57" />
        <source>Confirm {0} by hand</source>
        <translation>手动确认 {0}</translation>
    </message>
</context>
<context>
    <name>BenchFiguresWatch</name>
    <message>
        <location filename="../pack_bench_figures.py" line="47" />
        <source>Queue: {0} ready · {1} due today · {2} late</source>
        <translation>队列：{0} 单待打包 · {1} 单今天到期 · {2} 单已超时</translation>
    </message>
    <message>
        <location filename="../pack_bench_figures.py" line="49" />
        <source>You: {0} packed · {1:.1f}/h</source>
        <translation>你：已打包 {0} 单 · 每小时 {1:.1f} 单</translation>
    </message>
    <message>
        <location filename="../pack_bench_figures.py" line="50" />
        <source>You: none packed yet today</source>
        <translation>你：今天还没有打包</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../board_model.py" line="42" />
        <source>Needs review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="43" />
        <source>Ready</source>
        <translation>待打包</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="44" />
        <source>Packing</source>
        <translation>打包中</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="45" />
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="46" />
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="47" />
        <source>On hold</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="48" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="166" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="166" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="166" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="166" />
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="167" />
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="167" />
        <source>Ship by</source>
        <translation>最晚发货</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="167" />
        <source>Tracking</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="167" />
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="184" />
        <source>No weight for {0}: set it in Tools → Products…, or the label prints no weight</source>
        <translation>{0} 没有重量：请在 工具 → 商品… 中设置，否则面单上不印重量</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="201" />
        <source>weight unknown</source>
        <translation>重量未知</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="209" />
        <source>Late: past its ship-by time</source>
        <translation>已超时：过了最晚发货时间</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="210" />
        <source>Due to ship within 4 hours</source>
        <translation>4 小时内须发货</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="211" />
        <source>On time</source>
        <translation>未超时</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="212" />
        <source>Packed, shipped or cancelled</source>
        <translation>已打包、已发货或已取消</translation>
    </message>
    <message>
        <location filename="../board_model.py" line="213" />
        <source>No ship-by time</source>
        <translation>无发货时限</translation>
    </message>
</context>
<context>
    <name>BoxHint</name>
    <message>
        <location filename="../box_hint.py" line="50" />
        <source>Box: %1</source>
        <translation>纸箱：%1</translation>
    </message>
    <message>
        <location filename="../box_hint.py" line="53" />
        <source>smallest that fits: %1</source>
        <translation>最小合适纸箱：%1</translation>
    </message>
    <message>
        <location filename="../box_hint.py" line="55" />
        <source>Suggested box: %1 (%2). Scan the box you use.</source>
        <translation>建议纸箱：%1（%2）。请扫描所用纸箱。</translation>
    </message>
</context>
<context>
    <name>CameraCheck</name>
    <message>
        <location filename="../station_setup.py" line="213" />
        <location filename="../station_setup.py" line="248" />
        <source>No camera</source>
        <translation>没有摄像头</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="215" />
        <source>Camera %1: %2</source>
        <translation>摄像头 %1：%2</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="217" />
        <source>A number or a video file, typed below</source>
        <translation>在下面输入编号或视频文件</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="221" />
        <source>Show its picture</source>
        <translation>显示画面</translation>
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
        <location filename="../../scanners/camera.py" line="187" />
        <source>No camera found at index %1. Plug one in, or choose another camera or a video file in Settings.</source>
        <translation>找不到编号 %1 的摄像头。请接上摄像头，或在设置中选择其他摄像头或视频文件。</translation>
    </message>
    <message>
        <location filename="../../scanners/camera.py" line="190" />
        <source>Cannot open the video %1: the file is missing or not a video.</source>
        <translation>无法打开视频 %1：文件不存在或不是视频。</translation>
    </message>
    <message>
        <location filename="../../scanners/camera.py" line="193" />
        <source>Camera %1 on</source>
        <translation>摄像头 %1 已开启</translation>
    </message>
    <message>
        <location filename="../../scanners/camera.py" line="195" />
        <source>Camera %1 stopped: no more frames</source>
        <translation>摄像头 %1 已停止：没有更多画面</translation>
    </message>
</context>
<context>
    <name>CarrierSetupScreen</name>
    <message>
        <location filename="../carrier_setup.py" line="68" />
        <source>Carriers — for supervisors</source>
        <translation>承运商 — 主管使用</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="70" />
        <location filename="../carrier_setup.py" line="111" />
        <location filename="../carrier_setup.py" line="151" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="71" />
        <source>Labels from</source>
        <translation>面单来源</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="71" />
        <source>Next number / address</source>
        <translation>下一个单号 / 地址</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="75" />
        <source>Own number range</source>
        <translation>本店号段</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="76" />
        <source>Carrier API</source>
        <translation>承运商接口</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="91" />
        <source>e.g. OWN</source>
        <translation>例如 OWN</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="92" />
        <source>capital letters, e.g. PK</source>
        <translation>大写字母，例如 PK</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="96" />
        <source>8 digits: a UPU S10 check digit; otherwise GS1 mod-10</source>
        <translation>8 位：UPU S10 校验位；其他位数：GS1 模 10 校验</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="100" />
        <source>Add the carrier</source>
        <translation>添加承运商</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="70" />
        <location filename="../carrier_setup.py" line="112" />
        <location filename="../carrier_setup.py" line="152" />
        <source>Name on the labels</source>
        <translation>面单上的名称</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="103" />
        <source>Print a test label</source>
        <translation>打印测试面单</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="105" />
        <source>The carrier's label on this station's label printer, with the range's next number: scan it. The number is not used up.</source>
        <translation>在本工位的面单打印机上打印该承运商的面单，运单号为号段的下一个号码：请扫描核对。该号码不会被占用。</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="113" />
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="114" />
        <source>Serial digits</source>
        <translation>序号位数</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="115" />
        <source>Sender name</source>
        <translation>寄件人姓名</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="116" />
        <source>Sender phone</source>
        <translation>寄件人电话</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="117" />
        <source>Sender address</source>
        <translation>寄件人地址</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="128" />
        <source>leave empty for the carrier's own address</source>
        <translation>留空则使用承运商的默认地址</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="140" />
        <source>Save the carrier</source>
        <translation>保存承运商</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="143" />
        <source>Test the connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="153" />
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="154" />
        <source>API address</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="155" />
        <source>Settings (KEY=VALUE, one a line)</source>
        <translation>设置（KEY=VALUE，每行一个）</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="171" />
        <source>kept in the system keyring; empty keeps the stored one</source>
        <translation>保存在系统钥匙串中；留空则保留已存的</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="176" />
        <source>{carrier} needs: {settings}</source>
        <translation>{carrier} 需要：{settings}</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="178" />
        <source>{carrier} needs no settings besides its key.</source>
        <translation>{carrier} 除密钥外不需要其他设置。</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="182" />
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="182" />
        <source>Checkword (校验码)</source>
        <translation>校验码</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="183" />
        <source>App secret</source>
        <translation>App Secret</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="183" />
        <source>Session key</source>
        <translation>授权 Session</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="184" />
        <source>App key</source>
        <translation>App Key</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="185" />
        <source>E-waybill password (optional)</source>
        <translation>电子面单密码（可选）</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="195" />
        <source>own number range</source>
        <translation>本店号段</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="196" />
        <source>the carrier's address</source>
        <translation>承运商默认地址</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="227" />
        <source>Carrier {code} ({name}) added; its first tracking number is {number}.</source>
        <translation>已添加承运商 {code}（{name}）；第一个运单号是 {number}。</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="240" />
        <source>Give the carrier a code, like SF or EZP.</source>
        <translation>请给承运商一个代码，例如 SF 或 EZP。</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="269" />
        <source>{said} Its keys are in the system keyring.</source>
        <translation>{said} 其密钥已保存在系统钥匙串中。</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="276" />
        <source>Save carrier {code} first, then test it.</source>
        <translation>请先保存承运商 {code}，再测试。</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="280" />
        <source>Asking {name}…</source>
        <translation>正在询问 {name}…</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="288" />
        <source>Choose an own-range carrier in the list (or add one), then print its test label.</source>
        <translation>请先在列表中选择一个自有号段承运商（或新增一个），再打印它的测试面单。</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="299" />
        <source>Test label of {code}: {job}. Its barcode must scan as {number}; that number is not used up.</source>
        <translation>{code} 的测试面单：{job}。它的条码扫出来必须是 {number}；该号码不会被占用。</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="305" />
        <source>The test label was not printed: {reason}</source>
        <translation>测试面单没有打印：{reason}</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="310" />
        <source>Connection works: {said}</source>
        <translation>连接正常：{said}</translation>
    </message>
    <message>
        <location filename="../carrier_setup.py" line="314" />
        <source>The connection test failed: {reason}</source>
        <translation>连接测试失败：{reason}</translation>
    </message>
</context>
<context>
    <name>CatalogueConflictsScreen</name>
    <message>
        <location filename="../catalogue_conflicts.py" line="40" />
        <source>Differences to settle — for supervisors</source>
        <translation>待处理的差异 — 主管使用</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="43" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="43" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="44" />
        <source>Weight (g)</source>
        <translation>重量（克）</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="45" />
        <source>A sales channel says something else than the product. Nothing was changed: choose which value the product keeps.</source>
        <translation>销售渠道的资料与商品不一致。尚未做任何改动：请选择商品保留哪个值。</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="49" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="49" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="49" />
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="50" />
        <source>On the product</source>
        <translation>商品现有</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="50" />
        <source>The channel says</source>
        <translation>渠道的值</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="51" />
        <source>Settled</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="57" />
        <source>Keep the product's value</source>
        <translation>保留商品现有的值</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="60" />
        <source>Take the channel's value</source>
        <translation>采用渠道的值</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="63" />
        <source>Show the settled ones too (who chose what)</source>
        <translation>同时显示已处理的（谁选了什么）</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="91" />
        <source>learned from the scale</source>
        <translation>由电子秤学得</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="92" />
        <source>from {channel}</source>
        <translation>来自 {channel}</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="93" />
        <source>set by a person or a file</source>
        <translation>由人工或文件设定</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="104" />
        <source>No differences to settle: the channels and the products agree.</source>
        <translation>没有待处理的差异：渠道与商品一致。</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="112" />
        <source>the sources agree now</source>
        <translation>来源现已一致</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="113" />
        <source>kept the product's</source>
        <translation>保留了商品现有的值</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="114" />
        <source>took the channel's</source>
        <translation>采用了渠道的值</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="115" />
        <source>{who} {side}, {when}</source>
        <translation>{who}{side}，{when}</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="140" />
        <source>{sku}: {what} is now {value}.</source>
        <translation>{sku}：{what} 现在是 {value}。</translation>
    </message>
    <message>
        <location filename="../catalogue_conflicts.py" line="148" />
        <source>Not settled: {reason}</source>
        <translation>未处理：{reason}</translation>
    </message>
</context>
<context>
    <name>CatalogueImport</name>
    <message>
        <location filename="../catalogue.py" line="409" />
        <source>Import the catalogue — for supervisors</source>
        <translation>导入商品目录 — 主管使用</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="404" />
        <source>A CSV file or an Excel workbook (.xlsx) whose first line names the columns: sku and name, and any of name_zh (the Chinese name), barcode, weight_g (or weight_kg), bin, image, opening_stock. Opening stock goes into the stock ledger as “opening stock”, once per SKU.</source>
        <translation>CSV 文件或 Excel 工作簿（.xlsx），第一行是列名：sku 和 name，以及 name_zh（中文名称）、barcode、weight_g（或 weight_kg）、bin、image、opening_stock 中的任意几列。期初库存以“opening stock”记入库存台账，每个 SKU 只记一次。</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="407" />
        <source>The catalogue file</source>
        <translation>商品目录文件</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="430" />
        <source>{0} — rows to import: {1} (new products: {2}, changed: {3}, with opening stock: {4}). Rows with problems, kept aside: {5}.</source>
        <translation>{0} — 可导入的行：{1}（新商品：{2}，修改：{3}，含期初库存：{4}）。有问题另存的行：{5}。</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="436" />
        <source>Imported. New products: {0}, changed: {1}; opening stock: {3} units for {2} SKUs.</source>
        <translation>已导入。新商品：{0}，修改：{1}；期初库存：{2} 个 SKU 共 {3} 件。</translation>
    </message>
</context>
<context>
    <name>ChannelPullBar</name>
    <message>
        <location filename="../catalogue_pull.py" line="33" />
        <source>Pull the catalogue from the channel</source>
        <translation>从渠道拉取商品目录</translation>
    </message>
    <message>
        <location filename="../catalogue_pull.py" line="45" />
        <source>Sales channel</source>
        <translation>销售渠道</translation>
    </message>
    <message>
        <location filename="../catalogue_pull.py" line="63" />
        <source>No Shopify, WooCommerce or Taobao channel yet: connect one with packdesk channel add, then pull its catalogue here.</source>
        <translation>还没有 Shopify、WooCommerce 或淘宝渠道：先用 packdesk channel add 连接一个，再在这里拉取其商品目录。</translation>
    </message>
    <message>
        <location filename="../catalogue_pull.py" line="74" />
        <source>Pulling the catalogue from {channel}…</source>
        <translation>正在从 {channel} 拉取商品目录…</translation>
    </message>
    <message>
        <location filename="../catalogue_pull.py" line="92" />
        <source>{station} is pulling the catalogue of {channel} now; pull again when it is done.</source>
        <translation>{station} 正在拉取 {channel} 的商品资料；完成后再拉取。</translation>
    </message>
    <message>
        <location filename="../catalogue_pull.py" line="97" />
        <source>From {channel}: {added} products added, {changed} changed; opening stock {units} units for {skus} SKUs.</source>
        <translation>来自 {channel}：新增 {added} 个商品，更新 {changed} 个；期初库存 {skus} 个 SKU 共 {units} 件。</translation>
    </message>
    <message>
        <location filename="../catalogue_pull.py" line="104" />
        <source>Where the channel says something else than a product, nothing was changed: {count} differences wait in Tools → Differences to settle.</source>
        <translation>渠道资料与商品不一致之处未做改动：{count} 条差异在 工具 → 待处理的差异 中等待处理。</translation>
    </message>
    <message>
        <location filename="../catalogue_pull.py" line="108" />
        <source>Listed without a SKU, not taken: {count}. Give them a SKU at the channel and pull again.</source>
        <translation>没有 SKU 的商品未导入：{count} 个。请在渠道里给它们设置 SKU 后再拉取。</translation>
    </message>
    <message>
        <location filename="../catalogue_pull.py" line="113" />
        <source>… and {count} more.</source>
        <translation>… 另有 {count} 条。</translation>
    </message>
    <message>
        <location filename="../catalogue_pull.py" line="120" />
        <source>The catalogue was not pulled: {reason} What was stored before stays.</source>
        <translation>商品目录未拉取：{reason} 之前已保存的内容保持不变。</translation>
    </message>
</context>
<context>
    <name>ClipOpener</name>
    <message>
        <location filename="../clip_player.py" line="223" />
        <source>Pack video</source>
        <translation>打包视频</translation>
    </message>
</context>
<context>
    <name>ClipPlayer</name>
    <message>
        <location filename="../clip_player.py" line="54" />
        <source>Pack video of order %1</source>
        <translation>订单 %1 的打包视频</translation>
    </message>
    <message>
        <location filename="../clip_player.py" line="55" />
        <source>Loading the clip…</source>
        <translation>正在载入视频…</translation>
    </message>
    <message>
        <location filename="../clip_player.py" line="59" />
        <location filename="../clip_player.py" line="169" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../clip_player.py" line="71" />
        <source>%1 · station %2 · filmed %3 · checksum %4</source>
        <translation>%1 · 工位 %2 · 拍摄于 %3 · 校验值 %4</translation>
    </message>
    <message>
        <location filename="../clip_player.py" line="103" />
        <source>Scans in this clip (double-click to go there):</source>
        <translation>本视频中的扫描（双击跳转）：</translation>
    </message>
    <message>
        <location filename="../clip_player.py" line="169" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../clip_player.py" line="172" />
        <source>This clip cannot be played: %1</source>
        <translation>此视频无法播放：%1</translation>
    </message>
</context>
<context>
    <name>ClipsDisk</name>
    <message>
        <location filename="../clips_disk.py" line="28" />
        <source>%1 in %2 clip(s) · %4 free of %5
at %3</source>
        <translation>%1，共 %2 段视频 · 剩余 %4，共 %5
位于 %3</translation>
    </message>
    <message>
        <location filename="../clips_disk.py" line="33" />
        <source>less than %1 free</source>
        <translation>剩余空间不足 %1</translation>
    </message>
    <message>
        <location filename="../clips_disk.py" line="35" />
        <source>Filming stopped: %1</source>
        <translation>录制已停止：%1</translation>
    </message>
</context>
<context>
    <name>ClipsDiskWatch</name>
    <message>
        <location filename="../clips_disk.py" line="74" />
        <source>The clips' disk could not be reported: %1</source>
        <translation>无法上报视频磁盘状态：%1</translation>
    </message>
</context>
<context>
    <name>ConfirmByHandDialog</name>
    <message>
        <location filename="../dialogs.py" line="84" />
        <source>Confirm an item by hand</source>
        <translation>手动确认商品</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="92" />
        <source>Barcode damaged</source>
        <translation>条码损坏</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="92" />
        <source>No barcode on item</source>
        <translation>商品上没有条码</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="93" />
        <source>Barcode will not scan</source>
        <translation>条码扫不出</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="93" />
        <source>Scanner not working</source>
        <translation>扫码枪故障</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="95" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="96" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>CycleCountWidget</name>
    <message>
        <location filename="../cycle_count.py" line="46" />
        <source>Bin location, e.g. A-01-1</source>
        <translation>库位，例如 A-01-1</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="48" />
        <source>or SKUs, separated by commas</source>
        <translation>或 SKU，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="49" />
        <source>Start count</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="51" />
        <source>Scan each item (or a case code)</source>
        <translation>逐件扫描（或扫箱码）</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="55" />
        <source>Set count</source>
        <translation>改为此数量</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="56" />
        <source>Finish counting</source>
        <translation>完成盘点</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="57" />
        <source>Approve (supervisor)</source>
        <translation>批准（主管）</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="58" />
        <source>Reject (supervisor)</source>
        <translation>驳回（主管）</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="59" />
        <source>Station {station}: no count open.</source>
        <translation>工位 {station}：没有进行中的盘点。</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="63" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="63" />
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="64" />
        <source>Expected</source>
        <translation>账面</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="64" />
        <source>Variance</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="71" />
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="72" />
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="73" />
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="78" />
        <source>Correct a SKU</source>
        <translation>修正 SKU 数量</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="123" />
        <source>Start a count before scanning.</source>
        <translation>请先开始盘点再扫描。</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="128" />
        <source>Not a readable GS1 code: {why}</source>
        <translation>无法读取的 GS1 码：{why}</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="154" />
        <source>Weekly count</source>
        <translation>每周盘点</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="154" />
        <source>Recount needed</source>
        <translation>需要复盘</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="160" />
        <source>Approve the count and adjust stock</source>
        <translation>批准盘点并调整库存</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="166" />
        <source>Reject the count</source>
        <translation>驳回盘点</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="180" />
        <source>Count {id} of {scope}: counting blind</source>
        <translation>盘点 {id}（{scope}）：盲盘中</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="190" />
        <source>Count {id}: {short} units short, {over} over; accuracy {accuracy}</source>
        <translation>盘点 {id}：盘亏 {short} 件，盘盈 {over} 件；准确率 {accuracy}</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="193" />
        <source>A supervisor approves the count to adjust stock.</source>
        <translation>主管批准盘点后才会调整库存。</translation>
    </message>
    <message>
        <location filename="../cycle_count.py" line="201" />
        <source>Count {id} {status}.</source>
        <translation>盘点 {id}：{status}。</translation>
    </message>
</context>
<context>
    <name>FailedMessagesWindow</name>
    <message>
        <location filename="../failed_messages.py" line="39" />
        <source>Failed channel messages</source>
        <translation>渠道失败消息</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="40" />
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="40" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="40" />
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="41" />
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="41" />
        <source>Why it failed</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="44" />
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="45" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="63" />
        <source>Shipment</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="63" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="64" />
        <source>Stock level</source>
        <translation>库存数量</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="71" />
        <source>No failed messages.</source>
        <translation>没有失败的消息。</translation>
    </message>
    <message>
        <location filename="../failed_messages.py" line="91" />
        <source>Message #%1 to %2 is queued again; it is sent now.</source>
        <translation>发往 %2 的消息 #%1 已重新排队，正在发送。</translation>
    </message>
</context>
<context>
    <name>FileImport</name>
    <message>
        <location filename="../file_import.py" line="48" />
        <source>Choose the file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../file_import.py" line="52" />
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../file_import.py" line="52" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../file_import.py" line="52" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../file_import.py" line="53" />
        <source>Import the good rows</source>
        <translation>导入没有问题的行</translation>
    </message>
    <message>
        <location filename="../file_import.py" line="87" />
        <source>CSV files and workbooks (*.csv *.txt *.xlsx)</source>
        <translation>CSV 文件和工作簿 (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../file_import.py" line="96" />
        <source>Checking {0}…</source>
        <translation>正在检查 {0}…</translation>
    </message>
    <message>
        <location filename="../file_import.py" line="137" />
        <source>Rows not imported: {0}. They are in {1}, each with its problem: fix them there and import that file.</source>
        <translation>未导入的行：{0}。它们在 {1} 中，每行注明了问题：改好后导入该文件。</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../first_run.py" line="55" />
        <source>Welcome to Packdesk</source>
        <translation>欢迎使用 Packdesk</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="57" />
        <source>This store is new: nobody is in it yet. Set up its first supervisor, who adds the products, the packers and the printer next.</source>
        <translation>这是一个新店，还没有任何人员。请先设置第一位主管，由主管接着添加商品、打包员和打印机。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="74" />
        <source>4 to 8 digits</source>
        <translation>4 到 8 位数字</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="80" />
        <source>Supervisor's name</source>
        <translation>主管姓名</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="81" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="82" />
        <source>The same PIN again</source>
        <translation>再输入一次 PIN</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="83" />
        <source>This station's name</source>
        <translation>本工位名称</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="86" />
        <source>Set up the store</source>
        <translation>设置本店</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="109" />
        <source>Enter the supervisor's name.</source>
        <translation>请输入主管姓名。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="114" />
        <source>The two PINs differ; type the PIN twice again.</source>
        <translation>两次输入的 PIN 不一致，请重新输入两次。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="118" />
        <source>Give this station a name, like bench-1.</source>
        <translation>请给本工位起个名字，例如 bench-1。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="129" />
        <source>{0} is the supervisor of this store.</source>
        <translation>{0} 是本店的主管。</translation>
    </message>
</context>
<context>
    <name>HardwareSelfTest</name>
    <message>
        <location filename="../selftest.py" line="73" />
        <source>Hardware self-test</source>
        <translation>硬件自检</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="77" />
        <source>Scan each code on the test card. Every scanner, camera and serial port connected to this bench shows up here.</source>
        <translation>请逐个扫描测试卡上的条码。本工位连接的每个扫码枪、摄像头和串口都会显示在这里。</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="87" />
        <source>Last scan</source>
        <translation>最近一次扫描</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="89" />
        <source>Received:</source>
        <translation>收到：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="90" />
        <source>Scan text:</source>
        <translation>扫描内容：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="91" />
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="92" />
        <source>Key timing:</source>
        <translation>按键间隔：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="93" />
        <source>GS1:</source>
        <translation>GS1：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="96" />
        <source>Print the test card</source>
        <translation>打印测试卡</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="108" />
        <source>Devices:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="130" />
        <source>Sending the test card to the printer…</source>
        <translation>正在把测试卡发送到打印机…</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="137" />
        <source>Test card: %1. Scan each of its codes.</source>
        <translation>测试卡：%1。请逐个扫描其上的条码。</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="144" />
        <source>The test card did not print: %1</source>
        <translation>测试卡未能打印：%1</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="153" />
        <source>not a keyboard: no key timing</source>
        <translation>不是键盘输入：没有按键间隔</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="160" />
        <source>%1 keys, mean gap %2 ms, longest %3 ms</source>
        <translation>%1 个按键，平均间隔 %2 毫秒，最长 %3 毫秒</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="164" />
        <source>scanner speed (limit %1 ms)</source>
        <translation>扫码枪速度（上限 %1 毫秒）</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="167" />
        <source>typing speed, not taken as a scan (limit %1 ms)</source>
        <translation>手动打字速度，不算扫描（上限 %1 毫秒）</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="169" />
        <source>Keyboard (typed by hand)</source>
        <translation>键盘（手动输入）</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="186" />
        <source>Keyboard scanner</source>
        <translation>键盘式扫码枪</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="186" />
        <source>Serial scanner</source>
        <translation>串口扫码枪</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="187" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="192" />
        <source>%1, symbology %2</source>
        <translation>%1，码制 %2</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="196" />
        <source>not a GS1 code (scan the GS1 code on the test card)</source>
        <translation>不是 GS1 码（请扫描测试卡上的 GS1 码）</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="203" />
        <source>does not parse: %1</source>
        <translation>无法解析：%1</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="207" />
        <source>parses</source>
        <translation>解析成功</translation>
    </message>
</context>
<context>
    <name>HealthDashboardWidget</name>
    <message>
        <location filename="../health_dashboard.py" line="54" />
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="54" />
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="55" />
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="62" />
        <source>Packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="62" />
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="62" />
        <source>Orders / hour</source>
        <translation>订单/小时</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="63" />
        <source>Scan to label (s)</source>
        <translation>扫描到出面单（秒）</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="63" />
        <source>Mis-scans</source>
        <translation>错扫率</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="63" />
        <source>Confirmed by hand</source>
        <translation>手动确认</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="78" />
        <source>On-time fulfilment</source>
        <translation>按时发货率</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="79" />
        <source>Inventory accuracy</source>
        <translation>库存准确率</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="80" />
        <source>Return rate</source>
        <translation>退货率</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="81" />
        <source>First response to returns</source>
        <translation>退货首次响应时间</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="82" />
        <source>Mis-scan rate</source>
        <translation>错扫率</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="89" />
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="101" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="108" />
        <source>%1 to %2 (UTC)</source>
        <translation>%1 至 %2（UTC）</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="114" />
        <source>Could not work out the figures: %1</source>
        <translation>无法计算指标：%1</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="121" />
        <location filename="../health_dashboard.py" line="124" />
        <source>nothing packed</source>
        <translation>没有打包记录</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="122" />
        <source>no counts yet</source>
        <translation>还没有盘点</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="126" />
        <source>no return cases yet</source>
        <translation>还没有退货</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="127" />
        <source>no scans</source>
        <translation>没有扫描</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="150" />
        <source>Orders packed</source>
        <translation>已打包订单</translation>
    </message>
    <message>
        <location filename="../health_dashboard.py" line="152" />
        <source>On time %</source>
        <translation>按时率 %</translation>
    </message>
</context>
<context>
    <name>HidScale</name>
    <message>
        <location filename="../../scanners/scale.py" line="242" />
        <source>device closed</source>
        <translation>设备已关闭</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../import_dialog.py" line="55" />
        <source>Import orders from a CSV file</source>
        <translation>从 CSV 文件导入订单</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="68" />
        <source>Order id</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="68" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="69" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="69" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="70" />
        <source>Item name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="70" />
        <source>Buyer name</source>
        <translation>买家姓名</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="71" />
        <source>Ship to name</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="71" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="72" />
        <source>Street line</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="72" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="73" />
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="73" />
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="74" />
        <source>Placed at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="74" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="75" />
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="78" />
        <source>No file chosen.</source>
        <translation>未选择文件。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="79" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="92" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="92" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="93" />
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="97" />
        <source>Import the good rows, skip the bad ones</source>
        <translation>导入正确的行，跳过有问题的行</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="98" />
        <source>Save this mapping for files like this</source>
        <translation>保存此列对应关系，供同类文件使用</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="100" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="121" />
        <source>Order export</source>
        <translation>订单导出文件</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="122" />
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="131" />
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="140" />
        <source>Choose the text encoding…</source>
        <translation>选择文字编码…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="146" />
        <source>Packdesk cannot tell this file's text encoding for sure. Choose the reading in which the names and addresses look right; nothing is imported until then.</source>
        <translation>Packdesk 无法确定此文件的文字编码。请选择姓名和地址显示正确的那一种；选择之前不会导入任何内容。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="195" />
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="202" />
        <source>{0} rows, {1} with problems. Nothing is imported until you press Import.</source>
        <translation>共 {0} 行，其中 {1} 行有问题。按“导入”之前不会导入任何数据。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="233" />
        <source>Mapping saved: files with these columns will use it.</source>
        <translation>列对应关系已保存：列相同的文件会自动使用。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="238" />
        <source>{0} rows have problems: fix the file, or tick “skip the bad ones”. Nothing was imported.</source>
        <translation>{0} 行有问题：请修改文件，或勾选“跳过有问题的行”。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="256" />
        <source>Imported {0} orders ({1}); skipped {2} with bad rows.</source>
        <translation>已导入 {0} 个订单（{1}）；跳过 {2} 个有问题的订单。</translation>
    </message>
</context>
<context>
    <name>KeyboardWedge</name>
    <message>
        <location filename="../../scanners/wedge.py" line="101" />
        <source>Keyboard scanner listening</source>
        <extracomment>every burst that ended in Enter, Tab or the suffix, scan or typing (a BurstTiming)</extracomment>
        <translation>键盘式扫码枪已就绪</translation>
    </message>
    <message>
        <location filename="../../scanners/wedge.py" line="110" />
        <source>Keyboard scanner off</source>
        <translation>键盘式扫码枪已关闭</translation>
    </message>
</context>
<context>
    <name>LabelWatch</name>
    <message>
        <location filename="../pack_bench_label.py" line="98" />
        <source>Label for {0} NOT printed: {1}: {2}</source>
        <translation>{0} 的面单未打印：{1}：{2}</translation>
    </message>
    <message>
        <location filename="../pack_bench_label.py" line="117" />
        <source>Label for {0}: printed on {1}</source>
        <translation>{0} 的面单：已在 {1} 打印</translation>
    </message>
    <message>
        <location filename="../pack_bench_label.py" line="128" />
        <source>Label for {0} printed on {1}. Scan the next order.</source>
        <translation>{0} 的面单已在 {1} 打印。请扫描下一个订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench_label.py" line="160" />
        <source>Label for {0} not printed: {1}: {2}
Switch it on (the label then prints by itself), choose another label printer in Settings, or scan {3} to pack on.</source>
        <translation>{0} 的面单未打印：{1}：{2}
请打开打印机（面单会自动打印），在设置中选择其他面单打印机，或扫描 {3} 继续打包。</translation>
    </message>
    <message>
        <location filename="../pack_bench_label.py" line="171" />
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../pack_bench_label.py" line="174" />
        <source>No label has been printed at this bench yet.</source>
        <translation>本工位还没有打印过面单。</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../login.py" line="23" />
        <source>Packdesk</source>
        <translation>Packdesk 打包台</translation>
    </message>
    <message>
        <location filename="../login.py" line="25" />
        <source>Station {0}</source>
        <translation>工位 {0}</translation>
    </message>
    <message>
        <location filename="../login.py" line="40" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../login.py" line="45" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../login.py" line="45" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../login.py" line="85" />
        <source>Enter your name and PIN.</source>
        <translation>请输入姓名和 PIN 码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="51" />
        <location filename="../main_window.py" line="215" />
        <source>Packdesk — station {0}</source>
        <translation>Packdesk — 工位 {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="55" />
        <source>Station {0}</source>
        <translation>工位 {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="70" />
        <source>Store: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="79" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="85" />
        <source>For {0}:</source>
        <translation>{0}可用：</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="89" />
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="92" />
        <source>Quit Packdesk</source>
        <translation>退出 Packdesk</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="97" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="99" />
        <source>Full screen (F11)</source>
        <translation>全屏 (F11)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="107" />
        <source>Leave full screen</source>
        <translation>退出全屏</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="145" />
        <source>Pack bench</source>
        <translation>打包台</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153" />
        <source>Needs {0}</source>
        <translation>需要{0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190" />
        <source>Not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="206" />
        <source>Next steps for a new store</source>
        <translation>新店的下一步</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214" />
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225" />
        <source>{0} is a counter clerk, and this station has no returns counter.</source>
        <translation>{0} 是退货柜台员，本工位没有退货柜台。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="229" />
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="229" />
        <source>counter clerk</source>
        <translation>退货柜台员</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="230" />
        <source>packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="231" />
        <source>Logged in: {0} ({1})</source>
        <translation>已登录：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="232" />
        <source>Packdesk — station {0} — {1}</source>
        <translation>Packdesk — 工位 {0} — {1}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="255" />
        <source>Logged out.</source>
        <translation>已退出登录。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="257" />
        <source>Logged out. Order {0} stays open at this station with 1 verified item; scan it again to go on.</source>
        <translation>已退出登录。订单 {0} 在本工位保持打开，已核对 1 件；再次扫描即可继续。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="260" />
        <source>Logged out. Order {0} stays open at this station with {1} verified items; scan it again to go on.</source>
        <translation>已退出登录。订单 {0} 在本工位保持打开，已核对 {1} 件；再次扫描即可继续。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="271" />
        <source>Locked after being idle. Enter your PIN to go on.</source>
        <translation>闲置后已锁定。请输入 PIN 码继续。</translation>
    </message>
</context>
<context>
    <name>MoreBarcodes</name>
    <message>
        <location filename="../product_labels.py" line="91" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="91" />
        <source>Units per scan</source>
        <translation>每次扫描数量</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="98" />
        <source>Add a barcode</source>
        <translation>添加条码</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="101" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>NextItemPanel</name>
    <message>
        <location filename="../pack_bench_next.py" line="29" />
        <source>NEXT</source>
        <translation>下一件</translation>
    </message>
    <message>
        <location filename="../pack_bench_next.py" line="80" />
        <source>Bin {0}</source>
        <translation>货位 {0}</translation>
    </message>
    <message>
        <location filename="../pack_bench_next.py" line="81" />
        <source>No bin</source>
        <translation>没有货位</translation>
    </message>
    <message>
        <location filename="../pack_bench_next.py" line="83" />
        <source>1 more to scan</source>
        <translation>还要扫 1 件</translation>
    </message>
    <message>
        <location filename="../pack_bench_next.py" line="84" />
        <source>{0} more to scan</source>
        <translation>还要扫 {0} 件</translation>
    </message>
</context>
<context>
    <name>NextStepsPage</name>
    <message>
        <location filename="../first_run.py" line="180" />
        <source>Next steps for a new store</source>
        <translation>新店的下一步</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="186" />
        <source>Add products</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="187" />
        <source>One at a time: SKU, names in two languages, barcodes and case codes, weight, size, bin, picture; labels for products without a barcode.</source>
        <translation>逐个添加：SKU、两种语言的名称、条码和箱码、重量、尺寸、库位、图片；为没有条码的商品打印标签。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="189" />
        <source>Import the catalogue from a CSV file</source>
        <translation>从 CSV 文件导入商品目录</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="190" />
        <source>Columns sku, name, barcode, weight_g, bin, image, opening_stock; each bad row is named and kept aside.</source>
        <translation>列为 sku、name、barcode、weight_g、bin、image、opening_stock；每个有问题的行都会列出并另存。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="192" />
        <source>Add packers and counter clerks</source>
        <translation>添加打包员和退货柜台员</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="193" />
        <source>Each with a name, a role and a PIN of their own.</source>
        <translation>每人有自己的姓名、角色和 PIN。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="194" />
        <source>Set up the label printer</source>
        <translation>设置面单打印机</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="195" />
        <source>A PDF folder, a CUPS queue or a ZPL printer; the slip printer and the idle lock too.</source>
        <translation>PDF 文件夹、CUPS 队列或 ZPL 打印机；还有装箱单打印机和空闲锁定。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="197" />
        <source>Import orders from a CSV file</source>
        <translation>从 CSV 文件导入订单</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="198" />
        <source>Or connect a sales channel: packdesk channel add.</source>
        <translation>或连接销售渠道：packdesk channel add。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="199" />
        <source>Set up the carrier</source>
        <translation>设置承运商</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="200" />
        <source>The shop's own tracking-number range, or a carrier account (EasyPost, Shippo, SF Express, Cainiao, KDNiao) that issues the labels.</source>
        <translation>本店自己的运单号段，或由承运商账户（EasyPost、Shippo、顺丰、菜鸟、快递鸟）出具面单。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="212" />
        <source>Start packing</source>
        <translation>开始打包</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="226" />
        <source>So far: products {0}, packers and clerks {1}, carriers {2}, orders {3}.</source>
        <translation>目前：商品 {0} 个，打包员和退货柜台员 {1} 人，承运商 {2} 个，订单 {3} 个。</translation>
    </message>
</context>
<context>
    <name>OrderBoard</name>
    <message>
        <location filename="../order_board.py" line="117" />
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="122" />
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="126" />
        <source>Any age</source>
        <translation>不限时长</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="126" />
        <source>Older than 4 h</source>
        <translation>超过 4 小时</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="127" />
        <source>Older than 24 h</source>
        <translation>超过 24 小时</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="127" />
        <source>Older than 3 days</source>
        <translation>超过 3 天</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="130" />
        <location filename="../order_board.py" line="187" />
        <source>Needs review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="131" />
        <source>On hold</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="132" />
        <source>Merge candidates</source>
        <translation>可合并发货</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="134" />
        <source>Order number, buyer, SKU or tracking</source>
        <translation>订单号、买家、SKU 或运单号</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="142" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="144" />
        <source>Pack video</source>
        <translation>打包视频</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="145" />
        <source>The selected order's pack video, from its start</source>
        <translation>所选订单的打包视频，从头播放</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="189" />
        <source>weight unknown</source>
        <translation>重量未知</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="206" />
        <location filename="../order_board.py" line="238" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="244" />
        <source>Select an order to see its pack video.</source>
        <translation>请先选择订单，再查看其打包视频。</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="269" />
        <source> (scroll for more)</source>
        <translation>（向下滚动查看更多）</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="270" />
        <source>1 order shown</source>
        <translation>显示 1 个订单</translation>
    </message>
    <message numerus="yes">
        <location filename="../order_board.py" line="271" />
        <source>%n orders shown</source>
        <translation><numerusform>显示 %n 个订单</numerusform></translation>
    </message>
    <message>
        <location filename="../order_board.py" line="275" />
        <source>Could not read the orders: %1</source>
        <translation>无法读取订单：%1</translation>
    </message>
</context>
<context>
    <name>OrderHistoryDialog</name>
    <message>
        <location filename="../order_board.py" line="53" />
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="56" />
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="60" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="60" />
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="61" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="61" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="62" />
        <source>Intake</source>
        <translation>接单</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="62" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="63" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="63" />
        <source>Pack session</source>
        <translation>打包</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="64" />
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="64" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="64" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="65" />
        <source>Return case</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../order_board.py" line="76" />
        <source>Pack video at this scan</source>
        <translation>查看此次扫描时的打包视频</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <location filename="../order_lines_model.py" line="67" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="67" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="67" />
        <source>Verified</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="68" />
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="68" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="78" />
        <source>lot {0}</source>
        <translation>批次 {0}</translation>
    </message>
    <message>
        <location filename="../order_lines_model.py" line="81" />
        <source>{0} by hand</source>
        <translation>{0} 件手动</translation>
    </message>
</context>
<context>
    <name>PackBench</name>
    <message>
        <location filename="../pack_bench.py" line="126" />
        <source>Order {0} stays open for {1} with its verified items: scan it to go on with it.</source>
        <translation>订单 {0} 仍为 {1} 保持打开，已核对的商品保留：扫描它即可继续。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="130" />
        <source>Scan an order.</source>
        <translation>请扫描订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="151" />
        <source>This GS1 code cannot be read: {0}</source>
        <translation>无法读取此 GS1 码：{0}</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="154" />
        <source>This GS1 code has no product number (GTIN).</source>
        <translation>此 GS1 码没有商品编号 (GTIN)。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="215" />
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="274" />
        <source>Something went wrong, nothing was lost: {0}</source>
        <translation>出了点问题，数据没有丢失：{0}</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="306" />
        <source>No order is open. Scan an order first.</source>
        <translation>没有打开的订单。请先扫描订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="342" />
        <source>Order {0} is complete. Scan PD:COMPLETE to ship it alone, or PD:MERGE to pack {1} in the same parcel.</source>
        <translation>订单 {0} 已齐。扫描 PD:COMPLETE 单独发货，或扫描 PD:MERGE 把 {1} 装进同一个包裹。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="441" />
        <source>Order {0} packed. Asking {1} for its label… Scan the next order.</source>
        <translation>订单 {0} 已打包。正在向 {1} 申请面单…… 请扫描下一个订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="445" />
        <source>Orders {0} packed in one parcel. Label {1} printing… Scan the next order.</source>
        <translation>订单 {0} 已合并打包。面单 {1} 正在打印… 请扫描下一个订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="449" />
        <source>Order {0} packed. Label {1} printing… Scan the next order.</source>
        <translation>订单 {0} 已打包。面单 {1} 正在打印… 请扫描下一个订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="470" />
        <source>Label sent: {0}</source>
        <translation>面单已发送：{0}</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="489" />
        <source>Reprinting label {0} for {1}…</source>
        <translation>正在重打面单 {0}（{1}）…</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="477" />
        <source>the label printer</source>
        <translation>面单打印机</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="479" />
        <source>Label NOT printed: {0}. Scan REPRINT to try again.</source>
        <translation>面单未打印：{0}。扫描“重打面单”再试。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="484" />
        <source>No label has been printed at this bench yet.</source>
        <translation>本工位还没有打印过面单。</translation>
    </message>
    <message>
        <location filename="../pack_bench.py" line="487" />
        <source>Reprinting {0}…</source>
        <translation>正在重打 {0}…</translation>
    </message>
</context>
<context>
    <name>PackBenchView</name>
    <message>
        <location filename="../pack_bench_view.py" line="271" />
        <source>%v of %m items</source>
        <translation>%v / %m 件</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="125" />
        <location filename="../pack_bench_view.py" line="307" />
        <source>Scans of this order</source>
        <translation>本订单的扫描记录</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="138" />
        <source>Scan, or type a code and press Enter</source>
        <translation>扫描，或输入条码后按回车</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="142" />
        <source>Undo (F2)</source>
        <translation>撤销 (F2)</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="144" />
        <source>Confirm by hand</source>
        <translation>手动确认</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="145" />
        <source>Hold…</source>
        <translation>挂起…</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="146" />
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="147" />
        <source>Leave order</source>
        <translation>离开订单</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="148" />
        <source>Reprint label (F9)</source>
        <translation>重打面单 (F9)</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="150" />
        <source>Pack together</source>
        <translation>合并打包</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="152" />
        <source>Drop order…</source>
        <translation>移出订单…</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="153" />
        <source>Take over…</source>
        <translation>接手…</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="155" />
        <source>Note read (F6)</source>
        <translation>留言已读 (F6)</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="196" />
        <source>Scan an order</source>
        <translation>请扫描订单</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="197" />
        <source>Packing slip, waybill or order number</source>
        <translation>装箱单、运单号或订单号</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="263" />
        <source>Note: {0}</source>
        <translation>买家留言：{0}</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="306" />
        <source>Scans of this parcel</source>
        <translation>本包裹的扫描记录</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="314" />
        <source>One parcel: {0} orders</source>
        <translation>一个包裹：{0} 个订单</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="317" />
        <source>{0} · {1} {2} · {3} of {4} items</source>
        <translation>{0} · {1} {2} · {3} / {4} 件</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="321" />
        <source>CANCELLED: take its items out</source>
        <translation>已取消：请把它的商品取出</translation>
    </message>
    <message>
        <location filename="../pack_bench_view.py" line="328" />
        <source>Pack together (+{0})</source>
        <translation>合并打包（+{0}）</translation>
    </message>
</context>
<context>
    <name>ParcelActions</name>
    <message>
        <location filename="../pack_bench_parcels.py" line="46" />
        <source>Only an order of a merged parcel can be dropped; this parcel holds one order. Leave it instead.</source>
        <translation>只能从合并包裹中移出订单；这个包裹只有一个订单。请改用离开订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench_parcels.py" line="56" />
        <source>Which order comes out of the parcel? Take its items out of the box.</source>
        <translation>哪个订单要移出包裹？请把它的商品从箱子里取出。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../print_tools.py" line="77" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>PeopleScreen</name>
    <message>
        <location filename="../people_screen.py" line="40" />
        <source>People — for supervisors</source>
        <translation>人员 — 主管使用</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="43" />
        <source>packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="43" />
        <source>counter clerk</source>
        <translation>退货柜台员</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="44" />
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="45" />
        <source>Who packs, takes returns and supervises. Someone who left is disabled, never deleted: the history keeps the name.</source>
        <translation>谁打包、谁收退货、谁是主管。离职的人只停用不删除：历史记录保留姓名。</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="48" />
        <location filename="../people_screen.py" line="90" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="48" />
        <location filename="../people_screen.py" line="91" />
        <location filename="../people_screen.py" line="122" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="48" />
        <source>May log in</source>
        <translation>可以登录</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="73" />
        <source>4 to 8 digits</source>
        <translation>4 到 8 位数字</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="77" />
        <source>Add someone</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="82" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="92" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="93" />
        <source>The same PIN again</source>
        <translation>再输入一次 PIN</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="98" />
        <location filename="../people_screen.py" line="158" />
        <source>The person chosen above</source>
        <translation>上面选中的人</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="101" />
        <source>Change the role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="103" />
        <location filename="../people_screen.py" line="162" />
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="107" />
        <source>Give this new PIN</source>
        <translation>设为新 PIN</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="123" />
        <source>New PIN, twice</source>
        <translation>新 PIN（输入两次）</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="135" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="135" />
        <source>no, disabled</source>
        <translation>否，已停用</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="159" />
        <source>Chosen: {0}</source>
        <translation>已选：{0}</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="163" />
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="183" />
        <source>The two PINs differ; type the PIN twice again.</source>
        <translation>两次输入的 PIN 不一致，请重新输入两次。</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="195" />
        <source>{0} added as {1}.</source>
        <translation>已添加 {0}，角色：{1}。</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="202" />
        <source>{0} is now {1}.</source>
        <translation>{0} 现在是{1}。</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="210" />
        <source>{0} may log in again.</source>
        <translation>{0} 可以重新登录了。</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="211" />
        <source>{0} is disabled and can no longer log in; the history keeps the name.</source>
        <translation>{0} 已停用，不能再登录；历史记录保留姓名。</translation>
    </message>
    <message>
        <location filename="../people_screen.py" line="219" />
        <source>{0} has a new PIN.</source>
        <translation>{0} 已设置新 PIN。</translation>
    </message>
</context>
<context>
    <name>PickOrderDialog</name>
    <message>
        <location filename="../dialogs.py" line="115" />
        <source>Which order?</source>
        <translation>哪个订单？</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="129" />
        <source>More than one order matches this scan:</source>
        <translation>有多个订单与此扫描匹配：</translation>
    </message>
</context>
<context>
    <name>PrintJobsModel</name>
    <message>
        <location filename="../print_log.py" line="75" />
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="75" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="75" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="75" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="76" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>PrintLog</name>
    <message>
        <location filename="../print_log.py" line="93" />
        <source>Print log</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="109" />
        <source>Left out: {0} line(s) of the print log that could not be read (cut short when the app stopped).</source>
        <translation>已略过打印记录中 {0} 行无法读取的内容（应用停止时被截断）。</translation>
    </message>
    <message>
        <location filename="../print_log.py" line="118" />
        <source>Retry waiting jobs now</source>
        <translation>立即重试等待中的任务</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <location filename="../catalogue.py" line="54" />
        <source>Products — for supervisors</source>
        <translation>商品 — 主管使用</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="58" />
        <source>Find by SKU or name</source>
        <translation>按 SKU 或名称查找</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="60" />
        <location filename="../catalogue.py" line="135" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="60" />
        <location filename="../catalogue.py" line="138" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="60" />
        <location filename="../catalogue.py" line="136" />
        <source>Product name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="61" />
        <source>Weight (g)</source>
        <translation>重量（克）</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="61" />
        <location filename="../catalogue.py" line="145" />
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="100" />
        <source>EAN-13, UPC-A, GTIN-14 or the shop's own code</source>
        <translation>EAN-13、UPC-A、GTIN-14 或本店自编码</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="112" />
        <source> g</source>
        <translation> 克</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="133" />
        <source>e.g. A-01-2</source>
        <translation>例如 A-01-2</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="183" />
        <source>Save the product</source>
        <translation>保存商品</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="186" />
        <source>New product</source>
        <translation>新商品</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="188" />
        <source>Print its barcode label…</source>
        <translation>打印它的条码标签…</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="142" />
        <source>Weight of one unit</source>
        <translation>单件重量</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98" />
        <source>e.g. 宜兴紫砂壶 (printed on its label too)</source>
        <translation>例如 宜兴紫砂壶（也会印在标签上）</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="107" />
        <source>Must be scanned: nobody may confirm it by hand</source>
        <translation>必须扫码：任何人都不能手动确认</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="122" />
        <source>length</source>
        <translation>长</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="123" />
        <source>width</source>
        <translation>宽</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="124" />
        <source>height</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="130" />
        <source>mm</source>
        <translation>毫米</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="137" />
        <source>Name in Chinese</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="140" />
        <source>More barcodes</source>
        <translation>更多条码</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="144" />
        <source>Size (L × W × H)</source>
        <translation>尺寸（长 × 宽 × 高）</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="146" />
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="160" />
        <source>From a file…</source>
        <translation>从文件选择…</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="162" />
        <source>Take it with the camera</source>
        <translation>用摄像头拍摄</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="166" />
        <source>No camera is set for this station (Settings → Camera).</source>
        <translation>本工位没有设置摄像头（设置 → 摄像头）。</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="193" />
        <source>Labels for many products…</source>
        <translation>批量打印商品标签…</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="246" />
        <source>At the channel: {address}</source>
        <translation>渠道中的图片：{address}</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="256" />
        <source>No weight yet: the weight gate learns it from the scale, or type it here.</source>
        <translation>尚无重量：称重关卡会从电子秤学得，或在此输入。</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="259" />
        <source>From channel {channel}; a pull follows its changes until a weight is typed here.</source>
        <translation>来自渠道 {channel}；拉取会跟随其变化，直到在此输入重量。</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="262" />
        <source>Learned from the scale; a weight typed here replaces it.</source>
        <translation>由电子秤学得；在此输入的重量会替换它。</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="263" />
        <source>Set by a person; a pull from a channel never replaces it.</source>
        <translation>人工设置；从渠道拉取不会替换它。</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="275" />
        <source>No picture</source>
        <translation>没有图片</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="282" />
        <source>The product's picture</source>
        <translation>商品图片</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="283" />
        <source>Pictures (*.png *.jpg *.jpeg *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="301" />
        <source>Taking a picture…</source>
        <translation>正在拍照…</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="309" />
        <source>Picture ready; Save the product to keep it.</source>
        <translation>图片已就绪；请保存商品以保留它。</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="314" />
        <source>No picture: {0}</source>
        <translation>没有图片：{0}</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="339" />
        <source>{0} saved: {1}, {2} g.</source>
        <translation>已保存 {0}：{1}，{2} 克。</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="340" />
        <source>no barcode</source>
        <translation>无条码</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="362" />
        <source>Product label {0}</source>
        <translation>商品标签 {0}</translation>
    </message>
</context>
<context>
    <name>ProductLabelsDialog</name>
    <message>
        <location filename="../product_labels.py" line="153" />
        <source>Product labels — for supervisors</source>
        <translation>商品标签 — 主管使用</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="156" />
        <source>Tick the products and how many labels each needs. A product without a barcode gets the shop's own code (an EAN-13 starting with 20), stored on it, so its label scans.</source>
        <translation>勾选商品并填写每个商品需要的标签数量。没有条码的商品会得到本店自编码（以 20 开头的 EAN-13），并保存在商品上，这样它的标签可以扫码。</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="161" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="161" />
        <source>Product name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="162" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="162" />
        <source>Labels</source>
        <translation>标签数</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="166" />
        <source>Tick all without a barcode</source>
        <translation>勾选所有没有条码的商品</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="169" />
        <source>Untick all</source>
        <translation>全部取消勾选</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="171" />
        <source>Print the labels…</source>
        <translation>打印标签…</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="214" />
        <source>none: an own code is given</source>
        <translation>无：打印时分配本店自编码</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="233" />
        <source>Products without a barcode: {0}.</source>
        <translation>没有条码的商品：{0} 个。</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="256" />
        <source>Product labels ({0})</source>
        <translation>商品标签（{0} 张）</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="263" />
        <source>{0} labels for {1} products sent to the printer.</source>
        <translation>已将 {1} 个商品的 {0} 张标签发送到打印机。</translation>
    </message>
    <message>
        <location filename="../product_labels.py" line="266" />
        <source>Own codes given to: {0}.</source>
        <translation>已分配本店自编码：{0}。</translation>
    </message>
</context>
<context>
    <name>ReceivingWidget</name>
    <message>
        <location filename="../receiving.py" line="97" />
        <source>Open receipt</source>
        <translation>新建入库单</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="99" />
        <source>Scan an item (GS1 codes fill lot and expiry)</source>
        <translation>扫描商品（GS1 码会自动填入批次和有效期）</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="103" />
        <location filename="../receiving.py" line="119" />
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="107" />
        <source>Undo last scan</source>
        <translation>撤销上一次扫描</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="108" />
        <source>Close receipt</source>
        <translation>完成入库单</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="109" />
        <source>Attach to a product…</source>
        <translation>关联到商品…</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="114" />
        <source>Station {station}: no receipt open.</source>
        <translation>工位 {station}：没有打开的入库单。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="117" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="117" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="118" />
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="118" />
        <location filename="../receiving.py" line="134" />
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="130" />
        <source>Delivery note</source>
        <translation>送货单号</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="131" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="132" />
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="133" />
        <source>Units per scan</source>
        <translation>每次扫描数量</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="138" />
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="172" />
        <source>Open a receipt before scanning.</source>
        <translation>请先新建入库单再扫描。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="177" />
        <source>Not a readable GS1 code: {why}</source>
        <translation>无法读取的 GS1 码：{why}</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="215" />
        <source>Receipt {reference} ({status}): {units} units of {skus} SKUs</source>
        <translation>入库单 {reference}（{status}）：{skus} 个 SKU，共 {units} 件</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="235" />
        <source>Attach {code} to a product…</source>
        <translation>把 {code} 关联到商品…</translation>
    </message>
</context>
<context>
    <name>ReturnsCounter</name>
    <message>
        <location filename="../returns_counter.py" line="81" />
        <source>Scan an order, a tracking number or a return slip.</source>
        <translation>请扫描订单、运单号或退货单。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="113" />
        <source>Scan the returned order first, then its pack video opens.</source>
        <translation>请先扫描退货的订单，再打开其打包视频。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="342" />
        <source>Grade for the next units: %s</source>
        <translation>接下来的商品等级：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="185" />
        <source>This GS1 code cannot be read: {0}</source>
        <translation>无法读取此 GS1 码：{0}</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="188" />
        <source>This GS1 code has no product number (GTIN).</source>
        <translation>此 GS1 码没有商品编号 (GTIN)。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="209" />
        <source>Something went wrong: %s</source>
        <translation>出了点问题：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="224" />
        <source>Return %s is %s.</source>
        <translation>退货 %s 状态：%s。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="260" />
        <source>Scan the order first.</source>
        <translation>请先扫描订单。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="269" />
        <source>Accept a return outside the policy</source>
        <translation>接受不符合退货政策的退货</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="270" />
        <source>Loyal customer</source>
        <translation>老客户</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="270" />
        <source>Fault found after the window</source>
        <translation>过了退货期才发现故障</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="271" />
        <source>Goodwill</source>
        <translation>客情照顾</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="278" />
        <source>Return %s created; the slip is printing.</source>
        <translation>退货 %s 已创建，正在打印退货单。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="286" />
        <source>Printing the return slip…</source>
        <translation>正在打印退货单…</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="291" />
        <source>Return slip: %s</source>
        <translation>退货单：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="295" />
        <source>The return slip did not print: %s</source>
        <translation>退货单未打印：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="304" />
        <source>Booking the pick-up…</source>
        <translation>正在预约上门取件…</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="313" />
        <source>Pick-up %s booked; the slip with its code is printing.</source>
        <translation>已预约上门取件 %s，正在打印带取件码的退货单。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="319" />
        <source>No pick-up was booked: %s</source>
        <translation>未能预约上门取件：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="331" />
        <source>Received. Missing: %s</source>
        <translation>已收货。缺少：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="333" />
        <source>Everything came back. Grade each unit.</source>
        <translation>已全部退回。请逐件质检。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="356" />
        <location filename="../returns_counter.py" line="373" />
        <source>There is no unit waiting to be graded.</source>
        <translation>没有待质检的商品。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="362" />
        <source>Scan the bin %1 goes back to: %2.</source>
        <translation>请扫描 %1 放回的库位：%2。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="363" />
        <source>Scan the bin %1 goes back to.</source>
        <translation>请扫描 %1 放回的库位。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="388" />
        <source>All units graded. Refund %s.</source>
        <translation>已全部质检。退款 %s。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="391" />
        <source>Graded. Next: %s</source>
        <translation>已质检。下一件：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="399" />
        <source>Damaged: a photo of the unit is needed. Press Photo… (there is no camera here), or a supervisor scans PD:NO-PHOTO.</source>
        <translation>损坏：需要这件商品的照片。请按“照片…”（此处没有摄像头），或由主管扫描 PD:NO-PHOTO。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="404" />
        <source>Grade a damaged unit without a photo</source>
        <translation>不拍照给损坏商品评级</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="405" />
        <source>The camera is broken</source>
        <translation>摄像头坏了</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="405" />
        <source>The damage does not show on a photo</source>
        <translation>照片拍不出损坏</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="413" />
        <source>No photo, on %1's word: scan where the unit goes.</source>
        <translation>经 %1 批准不拍照：请扫描商品去向。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="420" />
        <source>Photo of the unit</source>
        <translation>商品照片</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="421" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="428" />
        <source>Taking a photo…</source>
        <translation>正在拍照…</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="430" />
        <source>No photo: %s</source>
        <translation>未拍到照片：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="436" />
        <source>Photo attached: %s</source>
        <translation>已附上照片：%s</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="439" />
        <source>Photo taken. Scan where the damaged unit goes.</source>
        <translation>已拍照。请扫描损坏商品的去向。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="449" />
        <source>Return %1 is closed. Refund %2 by hand: %3</source>
        <translation>退货 %1 已关闭。请手工退款 %2：%3</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="453" />
        <source>Return %s is %s; refund %s (%s).</source>
        <translation>退货 %s 状态：%s；退款 %s（%s）。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="458" />
        <source>Close a refund the channel refused</source>
        <translation>结束渠道拒绝的退款</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="459" />
        <source>Refunded in the seller centre</source>
        <translation>已在卖家中心退款</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="459" />
        <source>Refunded by bank transfer</source>
        <translation>已通过银行转账退款</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="460" />
        <source>The buyer agreed to no refund</source>
        <translation>买家同意不退款</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="473" />
        <source>Return %s is closed; the refund of %s was settled by hand.</source>
        <translation>退货单 %s 已结束；退款 %s 已手动处理。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="477" />
        <source>Reject the return</source>
        <translation>拒绝退货</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="478" />
        <source>Why is it rejected?</source>
        <translation>拒绝原因？</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="489" />
        <source>Return %s rejected.</source>
        <translation>退货 %s 已拒绝。</translation>
    </message>
    <message>
        <location filename="../returns_counter.py" line="510" />
        <source>Could not check return deadlines: %s</source>
        <translation>无法检查退货期限：%s</translation>
    </message>
</context>
<context>
    <name>ReturnsCounterView</name>
    <message>
        <location filename="../returns_view.py" line="44" />
        <source>Changed mind</source>
        <translation>不想要了</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="44" />
        <location filename="../returns_view.py" line="47" />
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="45" />
        <source>Wrong item sent</source>
        <translation>发错货</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="46" />
        <source>Not as described</source>
        <translation>与描述不符</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="47" />
        <source>Resellable</source>
        <translation>可再售</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="48" />
        <source>Missing parts</source>
        <translation>缺件</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="49" />
        <source>requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="49" />
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="50" />
        <source>in transit</source>
        <translation>退货在途</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="50" />
        <source>received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="51" />
        <source>graded</source>
        <translation>已质检</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="51" />
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="52" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="52" />
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="71" />
        <source>Scan or type an order, tracking number or return slip; or a buyer's name or phone</source>
        <translation>扫描或输入订单号、运单号或退货单；也可输入买家姓名或电话</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="126" />
        <source>Buyer pays return shipping</source>
        <translation>买家承担退货运费</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="127" />
        <source>Shop pays return shipping</source>
        <translation>店铺承担退货运费</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="131" />
        <source>Create return and print slip</source>
        <translation>创建退货并打印退货单</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="132" />
        <source>Supervisor override…</source>
        <translation>主管特批…</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="133" />
        <source>Finish receiving</source>
        <translation>完成收货</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="137" />
        <source>Restock</source>
        <translation>重新上架</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="138" />
        <source>Quarantine</source>
        <translation>隔离</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="139" />
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="140" />
        <source>Photo…</source>
        <translation>拍照…</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="141" />
        <source>No photo (supervisor)…</source>
        <translation>不拍照（主管）…</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="142" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="143" />
        <source>Close refund by hand…</source>
        <translation>手动结束退款…</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="144" />
        <source>Reprint slip</source>
        <translation>重打退货单</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="145" />
        <source>Book a pick-up at the buyer's door</source>
        <translation>预约上门取件</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="147" />
        <source>Reject…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="148" />
        <source>Pack video</source>
        <translation>打包视频</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="149" />
        <source>The video of this order being packed</source>
        <translation>该订单打包时的视频</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="203" />
        <source>Returns counter</source>
        <translation>退货台</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="296" />
        <source>Pick-up %s with %s, %s</source>
        <translation>上门取件 %s（%s，%s）</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="62" />
        <location filename="../returns_view.py" line="221" />
        <location filename="../returns_view.py" line="275" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="40" />
        <source>sent to the channel</source>
        <translation>已发送到渠道</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="41" />
        <source>confirmed by the channel</source>
        <translation>渠道已确认</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="42" />
        <source>refused by the channel</source>
        <translation>渠道已拒绝</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="43" />
        <source>by hand</source>
        <translation>手工</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="43" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="62" />
        <location filename="../returns_view.py" line="221" />
        <location filename="../returns_view.py" line="275" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="63" />
        <location filename="../returns_view.py" line="222" />
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="63" />
        <location filename="../returns_view.py" line="222" />
        <source>Return</source>
        <translation>退货数量</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="64" />
        <location filename="../returns_view.py" line="223" />
        <location filename="../returns_view.py" line="277" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="205" />
        <source>Once scanned, the order's return policy, its units and the refund show here.</source>
        <translation>扫描后，这里会显示该订单的退货政策、商品和退款。</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="242" />
        <source>opened</source>
        <translation>已拆封</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="256" />
        <source>Policy passes</source>
        <translation>符合退货政策</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="256" />
        <source>Outside the policy</source>
        <translation>不符合退货政策</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="276" />
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="276" />
        <source>To grade</source>
        <translation>待质检</translation>
    </message>
    <message>
        <location filename="../returns_view.py" line="291" />
        <source>Refund %s</source>
        <translation>退款 %s</translation>
    </message>
</context>
<context>
    <name>ReviewListWidget</name>
    <message>
        <location filename="../review_list.py" line="45" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="45" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="45" />
        <source>Channel order</source>
        <translation>渠道订单号</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="46" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="46" />
        <source>Ship with</source>
        <translation>合并发货</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="48" />
        <source>Approve for packing</source>
        <translation>批准打包</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="49" />
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="50" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../review_list.py" line="73" />
        <source>not imported</source>
        <translation>未导入</translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <location filename="../../scanners/scale.py" line="76" />
        <source>Scale on %1 stopped</source>
        <translation>%1 上的电子秤已停止</translation>
    </message>
    <message>
        <location filename="../../scanners/scale.py" line="88" />
        <source>device vanished</source>
        <translation>设备已消失</translation>
    </message>
    <message>
        <location filename="../../scanners/scale.py" line="95" />
        <source>Scale on %1 reconnected</source>
        <translation>%1 上的电子秤已重新连接</translation>
    </message>
    <message>
        <location filename="../../scanners/scale.py" line="96" />
        <source>Scale on %1 connected</source>
        <translation>%1 上的电子秤已连接</translation>
    </message>
    <message>
        <location filename="../../scanners/scale.py" line="101" />
        <source>Scale on %1 not found: %2; retrying</source>
        <translation>找不到 %1 上的电子秤：%2；正在重试</translation>
    </message>
    <message>
        <location filename="../../scanners/scale.py" line="109" />
        <source>Scale on %1 disconnected (%2); waiting for it to come back</source>
        <translation>%1 上的电子秤已断开（%2）；等待重新连接</translation>
    </message>
</context>
<context>
    <name>ScaleCheck</name>
    <message>
        <location filename="../selftest.py" line="219" />
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="227" />
        <source>Not checked yet this shift.</source>
        <translation>本班次尚未检查。</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="229" />
        <source>Zero check</source>
        <translation>归零检查</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="231" />
        <source>Zero the scale</source>
        <translation>电子秤归零</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="238" />
        <source>Weight:</source>
        <translation>重量：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="239" />
        <source>Zero check:</source>
        <translation>归零检查：</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="247" />
        <source>overload: take the weight off</source>
        <translation>超载：请拿走重物</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="248" />
        <source>under zero: zero the scale</source>
        <translation>低于零：请将电子秤归零</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="249" />
        <source>busy</source>
        <translation>忙碌中</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="250" />
        <source>not readable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="252" />
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="252" />
        <source>moving</source>
        <translation>不稳定</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="262" />
        <source>Take everything off the scale and wait for a stable reading…</source>
        <translation>请清空秤台，等待读数稳定……</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="278" />
        <source>Passed: the empty scale reads %1 g.</source>
        <translation>通过：空秤读数为 %1 克。</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="282" />
        <source>press Zero the scale</source>
        <translation>请点击“电子秤归零”</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="283" />
        <source>press the scale's zero key</source>
        <translation>请按电子秤上的归零键</translation>
    </message>
    <message>
        <location filename="../selftest.py" line="284" />
        <source>Failed: the scale reads %1 g with nothing on it; %2, then check again.</source>
        <translation>未通过：秤上没有东西时读数为 %1 克；%2，然后再检查一次。</translation>
    </message>
</context>
<context>
    <name>SerialScanner</name>
    <message>
        <location filename="../../scanners/serial.py" line="69" />
        <source>Serial scanner on %1 stopped</source>
        <translation>%1 上的串口扫码枪已停止</translation>
    </message>
    <message>
        <location filename="../../scanners/serial.py" line="77" />
        <source>Serial scanner on %1 not found: %2; retrying</source>
        <translation>找不到 %1 上的串口扫码枪：%2；正在重试</translation>
    </message>
    <message>
        <location filename="../../scanners/serial.py" line="82" />
        <source>Serial scanner on %1 reconnected</source>
        <translation>%1 上的串口扫码枪已重新连接</translation>
    </message>
    <message>
        <location filename="../../scanners/serial.py" line="83" />
        <source>Serial scanner on %1 connected</source>
        <translation>%1 上的串口扫码枪已连接</translation>
    </message>
    <message>
        <location filename="../../scanners/serial.py" line="90" />
        <source>Serial scanner on %1 disconnected (%2); waiting for it to come back</source>
        <translation>%1 上的串口扫码枪已断开（%2）；等待重新连接</translation>
    </message>
    <message>
        <location filename="../../scanners/serial.py" line="98" />
        <source>port vanished</source>
        <translation>端口消失</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="40" />
        <source>Station settings</source>
        <translation>工位设置</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="45" />
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="51" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="54" />
        <location filename="../settings_dialog.py" line="66" />
        <source>Save as PDF in a folder</source>
        <translation>保存为 PDF 到文件夹</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="55" />
        <location filename="../settings_dialog.py" line="67" />
        <source>System print queue (CUPS)</source>
        <translation>系统打印队列 (CUPS)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="56" />
        <source>ZPL thermal printer (TCP 9100)</source>
        <translation>ZPL 热敏打印机 (TCP 9100)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="61" />
        <source>folder, queue name, or host:port</source>
        <translation>文件夹、队列名或 主机:端口</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="73" />
        <source>folder, or queue name</source>
        <translation>文件夹，或打印队列名称</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="75" />
        <source>Letter</source>
        <translation>美式信纸（Letter）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="89" />
        <source>camera number, or a video file</source>
        <translation>摄像头编号或视频文件</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="92" />
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="94" />
        <source>Play sounds</source>
        <translation>播放提示音</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="96" />
        <source>Full screen (F11)</source>
        <translation>全屏 (F11)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="98" />
        <source>Reading the clips' disk…</source>
        <translation>正在读取视频磁盘…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="99" />
        <source>No pack videos at this station</source>
        <translation>本工位不录制打包视频</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="120" />
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="121" />
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="122" />
        <source>Scanners</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="124" />
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="155" />
        <source>Station id</source>
        <translation>工位编号</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="155" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="156" />
        <source>Lock when idle after</source>
        <translation>闲置多久后锁定</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="163" />
        <source>Label printer</source>
        <translation>面单打印机</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="164" />
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="164" />
        <source>Label size</source>
        <translation>面单尺寸</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="165" />
        <source>Slip printer</source>
        <translation>单据打印机</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="166" />
        <source>Slip printer address</source>
        <translation>单据打印机地址</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="167" />
        <source>Slip paper</source>
        <translation>单据纸张</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="169" />
        <source>Print a test label</source>
        <translation>打印测试面单</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="171" />
        <source>Print the test card</source>
        <translation>打印测试卡</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="175" />
        <source>Shipping labels</source>
        <translation>快递面单</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="176" />
        <source>Packing slips, return slips and sheets</source>
        <translation>装箱单、退货单和条码页</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="193" />
        <source>Serial scanner port</source>
        <translation>串口扫码枪端口</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="210" />
        <source>Scale port</source>
        <translation>电子秤端口</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="211" />
        <source>Scale protocol</source>
        <translation>电子秤协议</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="215" />
        <source>No scale is running at this station. Give its port and protocol, save, and start Packdesk again: its live weight shows here.</source>
        <translation>本工位没有在用的电子秤。请填写它的端口和协议，保存后重新启动 Packdesk：这里就会显示实时重量。</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="123" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="157" />
        <source>Pack videos</source>
        <translation>打包视频</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="194" />
        <source>Scanner key gap (mean, at most)</source>
        <translation>扫码枪按键间隔（平均，上限）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="131" />
        <source>The label printer, the language and full screen are used at once; slip printer and scanner changes apply when Packdesk starts again.</source>
        <translation>面单打印机、语言和全屏设置立即生效；单据打印机和扫码枪的更改在 Packdesk 重新启动后生效。</translation>
    </message>
</context>
<context>
    <name>ShippingUploadDialog</name>
    <message>
        <location filename="../shipping_upload.py" line="42" />
        <source>Shipping-upload file for a marketplace</source>
        <translation>平台批量发货文件</translation>
    </message>
    <message>
        <location filename="../shipping_upload.py" line="52" />
        <source>Also orders exported before</source>
        <translation>也包括以前导出过的订单</translation>
    </message>
    <message>
        <location filename="../shipping_upload.py" line="53" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../shipping_upload.py" line="59" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../shipping_upload.py" line="60" />
        <source>Packed on or after</source>
        <translation>打包日期从</translation>
    </message>
    <message>
        <location filename="../shipping_upload.py" line="88" />
        <source>Save the shipping-upload file</source>
        <translation>保存批量发货文件</translation>
    </message>
    <message>
        <location filename="../shipping_upload.py" line="89" />
        <source>Upload files (*.csv *.xlsx)</source>
        <translation>上传文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../shipping_upload.py" line="97" />
        <source>Writing {0}…</source>
        <translation>正在写入 {0}…</translation>
    </message>
    <message>
        <location filename="../shipping_upload.py" line="105" />
        <source>{0} orders written to {1}. Upload it in the {2} seller centre's bulk shipping.</source>
        <translation>已把 {0} 个订单写入 {1}。请在{2}商家后台的批量发货中上传。</translation>
    </message>
</context>
<context>
    <name>StockHistoryWidget</name>
    <message>
        <location filename="../stock_history.py" line="72" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="73" />
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="77" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="77" />
        <source>From</source>
        <translation>转出</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="77" />
        <source>To</source>
        <translation>转入</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="77" />
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="77" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="78" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="78" />
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="78" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="78" />
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="79" />
        <source>Awaiting shipment</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="79" />
        <source>Frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="79" />
        <source>Returns in transit</source>
        <translation>在途退货</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="80" />
        <source>Sellable</source>
        <translation>可售</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="82" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="82" />
        <source>Allocation ratio</source>
        <translation>分配比例</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="82" />
        <source>Floor buffer</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="83" />
        <source>Told it may sell</source>
        <translation>已告知渠道可售</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="84" />
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="84" />
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="85" />
        <source>Units left</source>
        <translation>剩余数量</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="95" />
        <source>Channel quotas</source>
        <translation>渠道配额</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="97" />
        <source>Lots, first to leave first</source>
        <translation>批次（先出库的在前）</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="114" />
        <source>Type or scan a SKU first.</source>
        <translation>请先输入或扫描 SKU。</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="117" />
        <source>Loading {sku} ...</source>
        <translation>正在加载 {sku} ...</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="137" />
        <source>{sku} {name}: available {available}, awaiting shipment {awaiting}, frozen {frozen}, returns in transit {transit}: sellable {sellable}. On hand {on_hand}.</source>
        <translation>{sku} {name}：可用 {available}，待发货 {awaiting}，冻结 {frozen}，在途退货 {transit}：可售 {sellable}。在库 {on_hand}。</translation>
    </message>
    <message>
        <location filename="../stock_history.py" line="144" />
        <source>The ledger does not add up to these figures: tell a supervisor.</source>
        <translation>库存流水与这些数字对不上：请告知主管。</translation>
    </message>
</context>
<context>
    <name>StockImport</name>
    <message>
        <location filename="../file_import.py" line="158" />
        <source>A CSV file or an Excel workbook (.xlsx) whose first line names the columns: sku and quantity, and where known bin, lot and expiry (YYYY-MM-DD), one line per lot. Every unit goes into the stock ledger as “opening stock”; a SKU that has stock already is counted with Tools → Cycle count instead.</source>
        <translation>CSV 文件或 Excel 工作簿（.xlsx），第一行写列名：sku 和 quantity，已知的话再加 bin（库位）、lot（批号）和 expiry（有效期，YYYY-MM-DD），每个批号一行。每件商品都以“期初库存”记入库存流水；已有库存的 SKU 请改用 工具 → 循环盘点。</translation>
    </message>
    <message>
        <location filename="../file_import.py" line="162" />
        <source>The opening stock file</source>
        <translation>期初库存文件</translation>
    </message>
    <message>
        <location filename="../file_import.py" line="164" />
        <source>Import opening stock — for supervisors</source>
        <translation>导入期初库存 — 主管使用</translation>
    </message>
    <message>
        <location filename="../file_import.py" line="185" />
        <source>{0} — rows to import: {1} ({2} units of {3} SKUs; lots: {4}). Rows with problems, kept aside: {5}.</source>
        <translation>{0} — 可导入的行：{1}（{3} 个 SKU 共 {2} 件，{4} 个批号）。有问题、暂不导入的行：{5}。</translation>
    </message>
    <message>
        <location filename="../file_import.py" line="190" />
        <source>Columns not used: {0}.</source>
        <translation>未使用的列：{0}。</translation>
    </message>
    <message>
        <location filename="../file_import.py" line="195" />
        <source>Imported. Opening stock: {0} units of {1} SKUs; lots: {2}; bins set: {3}.</source>
        <translation>已导入。期初库存：{1} 个 SKU 共 {0} 件，{2} 个批号；设置库位：{3} 个。</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../dialogs.py" line="38" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="39" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="40" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../sync_status.py" line="42" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="44" />
        <source>Failed messages…</source>
        <translation>失败的消息…</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="66" />
        <source>Looking for sales channels…</source>
        <translation>正在查找销售渠道…</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="75" />
        <source>No sales channel set up: add one with “packdesk channel add CODE --kind shopify” (or woocommerce, taobao), then press Sync now.</source>
        <translation>尚未设置销售渠道：请用 “packdesk channel add CODE --kind shopify”（或 woocommerce、taobao）添加，然后按“立即同步”。</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="86" />
        <source>%1: syncing… %2</source>
        <translation>%1：同步中… %2</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="90" />
        <source>%1: OFFLINE until %3, %2 waiting</source>
        <translation>%1：离线至 %3，%2 条待发送</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="93" />
        <source>%1: OFFLINE, %2 waiting</source>
        <translation>%1：离线，%2 条待发送</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="95" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="96" />
        <source>not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="98" />
        <source> (%1 failed, waiting for a person)</source>
        <translation>（%1 条失败，等待人工处理）</translation>
    </message>
    <message>
        <location filename="../sync_status.py" line="104" />
        <source>No sales channel set up</source>
        <translation>尚未设置销售渠道</translation>
    </message>
</context>
<context>
    <name>TakeOver</name>
    <message>
        <location filename="../pack_bench_takeover.py" line="27" />
        <source>{0} A supervisor can take it over here: press “Take over…” or scan {1}.</source>
        <translation>{0}主管可以在本工位接手：按“接手…”或扫描 {1}。</translation>
    </message>
    <message>
        <location filename="../pack_bench_takeover.py" line="40" />
        <source>No busy order to take over: scan the order that is open at another station first.</source>
        <translation>没有可接手的订单：请先扫描在其他工位打开的订单。</translation>
    </message>
    <message>
        <location filename="../pack_bench_takeover.py" line="44" />
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../pack_bench_takeover.py" line="46" />
        <source>Take over order {0}</source>
        <translation>接手订单 {0}</translation>
    </message>
    <message>
        <location filename="../pack_bench_takeover.py" line="47" />
        <source>The other station froze</source>
        <translation>另一个工位卡住了</translation>
    </message>
    <message>
        <location filename="../pack_bench_takeover.py" line="47" />
        <source>The packer moved to this station</source>
        <translation>打包员换到了本工位</translation>
    </message>
    <message>
        <location filename="../pack_bench_takeover.py" line="48" />
        <source>The packer has gone home</source>
        <translation>打包员已下班</translation>
    </message>
</context>
<context>
    <name>TestPrint</name>
    <message>
        <location filename="../station_setup.py" line="74" />
        <source>Not printed yet.</source>
        <translation>尚未打印。</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="88" />
        <location filename="../station_setup.py" line="107" />
        <location filename="../station_setup.py" line="135" />
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="94" />
        <source>Sending the test page to %1…</source>
        <translation>正在把测试页发送到 %1…</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="117" />
        <source>Job %1 waits for %2: %3. It prints when the printer is back.</source>
        <translation>任务 %1 在等 %2：%3。打印机恢复后就会打印。</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="122" />
        <source>Job %1 is going to %2…</source>
        <translation>任务 %1 正在发往 %2…</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="125" />
        <source>%1 took job %2 (its job %3); asking the queue whether it printed…</source>
        <translation>%1 已接收任务 %2（队列任务号 %3）；正在询问打印队列是否已打印…</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="131" />
        <source>Printed: %1 took the test page.</source>
        <translation>已打印：%1 已接收测试页。</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="149" />
        <source>waiting in the queue</source>
        <translation>在队列中等待</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="149" />
        <source>held</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="150" />
        <source>printing</source>
        <translation>正在打印</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="150" />
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="151" />
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="151" />
        <source>aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="152" />
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="156" />
        <source>Printed: the print queue says job %1 is completed.</source>
        <translation>已打印：打印队列显示任务 %1 已完成。</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="161" />
        <source>Not printed: the print queue says job %1 is %2. Look at the printer, then print the test page again.</source>
        <translation>未打印：打印队列显示任务 %1 %2。请检查打印机，然后再打印一次测试页。</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="167" />
        <source>The print queue still says job %1 is %2: look at the printer.</source>
        <translation>打印队列仍显示任务 %1 %2：请检查打印机。</translation>
    </message>
    <message>
        <location filename="../station_setup.py" line="172" />
        <source>The print queue says job %1 is %2…</source>
        <translation>打印队列显示任务 %1 %2…</translation>
    </message>
</context>
<context>
    <name>WeightGate</name>
    <message>
        <location filename="../pack_bench_weight.py" line="46" />
        <source>Put the parcel on the scale and let it settle…</source>
        <translation>请把包裹放到秤上，等读数稳定……</translation>
    </message>
    <message>
        <location filename="../pack_bench_weight.py" line="60" />
        <source>{0} Put it right and the scale checks again, or a supervisor scans {1} to ship it as it is.</source>
        <translation>{0} 请改正后秤会自动重新检查；或由主管扫描 {1} 按现重量发货。</translation>
    </message>
    <message>
        <location filename="../pack_bench_weight.py" line="68" />
        <source>No parcel's weight was refused: there is nothing to ship as it is.</source>
        <translation>没有包裹的重量被拒：无需按现重量发货。</translation>
    </message>
    <message>
        <location filename="../pack_bench_weight.py" line="72" />
        <source>Ship order {0} although its weight is off</source>
        <translation>订单 {0} 重量不符，仍然发货</translation>
    </message>
    <message>
        <location filename="../pack_bench_weight.py" line="74" />
        <source>The product's weight is wrong in the catalogue</source>
        <translation>商品资料中的重量有误</translation>
    </message>
    <message>
        <location filename="../pack_bench_weight.py" line="75" />
        <source>The box is a different size</source>
        <translation>箱子尺寸不同</translation>
    </message>
    <message>
        <location filename="../pack_bench_weight.py" line="76" />
        <source>Packing material added</source>
        <translation>加了包装材料</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <location filename="../product_labels.py" line="63" />
        <source>{0} had no barcode: its own code {1} is now on it and on the label.</source>
        <translation>{0} 原来没有条码：现在它有了本店自编码 {1}，标签上也印着这个码。</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <location filename="../first_run.py" line="151" />
        <source>Packdesk — a new store</source>
        <translation>Packdesk — 新店</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../stock_history.py" line="39" />
        <source>The store could not do that: {error}</source>
        <translation>数据库无法完成此操作：{error}</translation>
    </message>
</context>
<context><name>core</name><message><source>{name} is locked after {count} wrong PINs in a row; try again in {seconds} s, or ask a supervisor.</source><translation>{name} 连续输错 {count} 次 PIN，已被锁定；请 {seconds} 秒后再试，或找主管。</translation></message><message><source>A PIN is 4 to 8 digits.</source><translation>PIN 码为 4 到 8 位数字。</translation></message><message><source>A name has 1 to 64 characters.</source><translation>姓名为 1 到 64 个字符。</translation></message><message><source>{role} is not a role; use packer, clerk or supervisor.</source><translation>{role} 不是角色；请用 packer（打包员）、clerk（退货柜台）或 supervisor（主管）。</translation></message><message><source>There is already someone called {name}.</source><translation>已经有人叫 {name}。</translation></message><message><source>There is nobody called {name}.</source><translation>没有叫 {name} 的人。</translation></message><message><source>{name} is the last active supervisor; add another one first.</source><translation>{name} 是最后一位在职主管；请先添加另一位主管。</translation></message><message><source>This store already has people or orders; packdesk init only sets up an empty store. Use packdesk people to add someone.</source><translation>此数据库已有人员或订单；packdesk init 只用于设置空数据库。请用 packdesk people 添加人员。</translation></message><message><source>The scale shows {weighed} g, below zero: take the parcel off and zero the scale.</source><translation>秤显示 {weighed} 克，低于零：请拿下包裹并将电子秤归零。</translation></message><message><source>No weight is known for {skus} yet; the parcel's {weighed} g is not checked.</source><translation>尚不知道 {skus} 的重量；本包裹的 {weighed} 克未做检查。</translation></message><message><source>Weight checked: {weighed} g, expected {expected} g.</source><translation>重量已核对：{weighed} 克，应为 {expected} 克。</translation></message><message><source>The parcel weighs {weighed} g, {difference} g less than the {expected} g expected: about the weight of {count} × {sku}. Is one missing?</source><translation>包裹重 {weighed} 克，比应有的 {expected} 克轻 {difference} 克：约等于 {count} × {sku} 的重量。是否少放了？</translation></message><message><source>The parcel weighs {weighed} g, {difference} g less than the {expected} g expected. Check the items and the box.</source><translation>包裹重 {weighed} 克，比应有的 {expected} 克轻 {difference} 克。请检查商品和箱子。</translation></message><message><source>The parcel weighs {weighed} g, {difference} g more than the {expected} g expected: about the weight of {count} × {sku}. Is one too many in the box?</source><translation>包裹重 {weighed} 克，比应有的 {expected} 克重 {difference} 克：约等于 {count} × {sku} 的重量。是否多放了？</translation></message><message><source>The parcel weighs {weighed} g, {difference} g more than the {expected} g expected. Check for an extra item or the wrong box.</source><translation>包裹重 {weighed} 克，比应有的 {expected} 克重 {difference} 克。请检查是否多放了商品或用错了箱子。</translation></message><message><source>{sku} is not a box Packdesk knows; scan the box's own code.</source><translation>{sku} 不是已登记的箱子；请扫描箱子自己的条码。</translation></message><message><source>Shipping a parcel whose weight is off</source><translation>重量不符的包裹仍然发货</translation></message><message><source>Order {number} was put ON HOLD by the channel while packing. Stop and set the parcel aside; do not ship it.</source><translation>打包过程中，渠道已将订单 {number} 暂停发货。请停止打包，把包裹放到一边，不要发货。</translation></message><message><source>label not saved: disk full at {path}</source><translation>面单未保存：{path} 所在磁盘已满</translation></message><message><source>label not saved: {problem} at {path}</source><translation>面单未保存：{path}：{problem}</translation></message><message><source>packing slip not saved: disk full at {path}</source><translation>装箱单未保存：{path} 所在磁盘已满</translation></message><message><source>packing slip not saved: {problem} at {path}</source><translation>装箱单未保存：{path}：{problem}</translation></message><message><source>return slip not saved: disk full at {path}</source><translation>退货单未保存：{path} 所在磁盘已满</translation></message><message><source>return slip not saved: {problem} at {path}</source><translation>退货单未保存：{path}：{problem}</translation></message><message><source>document not saved: disk full at {path}</source><translation>文件未保存：{path} 所在磁盘已满</translation></message><message><source>document not saved: {problem} at {path}</source><translation>文件未保存：{path}：{problem}</translation></message><message><source>Outbox message {id} is not in the store.</source><translation>发件箱消息 {id} 不在数据库中。</translation></message><message><source>Outbox message {id} has not failed (it is {status}).</source><translation>发件箱消息 {id} 没有失败（状态为 {status}）。</translation></message><message><source>“{code}” is not a product code Packdesk knows.</source><translation>“{code}” 不是已知的商品条码。</translation></message><message><source>No order is open. Scan an order first.</source><translation>没有打开的订单。请先扫描订单。</translation></message><message><source>No parcel's weight was refused: there is nothing to ship as it is.</source><translation>没有包裹的重量被拒：无需按现重量发货。</translation></message><message><source>The bench cannot go from {state} by {event}.</source><translation>工作台无法从 {state} 经 {event} 转换。</translation></message><message><source>The bench cannot go from {state} to {to}.</source><translation>工作台无法从 {state} 转到 {to}。</translation></message><message><source>Wrong item: {sku} {name} is not in this order. Still expected: {expected}.</source><translation>错货：{sku} {name} 不在本订单中。仍需：{expected}。</translation></message><message><source>Serial {serial} was already scanned in this order.</source><translation>序列号 {serial} 已在本订单中扫过。</translation></message><message><source>{sku} {name}: {verified} of {quantity}</source><translation>{sku} {name}：{verified} / {quantity}</translation></message><message><source>Over-scan: {sku} needs {quantity}, {verified} already verified; {units} more is too many.</source><translation>多扫：{sku} 需要 {quantity} 件，已核对 {verified} 件；再加 {units} 件就多了。</translation></message><message><source>{sku} must be scanned; it cannot be confirmed by hand.</source><translation>{sku} 必须扫描，不能手动确认。</translation></message><message><source>Confirming an item by hand needs a reason.</source><translation>手动确认商品需要填写原因。</translation></message><message><source>{sku} is not outstanding in this order.</source><translation>本订单中 {sku} 已无待核对数量。</translation></message><message><source>{sku} confirmed by hand ({reason}): {verified} of {quantity}</source><translation>{sku} 已手动确认（{reason}）：{verified} / {quantity}</translation></message><message><source>The pack session for {number} is closed.</source><translation>订单 {number} 的打包已结束。</translation></message><message><source>nothing, the order is complete</source><translation>无，订单已齐</translation></message><message><source>The scan was empty.</source><translation>扫描内容为空。</translation></message><message><source>The scan is {length} characters long; no barcode here is longer than {limit}.</source><translation>扫描内容长达 {length} 个字符；这里的条码不会超过 {limit} 个字符。</translation></message><message><source>The scan contains a control character (U+{code}); check the scanner's keyboard layout and suffix settings.</source><translation>扫描内容含有控制字符 (U+{code})；请检查扫码枪的键盘布局和后缀设置。</translation></message><message><source>No order matches “{text}”.</source><translation>没有与 “{text}” 匹配的订单。</translation></message><message><source>{count} orders match “{text}”; pick one.</source><translation>有 {count} 个订单与 “{text}” 匹配，请选择一个。</translation></message><message><source>Order {number} was CANCELLED ({when}). Do not ship it: put the items back.</source><translation>订单 {number} 已取消（{when}）。不要发货：请把商品放回。</translation></message><message><source>Order {number} was already packed by {by} on {when}.</source><translation>订单 {number} 已由 {by} 于 {when} 打包。</translation></message><message><source>Order {number} is on hold since {when} ({reason}).</source><translation>订单 {number} 自 {when} 起挂起（{reason}）。</translation></message><message><source>no reason given</source><translation>未填写原因</translation></message><message><source>Order {number} needs review before packing.</source><translation>订单 {number} 需审核后才能打包。</translation></message><message><source>Order {number} opened.</source><translation>订单 {number} 已打开。</translation></message><message><source>Order {number} is being packed by {packer} at {station}.</source><translation>订单 {number} 正由 {packer} 在 {station} 打包。</translation></message><message><source>Order {number} resumed where it was left.</source><translation>订单 {number} 已从上次中断处继续。</translation></message><message><source>Pack session {id} does not exist.</source><translation>打包记录 {id} 不存在。</translation></message><message><source>Order {number} is no longer open at this bench.</source><translation>订单 {number} 已不在本工位打包。</translation></message><message><source>Order {number} is gone from the store.</source><translation>数据库中已找不到订单 {number}。</translation></message><message><source>Quantity {quantity} is not between 1 and {limit}.</source><translation>数量 {quantity} 不在 1 到 {limit} 之间。</translation></message><message><source>Order {number} was CANCELLED while packing. Stop and put the items back.</source><translation>订单 {number} 在打包时被取消。请停止并把商品放回。</translation></message><message><source>That is order {other}. Finish or hold order {number} first.</source><translation>这是订单 {other}。请先完成或挂起订单 {number}。</translation></message><message><source>There is no scan to undo.</source><translation>没有可撤销的扫描。</translation></message><message><source>Undone: {sku} ×{quantity}.</source><translation>已撤销：{sku} ×{quantity}。</translation></message><message><source>There is no product {sku}.</source><translation>没有商品 {sku}。</translation></message><message><source>Order {number} is on hold: {reason}</source><translation>订单 {number} 已挂起：{reason}</translation></message><message><source>Order {number} is back in the queue.</source><translation>订单 {number} 已回到待打包队列。</translation></message><message><source>“{text}” is not a quantity from 1 to {limit}.</source><translation>“{text}” 不是 1 到 {limit} 之间的数量。</translation></message><message><source>Name or PIN is not right.</source><translation>姓名或 PIN 码不正确。</translation></message><message><source>{action} needs a supervisor's PIN and a reason.</source><translation>{action}需要主管 PIN 码和原因。</translation></message><message><source>{action} needs a reason.</source><translation>{action}需要原因。</translation></message><message><source>Supervisor name or PIN is not right.</source><translation>主管姓名或 PIN 码不正确。</translation></message><message><source>{name} is not a supervisor.</source><translation>{name} 不是主管。</translation></message><message><source>Putting an order on hold</source><translation>挂起订单</translation></message><message><source>Shipping part of an order</source><translation>部分发货</translation></message><message><source>Order {number} was cancelled; it must not ship.</source><translation>订单 {number} 已取消，不能发货。</translation></message><message><source>Nothing has been verified yet; scan the items first.</source><translation>还没有核对任何商品，请先扫描商品。</translation></message><message><source>No carrier profile is set up; add one in Settings → Carriers.</source><translation>尚未设置承运商，请在 设置 → 承运商 中添加。</translation></message><message><source>{what}: another station kept changing the same record; tried {attempts} times. Please scan again.</source><translation>{what}：其他工位一直在修改同一条记录；已重试 {attempts} 次。请重新扫描。</translation></message><message><source>Opening the order</source><translation>打开订单</translation></message><message><source>Recording the scan</source><translation>记录扫描</translation></message><message><source>Undoing the scan</source><translation>撤销扫描</translation></message><message><source>Confirming the item</source><translation>确认商品</translation></message><message><source>Holding the order</source><translation>挂起订单</translation></message><message><source>Completing the order</source><translation>完成订单</translation></message><message><source>Leaving the order</source><translation>离开订单</translation></message><message><source>Wrong item: {sku} {name} is in none of this parcel's orders. Still expected: {expected}.</source><translation>错货：{sku} {name} 不在本包裹的任何订单中。仍需：{expected}。</translation></message><message><source>{sku} {name}: {verified} of {quantity} for order {number}</source><translation>{sku} {name}：{verified} / {quantity}，属于订单 {number}</translation></message><message><source>{sku} {name}: {shares} (oldest order first)</source><translation>{sku} {name}：{shares}（先装最早的订单）</translation></message><message><source>{sku} confirmed by hand ({reason}): {verified} of {quantity} for order {number}</source><translation>{sku} 已手动确认（{reason}）：{verified} / {quantity}，属于订单 {number}</translation></message><message><source>nothing, the parcel is complete</source><translation>无，包裹已齐</translation></message><message><source>Order {number} is not in this parcel.</source><translation>订单 {number} 不在这个包裹里。</translation></message><message><source>Order {number} is the only order in this parcel; leave it or hold it instead.</source><translation>订单 {number} 是这个包裹里唯一的订单；请改为离开或挂起。</translation></message><message><source>{opened} 1 more order for this buyer and address: {numbers}. Scan PD:MERGE or press “Pack together” to pack it in the same parcel.</source><translation>{opened} 同一买家、同一地址还有 1 个订单：{numbers}。扫描 PD:MERGE 或按“合并打包”，装进同一个包裹。</translation></message><message><source>{opened} {count} more orders for this buyer and address: {numbers}. Scan PD:MERGE or press “Pack together” to pack them in one parcel.</source><translation>{opened} 同一买家、同一地址还有 {count} 个订单：{numbers}。扫描 PD:MERGE 或按“合并打包”，装进一个包裹。</translation></message><message><source>Order {number} in this parcel was CANCELLED while packing. Take its items out, then scan PD:DROP or press “Drop order” to drop it; the other orders pack on.</source><translation>包裹中的订单 {number} 在打包时被取消。请取出它的商品，然后扫描 PD:DROP 或按“移出订单”；其他订单继续打包。</translation></message><message><source>Orders {numbers} are on hold: {reason}</source><translation>订单 {numbers} 已挂起：{reason}</translation></message><message><source>Orders {numbers} are back in the queue.</source><translation>订单 {numbers} 已回到待打包队列。</translation></message><message><source>Order {number} in this parcel was cancelled; drop it before adding orders.</source><translation>包裹中的订单 {number} 已取消；请先移出它，再合并其他订单。</translation></message><message><source>No other order for this buyer and address can join this parcel now.</source><translation>同一买家、同一地址现在没有其他可以并入这个包裹的订单。</translation></message><message><source>One parcel for {count} orders: {numbers}. Scan every order's items; each line says which order it is for.</source><translation>{count} 个订单合并为一个包裹：{numbers}。请扫描每个订单的商品；每一行都写明属于哪个订单。</translation></message><message><source>{merged} Not added (no longer ready to pack, or it has its own waybill): {numbers}.</source><translation>{merged} 未加入（已不是待打包，或已有自己的运单）：{numbers}。</translation></message><message><source>Cancelled order {number} is out of the parcel: put its items back. Packing goes on with {numbers}.</source><translation>已取消的订单 {number} 已移出包裹：请把它的商品放回。继续打包 {numbers}。</translation></message><message><source>Order {number} is out of the parcel and back in the queue: take its items out. Packing goes on with {numbers}.</source><translation>订单 {number} 已移出包裹并回到待打包队列：请取出它的商品。继续打包 {numbers}。</translation></message><message><source>Nothing of order {number} has been verified: scan its items, or drop it from the parcel (PD:DROP).</source><translation>订单 {number} 还没有核对任何商品：请扫描它的商品，或把它移出包裹（PD:DROP）。</translation></message><message><source>Order {number} in this parcel was cancelled; it must not ship. Take its items out and drop it from the parcel (PD:DROP), then complete.</source><translation>包裹中的订单 {number} 已取消，不能发货。请取出它的商品并移出包裹（PD:DROP），然后再完成。</translation></message><message><source>Packing the orders in one parcel</source><translation>合并打包订单</translation></message><message><source>Taking the order out of the parcel</source><translation>把订单移出包裹</translation></message><message><source>The folder {folder} that holds the store is read-only, so Packdesk cannot record anything there. Nothing was changed. Make the folder writable for this user, or move the store to a writable folder and open it with --db.</source><translation>存放数据库的文件夹 {folder} 为只读，Packdesk 无法在其中记录任何内容。未做任何更改。请让当前用户可写该文件夹，或把数据库移到可写的文件夹并用 --db 打开。</translation></message><message><source>The store {path} is read-only, so Packdesk cannot record anything. Nothing was changed. Make the file writable for this user, or open a writable copy with --db.</source><translation>数据库 {path} 为只读，Packdesk 无法记录任何内容。未做任何更改。请让当前用户可写该文件，或用 --db 打开一个可写的副本。</translation></message><message><source>The disk that holds the store is full, so this was not saved; nothing was written half-way. Free some space on that disk ({where}), then do it again.</source><translation>存放数据库的磁盘已满，本次操作未保存，也没有写入一半的数据。请在该磁盘（{where}）上腾出空间，然后重做。</translation></message><message><source>the database server</source><translation>数据库服务器</translation></message><message><source>station {station} (process {pid} on {host})</source><translation>工位 {station}（{host} 上的进程 {pid}）</translation></message><message><source>another program (process {pid})</source><translation>另一个程序（进程 {pid}）</translation></message><message><source>another station or program</source><translation>另一个工位或程序</translation></message><message><source>The store is busy: {holder} is writing to it and has not finished for {seconds} s. Nothing was saved. Try again in a moment; if it stays busy, close Packdesk or the other program on that station.</source><translation>数据库正忙：{holder} 正在写入，已超过 {seconds} 秒仍未完成。未保存任何内容。请稍后重试；如果一直忙，请关闭那个工位上的 Packdesk 或其他程序。</translation></message><message><source>Close Packdesk and put the latest backup, {backup}, in its place.</source><translation>请关闭 Packdesk，用最新的备份 {backup} 替换它。</translation></message><message><source>No backup of it was found next to it: restore it from your own backups.</source><translation>旁边没有找到它的备份：请从你自己的备份中恢复。</translation></message><message><source>The store {path} is damaged ({problem}). Packdesk did not change it. {advice}</source><translation>数据库 {path} 已损坏（{problem}）。Packdesk 没有改动它。{advice}</translation></message><message><source>The connection to the database server was lost; this was not saved. Packdesk connects again by itself: check the network and the server, then do it again.</source><translation>与数据库服务器的连接已断开，本次操作未保存。Packdesk 会自动重新连接：请检查网络和服务器，然后重做。</translation></message><message><source>The store cannot be reached ({problem}). Nothing was changed. Check that it is where Packdesk is told it is (--db or PACKDESK_DB) and that this user may open it.</source><translation>无法访问数据库（{problem}）。未做任何更改。请检查它是否在 Packdesk 设置的位置（--db 或 PACKDESK_DB），以及当前用户是否有权打开它。</translation></message><message><source>Before upgrading the store, Packdesk saved a copy of it at {path}.</source><translation>升级数据库之前，Packdesk 已把它备份到 {path}。</translation></message><message><source>The connection to the database server dropped and was made again; nothing was lost.</source><translation>与数据库服务器的连接曾断开，现已重新连接；没有丢失任何内容。</translation></message><message><source>The store could not be backed up before its upgrade ({problem}); it has not been changed.</source><translation>升级前无法备份数据库（{problem}）；数据库未做改动。</translation></message><message><source>{what} too long, cut to {limit} characters</source><translation>{what}过长，已截为 {limit} 个字符</translation></message><message><source>{what} of line {line} too long, cut to {limit} characters</source><translation>第 {line} 行的{what}过长，已截为 {limit} 个字符</translation></message><message><source>channel order id is {length} characters, longer than the {limit} Packdesk keeps</source><translation>渠道订单号有 {length} 个字符，超过 Packdesk 可保存的 {limit} 个</translation></message><message><source>line {line} has quantity {quantity}: more than the {limit} one order line may hold</source><translation>订单行 {line} 的数量为 {quantity}：超过单行上限 {limit}</translation></message><message><source>line {line} has a unit price of {cents} cents: more than Packdesk can keep</source><translation>订单行 {line} 的单价为 {cents} 分：超出 Packdesk 可保存的范围</translation></message><message><source>the store refused this order: {why}</source><translation>数据库拒绝保存此订单：{why}</translation></message><message><source>the store refused the data: {kind}{where}</source><translation>数据库拒绝保存数据：{kind}{where}</translation></message><message><source>a number too large for the store</source><translation>数字过大，数据库无法保存</translation></message><message><source>unexpected {kind} (details withheld: they may hold buyers' data)</source><translation>意外错误 {kind}（细节未显示：其中可能含有买家信息）</translation></message><message><source>the {channel} payload has a shape Packdesk cannot read ({kind} in {mapper})</source><translation>{channel} 发来的数据结构 Packdesk 无法读取（{mapper} 中的 {kind}）</translation></message><message><source>the order could not be read ({kind}); it was not imported</source><translation>无法读取此订单（{kind}），未导入</translation></message><message><source>Serial {serial} already shipped in order {number}.</source><translation>序列号 {serial} 已随订单 {number} 发出。</translation></message><message><source>Serial {serial} is already in order {number}, being packed at {station}.</source><translation>序列号 {serial} 已在订单 {number} 中，正在 {station} 打包。</translation></message><message><source>Serial {serial} did not ship in order {number}; check the unit's label.</source><translation>序列号 {serial} 不是随订单 {number} 发出的；请核对商品标签。</translation></message><message><source>Order {number} was taken over by {packer} at {station} (supervisor {supervisor}); this station can no longer scan it.</source><translation>订单 {number} 已由 {packer} 在 {station} 接手（主管 {supervisor}）；本工位不能再扫描它。</translation></message><message><source>Order {number} taken over from {packer} at {station}; {verified} of {expected} items already verified, packing goes on here.</source><translation>订单 {number} 已从 {station} 的 {packer} 处接手；已核对 {verified} / {expected} 件，在本工位继续打包。</translation></message><message><source>There is no order {number}.</source><translation>没有订单 {number}。</translation></message><message><source>Taking over an order</source><translation>接手订单</translation></message><message><source>Taking over the order</source><translation>接手订单</translation></message><message><source>Order {number} is not open at any station; open it instead.</source><translation>订单 {number} 没有在任何工位打开；请直接打开它。</translation></message><message><source>Order {number} is already open at this station.</source><translation>订单 {number} 已在本工位打开。</translation></message><message><source>There is no return {rma}.</source><translation>没有退货单 {rma}。</translation></message><message><source>Closing a refund by hand</source><translation>手动结束退款</translation></message><message><source>The refund for return {rma} is still being sent to the channel (tried {attempts} times); close it by hand once the channel has refused it.</source><translation>退货单 {rma} 的退款仍在发送给渠道（已尝试 {attempts} 次）；渠道拒绝后才能手动结束。</translation></message><message><source>The channel took the refund for return {rma}; there is nothing to close by hand.</source><translation>渠道已受理退货单 {rma} 的退款；无需手动结束。</translation></message><message><source>Return {rma} has no refund waiting for the channel; there is nothing to close by hand.</source><translation>退货单 {rma} 没有等待渠道处理的退款；无需手动结束。</translation></message><message><source>Quiet hours are two times like 22:00-07:00, not {text}.</source><translation>免打扰时段应写成两个时间，例如 22:00-07:00，而不是 {text}。</translation></message><message><source>A route code is 1-24 lower-case letters, digits, - or _, not {code!r}.</source><translation>告警路由代码须为 1-24 个小写字母、数字、- 或 _，不能是 {code!r}。</translation></message><message><source>A route is dingtalk, wecom or mail, not {kind}.</source><translation>告警路由类型只能是 dingtalk、wecom 或 mail，不能是 {kind}。</translation></message><message><source>Unknown alert kinds: {kinds}; choose from {known}.</source><translation>未知的告警类型：{kinds}；可选：{known}。</translation></message><message><source>A route's language is en or zh_CN, not {language}.</source><translation>告警路由的语言只能是 en 或 zh_CN，不能是 {language}。</translation></message><message><source>Quiet hours need a start and an end, like 22:00-07:00.</source><translation>免打扰时段需要开始和结束时间，例如 22:00-07:00。</translation></message><message><source>Route {code}: a robot's webhook is a URL, not {target}.</source><translation>告警路由 {code}：机器人的 Webhook 应是网址，而不是 {target}。</translation></message><message><source>Route {code}: give the mail addresses, comma-separated.</source><translation>告警路由 {code}：请填写收件邮箱，用逗号分隔。</translation></message><message><source>Route {code}: a mail route needs smtp_host.</source><translation>告警路由 {code}：邮件路由需要设置 smtp_host。</translation></message><message><source>Unknown time zone {zone}.</source><translation>未知的时区 {zone}。</translation></message><message><source>Route {code}: the weekly report goes by mail only.</source><translation>告警路由 {code}：运营周报只能通过邮件发送。</translation></message><message><source>Route {code}: report_hour is an hour from 0 to 23, not {hour}.</source><translation>告警路由 {code}：report_hour 是 0 到 23 的小时数，不能是 {hour}。</translation></message><message><source>No mail route gets the weekly report; add one with packdesk alerts route add CODE --kind mail --alerts weekly_report ...</source><translation>没有接收运营周报的邮件路由；请用 packdesk alerts route add CODE --kind mail --alerts weekly_report ... 添加</translation></message><message><source>There is no alert route {code}.</source><translation>没有告警路由 {code}。</translation></message><message><source>Packing on without the label for {numbers}; this is recorded. It still prints when the printer is back. Scan the next order.</source><translation>不等 {numbers} 的面单，继续打包；此操作已记录。打印机恢复后面单仍会打印。请扫描下一个订单。</translation></message><message><source>Recording that packing goes on without the label</source><translation>记录不等面单继续打包</translation></message><message><source>Confirming an item by hand</source><translation>手动确认商品</translation></message><message><source>{left} Its 1 verified item no longer counts: take it out of the box.</source><translation>{left} 已核对的 1 件不再计数：请把它从箱子里取出。</translation></message><message><source>{left} Its {count} verified items no longer count: take them out of the box.</source><translation>{left} 已核对的 {count} 件不再计数：请把它们从箱子里取出。</translation></message><message><source>{number} ({channel}) has been {status} for {held}, past the {limit} limit.</source><translation>{number}（{channel}）处于“{status}”已 {held}，超过 {limit} 的上限。</translation></message><message><source>{number} ({channel}) was promised to ship by {ship_by} UTC and is still {status}.</source><translation>{number}（{channel}）承诺在 UTC {ship_by} 前发货，目前仍为“{status}”。</translation></message><message><source>A {kind} push to {channel} failed for good: {error}</source><translation>向 {channel} 推送{kind}最终失败：{error}</translation></message><message><source>Sync with {code} failed: {result}</source><translation>与 {code} 同步失败：{result}</translation></message><message><source>{number} ({channel}): {reasons}</source><translation>{number}（{channel}）：{reasons}</translation></message><message><source>Return {case} for order {order} was escalated to a supervisor.</source><translation>订单 {order} 的退货 {case} 已升级给主管处理。</translation></message><message><source>Shipping labels for {orders} have waited {minutes} min for printer {printer} at {station}: {reason}</source><translation>{station} 的打印机 {printer} 未响应，{orders} 的面单已等待 {minutes} 分钟：{reason}</translation></message><message><source>Test message from Packdesk, sent by {by}.</source><translation>来自 Packdesk 的测试消息，由 {by} 发送。</translation></message><message><source>{name} is locked after {failures} wrong PINs in a row, until {until} UTC. If it was not them, find out who tried.</source><translation>{name} 连续输错 {failures} 次 PIN，锁定至 UTC {until}。如果不是本人，请查明是谁在尝试。</translation></message><message><source>Order stuck</source><translation>订单滞留</translation></message><message><source>Order late</source><translation>订单逾期</translation></message><message><source>Sync failure</source><translation>同步失败</translation></message><message><source>Stock conflict</source><translation>库存冲突</translation></message><message><source>Return escalated</source><translation>退货已升级</translation></message><message><source>Printer down</source><translation>打印机离线</translation></message><message><source>Log-in locked</source><translation>登录已锁定</translation></message><message><source>Test message</source><translation>测试消息</translation></message><message><source>[Packdesk] {title}: {subject}</source><translation>[Packdesk] {title}：{subject}</translation></message><message><source>[Packdesk] Cleared - {title}: {subject}</source><translation>[Packdesk] 已解除 - {title}：{subject}</translation></message><message><source>The condition has cleared.</source><translation>该情况已解除。</translation></message><message><source>needs review</source><translation>待审核</translation></message><message><source>needs_review</source><translation>待审核</translation></message><message><source>ready</source><translation>待打包</translation></message><message><source>packing</source><translation>打包中</translation></message><message><source>packed</source><translation>已打包</translation></message><message><source>shipped</source><translation>已发货</translation></message><message><source>on hold</source><translation>已暂停</translation></message><message><source>on_hold</source><translation>已暂停</translation></message><message><source>cancelled</source><translation>已取消</translation></message><message><source>fulfilment</source><translation>发货</translation></message><message><source>stock level</source><translation>库存</translation></message><message><source>stock_level</source><translation>库存</translation></message><message><source>refund</source><translation>退款</translation></message><message><source>requested</source><translation>已申请</translation></message><message><source>approved</source><translation>已批准</translation></message><message><source>in transit</source><translation>运输中</translation></message><message><source>in_transit</source><translation>运输中</translation></message><message><source>received</source><translation>已收货</translation></message><message><source>graded</source><translation>已检验</translation></message><message><source>refunded</source><translation>已退款</translation></message><message><source>closed</source><translation>已关闭</translation></message><message><source>rejected</source><translation>已拒绝</translation></message><message><source>changed mind</source><translation>不想要了</translation></message><message><source>damaged</source><translation>损坏</translation></message><message><source>wrong item</source><translation>发错商品</translation></message><message><source>not as described</source><translation>与描述不符</translation></message><message><source>resellable</source><translation>可再售</translation></message><message><source>missing parts</source><translation>缺少配件</translation></message><message><source>restock</source><translation>重新上架</translation></message><message><source>quarantine</source><translation>隔离</translation></message><message><source>scrap</source><translation>报废</translation></message><message><source>buyer</source><translation>买家</translation></message><message><source>shop</source><translation>店铺</translation></message><message><source>pending</source><translation>处理中</translation></message><message><source>confirmed</source><translation>已确认</translation></message><message><source>failed</source><translation>失败</translation></message><message><source>manual</source><translation>手动</translation></message><message><source>label</source><translation>面单</translation></message><message><source>another station</source><translation>另一个工位</translation></message><message><source>all alerts</source><translation>全部告警</translation></message><message><source>order date</source><translation>下单时间</translation></message><message><source>packing slip</source><translation>装箱单</translation></message><message><source>return slip</source><translation>退货单</translation></message><message><source>a line item</source><translation>一个订单行</translation></message><message><source>a shipment tracking item in meta_data</source><translation>meta_data 中的一条物流跟踪信息</translation></message><message><source>already on the channel</source><translation>渠道上已有</translation></message><message><source>(no id)</source><translation>（无编号）</translation></message><message><source>(no Location)</source><translation>（没有 Location）</translation></message><message><source>naive datetime given to the store; use an aware one</source><translation>存入数据库的时间没有时区；请使用带时区的时间</translation></message><message><source>a print queue in the store needs the station's name</source><translation>数据库中的打印队列需要工位名称</translation></message><message><source>a print job has no {unknown} to change</source><translation>打印任务没有可修改的 {unknown}</translation></message><message><source>The order-number counter moved while numbers were taken.</source><translation>取号时订单号计数器被改动了。</translation></message><message><source>Another station took in some of these channel orders at the same moment.</source><translation>另一个工位同时接收了其中部分渠道订单。</translation></message><message><source>The order-number counter was just created by another station.</source><translation>订单号计数器刚被另一个工位创建。</translation></message><message><source>The store at {url!r} cannot be opened: {orig}</source><translation>无法打开位于 {url!r} 的数据库：{orig}</translation></message><message><source>This store was written by a newer Packdesk (schema {unknown}). It has not been changed. Update Packdesk on this station to open it.</source><translation>此数据库由更新版本的 Packdesk 写入（结构版本 {unknown}），未做任何改动。请先在本工位升级 Packdesk 再打开。</translation></message><message><source>“{url}” is not a database address: {exc}</source><translation>“{url}”不是数据库地址：{exc}</translation></message><message><source>Another station changed the same record first.</source><translation>另一个工位先修改了同一条记录。</translation></message><message><source>Another writer stored the same record first: {describe_store_error}</source><translation>另一个写入方先保存了同一条记录：{describe_store_error}</translation></message><message><source>Type your name to acknowledge the alert.</source><translation>请输入姓名以确认告警。</translation></message><message><source>A name has at most 64 characters.</source><translation>姓名最多 64 个字符。</translation></message><message><source>This alert was already acknowledged by {acknowledged_by}.</source><translation>此告警已由 {acknowledged_by} 确认。</translation></message><message><source>{name} must be between 0 and 1, not {value}.</source><translation>{name} 必须在 0 到 1 之间，不能是 {value}。</translation></message><message><source>The first-response threshold must be a positive number of minutes.</source><translation>首次响应阈值必须是正的分钟数。</translation></message><message><source>an S10 serial is 8 digits, not {serial!r}</source><translation>S10 序号为 8 位数字，不能是 {serial!r}</translation></message><message><source>Carrier {code}: {digits} serial digits; use 4 to 20.</source><translation>承运商 {code}：序号位数 {digits}；请用 4 到 20 位。</translation></message><message><source>Carrier {code}: the {part} {text!r} must be upper-case letters and digits.</source><translation>承运商 {code}：{part} {text!r} 只能是大写字母和数字。</translation></message><message><source>Carrier {name}: the number range is used up.</source><translation>承运商 {name}：号段已用完。</translation></message><message><source>Carrier {name}: the next number {sequence} is outside its range 1..{value}; set the range again.</source><translation>承运商 {name}：下一个号码 {sequence} 超出号段 1..{value}；请重新设置号段。</translation></message><message><source>A {value} order cannot be put on hold.</source><translation>“{value}”状态的订单不能暂停。</translation></message><message><source>A ready order can no longer be sent to review.</source><translation>待打包的订单不能再送去审核。</translation></message><message><source>Channel code {code!r} must be 1-32 letters, digits, - or _.</source><translation>渠道代码 {code!r} 须为 1-32 个字母、数字、- 或 _。</translation></message><message><source>Channel kind {kind!r} is not one of {channel_kinds}.</source><translation>渠道类型 {kind!r} 不在 {channel_kinds} 之中。</translation></message><message><source>Allocation ratio {ratio} must be between 0 and 1 (e.g. 0.8).</source><translation>分配比例 {ratio} 必须在 0 到 1 之间（例如 0.8）。</translation></message><message><source>Floor buffer {buffer} must not be negative.</source><translation>保底库存 {buffer} 不能为负数。</translation></message><message><source>Clips are kept at least a day, in a budget of 0 bytes or more.</source><translation>视频至少保留一天，空间预算须为 0 字节或以上。</translation></message><message><source>A count scan adds a positive number of units, not {units}.</source><translation>盘点扫描须增加正数件数，不能是 {units}。</translation></message><message><source>A counted quantity cannot be negative ({units}).</source><translation>盘点数量不能为负数（{units}）。</translation></message><message><source>{sku}: the count is still open, no variance yet.</source><translation>{sku}：盘点尚未结束，还没有差异。</translation></message><message><source>A count covers a location or a list of SKUs, not {kind}.</source><translation>盘点范围是一个库位或一组 SKU，不能是 {kind}。</translation></message><message><source>Say which location or which SKUs to count.</source><translation>请说明要盘点哪个库位或哪些 SKU。</translation></message><message><source>Count {id}: cannot go from {current} to {target}.</source><translation>盘点 {id}：不能从 {current} 变为 {target}。</translation></message><message><source>Count {id} is {status}; counting is closed.</source><translation>盘点 {id} 为 {status}；盘点已结束。</translation></message><message><source>Receipt {reference} is closed; open a new one.</source><translation>收货单 {reference} 已关闭；请新开一张。</translation></message><message><source>Lot {lot} is {length} characters; GS1 allows at most 20.</source><translation>批号 {lot} 有 {length} 个字符；GS1 最多允许 20 个。</translation></message><message><source>Lot {lot} holds a control character; scan it again.</source><translation>批号 {lot} 含有控制字符；请重新扫描。</translation></message><message><source>A receipt needs a positive quantity, not {quantity}.</source><translation>收货数量必须为正数，不能是 {quantity}。</translation></message><message><source>Lot {lot} of {sku} expires on {known}, not {scanned}: check the label or use the lot printed on it.</source><translation>{sku} 的批号 {lot} 到期日为 {known}，不是 {scanned}：请检查标签，或使用标签上印的批号。</translation></message><message><source>Order {number} is {value}; it cannot become {value2}.</source><translation>订单 {number} 为“{value}”；不能变为“{value2}”。</translation></message><message><source>Order {number} is {value}; only an order being packed can be taken over.</source><translation>订单 {number} 为“{value}”；只有打包中的订单才能接管。</translation></message><message><source>Return {rma_number} is {value}; it cannot become {value2}.</source><translation>退货 {rma_number} 为“{value}”；不能变为“{value2}”。</translation></message><message><source>Return {rma_number} is {status}; items are received only while it is approved or in transit.</source><translation>退货 {rma_number} 为“{status}”；只有已批准或运输中的退货才能收货。</translation></message><message><source>{raw} is not a product we know.</source><translation>{raw} 不是已登记的商品。</translation></message><message><source>{sku} is not on return {rma}.</source><translation>{sku} 不在退货 {rma} 中。</translation></message><message><source>{sku}: all {quantity} already received; this one is extra.</source><translation>{sku}：{quantity} 件已全部收到；这一件是多出来的。</translation></message><message><source>{sku}: {received} of {quantity} received.</source><translation>{sku}：已收到 {received}/{quantity} 件。</translation></message><message><source>Return {rma_number} is {status}; units are graded after receiving is finished.</source><translation>退货 {rma_number} 为“{status}”；收货完成后才能检验。</translation></message><message><source>{sku} is not on return {rma_number}.</source><translation>{sku} 不在退货 {rma_number} 中。</translation></message><message><source>Every received {sku} is graded already.</source><translation>收到的每件 {sku} 都已检验。</translation></message><message><source>{what} {value!r} is not one of: {allowed}.</source><translation>{what} {value!r} 不在以下选项中：{allowed}。</translation></message><message><source>A stock move needs a positive quantity, not {quantity}.</source><translation>库存移动数量必须为正数，不能是 {quantity}。</translation></message><message><source>{sku}: a move from {value} to {value2} changes no stock figure.</source><translation>{sku}：从 {value} 到 {value2} 的移动不改变任何库存数字。</translation></message><message><source>{sku}: {quantity} needed from {source}, only {have} there.</source><translation>{sku}：需要从 {source} 取 {quantity} 件，那里只有 {have} 件。</translation></message><message><source>A weight tolerance is a number of grams of 0 or more and a percentage from 0 to 100.</source><translation>重量容差须为 0 克或以上，百分比在 0 到 100 之间。</translation></message><message><source>There is no alert {alert_id}.</source><translation>没有告警 {alert_id}。</translation></message><message><source>There is already a packer called {name}.</source><translation>已经有叫 {name} 的打包员。</translation></message><message><source>“{status}” is not an order status.</source><translation>“{status}”不是订单状态。</translation></message><message><source>Search for at most {search_max} characters.</source><translation>搜索内容最多 {search_max} 个字符。</translation></message><message><source>An age filter cannot be negative.</source><translation>时长筛选不能为负数。</translation></message><message><source>A channel called {code!r} exists already.</source><translation>已有名为 {code!r} 的渠道。</translation></message><message><source>There is no channel {code!r}; add it first.</source><translation>没有渠道 {code!r}；请先添加。</translation></message><message><source>There is no channel {code!r}.</source><translation>没有渠道 {code!r}。</translation></message><message><source>There is no count {id}.</source><translation>没有盘点 {id}。</translation></message><message><source>“{text}” is not a product code Packdesk knows; put the item aside for a supervisor.</source><translation>“{text}”不是 Packdesk 已知的商品码；请把该商品放在一边交给主管。</translation></message><message><source>{sku}: {counted}</source><translation>{sku}：{counted}</translation></message><message><source>The count is blind: close counting to see the variance.</source><translation>这是盲盘：结束盘点后才能看到差异。</translation></message><message><source>Count cancelled.</source><translation>盘点已取消。</translation></message><message><source>{sku}: {missing} of the missing units are reserved by open orders; put those orders on hold or short-ship them, then approve the count.</source><translation>{sku}：缺少的件数中有 {missing} 件被未完成订单占用；请先暂停这些订单或少发，再批准盘点。</translation></message><message><source>Not products Packdesk knows: {skus}.</source><translation>不是 Packdesk 已知的商品：{skus}。</translation></message><message><source>A count covers at most {most} SKUs; split it.</source><translation>一次盘点最多 {most} 个 SKU；请拆分。</translation></message><message><source>Health windows need times with a time zone (UTC).</source><translation>运营指标的时间段需要带时区的时间（UTC）。</translation></message><message><source>A health window must end after it starts.</source><translation>运营指标的时间段结束时间必须晚于开始时间。</translation></message><message><source>Choose a chart step that gives at most 400 points.</source><translation>请选择最多产生 400 个点的图表步长。</translation></message><message><source>“{period}” is not a period; choose day, week or month.</source><translation>“{period}”不是周期；请选择日、周或月。</translation></message><message><source>Order {order_number} for {channel} {channel_order_id} is gone from the store.</source><translation>{channel} {channel_order_id} 对应的订单 {order_number} 已不在数据库中。</translation></message><message><source>There is no order {order_number}.</source><translation>没有订单 {order_number}。</translation></message><message><source>Order {number} is not waiting for review.</source><translation>订单 {number} 不在待审核状态。</translation></message><message><source>Order {number}: SKU {sku} is still unknown.</source><translation>订单 {number}：SKU {sku} 仍未知。</translation></message><message><source>Order {number}: {exc}</source><translation>订单 {number}：{exc}</translation></message><message><source>There is no parked order {exception_id}.</source><translation>没有搁置的订单 {exception_id}。</translation></message><message><source>Order {number} is cancelled; it gets no label.</source><translation>订单 {number} 已取消；不打印面单。</translation></message><message><source>There is no order {missing}.</source><translation>没有订单 {missing}。</translation></message><message><source>Order {unlabelled} has no tracking number yet.</source><translation>订单 {unlabelled} 还没有运单号。</translation></message><message><source>No carrier profile is set up.</source><translation>尚未设置承运商。</translation></message><message><source>a lease of {lease_s:g} s would never hold; give seconds &gt; 0</source><translation>{lease_s:g} 秒的租约永远不会生效；请给出大于 0 的秒数</translation></message><message><source>Order {channel_order_id} did not come in from {channel}; Packdesk does not know its channel lines.</source><translation>订单 {channel_order_id} 不是从 {channel} 进来的；Packdesk 不知道它在渠道上的订单行。</translation></message><message><source>Return {rma} refunds {left} more of {sku} than the channel's order lists.</source><translation>退货 {rma} 退款的 {sku} 比渠道订单上的多 {left} 件。</translation></message><message><source>Channel {channel_code} is not set up.</source><translation>渠道 {channel_code} 尚未设置。</translation></message><message><source>Outbox message {id}: this runner's claim lapsed and another runner took it over; it records the outcome.</source><translation>待发消息 {id}：本进程的认领已过期，已由另一个进程接手；结果由它记录。</translation></message><message><source>Status {status!r} is not one of {statuses}.</source><translation>状态 {status!r} 不在 {statuses} 之中。</translation></message><message><source>+{units} {sku}</source><translation>+{units} {sku}</translation></message><message><source>There is no receipt {id}.</source><translation>没有收货单 {id}。</translation></message><message><source>Nothing on this receipt to undo.</source><translation>这张收货单上没有可撤销的内容。</translation></message><message><source>There is no stock record for SKU {sku}.</source><translation>SKU {sku} 没有库存记录。</translation></message><message><source>Undone: {units} {sku}</source><translation>已撤销：{units} {sku}</translation></message><message><source>Receipt {reference} closed.</source><translation>收货单 {reference} 已关闭。</translation></message><message><source>Receipt {reference} exists already; use another reference.</source><translation>收货单 {reference} 已存在；请换一个单号。</translation></message><message><source>Units per scan must be 1 to {most}, not {quantity}.</source><translation>每次扫描件数须为 1 到 {most}，不能是 {quantity}。</translation></message><message><source>That scan was already received.</source><translation>这次扫描已经收过货了。</translation></message><message><source>“{text}” is not a product code Packdesk knows; add the product first.</source><translation>“{text}”不是 Packdesk 已知的商品码；请先添加该商品。</translation></message><message><source>+{units} {sku}, lot {lot}</source><translation>+{units} {sku}，批号 {lot}</translation></message><message><source>“{text}” is not a week; write it like 2026-W47.</source><translation>“{text}”不是周；请写成 2026-W47 这样。</translation></message><message><source>{year} has no week {number}.</source><translation>{year} 年没有第 {number} 周。</translation></message><message><source>Within the return window: day {day} since delivery.</source><translation>在退货期内：签收后第 {day} 天。</translation></message><message><source>Within the return window: day {day} since shipping (delivery unknown).</source><translation>在退货期内：发货后第 {day} 天（签收时间未知）。</translation></message><message><source>{sku}: {category} items cannot be returned without a fault.</source><translation>{sku}：{category} 类商品无质量问题不能退货。</translation></message><message><source>{sku}: an opened hygiene item cannot be returned.</source><translation>{sku}：已拆封的卫生用品不能退货。</translation></message><message><source>{sku}: day {day} since it reached the buyer; returns are accepted up to day {days} ({last}).</source><translation>{sku}：买家收到后第 {day} 天；退货只接受到第 {days} 天（{last}）。</translation></message><message><source>The order has not shipped; there is nothing to return.</source><translation>订单尚未发货；没有可退的商品。</translation></message><message><source>Return {rma}: {status}.</source><translation>退货 {rma}：{status}。</translation></message><message><source>No order, tracking number, return or buyer matches '{text}'.</source><translation>没有与“{text}”匹配的订单、运单号、退货或买家。</translation></message><message><source>{count} orders match '{text}'.</source><translation>有 {count} 个订单与“{text}”匹配。</translation></message><message><source>Order {number} is {status}; it has not shipped, so there is nothing to return.</source><translation>订单 {number} 为“{status}”；尚未发货，没有可退的商品。</translation></message><message><source>Order {number} is already fully returned.</source><translation>订单 {number} 已全部退货。</translation></message><message><source>Choose at least one item and how many come back.</source><translation>请至少选择一个商品以及退回的件数。</translation></message><message><source>{sku} is not on order {number}.</source><translation>{sku} 不在订单 {number} 中。</translation></message><message><source>{sku}: a quantity cannot be negative ({quantity}).</source><translation>{sku}：数量不能为负数（{quantity}）。</translation></message><message><source>{sku}: {quantity} to return, but only {shipped} shipped and {already} are already on a return.</source><translation>{sku}：要退 {quantity} 件，但只发出了 {shipped} 件，且已有 {already} 件在退货中。</translation></message><message><source>{sku}: {quantity} to return, but only {shipped} shipped.</source><translation>{sku}：要退 {quantity} 件，但只发出了 {shipped} 件。</translation></message><message><source>Outside the return policy: {reason} A supervisor can accept it anyway, with a reason.</source><translation>不符合退货政策：{reason} 主管可以填写原因后仍然接受。</translation></message><message><source>There is no return {rma_number}.</source><translation>没有退货 {rma_number}。</translation></message><message><source>Say why the return is rejected.</source><translation>请说明拒绝退货的原因。</translation></message><message><source>{text} is an order or a return, not an item.</source><translation>{text} 是订单或退货，不是商品。</translation></message><message><source>Nothing has been received for {rma}; scan the items, or reject the return if nothing came back.</source><translation>退货 {rma} 还没有收到任何商品；请扫描商品，如果什么都没退回，请拒绝该退货。</translation></message><message><source>A {grade} unit cannot go back on the shelf for sale; quarantine or scrap it.</source><translation>“{grade}”的商品不能重新上架销售；请隔离或报废。</translation></message><message><source>Return {rma_number} is {status}; grade every unit first.</source><translation>退货 {rma_number} 为“{status}”；请先检验每一件。</translation></message><message><source>There is nobody called {to!r} to assign the return to.</source><translation>没有叫 {to!r} 的人可以分派此退货。</translation></message><message><source>A return window cannot be negative.</source><translation>退货期不能为负数。</translation></message><message><source>A refund percentage is 0 to 100, not {percent}.</source><translation>退款百分比为 0 到 100，不能是 {percent}。</translation></message><message><source>Unknown time zone {name!r} in the settings; use a name such as Asia/Shanghai or Europe/Paris.</source><translation>设置中的时区 {name!r} 未知；请使用 Asia/Shanghai 或 Europe/Paris 这样的名称。</translation></message><message><source>Say why the units are frozen: {reasons} (then a colon and any detail), not “{reason}”.</source><translation>请说明冻结原因：{reasons}（后面可加冒号和详情），不能是“{reason}”。</translation></message><message><source>the file does not hold a JSON object</source><translation>文件中不是 JSON 对象</translation></message><message><source>Code 128 takes printable ASCII only, not {text!r}</source><translation>Code 128 只能编码可打印的 ASCII 字符，不能是 {text!r}</translation></message><message><source>unknown symbology {symbology!r}; use code128, gs1_128 or ean13</source><translation>未知码制 {symbology!r}；请用 code128、gs1_128 或 ean13</translation></message><message><source>cannot encode {text!r} as {symbology}: {exc}</source><translation>无法把 {text!r} 编码为 {symbology}：{exc}</translation></message><message><source>EAN-13 needs 12 or 13 digits, not {text!r}</source><translation>EAN-13 需要 12 或 13 位数字，不能是 {text!r}</translation></message><message><source>EAN-13 {text} has a wrong check digit (expected {gtin_check_digit})</source><translation>EAN-13 {text} 的校验位错误（应为 {gtin_check_digit}）</translation></message><message><source>{symbology} of {count} modules does not fit in {value:.2f} in at {dpi} dpi</source><translation>{count} 个模块的 {symbology} 在 {dpi} dpi 下放不进 {value:.2f} 英寸</translation></message><message><source>No CJK font found for labels: {wqy_path} is missing. Install it with: apt-get install {wqy_package}</source><translation>找不到面单用的中日韩字体：缺少 {wqy_path}。请用以下命令安装：apt-get install {wqy_package}</translation></message><message><source>unknown label size {size!r}; use one of {label_sizes}</source><translation>未知面单尺寸 {size!r}；请用 {label_sizes} 之一</translation></message><message><source>Shipping labels</source><translation>快递面单</translation></message><message><source>FROM</source><translation>寄件</translation></message><message><source>TO</source><translation>收件</translation></message><message><source>Order {order_number}</source><translation>订单 {order_number}</translation></message><message><source>Parcel {parcel_index}/{parcel_count}</source><translation>包裹 {parcel_index}/{parcel_count}</translation></message><message><source>Label {number} {tracking_number}</source><translation>面单 {number} {tracking_number}</translation></message><message><source>job {job_id} → {name}</source><translation>任务 {job_id} → {name}</translation></message><message><source>{name} ({role}) PIN {pin}</source><translation>{name}（{role}）PIN {pin}</translation></message><message><source>folder {folder}</source><translation>文件夹 {folder}</translation></message><message><source>wrote {path}</source><translation>已写入 {path}</translation></message><message><source>{rma_number}: refund {refund_status}</source><translation>{rma_number}：退款{refund_status}</translation></message><message><source>Packdesk {week}</source><translation>Packdesk {week}</translation></message><message><source>cancelled after {count} labels</source><translation>打印 {count} 张面单后已取消</translation></message><message><source>no labels to render</source><translation>没有要生成的面单</translation></message><message><source>order {order_number} has no tracking number</source><translation>订单 {order_number} 没有运单号</translation></message><message><source>order {order_number}: parcel {parcel_index} of {parcel_count} is impossible</source><translation>订单 {order_number}：第 {parcel_index}/{parcel_count} 个包裹不存在</translation></message><message><source>Bench commands</source><translation>工作台命令条码</translation></message><message><source>Demo log-ins (name / PIN)</source><translation>演示账号（姓名 / PIN）</translation></message><message><source>Orders to pack</source><translation>待打包订单</translation></message><message><source> (case of {pack_quantity})</source><translation>（每箱 {pack_quantity} 件）</translation></message><message><source>Packdesk demo barcodes</source><translation>Packdesk 演示条码</translation></message><message><source>the queue is stopped {message}</source><translation>打印队列已停止 {message}</translation></message><message><source>the queue is not accepting jobs</source><translation>打印队列不接受任务</translation></message><message><source>CUPS refused the job: {exc}</source><translation>CUPS 拒绝了该任务：{exc}</translation></message><message><source>label printer {host}:{port}</source><translation>面单打印机 {host}:{port}</translation></message><message><source>a raw ZPL printer cannot print {content_type}; route PDFs to CUPS</source><translation>ZPL 直连打印机不能打印 {content_type}；请把 PDF 发往 CUPS</translation></message><message><source>nothing answers on the port: is the printer switched on and on the network?</source><translation>该端口无响应：打印机是否已开机并连上网络？</translation></message><message><source>no answer within {timeout:g} s</source><translation>{timeout:g} 秒内无响应</translation></message><message><source>pycups cannot load ({exc}); install libcups2 and pycups</source><translation>无法加载 pycups（{exc}）；请安装 libcups2 和 pycups</translation></message><message><source>CUPS queue {queue}</source><translation>CUPS 队列 {queue}</translation></message><message><source>the CUPS scheduler is not running ({exc}); start cupsd</source><translation>CUPS 调度程序未运行（{exc}）；请启动 cupsd</translation></message><message><source>no such print queue; add it in the CUPS settings or choose another printer</source><translation>没有这个打印队列；请在 CUPS 设置中添加，或选择其他打印机</translation></message><message><source>warn when on-time fulfilment is below (0-1)</source><translation>按时发货率低于此值时告警（0-1）</translation></message><message><source>warn when inventory accuracy is below (0-1)</source><translation>库存准确率低于此值时告警（0-1）</translation></message><message><source>warn when the return rate is above (0-1)</source><translation>退货率高于此值时告警（0-1）</translation></message><message><source>warn when first response takes longer (min)</source><translation>首次响应超过此时长时告警（分钟）</translation></message><message><source>packdesk report: {exc}</source><translation>packdesk report：{exc}</translation></message><message><source>--due needs --folder, the folder that keeps the reports.</source><translation>--due 需要 --folder，即保存报告的文件夹。</translation></message><message><source>every recent week already has a report in {folder}</source><translation>{folder} 中最近每一周都已有报告</translation></message><message><source>{target} does not end in .pdf; the report is a PDF.</source><translation>{target} 不是以 .pdf 结尾；报告是 PDF 文件。</translation></message><message><source>{units_returned} of {units_shipped} units shipped came back in {days} days: {rate:.1%}</source><translation>{days} 天内发出的 {units_shipped} 件中退回 {units_returned} 件：{rate:.1%}</translation></message><message><source>packdesk returns: {exc}</source><translation>packdesk returns：{exc}</translation></message><message><source>PIN for {supervisor}: </source><translation>{supervisor} 的 PIN：</translation></message><message><source>{rma_number}: {status}, refund {refund_status} (closed by hand by {supervisor})</source><translation>{rma_number}：{status}，退款{refund_status}（由 {supervisor} 手动关闭）</translation></message><message><source>{value} / {value2}: {window_days} days (faults {fault_window_days}), {value3}{value4}, damaged refund {damaged_refund_percent}%, missing parts {missing_parts_refund_percent}%</source><translation>{value} / {value2}：{window_days} 天（质量问题 {fault_window_days} 天），{value3}{value4}，损坏退款 {damaged_refund_percent}%，缺配件退款 {missing_parts_refund_percent}%</translation></message><message><source>packdesk returns slip: {message}</source><translation>packdesk returns slip：{message}</translation></message><message><source>Return slip {rma_number} written to {target}</source><translation>退货单 {rma_number} 已写入 {target}</translation></message><message><source>Please pack the items with this slip and send them to the address above before the date shown. Return shipping is paid by you.</source><translation>请将商品与本退货单一起寄回上方地址，并在截止日期前寄出。退货运费由买家承担。</translation></message><message><source>Please pack the items with this slip and send them to the address above before the date shown. Return shipping is paid by the shop.</source><translation>请将商品与本退货单一起寄回上方地址，并在截止日期前寄出。退货运费由店铺承担。</translation></message><message><source>Packing slip {order_number}</source><translation>装箱单 {order_number}</translation></message><message><source>no products to label</source><translation>没有要打标签的商品</translation></message><message><source>Product labels</source><translation>商品标签</translation></message><message><source>Packing slip</source><translation>装箱单</translation></message><message><source>Return slip</source><translation>退货单</translation></message><message><source>Send to:</source><translation>寄回地址：</translation></message><message><source>Ship to:</source><translation>收货人：</translation></message><message><source>Return by:</source><translation>退回截止：</translation></message><message><source>Buyer's note</source><translation>买家留言</translation></message><message><source>Buyer</source><translation>买家</translation></message><message><source>Ordered</source><translation>下单时间</translation></message><message><source>Order</source><translation>订单</translation></message><message><source>Item</source><translation>商品</translation></message><message><source>Qty</source><translation>数量</translation></message><message><source>Bin</source><translation>库位</translation></message><message><source>{caption}: {value}</source><translation>{caption}：{value}</translation></message><message><source>Instructions</source><translation>退货说明</translation></message><message><source>Return {rma_number}</source><translation>退货 {rma_number}</translation></message><message><source>Products</source><translation>商品</translation></message><message><source>row {row_number} (order {order_key}): {errors}</source><translation>第 {row_number} 行（订单 {order_key}）：{errors}</translation></message><message><source>no slip captions for {language!r}; use one of {captions}</source><translation>没有 {language!r} 的单据文字；请用 {captions} 之一</translation></message><message><source>unknown paper {paper!r}; use A4 or Letter</source><translation>未知纸张 {paper!r}；请用 A4 或 Letter</translation></message><message><source>resumed after a restart</source><translation>重启后继续</translation></message><message><source>the print spooler is closed</source><translation>打印队列程序已关闭</translation></message><message><source>the store cannot record the job</source><translation>数据库无法记录该打印任务</translation></message><message><source>cannot render: {exc}</source><translation>无法生成：{exc}</translation></message><message><source>{reason} (try {value} in {delay:g} s)</source><translation>{reason}（{delay:g} 秒后第 {value} 次重试）</translation></message><message><source>cancelled by the user</source><translation>已被用户取消</translation></message><message><source>the app stopped while this job was being sent, so it may have printed; check the printer and print it again if it did not come out</source><translation>发送此任务时程序停止了，可能已经打印；请检查打印机，如果没有打出来请重新打印</translation></message><message><source>the app stopped before this batch was rendered; print it again</source><translation>这批任务生成前程序停止了；请重新打印</translation></message><message><source>its printer ({value}) cannot be found again; print it again</source><translation>找不到它的打印机（{value}）；请重新打印</translation></message><message><source>no labels to print</source><translation>没有要打印的面单</translation></message><message><source>cancelled after {value} labels</source><translation>打印 {value} 张面单后已取消</translation></message><message><source>unknown paper {paper!r}; use one of {cups_media}</source><translation>未知纸张 {paper!r}；请用 {cups_media} 之一</translation></message><message><source>a {printer} route needs a target</source><translation>{printer} 打印路径需要一个目标</translation></message><message><source>label printer address {target!r} needs host:port</source><translation>面单打印机地址 {target!r} 需要写成 主机:端口</translation></message><message><source>station {name} has no printer for {value}s; set one in the settings</source><translation>工位 {name} 没有用于{value}的打印机；请在设置中选择一台</translation></message><message><source>a label starts with ^XA but never ends with ^XZ</source><translation>面单以 ^XA 开头，却没有以 ^XZ 结束</translation></message><message><source>no ^XA ... ^XZ label found</source><translation>找不到 ^XA ... ^XZ 面单</translation></message><message><source>thermal printers here are 203 or 300 dpi, not {dpi}</source><translation>这里的热敏打印机为 203 或 300 dpi，不能是 {dpi}</translation></message><message><source>{name}: the robot says too many messages ({said}); trying again later</source><translation>{name}：机器人提示消息太多（{said}）；稍后重试</translation></message><message><source>{name}: the robot is busy ({said})</source><translation>{name}：机器人繁忙（{said}）</translation></message><message><source>this computer's clock (the signature is only good for an hour)</source><translation>本机时钟（签名只在一小时内有效）</translation></message><message><source>the robot's sign secret, its keyword and its IP allow-list</source><translation>机器人的加签密钥、关键词和 IP 白名单</translation></message><message><source>{name}: DingTalk refused the message ({said}); check {check}, then send the failed messages again</source><translation>{name}：钉钉拒绝了消息（{said}）；请检查{check}，然后重新发送失败的消息</translation></message><message><source>{name}: WeCom refused the message ({said}); check the robot's webhook address (key)</source><translation>{name}：企业微信拒绝了消息（{said}）；请检查机器人的 Webhook 地址（key）</translation></message><message><source>{name}: the robot refused the message ({said})</source><translation>{name}：机器人拒绝了消息（{said}）</translation></message><message><source>recipients refused: {recipients}</source><translation>收件人被拒绝：{recipients}</translation></message><message><source>{name}: the mail server does not offer STARTTLS ({exc}); Packdesk sends mail encrypted only</source><translation>{name}：邮件服务器不支持 STARTTLS（{exc}）；Packdesk 只发送加密邮件</translation></message><message><source>{name}: the mail server's certificate is not trusted ({value})</source><translation>{name}：邮件服务器的证书不受信任（{value}）</translation></message><message><source>{name}: mail server {smtp_host} not reachable ({name2})</source><translation>{name}：无法连接邮件服务器 {smtp_host}（{name2}）</translation></message><message><source>{name}: the mail server asks to try later (SMTP {code} {said})</source><translation>{name}：邮件服务器要求稍后再试（SMTP {code} {said}）</translation></message><message><source>refused the login</source><translation>拒绝了登录</translation></message><message><source>refused the mail</source><translation>拒绝了邮件</translation></message><message><source>{name}: the mail server {what} (SMTP {code} {said})</source><translation>{name}：邮件服务器{what}（SMTP {code} {said}）</translation></message><message><source>{name}: {exc} (set the route up again with packdesk alerts route add {code} ...)</source><translation>{name}：{exc}（请用 packdesk alerts route add {code} ... 重新设置该路由）</translation></message><message><source>alerts: {sent} sent, {failed} failed</source><translation>告警：已发送 {sent} 条，失败 {failed} 条</translation></message><message><source>errcode {code}: {message}</source><translation>错误码 {code}：{message}</translation></message><message><source>errcode {code}</source><translation>错误码 {code}</translation></message><message><source>; quiet {quiet}</source><translation>；免打扰 {quiet}</translation></message><message><source>packdesk {command}: {exc}</source><translation>packdesk {command}：{exc}</translation></message><message><source>  --encoding {encoding}: {sample}</source><translation>  --encoding {encoding}：{sample}</translation></message><message><source>row {number}: {problem}</source><translation>第 {number} 行：{problem}</translation></message><message><source>rows {numbered}-{numbered2}: {exc}</source><translation>第 {numbered}-{numbered2} 行：{exc}</translation></message><message><source>row {number} 购买数量</source><translation>第 {number} 行 购买数量</translation></message><message><source>row {number} 价格</source><translation>第 {number} 行 价格</translation></message><message><source>[Packdesk] Weekly report {week}</source><translation>[Packdesk] 运营周报 {week}</translation></message><message><source>The Packdesk weekly report for {week} is attached: the week's figures, their trend and charts, and any figure that stayed past its threshold three days in a row.</source><translation>附件是 {week} 的 Packdesk 运营周报：本周各项指标、趋势和图表，以及连续三天超出阈值的指标。</translation></message><message><source>{name}: this station cannot render the weekly report; another station will send it</source><translation>{name}：本工位无法生成运营周报；将由其他工位发送</translation></message><message><source>The report for {week} is queued for route {route}.</source><translation>{week} 的周报已排队发往路由 {route}。</translation></message><message><source>The report for {week} was queued for route {route} already; see packdesk outbox list --channel alert:{route}.</source><translation>{week} 的周报之前已排队发往路由 {route}；请看 packdesk outbox list --channel alert:{route}。</translation></message><message><source>The next packdesk sync sends it.</source><translation>下一次 packdesk sync 会发送。</translation></message><message><source>{line}, 1 route waiting</source><translation>{line}，1 条路由等待中</translation></message><message><source>{line}, {waiting} routes waiting</source><translation>{line}，{waiting} 条路由等待中</translation></message><message><source>Alert route {code}: {name}</source><translation>告警路由 {code}：{name}</translation></message><message><source>quiet hours until {quiet:%H:%M} UTC</source><translation>免打扰至 UTC {quiet:%H:%M}</translation></message><message><source>Alert route {code} ({kind})</source><translation>告警路由 {code}（{kind}）</translation></message><message><source>{exc}; check the route's webhook address</source><translation>{exc}；请检查该路由的 Webhook 地址</translation></message><message><source>; its secret is in the system keyring.</source><translation>；其密钥保存在系统密钥环中。</translation></message><message><source>Alert route {code} added</source><translation>已添加告警路由 {code}</translation></message><message><source>Test message sent to alert route {code}.</source><translation>测试消息已发送到告警路由 {code}。</translation></message><message><source>packdesk alerts: the test message to {code} is {status}: {value}</source><translation>packdesk alerts：发往 {code} 的测试消息为 {status}：{value}</translation></message><message><source>{count} alert routes</source><translation>{count} 条告警路由</translation></message><message><source>Alert route {code} removed.</source><translation>已删除告警路由 {code}。</translation></message><message><source>{code} sign secret (SEC...): </source><translation>{code} 的加签密钥（SEC...）：</translation></message><message><source>{code} SMTP password for {username}: </source><translation>{code} 中 {username} 的 SMTP 密码：</translation></message><message><source>sync cursor is not valid ({exc}); reset the channel's cursor</source><translation>同步游标无效（{exc}）；请重置该渠道的游标</translation></message><message><source>{channel}: shop address {base_url!r} is not an https URL</source><translation>{channel}：店铺地址 {base_url!r} 不是 https 网址</translation></message><message><source>{channel}: shop address must use https, got {base_url!r}</source><translation>{channel}：店铺地址必须使用 https，收到的是 {base_url!r}</translation></message><message><source>{channel}: TLS verification cannot be turned off</source><translation>{channel}：不能关闭 TLS 证书验证</translation></message><message><source>{channel}: no answer in time ({name})</source><translation>{channel}：未及时响应（{name}）</translation></message><message><source>{channel}: connection failed ({name})</source><translation>{channel}：连接失败（{name}）</translation></message><message><source>{channel}: {method} {path} was redirected to {target} (HTTP {status}); Packdesk does not follow redirects with the shop's keys: set the shop address to the https address it moved to</source><translation>{channel}：{method} {path} 被重定向到 {target}（HTTP {status}）；Packdesk 不会带着店铺密钥跟随重定向：请把店铺地址改为它迁移后的 https 地址</translation></message><message><source>{channel}: too many requests, retry after {wait:.1f} s</source><translation>{channel}：请求过多，{wait:.1f} 秒后重试</translation></message><message><source>{channel}: server error HTTP {status}</source><translation>{channel}：服务器错误 HTTP {status}</translation></message><message><source>{channel}: credentials refused (HTTP {status}{said}); check the channel's access settings</source><translation>{channel}：凭据被拒绝（HTTP {status}{said}）；请检查该渠道的访问设置</translation></message><message><source>{channel}: request refused (HTTP {status}): {text}</source><translation>{channel}：请求被拒绝（HTTP {status}）：{text}</translation></message><message><source>rate limited, retry after {retry_after_s:.1f} s</source><translation>被限流，{retry_after_s:.1f} 秒后重试</translation></message><message><source>{channel}: answer to {method} {path} is not valid JSON ({exc})</source><translation>{channel}：{method} {path} 的响应不是有效的 JSON（{exc}）</translation></message><message><source>stock for {sku} changed at the channel (now {remote_quantity})</source><translation>{sku} 的库存在渠道上已变动（现为 {remote_quantity}）</translation></message><message><source>{pulled} orders in</source><translation>收到 {pulled} 个订单</translation></message><message><source>orders being pulled by {pulled_elsewhere}</source><translation>订单正由 {pulled_elsewhere} 拉取</translation></message><message><source>{pulled}, {pushed} changes out</source><translation>{pulled}，推送 {pushed} 项变更</translation></message><message><source>, {parked} parked (see exceptions)</source><translation>，搁置 {parked} 个（见异常列表）</translation></message><message><source>rate limited for {retry_after_s:.0f} s: {exc}</source><translation>被限流 {retry_after_s:.0f} 秒：{exc}</translation></message><message><source>rate limited, waiting {pause:.1f} s</source><translation>被限流，等待 {pause:.1f} 秒</translation></message><message><source>stopped while waiting for the rate limit</source><translation>等待限流解除时已停止</translation></message><message><source>could not read orders: {exc}</source><translation>无法读取订单：{exc}</translation></message><message><source>{pushed} changes out</source><translation>推送 {pushed} 项变更</translation></message><message><source>Packdesk cannot send {kind!r} messages yet</source><translation>Packdesk 目前还不能发送 {kind!r} 消息</translation></message><message><source>{sku} changed at the channel; pulling orders and recomputing</source><translation>{sku} 在渠道上已变动；正在拉取订单并重新计算</translation></message><message><source>No channel to sync; add one with: packdesk channel add CODE --kind ...</source><translation>没有要同步的渠道；请用以下命令添加：packdesk channel add CODE --kind ...</translation></message><message><source>{code}: {where}, {queue_depth} queued, {failed} failed - {value}</source><translation>{code}：{where}，排队 {queue_depth}，失败 {failed} - {value}</translation></message><message><source>packdesk import: {unsure}</source><translation>packdesk import：{unsure}</translation></message><message><source>Nothing was imported. Run again with the --encoding whose names read right.</source><translation>没有导入任何内容。请用名称显示正确的那个 --encoding 重新运行。</translation></message><message><source>{count} of {count2} rows have errors; nothing was imported. Fix the file, or run again with --yes to import the good rows only.</source><translation>{count2} 行中有 {count} 行有错误；没有导入任何内容。请修正文件，或加 --yes 重新运行，只导入正确的行。</translation></message><message><source>Imported {count} orders from {name}: </source><translation>已从 {name} 导入 {count} 个订单：</translation></message><message><source>; skipped {count} orders with bad rows</source><translation>；跳过 {count} 个有错误行的订单</translation></message><message><source>  {order_number} needs review: {reasons}</source><translation>  {order_number} 需要审核：{reasons}</translation></message><message><source>  {channel} order {channel_order_id} parked in the exceptions list: {reasons}</source><translation>  {channel} 订单 {channel_order_id} 已搁置到异常列表：{reasons}</translation></message><message><source>{code} ({kind}) ratio {allocation_ratio:g}, buffer {floor_buffer}: {value}</source><translation>{code}（{kind}）比例 {allocation_ratio:g}，保底 {floor_buffer}：{value}</translation></message><message><source>channel {code} needs --set for {missing}</source><translation>渠道 {code} 需要用 --set 设置 {missing}</translation></message><message><source>Channel {code} added; its credentials are in the system keyring.</source><translation>已添加渠道 {code}；其凭据保存在系统密钥环中。</translation></message><message><source>give message ids, or --all-failed (not both)</source><translation>请给出消息编号，或使用 --all-failed（不能同时使用）</translation></message><message><source>packdesk outbox: {exc}</source><translation>packdesk outbox：{exc}</translation></message><message><source>queued again: {outbox_line}</source><translation>已重新排队：{outbox_line}</translation></message><message><source>{count} messages queued again; the next sync sends them</source><translation>{count} 条消息已重新排队；下次同步时发送</translation></message><message><source>, being sent by {claimed_by}</source><translation>，正由 {claimed_by} 发送</translation></message><message><source>No system keyring is available to keep channel credentials. Start the desktop's keyring (GNOME Keyring, KWallet) or configure one for `keyring`.</source><translation>没有可用于保存渠道凭据的系统密钥环。请启动桌面的密钥环（GNOME Keyring、KWallet），或为 `keyring` 配置一个。</translation></message><message><source>Channel {channel_code}: missing {missing}.</source><translation>渠道 {channel_code}：缺少 {missing}。</translation></message><message><source>The keyring refused to store the credentials of {channel_code} ({name}).</source><translation>密钥环拒绝保存 {channel_code} 的凭据（{name}）。</translation></message><message><source>The keyring could not be read for {channel_code} ({name}).</source><translation>无法读取 {channel_code} 的密钥环（{name}）。</translation></message><message><source>No credentials stored for channel {channel_code}; run: packdesk channel add {channel_code} ...</source><translation>渠道 {channel_code} 没有保存凭据；请运行：packdesk channel add {channel_code} ...</translation></message><message><source>The stored credentials of {channel_code} are not readable; store them again.</source><translation>{channel_code} 已保存的凭据无法读取；请重新保存。</translation></message><message><source>Channel {channel_code}: stored credentials lack {missing}; store them again.</source><translation>渠道 {channel_code}：已保存的凭据缺少 {missing}；请重新保存。</translation></message><message><source>{source}: cannot tell its text encoding for sure (it reads as {names}); choose one, e.g. --encoding {encoding}</source><translation>{source}：无法确定其文本编码（可读作 {names}）；请选择一个，例如 --encoding {encoding}</translation></message><message><source>{source} is not text in any encoding Packdesk knows ({encodings}); give one with --encoding</source><translation>{source} 不是 Packdesk 已知的任何编码的文本（{encodings}）；请用 --encoding 指定</translation></message><message><source>{encoding!r} is not a text encoding Packdesk knows</source><translation>{encoding!r} 不是 Packdesk 已知的文本编码</translation></message><message><source>{source} is not {encoding} text (byte {start} does not fit)</source><translation>{source} 不是 {encoding} 文本（第 {start} 个字节不符）</translation></message><message><source>column {header!r} holds {value} KB of text; a cell may hold at most {value2} KB</source><translation>列 {header!r} 有 {value} KB 文本；一个单元格最多 {value2} KB</translation></message><message><source>{name}: no 订单编号 column, not a 宝贝报表</source><translation>{name}：没有“订单编号”列，不是宝贝报表</translation></message><message><source>no order id in column {order_id!r}</source><translation>列 {order_id!r} 中没有订单编号</translation></message><message><source> (add the 宝贝报表 items export)</source><translation>（请加上宝贝报表的商品导出）</translation></message><message><source>line {label!r} has no SKU{hint}</source><translation>订单行 {label!r} 没有 SKU{hint}</translation></message><message><source>column {quantity!r}: quantity of {label!r}</source><translation>列 {quantity!r}：{label!r} 的数量</translation></message><message><source>column {unit_price!r}: price of {label!r}</source><translation>列 {unit_price!r}：{label!r} 的价格</translation></message><message><source>{price_column} {shown} is more than Packdesk can keep (at most {value})</source><translation>{price_column} {shown} 超出 Packdesk 能保存的范围（最多 {value}）</translation></message><message><source>status {raw!r} is not one Packdesk knows</source><translation>状态 {raw!r} 不是 Packdesk 已知的状态</translation></message><message><source>cannot read {path}: {strerror}</source><translation>无法读取 {path}：{strerror}</translation></message><message><source>{name} is empty</source><translation>{name} 是空的</translation></message><message><source>{name}: columns are not a known export; set up a column mapping</source><translation>{name}：列不属于已知的导出格式；请设置列映射</translation></message><message><source>{name}: missing columns for {missing}</source><translation>{name}：缺少 {missing} 的列</translation></message><message><source>{key} (no column chosen)</source><translation>{key}（未选择列）</translation></message><message><source>{key} (column {column!r})</source><translation>{key}（列 {column!r}）</translation></message><message><source>saved column mapping is not valid: {exc}</source><translation>已保存的列映射无效：{exc}</translation></message><message><source>field {map} is missing</source><translation>缺少字段 {map}</translation></message><message><source>{what} is text, not a JSON {shapes}</source><translation>{what} 是文本，不是 JSON {shapes}</translation></message><message><source>{what} is a JSON {name}, not a JSON {shapes}</source><translation>{what} 是 JSON {name}，不是 JSON {shapes}</translation></message><message><source>{what} {shown} is not a number</source><translation>{what} {shown} 不是数字</translation></message><message><source>{what} {shown} is not a finite number</source><translation>{what} {shown} 不是有限数</translation></message><message><source>{what} {shown} is not a whole number</source><translation>{what} {shown} 不是整数</translation></message><message><source>{what} {shown} is more than {limit}</source><translation>{what} {shown} 超过 {limit}</translation></message><message><source>{what} is missing</source><translation>缺少{what}</translation></message><message><source>{what} {raw!r} is not a date and time</source><translation>{what} {raw!r} 不是日期时间</translation></message><message><source>packdesk orders: {exc}</source><translation>packdesk orders：{exc}</translation></message><message><source>offline until {until:%Y-%m-%d %H:%M} UTC: {exc}</source><translation>离线至 UTC {until:%Y-%m-%d %H:%M}：{exc}</translation></message><message><source>Channel {code} has no {args} setting; set it up again.</source><translation>渠道 {code} 没有 {args} 设置；请重新设置。</translation></message><message><source>Channel {code} ({kind}) has nothing to sync.</source><translation>渠道 {code}（{kind}）没有可同步的内容。</translation></message><message><source>{channel}: query-cost bucket low ({now_available:.0f} of {requested:.0f} points), waiting for it to refill</source><translation>{channel}：查询额度不足（{now_available:.0f}/{requested:.0f} 点），等待恢复</translation></message><message><source>{channel}: throttled by the query-cost limit</source><translation>{channel}：受查询额度限制被限流</translation></message><message><source>{channel}: {operation} asks for more than Shopify allows in one query: {value}</source><translation>{channel}：{operation} 超出了 Shopify 单次查询的上限：{value}</translation></message><message><source>{channel}: {operation} denied: {messages}</source><translation>{channel}：{operation} 被拒绝：{messages}</translation></message><message><source>{channel}: {operation} failed: {messages}</source><translation>{channel}：{operation} 失败：{messages}</translation></message><message><source>{channel}: orders answer has no orders.nodes list</source><translation>{channel}：订单响应中没有 orders.nodes 列表</translation></message><message><source>{exc}; even one order a page is too costly</source><translation>{exc}；即使每页一个订单也超出额度</translation></message><message><source>{channel}: order {text} has more line items but no cursor to ask for them</source><translation>{channel}：订单 {text} 还有更多订单行，但没有可用于获取的游标</translation></message><message><source>{channel}: line items of order {text} came back without nodes</source><translation>{channel}：订单 {text} 的订单行返回时没有 nodes</translation></message><message><source>{channel}: order {channel_order_id} not found</source><translation>{channel}：找不到订单 {channel_order_id}</translation></message><message><source>tracking already on Shopify</source><translation>Shopify 上已有运单号</translation></message><message><source>{channel}: fulfilment refused: </source><translation>{channel}：发货被拒绝：</translation></message><message><source>refund already on Shopify</source><translation>Shopify 上已有退款</translation></message><message><source>{channel}: refund refused: </source><translation>{channel}：退款被拒绝：</translation></message><message><source>{channel}: {count} inventory items carry SKU {sku!r} (expected exactly one)</source><translation>{channel}：有 {count} 个库存项使用 SKU {sku!r}（应只有一个）</translation></message><message><source>{channel}: inventory level of {sku!r} has no available quantity</source><translation>{channel}：{sku!r} 的库存没有可用数量</translation></message><message><source>{channel}: SKU {sku!r} is not stocked at the bench location</source><translation>{channel}：SKU {sku!r} 在本工作台的仓库地点没有库存</translation></message><message><source>{channel}: stock for {sku} refused: </source><translation>{channel}：{sku} 的库存更新被拒绝：</translation></message><message><source>{channel}: refund in {currency} for an order in {currency2}</source><translation>{channel}：以 {currency} 退款，但订单币种是 {currency2}</translation></message><message><source>{channel}: order {channel_order_id} has no captured payment to refund</source><translation>{channel}：订单 {channel_order_id} 没有可退款的已收款项</translation></message><message><source>{channel}: order {channel_order_id} has nothing left to fulfil for the shipped lines</source><translation>{channel}：订单 {channel_order_id} 的已发订单行没有待发货的内容了</translation></message><message><source>{field_name} {value!r} is not one Packdesk knows</source><translation>{field_name} {value!r} 不是 Packdesk 已知的值</translation></message><message><source>current quantity of line {line_id}</source><translation>订单行 {line_id} 的当前数量</translation></message><message><source>price of line {line_id}</source><translation>订单行 {line_id} 的价格</translation></message><message><source>{channel}: {operation} answered with a JSON {name}, not an object</source><translation>{channel}：{operation} 返回的是 JSON {name}，不是对象</translation></message><message><source>{channel}: {operation} answer has no data object</source><translation>{channel}：{operation} 的响应中没有 data 对象</translation></message><message><source>Taobao already shows this tracking number</source><translation>淘宝上已显示此运单号</translation></message><message><source>{channel}: trade {tid} is closed at Taobao; it cannot be consigned ({exc})</source><translation>{channel}：交易 {tid} 在淘宝已关闭；不能发货（{exc}）</translation></message><message><source>Taobao already shows {tid} consigned (B04): {exc}</source><translation>淘宝上已显示 {tid} 已发货（B04）：{exc}</translation></message><message><source>{channel}: consignment of {tid} not accepted</source><translation>{channel}：{tid} 的发货未被接受</translation></message><message><source>{channel}: Taobao refunds are approved in the seller centre; Packdesk marks this case for a person (order {channel_order_id}, {amount:.2f})</source><translation>{channel}：淘宝退款需在卖家中心审批；Packdesk 将此退货标记为需人工处理（订单 {channel_order_id}，{amount:.2f}）</translation></message><message><source>{channel}: {count} items carry merchant code {sku!r} (expected exactly one)</source><translation>{channel}：有 {count} 个商品使用商家编码 {sku!r}（应只有一个）</translation></message><message><source>channel already holds this quantity</source><translation>渠道上已是这个数量</translation></message><message><source>{channel}: stock of {sku} read back as {read_back} after writing {quantity}</source><translation>{channel}：写入 {quantity} 后读回的 {sku} 库存为 {read_back}</translation></message><message><source>trade status {status!r} is not one Packdesk knows</source><translation>交易状态 {status!r} 不是 Packdesk 已知的状态</translation></message><message><source>num of line {oid}</source><translation>订单行 {oid} 的数量</translation></message><message><source>price of line {oid}</source><translation>订单行 {oid} 的价格</translation></message><message><source>{channel}: the increment window may be at most one day</source><translation>{channel}：增量查询的时间窗口最多一天</translation></message><message><source>taobao: {api_method} refused (code {code}: {detail})</source><translation>淘宝：{api_method} 被拒绝（代码 {code}：{detail}）</translation></message><message><source>taobao: sign method {method!r} is not one of {sign_methods}</source><translation>淘宝：签名方法 {method!r} 不在 {sign_methods} 之中</translation></message><message><source>taobao: {api_method} answered with a JSON {name}, not an object</source><translation>淘宝：{api_method} 返回的是 JSON {name}，不是对象</translation></message><message><source>taobao: {api_method} answer has no {response_key}</source><translation>淘宝：{api_method} 的响应中没有 {response_key}</translation></message><message><source>taobao: {api_method} call limit reached (code {code}: {detail})</source><translation>淘宝：{api_method} 已达调用上限（代码 {code}：{detail}）</translation></message><message><source>taobao: {api_method} platform error (code {code}: {detail})</source><translation>淘宝：{api_method} 平台错误（代码 {code}：{detail}）</translation></message><message><source>taobao: {api_method} busy, try again later (code {code}: {detail})</source><translation>淘宝：{api_method} 繁忙，请稍后再试（代码 {code}：{detail}）</translation></message><message><source>taobao: credentials refused for {api_method} ({detail})</source><translation>淘宝：{api_method} 的凭据被拒绝（{detail}）</translation></message><message><source>shipping address has no recipient name</source><translation>收货地址没有收件人姓名</translation></message><message><source>shipping address has no street line</source><translation>收货地址没有街道地址</translation></message><message><source>shipping address has no city or region</source><translation>收货地址没有城市或地区</translation></message><message><source>shipping country is not a two-letter country code</source><translation>收货国家不是两位字母的国家代码</translation></message><message><source>shipping address in {country} has no postcode</source><translation>{country} 的收货地址没有邮编</translation></message><message><source>postcode is not a valid {country} postcode</source><translation>邮编不是有效的 {country} 邮编</translation></message><message><source>no phone number for the carrier</source><translation>没有给承运商的电话号码</translation></message><message><source>phone has letters or symbols in it</source><translation>电话号码中有字母或符号</translation></message><message><source>phone is not an 11-digit mainland mobile number</source><translation>电话号码不是 11 位的中国大陆手机号</translation></message><message><source>phone has {digits} digits (expected 6 to 15)</source><translation>电话号码有 {digits} 位数字（应为 6 到 15 位）</translation></message><message><source>phone is not a number the carrier can dial</source><translation>电话号码不是承运商能拨打的号码</translation></message><message><source>phone is too short for a {country} number</source><translation>电话号码位数太少，不像 {country} 的号码</translation></message><message><source>phone is too long for a {country} number</source><translation>电话号码位数太多，不像 {country} 的号码</translation></message><message><source>line {label!r} has no SKU, so it cannot be scanned</source><translation>订单行 {label!r} 没有 SKU，无法扫描</translation></message><message><source>line {label!r} has quantity {quantity} (must be 1 or more)</source><translation>订单行 {label!r} 的数量为 {quantity}（必须为 1 或以上）</translation></message><message><source>line {label!r} has price {price} (must be 0 or more)</source><translation>订单行 {label!r} 的价格为 {price}（必须为 0 或以上）</translation></message><message><source>line {label!r} has currency {currency!r} (expected e.g. USD, CNY)</source><translation>订单行 {label!r} 的币种为 {currency!r}（应为 USD、CNY 等）</translation></message><message><source>order has no lines</source><translation>订单没有订单行</translation></message><message><source>{channel}: credentials refused (HTTP 401: {value}); the store answered as if no key had been sent, as when the web server strips the Authorization header. Packdesk sends the keys in the query string instead only over https; this store address is plain http</source><translation>{channel}：凭据被拒绝（HTTP 401：{value}）；店铺的回应就像没有收到密钥一样，网页服务器去掉 Authorization 头时就会这样。Packdesk 只在 https 下改用查询字符串发送密钥；这个店铺地址是普通 http</translation></message><message><source>{channel}: order list is a JSON {name}</source><translation>{channel}：订单列表是 JSON {name}</translation></message><message><source>{channel}: order list has no usable X-WP-TotalPages header</source><translation>{channel}：订单列表没有可用的 X-WP-TotalPages 头</translation></message><message><source>{channel}: refund list is a JSON {name}</source><translation>{channel}：退款列表是 JSON {name}</translation></message><message><source>refund already on WooCommerce</source><translation>WooCommerce 上已有退款</translation></message><message><source>{channel}: refund answer is not a JSON object</source><translation>{channel}：退款响应不是 JSON 对象</translation></message><message><source>{channel}: {count} products carry SKU {sku!r} (expected exactly one)</source><translation>{channel}：有 {count} 个商品使用 SKU {sku!r}（应只有一个）</translation></message><message><source>{channel}: stock of {sku!r} is not managed by WooCommerce</source><translation>{channel}：{sku!r} 的库存不由 WooCommerce 管理</translation></message><message><source>stock of {sku}</source><translation>{sku} 的库存</translation></message><message><source>Shipped with {carrier}, tracking number {tracking_number}.</source><translation>已由 {carrier} 发出，运单号 {tracking_number}。</translation></message><message><source>order status {status!r} is not one Packdesk knows</source><translation>订单状态 {status!r} 不是 Packdesk 已知的状态</translation></message><message><source>quantity of line {line_id}</source><translation>订单行 {line_id} 的数量</translation></message><message><source>meta_data entry {n}</source><translation>meta_data 第 {n} 项</translation></message><message><source>{channel}: page size {page_size} is outside 1..100</source><translation>{channel}：每页数量 {page_size} 不在 1..100 之间</translation></message><message><source>On-time fulfilment {on_time_rate:.1%} is below {on_time_min:.0%}</source><translation>按时发货率 {on_time_rate:.1%} 低于 {on_time_min:.0%}</translation></message><message><source>Inventory accuracy {inventory_accuracy:.1%} is below {inventory_accuracy_min:.0%}</source><translation>库存准确率 {inventory_accuracy:.1%} 低于 {inventory_accuracy_min:.0%}</translation></message><message><source>Return rate {return_rate:.1%} is above {return_rate_max:.0%}</source><translation>退货率 {return_rate:.1%} 高于 {return_rate_max:.0%}</translation></message><message><source>First response to returns {minutes:.0f} min is above {first_response_max_minutes:.0f} min</source><translation>退货首次响应 {minutes:.0f} 分钟，超过 {first_response_max_minutes:.0f} 分钟</translation></message><message><source>the channel holds the order</source><translation>渠道暂停了该订单</translation></message><message><source>awaiting payment</source><translation>等待付款</translation></message><message><source>Taking in channel orders</source><translation>接收渠道订单</translation></message><message><source>{channel_hold} no more</source><translation>{channel_hold}已解除</translation></message><message><source>{status} at the channel</source><translation>渠道上为“{status}”</translation></message><message><source>Order {number} is ready to pack.</source><translation>订单 {number} 可以打包了。</translation></message><message><source>partly refunded at the channel: check which items still ship</source><translation>渠道上已部分退款：请确认哪些商品仍需发货</translation></message><message><source>the channel changed the order's items: check them before packing</source><translation>渠道修改了订单商品：打包前请核对</translation></message><message><source>review done</source><translation>审核完成</translation></message><message><source>unknown SKU {sku}: no such product in Packdesk</source><translation>未知 SKU {sku}：Packdesk 中没有这个商品</translation></message><message><source>{hold_reason} after order {number} was {value}: stop the parcel before it ships</source><translation>订单 {number} 已是“{value}”后{hold_reason}：请在发出前拦下包裹</translation></message><message><source>{status} at the channel after order {number} was {value}: stop the parcel and refund by hand</source><translation>订单 {number} 已是“{value}”后渠道上变为“{status}”：请拦下包裹并手动退款</translation></message><message><source>order is {status} at the channel</source><translation>订单在渠道上为“{status}”</translation></message><message><source>not enough stock for SKU {sku}</source><translation>SKU {sku} 库存不足</translation></message><message><source>On-time fulfilment</source><translation>按时发货率</translation></message><message><source>Inventory accuracy</source><translation>库存准确率</translation></message><message><source>Return rate</source><translation>退货率</translation></message><message><source>First response to returns</source><translation>退货首次响应</translation></message><message><source>Mis-scan rate</source><translation>错扫率</translation></message><message><source>channel {channel}: {count} of {total} late orders</source><translation>渠道 {channel}：逾期订单 {total} 个中占 {count} 个</translation></message><message><source>orders due at {hour:02d}:00 UTC: {count} of {total} late orders</source><translation>UTC {hour:02d}:00 到期的订单：逾期订单 {total} 个中占 {count} 个</translation></message><message><source>SKU {sku}: {count} of {total} counts off</source><translation>SKU {sku}：盘点差异 {total} 次中占 {count} 次</translation></message><message><source>packer {packer}: {count} of {total} mis-scans</source><translation>打包员 {packer}：错扫 {total} 次中占 {count} 次</translation></message><message><source>no counts yet</source><translation>尚无盘点</translation></message><message><source>no return cases yet</source><translation>尚无退货</translation></message><message><source>better</source><translation>变好</translation></message><message><source>worse</source><translation>变差</translation></message><message><source>same</source><translation>持平</translation></message><message><source>On-time fulfilment per day (%), threshold dashed</source><translation>每日按时发货率（%），虚线为阈值</translation></message><message><source>On-time fulfilment per day (%), threshold dashed: too few days with packed orders for a line</source><translation>每日按时发货率（%），虚线为阈值：有打包订单的天数太少，画不出折线</translation></message><message><source>n/a</source><translation>无</translation></message><message><source>{figure}: {days} days in a row, {first} to {last}</source><translation>{figure}：连续 {days} 天，{first} 至 {last}</translation></message><message><source>week</source><translation>本周</translation></message><message><source>min {limit}</source><translation>最低 {limit}</translation></message><message><source>max {limit}</source><translation>最高 {limit}</translation></message><message><source>{streak}; most of the misses: {carried_by}</source><translation>{streak}；问题主要集中在：{carried_by}</translation></message><message><source>Orders packed per day</source><translation>每日打包订单数</translation></message><message><source>Past the threshold three days in a row</source><translation>连续三天超出阈值</translation></message><message><source>Threshold crossings</source><translation>超出阈值</translation></message><message><source>Packdesk weekly report {week}</source><translation>Packdesk 运营周报 {week}</translation></message><message><source>{since} to {until} (UTC). Made {made_at} UTC.</source><translation>{since} 至 {until}（UTC）。生成于 UTC {made_at}。</translation></message><message><source>Orders packed: {orders_fulfilled}, on time: {on_time}, returns opened: {returns}.</source><translation>打包订单：{orders_fulfilled}，按时：{on_time}，新开退货：{returns}。</translation></message><message><source>Figures and trend</source><translation>指标与趋势</translation></message><message><source>Charts</source><translation>图表</translation></message><message><source>Worst days</source><translation>表现最差的几天</translation></message><message><source>Packers</source><translation>打包员</translation></message><message><source>Figure</source><translation>指标</translation></message><message><source>This week</source><translation>本周</translation></message><message><source>Last week</source><translation>上周</translation></message><message><source>Trend</source><translation>趋势</translation></message><message><source>Threshold</source><translation>阈值</translation></message><message><source>Status</source><translation>状态</translation></message><message><source>Packer</source><translation>打包员</translation></message><message><source>Orders</source><translation>订单</translation></message><message><source>Orders/hour</source><translation>订单/小时</translation></message><message><source>Scan to label (s)</source><translation>扫描到出面单（秒）</translation></message><message><source>{scope}: {crossing}</source><translation>{scope}：{crossing}</translation></message><message><source>Day</source><translation>日期</translation></message><message><source>On time</source><translation>按时</translation></message><message><source>Mis-scans</source><translation>错扫</translation></message><message><source>WARN</source><translation>警告</translation></message><message><source>ok</source><translation>正常</translation></message><message><source>No figure stayed past its threshold three days in a row.</source><translation>没有指标连续三天超出阈值。</translation></message><message><source>No figure crossed its threshold.</source><translation>没有指标超出阈值。</translation></message><message><source>No orders were packed this week.</source><translation>本周没有打包订单。</translation></message><message><source>Every day with packed orders shipped all of them on time.</source><translation>有打包订单的每一天都全部按时发货。</translation></message><message><source>No parcel has tracking number {number}. Check that the label is one of ours and set the parcel aside.</source><translation>没有运单号为 {number} 的包裹。请确认这是我们的面单，并把包裹放到一边。</translation></message><message><source>Parcel {number} (order {orders}) was stopped; it must not leave. Take it off the cage and give it to a supervisor.</source><translation>包裹 {number}（订单 {orders}）已被拦截，不能发出。请把它从笼车上取下交给主管。</translation></message><message><source>Parcel {number} was already scanned out by {by} at {when}.</source><translation>包裹 {number} 已由 {by} 于 {when} 扫描交接。</translation></message><message><source>Parcel {number} ({orders}) scanned out to {carrier}.</source><translation>包裹 {number}（{orders}）已交接给 {carrier}。</translation></message><message><source>Order {number} stopped.</source><translation>订单 {number} 已拦截。</translation></message><message><source>Order {number} stopped; label {tracking} will be refunded at the carrier.</source><translation>订单 {number} 已拦截；面单 {tracking} 将向承运商申请退款。</translation></message><message><source>Order {number} is {status}; only a packed parcel that has not been handed over can be stopped.</source><translation>订单 {number} 状态为{status}；只有已打包且未交接的包裹才能拦截。</translation></message><message><source>The label for {orders} will be asked again.</source><translation>将重新为 {orders} 申请面单。</translation></message><message><source>Parcel {reference} is {state}; only a pending label is asked again.</source><translation>包裹 {reference} 状态为 {state}；只有待出的面单才能重新申请。</translation></message><message><source>There is no parcel {reference}.</source><translation>没有包裹 {reference}。</translation></message><message><source>Parcel {reference}: its carrier {carrier} or its orders are gone from the store.</source><translation>包裹 {reference}：其承运商 {carrier} 或订单已不在数据库中。</translation></message><message><source>Quiet hours must be between 0 (the default, 72) and 1440, not {hours}.</source><translation>无物流更新的告警时长必须在 0（默认 72）到 1440 小时之间，而不是 {hours}。</translation></message><message><source>{zone} is not a time zone Packdesk knows; give one like Asia/Shanghai or Europe/Berlin.</source><translation>{zone} 不是 Packdesk 认识的时区；请填写如 Asia/Shanghai 或 Europe/Berlin。</translation></message><message><source>Carrier {code} issues its labels through {api}.</source><translation>承运商 {code} 通过 {api} 出面单。</translation></message><message><source>Carrier {code} prints numbers from its own range.</source><translation>承运商 {code} 使用自有号段打印运单号。</translation></message><message><source>There is no carrier adapter {api}; use one of {known}, or none for the own number range.</source><translation>没有名为 {api} 的承运商接口；请使用 {known} 之一，或留空使用自有号段。</translation></message><message><source>The carrier refused the label for {orders}: {reason}. Correct it (address, balance), then ask again with `packdesk labels retry {reference}`.</source><translation>承运商拒绝为 {orders} 出面单：{reason}。请先改正（地址、余额），再运行 `packdesk labels retry {reference}` 重新申请。</translation></message><message><source>The label for {orders} has been pending at {carrier} for {minutes} min: {reason}. Packing goes on; it prints when the carrier answers.</source><translation>{orders} 的面单已在 {carrier} 等待 {minutes} 分钟：{reason}。打包可以继续，承运商响应后面单会自动打印。</translation></message><message><source>Parcel {tracking} ({orders}) for {carrier} was packed but not scanned out by the {cutoff} cut-off. Find it and scan it out (packdesk handover).</source><translation>发往 {carrier} 的包裹 {tracking}（{orders}）已打包，但在 {cutoff} 截止前未扫描交接。请找到它并扫描交接（packdesk handover）。</translation></message><message><source>Parcel {tracking} ({orders}) is being returned to us by {carrier}. Contact the buyer before it arrives.</source><translation>包裹 {tracking}（{orders}）正由 {carrier} 退回。请在包裹到达前联系买家。</translation></message><message><source>Parcel {tracking} ({orders}) has not moved at {carrier} for {held}. Ask the carrier where it is.</source><translation>包裹 {tracking}（{orders}）在 {carrier} 已 {held} 没有物流更新。请向承运商查询。</translation></message><message><source>{opened} {notes}</source><translation>{opened} {notes}</translation></message><message><source>NOTE from the buyer ({notes}). Read it, then scan PD:NOTEOK or press F6 before scanning the items.</source><translation>买家留言（{notes}）。请先阅读，然后扫描 PD:NOTEOK 或按 F6，再扫描商品。</translation></message><message><source>There is no buyer's note to read.</source><translation>没有要阅读的买家留言。</translation></message><message><source>Note read by {packer} (recorded). Scan the items.</source><translation>{packer} 已阅读留言（已记录）。请扫描商品。</translation></message><message><source>Recording that the note was read</source><translation>记录留言已阅读</translation></message><message><source>Pack videos stopped at station {station}: {free} free of {total} at {folder}, and filming keeps {keep} free. Packing goes on; delete old clips (packdesk clips prune) or free space, and filming starts again with the next order.</source><translation>工位 {station} 的打包视频已停止：{folder} 剩余 {free}，共 {total}，录制需保留 {keep} 空闲。打包照常进行；请删除旧视频（packdesk clips prune）或腾出空间，下一单起恢复录制。</translation></message><message><source>No pack video was recorded for order {number}: the station had no camera, or filming was off.</source><translation>订单 {number} 没有打包视频：工位没有摄像头，或未开启录制。</translation></message><message><source>The pack video of order {number} filmed on {filmed} was deleted on {deleted} by the clips' retention (older than the days kept, or over the disk budget).</source><translation>订单 {number} 于 {filmed} 拍摄的打包视频已在 {deleted} 按保留规则删除（超过保留天数或磁盘预算）。</translation></message><message><source>The pack video of order {number} was filmed at station {station}, but its file {path} is not on this disk: open it at that station, or restore the file.</source><translation>订单 {number} 的打包视频在工位 {station} 拍摄，但文件 {path} 不在本机磁盘上：请到该工位查看，或恢复该文件。</translation></message><message><source>Filming again: there is room on the clips' disk ({free} free).</source><translation>已恢复录制：视频磁盘有空间了（剩余 {free}）。</translation></message><message><source>only {free} free on the clips' disk ({folder}); {keep} is kept free</source><translation>视频磁盘（{folder}）仅剩 {free}，需保留 {keep} 空闲</translation></message><message><source>the clips' disk is full ({folder})</source><translation>视频磁盘已满（{folder}）</translation></message><message><source>Pack videos stopped: {reason}. Packing goes on without them; delete old clips (packdesk clips prune) or free space, and filming starts again with the next order.</source><translation>打包视频已停止：{reason}。打包照常进行，只是不录像；请删除旧视频（packdesk clips prune）或腾出空间，下一单起恢复录制。</translation></message><message><source>The pack video encoder stopped ({reason}); the clip being filmed may be lost. Packing goes on; filming starts again with the next order.</source><translation>打包视频编码进程已停止（{reason}），正在录制的视频可能丢失。打包照常进行，下一单起恢复录制。</translation></message><message><source>No box sizes in the catalogue: no box to suggest.</source><translation>商品资料中没有纸箱尺寸：无法建议纸箱。</translation></message><message><source>No box suggested: {sku} has no size in the catalogue.</source><translation>无法建议纸箱：{sku} 没有尺寸资料。</translation></message><message><source>Box {sku} ({size}) fits these items.</source><translation>纸箱 {sku}（{size}）装得下这些商品。</translation></message><message><source>No box fits these items (the largest is {sku}): use a bigger box or two parcels.</source><translation>没有纸箱装得下这些商品（最大的是 {sku}）：请用更大的纸箱或分成两个包裹。</translation></message><message><source>Box {sku} is too small for these items; {fits} fits. Scan the box you use.</source><translation>纸箱 {sku} 太小，装不下这些商品；{fits} 合适。请扫描所用纸箱。</translation></message><message><source>Box {sku} is too small for these items. Scan the box you use.</source><translation>纸箱 {sku} 太小，装不下这些商品。请扫描所用纸箱。</translation></message><message><source>Box {sku} ({name}): its {tare} g count in the parcel's weight.</source><translation>纸箱 {sku}（{name}）：其 {tare} 克计入包裹重量。</translation></message><message><source>Log in first: only {who} may open {screen}.</source><translation>请先登录：只有{who}可以打开{screen}。</translation></message><message><source>Only {who} may open {screen}; {name} is logged in as {role}.</source><translation>只有{who}可以打开{screen}；{name} 登录的身份是{role}。</translation></message><message><source>anyone logged in</source><translation>任何已登录的人</translation></message><message><source>a packer or a supervisor</source><translation>打包员或主管</translation></message><message><source>a counter clerk or a supervisor</source><translation>退货柜台员或主管</translation></message><message><source>a supervisor</source><translation>主管</translation></message><message><source>a packer</source><translation>打包员</translation></message><message><source>a counter clerk</source><translation>退货柜台员</translation></message><message><source>the pack bench</source><translation>打包台</translation></message><message><source>the returns counter</source><translation>退货柜台</translation></message><message><source>the print log</source><translation>打印记录</translation></message><message><source>the label preview</source><translation>面单预览</translation></message><message><source>the command-barcode sheet</source><translation>命令条码表</translation></message><message><source>the packing slip</source><translation>装箱单</translation></message><message><source>the hardware self-test</source><translation>硬件自检</translation></message><message><source>the stock history</source><translation>库存历史</translation></message><message><source>receiving</source><translation>收货</translation></message><message><source>the cycle count</source><translation>盘点</translation></message><message><source>the order board</source><translation>订单看板</translation></message><message><source>the health dashboard</source><translation>运行状况面板</translation></message><message><source>the alerts</source><translation>警报</translation></message><message><source>batch labels</source><translation>批量面单</translation></message><message><source>the order import</source><translation>订单导入</translation></message><message><source>the station settings</source><translation>工位设置</translation></message><message><source>the orders needing review</source><translation>待审核订单</translation></message><message><source>the failed channel messages</source><translation>发送失败的渠道消息</translation></message><message><source>the people screen</source><translation>人员页面</translation></message><message><source>the product editor</source><translation>商品编辑</translation></message><message><source>the catalogue import</source><translation>商品目录导入</translation></message><message><source>the next steps for a new store</source><translation>新店的下一步</translation></message><message><source>This store already has people or orders; set-up only sets up an empty store. A supervisor adds people in Tools → People… or with packdesk people add.</source><translation>本店已有人员或订单；初始设置只用于空店。主管可在 工具 → 人员… 中或用 packdesk people add 添加人员。</translation></message><message><source>{name} is the last active supervisor; make someone else a supervisor first.</source><translation>{name} 是最后一位在职主管；请先让其他人成为主管。</translation></message><message><source>The barcode is empty.</source><translation>条码为空。</translation></message><message><source>The barcode “{code}” has {length} characters; use at most {limit}.</source><translation>条码“{code}”有 {length} 个字符；最多 {limit} 个。</translation></message><message><source>The barcode “{code}” has a space or a character a label cannot print; use letters, digits and - . / only.</source><translation>条码“{code}”含有空格或标签无法打印的字符；只能用字母、数字和 - . /。</translation></message><message><source>The barcode {code} is not a valid GTIN: its last digit should be {digit} (GS1 check digit). Check the number on the pack.</source><translation>条码 {code} 不是有效的 GTIN：最后一位应为 {digit}（GS1 校验位）。请核对包装上的号码。</translation></message><message><source>The SKU is empty.</source><translation>SKU 为空。</translation></message><message><source>The SKU “{sku}” must be 1 to 64 characters without spaces.</source><translation>SKU“{sku}”须为 1 到 64 个字符，不含空格。</translation></message><message><source>The product name is empty.</source><translation>商品名称为空。</translation></message><message><source>The product name has more than 255 characters.</source><translation>商品名称超过 255 个字符。</translation></message><message><source>A weight of {grams} g is not possible; give 0 to {limit} g.</source><translation>{grams} 克的重量不可能；请填 0 到 {limit} 克。</translation></message><message><source>The bin “{bin}” has more than 32 characters.</source><translation>库位“{bin}”超过 32 个字符。</translation></message><message><source>The image path has more than 512 characters.</source><translation>图片路径超过 512 个字符。</translation></message><message><source>The barcode {code} is already on {owner}; a barcode belongs to one product.</source><translation>条码 {code} 已属于 {owner}；一个条码只能属于一个商品。</translation></message><message><source>The weight “{weight}” is not a number.</source><translation>重量“{weight}”不是数字。</translation></message><message><source>The opening stock “{quantity}” is not a whole number from 0 to {limit}.</source><translation>期初库存“{quantity}”不是 0 到 {limit} 之间的整数。</translation></message><message><source>The catalogue file has no {columns} column; the first line must name the columns, for instance sku,name,barcode,weight_g,bin,image,opening_stock.</source><translation>商品目录文件没有 {columns} 列；第一行必须是列名，例如 sku,name,barcode,weight_g,bin,image,opening_stock。</translation></message><message><source>SKU {sku} is on line {line} already; give each SKU one line.</source><translation>SKU {sku} 已在第 {line} 行；每个 SKU 只占一行。</translation></message><message><source>The barcode {code} is on line {line} already; a barcode belongs to one product.</source><translation>条码 {code} 已在第 {line} 行；一个条码只能属于一个商品。</translation></message><message><source>SKU {sku} already has stock ({units} on hand); opening stock is counted once. Count it again with Tools → Cycle count.</source><translation>SKU {sku} 已有库存（在库 {units} 件）；期初库存只记一次。请用 工具 → 盘点 重新盘点。</translation></message><message><source>No carrier is set up, so no tracking number can be given; a supervisor adds one with packdesk carrier add CODE --name NAME --prefix LETTERS (the shop's own number range).</source><translation>尚未设置承运商，无法分配运单号；请主管用 packdesk carrier add CODE --name NAME --prefix LETTERS 添加（本店自己的号段）。</translation></message><message><source>A carrier code is 1 to 16 letters and digits, like OWN.</source><translation>承运商代码为 1 到 16 个字母和数字，例如 OWN。</translation></message><message><source>The carrier needs a name, printed on its labels.</source><translation>承运商需要一个名称，会印在面单上。</translation></message><message><source>There is already a carrier {code}.</source><translation>已有承运商 {code}。</translation></message><message><source>Label pending</source><translation>面单待出</translation></message><message><source>Label refused</source><translation>面单被拒</translation></message><message><source>Parcel not handed over</source><translation>包裹未交接</translation></message><message><source>Parcel not moving</source><translation>包裹无物流更新</translation></message><message><source>Parcel returned to sender</source><translation>包裹退回</translation></message><message><source>Pack videos stopped: disk nearly full</source><translation>打包视频已停止：磁盘将满</translation></message><message><source>Pack video encoder stopped</source><translation>打包视频编码进程已停止</translation></message><message><source>The pack video encoder stopped at station {station} ({reason}); the clip being filmed may be lost. Packing goes on; filming starts again with the next order.</source><translation>工位 {station} 的打包视频编码进程已停止（{reason}），正在录制的视频可能丢失。打包照常进行，下一单起恢复录制。</translation></message><message><source>The hand-over cut-off {text!r} is not a time of day; give it as HH:MM, for instance 17:00.</source><translation>交接截止时间 {text!r} 不是有效的时刻；请按 HH:MM 填写，例如 17:00。</translation></message><message><source>from {carrier_api}</source><translation>来自 {carrier_api}</translation></message><message><source>of our own range</source><translation>取自自有号段</translation></message><message><source>label {tracking_number} {source}</source><translation>面单 {tracking_number}（{source}）</translation></message><message><source>Parcel {parcel} is {state}; it cannot become {new_state}.</source><translation>包裹 {parcel} 当前为“{state}”，不能改为“{new_state}”。</translation></message><message><source>A carrier setting is KEY=VALUE (for instance partner_id=SF12345), not {pair}.</source><translation>承运商设置应写成 KEY=VALUE（例如 partner_id=SF12345），而不是 {pair}。</translation></message><message><source>Order {number}'s label is still pending at {carrier}; it prints when the carrier answers (packdesk labels --once).</source><translation>订单 {number} 的面单仍在 {carrier} 等待出单；承运商响应后会自动打印（packdesk labels --once）。</translation></message><message><source>asked again by {by} after: {reason}</source><translation>{by} 在此问题后重新申请：{reason}</translation></message><message><source>Parcel {reference}: another runner took the label request over.</source><translation>包裹 {reference}：另一个进程已接手这次面单申请。</translation></message><message><source>label {tracking_number} from {carrier_api}</source><translation>面单 {tracking_number}，来自 {carrier_api}</translation></message><message><source>packed again</source><translation>已重新打包</translation></message><message><source>the parcel was stopped; its label will be refunded</source><translation>包裹已拦截；其面单将申请退款</translation></message><message><source>{tracking_number}: job {job_id} → {printer}</source><translation>{tracking_number}：打印任务 {job_id} → {printer}</translation></message><message><source>label pending: {error}; {later}</source><translation>面单待出：{error}；{later}</translation></message><message><source>label {tracking_number} printed elsewhere</source><translation>面单 {tracking_number} 已在别处打印</translation></message><message><source>Label {order_numbers} {tracking_number}</source><translation>面单 {order_numbers} {tracking_number}</translation></message><message><source>label pending: another station is asking the carrier for it</source><translation>面单待出：另一个工位正在向承运商申请</translation></message><message><source>it prints when the carrier answers</source><translation>承运商响应后会自动打印</translation></message><message><source>a supervisor must put it right (see Alerts)</source><translation>需要主管处理（见告警）</translation></message><message><source>the carrier's label for {order_numbers} is {label_format}; the label printer takes PDF or ZPL</source><translation>承运商给 {order_numbers} 的面单格式为 {label_format}；面单打印机只接受 PDF 或 ZPL</translation></message><message><source>of no known format</source><translation>未知格式</translation></message><message><source>Cainiao needs the TOP signer; build the registry with CarrierRegistry(top_sign=sync.taobao_top.sign).</source><translation>菜鸟需要 TOP 签名函数；请用 CarrierRegistry(top_sign=sync.taobao_top.sign) 创建承运商注册表。</translation></message><message><source>Carrier {code}: unknown kind {kind!r}; use one of {kinds}.</source><translation>承运商 {code}：未知的接口类型 {kind!r}；请使用 {kinds} 之一。</translation></message><message><source>Carrier {code}: the setting {setting} is missing; fill it in the carrier settings.</source><translation>承运商 {code}：缺少设置项 {setting}；请在承运商设置中填写。</translation></message><message><source>Carrier {name}: {error}</source><translation>承运商 {name}：{error}</translation></message><message><source>Cainiao</source><translation>菜鸟</translation></message><message><source>{name} refused {method} (code {code}: {detail}).</source><translation>{name} 拒绝了 {method}（错误码 {code}：{detail}）。</translation></message><message><source>{name} e-waybills have no pick-up booking through TOP; choose SF Express for a return pick-up.</source><translation>{name} 电子面单不能通过 TOP 预约上门揽收；退货上门取件请选择顺丰速运。</translation></message><message><source>{name}: TOP tracks by Taobao trade, not by waybill number; follow waybill {tracking_number} through a KDNiao subscription.</source><translation>{name}：TOP 按淘宝交易查物流，不按运单号；请通过快递鸟订阅跟踪运单 {tracking_number}。</translation></message><message><source>{name}: TOP could not serve {method} now (code {code}: {detail}); it will be asked again.</source><translation>{name}：TOP 暂时无法处理 {method}（错误码 {code}：{detail}）；稍后会自动重试。</translation></message><message><source>{name}: the e-waybill subscription has no numbers left ({detail}); recharge it with the express company's branch, then print again.</source><translation>{name}：电子面单订购的单号已用完（{detail}）；请到快递公司网点充值后再打印。</translation></message><message><source>{name} refused the address ({detail}); correct it or choose another carrier.</source><translation>{name} 拒绝了该地址（{detail}）；请改正地址或换一家承运商。</translation></message><message><source>{name}: TOP refused the credentials for {method} ({detail}); authorise the app again and store the new session.</source><translation>{name}：TOP 拒绝了 {method} 的授权凭证（{detail}）；请重新授权应用并保存新的 session。</translation></message><message><source>{name} answered order {reference} with no waybill number; look it up in the Cainiao console.</source><translation>{name} 对订单 {reference} 的回复中没有运单号；请到菜鸟后台查询。</translation></message><message><source>{name} did not cancel waybill {tracking_number}; cancel it in the Cainiao console.</source><translation>{name} 未取消运单 {tracking_number}；请到菜鸟后台取消。</translation></message><message><source>{name} answered {method} with no result object; it will be asked again.</source><translation>{name} 对 {method} 的回复中没有结果；稍后会自动重试。</translation></message><message><source>{name} answered {method} without its response; it will be asked again.</source><translation>{name} 对 {method} 的回复不完整；稍后会自动重试。</translation></message><message><source>No system keyring is available to keep carrier credentials. Start the desktop's keyring (GNOME Keyring, KWallet) or configure one for `keyring`.</source><translation>没有可用的系统密钥环来保存承运商凭证。请启动桌面的密钥环（GNOME Keyring、KWallet），或为 `keyring` 配置一个。</translation></message><message><source>Carrier {carrier_code}: missing {missing}.</source><translation>承运商 {carrier_code}：缺少 {missing}。</translation></message><message><source>No credentials stored for carrier {carrier_code}; store its {fields} again in the carrier settings.</source><translation>承运商 {carrier_code} 没有保存凭证；请在承运商设置中重新保存其 {fields}。</translation></message><message><source>Carrier {carrier_code}: stored credentials lack {missing}; store them again.</source><translation>承运商 {carrier_code}：已保存的凭证缺少 {missing}；请重新保存。</translation></message><message><source>Unknown carrier kind {kind!r}; use one of {kinds}.</source><translation>未知的承运商接口类型 {kind!r}；请使用 {kinds} 之一。</translation></message><message><source>The keyring refused to store the credentials of carrier {carrier_code} ({error}).</source><translation>密钥环拒绝保存承运商 {carrier_code} 的凭证（{error}）。</translation></message><message><source>The keyring could not be read for carrier {carrier_code} ({error}).</source><translation>无法读取承运商 {carrier_code} 的密钥环（{error}）。</translation></message><message><source>The stored credentials of carrier {carrier_code} are not readable; store them again.</source><translation>承运商 {carrier_code} 已保存的凭证无法读取；请重新保存。</translation></message><message><source>EasyPost refused the request ({status}): {text}</source><translation>EasyPost 拒绝了请求（{status}）：{text}</translation></message><message><source>Packdesk does not book EasyPost pick-ups; book it in the EasyPost dashboard.</source><translation>Packdesk 不通过 EasyPost 预约揽收；请在 EasyPost 控制台预约。</translation></message><message><source>HTTP {status}</source><translation>HTTP {status}</translation></message><message><source>EasyPost is busy or down ({status}): {text}</source><translation>EasyPost 繁忙或无法服务（{status}）：{text}</translation></message><message><source>EasyPost refused the postage: {text}. Top up the EasyPost balance or fix its billing, then ask again.</source><translation>EasyPost 拒绝扣除运费：{text}。请为 EasyPost 充值或修正付款设置，然后重新申请。</translation></message><message><source>EasyPost refused the address: {text}</source><translation>EasyPost 拒绝了该地址：{text}</translation></message><message><source>EasyPost refused the API key; save the right key with the carrier profile.</source><translation>EasyPost 拒绝了 API 密钥；请在承运商资料中保存正确的密钥。</translation></message><message><source>EasyPost does not know it: {text}</source><translation>EasyPost 查无此项：{text}</translation></message><message><source>EasyPost quoted no rate for this parcel: {messages}</source><translation>EasyPost 没有为此包裹报价：{messages}</translation></message><message><source>The webhook's signature does not match the EasyPost webhook secret; it was not sent by EasyPost, or the secret changed.</source><translation>Webhook 签名与 EasyPost 的 webhook 密钥不符；它不是 EasyPost 发来的，或者密钥已更换。</translation></message><message><source>The webhook body is not an EasyPost Event.</source><translation>Webhook 内容不是 EasyPost 的 Event。</translation></message><message><source>EasyPost needs its API key; save it with the carrier profile.</source><translation>EasyPost 需要 API 密钥；请在承运商资料中保存。</translation></message><message><source>Label {tracking_number} has no EasyPost shipment id to refund.</source><translation>面单 {tracking_number} 没有 EasyPost 的 shipment id，无法退款。</translation></message><message><source>EasyPost rejected the refund of label {tracking_number} (used, or past the refund window).</source><translation>EasyPost 拒绝为面单 {tracking_number} 退款（已使用，或已过退款期限）。</translation></message><message><source>EasyPost bought the label but gave no label file yet.</source><translation>EasyPost 已购买面单，但还没有给出面单文件。</translation></message><message><source>EasyPost's label file answered {status_code}.</source><translation>获取 EasyPost 面单文件时返回 {status_code}。</translation></message><message><source>The webhook body is not JSON.</source><translation>Webhook 内容不是 JSON。</translation></message><message><source>EasyPost's label file could not be fetched: {exc}</source><translation>无法获取 EasyPost 的面单文件：{exc}</translation></message><message><source>EasyPost did not answer in time.</source><translation>EasyPost 响应超时。</translation></message><message><source>EasyPost could not be reached: {exc}</source><translation>无法连接 EasyPost：{exc}</translation></message><message><source>EasyPost answered with something that is not JSON.</source><translation>EasyPost 返回的内容不是 JSON。</translation></message><message><source>none</source><translation>无</translation></message><message><source>{template_name}: rows add up to {top} mm</source><translation>{template_name}：各行合计 {top} 毫米</translation></message><message><source>e-waybill {tracking_number}</source><translation>电子面单 {tracking_number}</translation></message><message><source>An e-waybill is drawn as PDF or ZPL, not {label_format}.</source><translation>电子面单只能生成 PDF 或 ZPL，不能生成 {label_format}。</translation></message><message><source>unknown e-waybill template {template_name!r}; use one of {templates}</source><translation>未知的电子面单模板 {template_name!r}；请使用 {templates} 之一</translation></message><message><source>The carrier gave no waybill number; the label cannot be drawn.</source><translation>承运商没有给出运单号；无法生成面单。</translation></message><message><source>The receiver of waybill {number} is encrypted by the platform (a masked Taobao/Tmall order): print it through the Cainiao print component, which alone may decrypt it.</source><translation>运单 {number} 的收件人信息已被平台加密（淘宝/天猫脱敏订单）：请通过菜鸟打印组件打印，只有它能解密。</translation></message><message><source>label printers here are 203 or 300 dpi, not {dpi}</source><translation>面单打印机只支持 203 或 300 dpi，不支持 {dpi}</translation></message><message><source>the QR code of {count} characters does not fit {side:.0f} mm at {dpi} dpi</source><translation>{count} 个字符的二维码在 {dpi} dpi 下放不进 {side:.0f} 毫米</translation></message><message><source>The carrier delivered a {delivered} label, not {wanted}; choose a printer for it.</source><translation>承运商给的是 {delivered} 格式的面单，不是 {wanted}；请为它选择合适的打印机。</translation></message><message><source>{carrier_name} is busy or down (HTTP {status}) for {what}; it will be asked again.</source><translation>{carrier_name} 处理{what}时繁忙或无法服务（HTTP {status}）；稍后会自动重试。</translation></message><message><source>{carrier_name} refused {what} with HTTP {status}; check the carrier's address and credentials in the settings.</source><translation>{carrier_name} 拒绝了{what}（HTTP {status}）；请在设置中检查承运商的地址和凭证。</translation></message><message><source>{carrier_name} answered {what} with something that is not JSON; it will be asked again.</source><translation>{carrier_name} 对{what}返回的内容不是 JSON；稍后会自动重试。</translation></message><message><source>{carrier_name} did not answer {what} within {timeout_s:g} s; it will be asked again.</source><translation>{carrier_name} 在 {timeout_s:g} 秒内未响应{what}；稍后会自动重试。</translation></message><message><source>{carrier_name} could not be reached for {what} ({error}); check the network, it will be asked again.</source><translation>{what}时无法连接 {carrier_name}（{error}）；请检查网络，稍后会自动重试。</translation></message><message><source>{name} refused {what} ({detail}).</source><translation>{name} 拒绝了{what}（{detail}）。</translation></message><message><source>e-waybill for order {reference}</source><translation>订单 {reference} 的电子面单申请</translation></message><message><source>{name} pick-ups are booked with the express company itself; choose SF Express for a return pick-up.</source><translation>{name} 的揽收需直接向快递公司预约；退货上门取件请选择顺丰速运。</translation></message><message><source>tracking {tracking_number}</source><translation>查询 {tracking_number} 的物流</translation></message><message><source>subscribing to {tracking_number}</source><translation>订阅 {tracking_number} 的物流</translation></message><message><source>{name}: the e-waybill balance is used up ({detail}); top it up with the express company's branch, then print again.</source><translation>{name}：电子面单余额已用完（{detail}）；请到快递公司网点充值后再打印。</translation></message><message><source>{name} refused the address for {what} ({detail}); correct it or choose another carrier.</source><translation>{name} 拒绝了{what}的地址（{detail}）；请改正地址或换一家承运商。</translation></message><message><source>{name} is busy ({detail}); it will be asked again.</source><translation>{name} 繁忙（{detail}）；稍后会自动重试。</translation></message><message><source>{name} already issued a waybill for this order ({detail}); the earlier label is the one to print.</source><translation>{name} 已为此订单出过运单（{detail}）；请打印之前的那张面单。</translation></message><message><source>{name} refused the signature for {what} ({detail}); check the EBusinessID and AppKey in the carrier settings.</source><translation>{name} 拒绝了{what}的签名（{detail}）；请在承运商设置中检查 EBusinessID 和 AppKey。</translation></message><message><source>{name} push: RequestType {request_type!r} is not 101.</source><translation>{name} 推送：RequestType {request_type!r} 不是 101。</translation></message><message><source>{name} push: the DataSign does not match; it was not sent by KDNiao with this account's AppKey.</source><translation>{name} 推送：DataSign 不符；它不是快递鸟用本账号的 AppKey 发来的。</translation></message><message><source>{name} push for EBusinessID {pushed_id}, not {ebusiness_id}.</source><translation>{name} 推送的 EBusinessID 是 {pushed_id}，不是 {ebusiness_id}。</translation></message><message><source>{name}: unknown ShipperCode {shipper_code!r}; use one of {shippers}.</source><translation>{name}：未知的快递公司编码 ShipperCode {shipper_code!r}；请使用 {shippers} 之一。</translation></message><message><source>{name} accepted order {reference} but gave no waybill number; look it up in the KDNiao console.</source><translation>{name} 接受了订单 {reference}，但没有给出运单号；请到快递鸟后台查询。</translation></message><message><source>cancelling waybill {tracking_number}</source><translation>取消运单 {tracking_number}</translation></message><message><source>{name} answered {what} with no result object; it will be asked again.</source><translation>{name} 对{what}的回复中没有结果；稍后会自动重试。</translation></message><message><source>{name} push: RequestData is not JSON.</source><translation>{name} 推送：RequestData 不是 JSON。</translation></message><message><source>KDNiao</source><translation>快递鸟</translation></message><message><source>SF Express</source><translation>顺丰速运</translation></message><message><source>{name} refused {service_code} ({detail}).</source><translation>{name} 拒绝了 {service_code}（{detail}）。</translation></message><message><source>the label PDF of {waybill}</source><translation>运单 {waybill} 的面单 PDF</translation></message><message><source>{name} accepted order {reference} but gave no waybill number; look the order up in the SF console.</source><translation>{name} 接受了订单 {reference}，但没有给出运单号；请到顺丰后台查询该订单。</translation></message><message><source>{name} answered {service_code} with no result object; it will be asked again.</source><translation>{name} 对 {service_code} 的回复中没有结果；稍后会自动重试。</translation></message><message><source>{name} platform is busy for {service_code} ({api_code} {api_message}); it will be asked again.</source><translation>{name} 平台处理 {service_code} 时繁忙（{api_code} {api_message}）；稍后会自动重试。</translation></message><message><source>{name} refused {service_code} ({api_code} {api_message}); check the partner ID, the check word and that the service is enabled for it on the SF open platform.</source><translation>{name} 拒绝了 {service_code}（{api_code} {api_message}）；请检查顾客编码（partner ID）、校验码，以及该服务是否已在顺丰开放平台开通。</translation></message><message><source>{name} answered {service_code} with an unreadable apiResultData; it will be asked again.</source><translation>{name} 对 {service_code} 返回的 apiResultData 无法解析；稍后会自动重试。</translation></message><message><source>{name} refused the address ({detail}); correct the receiver or sender details and print the label again.</source><translation>{name} 拒绝了该地址（{detail}）；请改正收件人或寄件人信息后重新打印面单。</translation></message><message><source>{name} refused the monthly account ({detail}); the 月结 account must be checked or topped up with SF before labels can be printed.</source><translation>{name} 拒绝了月结账号（{detail}）；请先与顺丰核对月结账号或充值，才能打印面单。</translation></message><message><source>{name} is at peak capacity ({detail}); it will be asked again.</source><translation>{name} 业务高峰，暂无运力（{detail}）；稍后会自动重试。</translation></message><message><source>{name} does not know this order ({detail}).</source><translation>{name} 查无此订单（{detail}）。</translation></message><message><source>{name} cloud print gave no file for waybill {waybill}.</source><translation>{name} 云打印没有给出运单 {waybill} 的文件。</translation></message><message><source>{name} cloud print sent something that is not a PDF for waybill {waybill}.</source><translation>{name} 云打印给运单 {waybill} 的文件不是 PDF。</translation></message><message><source>{name}: waybill {tracking_number} has no order id; cancel it in the SF merchant console.</source><translation>{name}：运单 {tracking_number} 没有订单号；请到顺丰商家后台取消。</translation></message><message><source>{name}: a pick-up needs the address the parcel goes to.</source><translation>{name}：预约揽收需要包裹的目的地址。</translation></message><message><source>{name} does not collect or deliver at this address for order {reference} ({remark}); check the address with the buyer or choose another carrier.</source><translation>{name} 在订单 {reference} 的地址不提供收派服务（{remark}）；请与买家核对地址，或换一家承运商。</translation></message><message><source>Shippo</source><translation>Shippo</translation></message><message><source>the label file</source><translation>获取面单文件</translation></message><message><source>the refund of a label</source><translation>面单退款</translation></message><message><source>the pick-up booking</source><translation>预约揽收</translation></message><message><source>the tracking query</source><translation>物流查询</translation></message><message><source>the shipment</source><translation>创建运单</translation></message><message><source>the customs declaration</source><translation>海关申报</translation></message><message><source>the label purchase</source><translation>购买面单</translation></message><message><source>{name} refused {what}: {said}.</source><translation>{name} 拒绝了{what}：{said}。</translation></message><message><source>{name}: label {tracking_number} has no transaction id, so it cannot be refunded from here; refund it in Shippo.</source><translation>{name}：面单 {tracking_number} 没有 transaction id，无法在这里退款；请到 Shippo 退款。</translation></message><message><source>the refund of {tracking_number}</source><translation>{tracking_number} 的退款</translation></message><message><source>{name} will not refund label {tracking_number}: {reason}.</source><translation>{name} 不为面单 {tracking_number} 退款：{reason}。</translation></message><message><source>{name} answered the refund of {tracking_number} with status {state!r}; it will be asked again.</source><translation>{name} 对 {tracking_number} 退款的回复状态为 {state!r}；稍后会自动重试。</translation></message><message><source>{name}: pick-ups need the carrier account id (carrier_account) in the carrier settings.</source><translation>{name}：预约揽收需要在承运商设置中填写承运商账号 id（carrier_account）。</translation></message><message><source>{name}: a return pick-up needs the address it goes back to.</source><translation>{name}：退货上门取件需要退回的地址。</translation></message><message><source>{name} could not book the pick-up: {messages}.</source><translation>{name} 无法预约揽收：{messages}。</translation></message><message><source>{name}: tracking needs the carrier's token (carrier, e.g. usps) in the carrier settings.</source><translation>{name}：物流跟踪需要在承运商设置中填写承运商代号（carrier，例如 usps）。</translation></message><message><source>the tracking of {tracking_number}</source><translation>{tracking_number} 的物流查询</translation></message><message><source>{name}: a parcel abroad needs each item's HS code, origin and value for customs; missing for {skus}. Fill them in the product's details.</source><translation>{name}：寄往境外的包裹报关需要每件商品的 HS 编码、原产地和价值；{skus} 缺少这些信息。请在商品资料中补全。</translation></message><message><source>{name} has not made the label yet ({state}); it will be asked again.</source><translation>{name} 还未生成面单（{state}）；稍后会自动重试。</translation></message><message><source>{name} refused the API key (HTTP {status}); check the Shippo token in the carrier settings.</source><translation>{name} 拒绝了 API 密钥（HTTP {status}）；请在承运商设置中检查 Shippo token。</translation></message><message><source>{name} answered {what} without a JSON object; it will be asked again.</source><translation>{name} 对{what}的回复不是 JSON 对象；稍后会自动重试。</translation></message><message><source>{name}: {what}: {said}; it will be asked again.</source><translation>{name}：{what}：{said}；稍后会自动重试。</translation></message><message><source>{name} cannot charge the postage for {what}: {said}. Top up or fix the billing in Shippo.</source><translation>{name} 无法为{what}扣除运费：{said}。请在 Shippo 充值或修正付款设置。</translation></message><message><source>{name} refused the address for {what}: {said}. Correct the address on the order.</source><translation>{name} 拒绝了{what}的地址：{said}。请改正订单上的地址。</translation></message><message><source>no rate is offered for this parcel</source><translation>此包裹没有可用的报价</translation></message><message><source>{name} offers no {service!r} for this parcel; it offers {offered}.</source><translation>{name} 不为此包裹提供 {service!r}；可选的有：{offered}。</translation></message><message><source>all</source><translation>全部商品</translation></message><message><source>nothing</source><translation>无</translation></message><message><source>no parcels were scanned out: there is no manifest to print</source><translation>没有扫描交接的包裹：没有交接清单可打印</translation></message><message><source>{made} UTC · station {station}</source><translation>{made} UTC · 工位 {station}</translation></message><message><source>{made} UTC</source><translation>{made} UTC</translation></message><message><source>Tracking number</source><translation>运单号</translation></message><message><source>Weight</source><translation>重量</translation></message><message><source>Scanned out</source><translation>交接扫描</translation></message><message><source>{count} parcels</source><translation>{count} 个包裹</translation></message><message><source>Hand-over manifest: {carrier_name}</source><translation>交接清单：{carrier_name}</translation></message><message><source>{count} parcels, {weight}</source><translation>{count} 个包裹，{weight}</translation></message><message><source>Driver's name and signature: {line}</source><translation>揽收员姓名及签字：{line}</translation></message><message><source>Packdesk hand-over manifest</source><translation>Packdesk 交接清单</translation></message><message><source>{count} parcels scanned out, {refused} refused</source><translation>已交接 {count} 个包裹，拒收 {refused} 个</translation></message><message><source>{recorded} new tracking events; delivered: {delivered}</source><translation>新增 {recorded} 条物流记录；已签收：{delivered}</translation></message><message><source>{secrets} of carrier {code} kept in the keyring</source><translation>承运商 {code} 的 {secrets} 已保存到密钥环</translation></message><message><source>no parcel of ours has tracking number {number}</source><translation>我们没有运单号为 {number} 的包裹</translation></message><message><source>label {tracking_number}</source><translation>面单 {tracking_number}</translation></message><message><source>still pending: {error}</source><translation>仍在等待：{error}</translation></message><message><source>{orders}: {outcome}</source><translation>{orders}：{outcome}</translation></message><message><source>{reference}: refund {outcome}</source><translation>{reference}：退款结果：{outcome}</translation></message><message><source>{carrier}: {error}</source><translation>{carrier}：{error}</translation></message><message><source>packdesk: carrier {code} has no carrier API ({api}); set one with `packdesk carrier set {code} --api ...` first</source><translation>packdesk：承运商 {code} 没有承运商接口（{api}）；请先用 `packdesk carrier set {code} --api ...` 设置</translation></message><message><source>{name} of carrier {code}: </source><translation>承运商 {code} 的 {name}：</translation></message><message><source>{name} of carrier {code} (Enter: none): </source><translation>承运商 {code} 的 {name}（直接回车：不填）：</translation></message><message><source>manifest {carrier_name}: {count} parcels, {weight_kg:.2f} kg</source><translation>交接清单 {carrier_name}：{count} 个包裹，{weight_kg:.2f} kg</translation></message><message><source>another runner is tracking the parcels now</source><translation>另一个进程正在跟踪包裹物流</translation></message><message><source>packdesk carrier key: {exc}</source><translation>packdesk carrier key：{exc}</translation></message><message><source>REFUSED {number}: {exc}</source><translation>拒收 {number}：{exc}</translation></message><message><source>packdesk labels: say `packdesk labels retry REF...`</source><translation>packdesk labels：请写 `packdesk labels retry REF...`</translation></message><message><source>own number range</source><translation>自有号段</translation></message><message><source>Parcel {reference}: its carrier {carrier} is gone from the store.</source><translation>包裹 {reference}：其承运商 {carrier} 已不在数据库中。</translation></message><message><source>this outbox message has not been stored yet</source><translation>这条发件箱消息还没有保存到数据库</translation></message><message><source>Taobao</source><translation>淘宝</translation></message><message><source>Pinduoduo</source><translation>拼多多</translation></message><message><source>JD</source><translation>京东</translation></message><message><source>Douyin</source><translation>抖店</translation></message><message><source>Shopify</source><translation>Shopify</translation></message><message><source>WooCommerce</source><translation>WooCommerce</translation></message><message><source>{channel}: carrier {carrier!r} has no {name} company code, so the shipment was not sent; set one on the channel (packdesk channel add ... --set {setting_prefix}{carrier}=&lt;{name}'s code&gt;) and send the message again</source><translation>{channel}：承运商 {carrier!r} 没有{name}的快递公司编码，发货信息未发送；请在渠道上设置（packdesk channel add ... --set {setting_prefix}{carrier}=&lt;{name}的编码&gt;），然后重新发送该消息</translation></message><message><source>Products added: {added}, changed: {updated}. Opening stock: {units} units for {stocked} SKUs (reason “{opening_stock}”).</source><translation>新增商品 {added} 个，修改 {updated} 个。期初库存：{stocked} 个 SKU 共 {units} 件（原因“{opening_stock}”）。</translation></message><message><source>Carrier {code} ({name}) added; its first tracking number is {first_number}.</source><translation>已添加承运商 {code}（{name}）；第一个运单号为 {first_number}。</translation></message><message><source>Columns not used: {ignored_columns}</source><translation>未使用的列：{ignored_columns}</translation></message><message><source>line {line} ({sku}): {problem}</source><translation>第 {line} 行（{sku}）：{problem}</translation></message><message><source>Nothing was imported: rows with problems: {count} of {rows}. Fix them in the file, or run again with --yes to import the good rows only (the others are written to a .rejected.csv file to fix and import again).</source><translation>未导入任何内容：{rows} 行中有 {count} 行有问题。请在文件中改正，或加 --yes 重新运行，只导入没有问题的行（其余行会写入 .rejected.csv 文件，改正后再导入）。</translation></message><message><source>Rows not imported: {count}. They are in {rejects}, with the reason in its error column.</source><translation>未导入的行：{count} 行。它们在 {rejects} 中，原因写在 error 列。</translation></message><message><source>packdesk: {error}</source><translation>packdesk：{error}</translation></message><message><source>{code}	{name}	{service}	next {first_number}</source><translation>{code}	{name}	{service}	下一个 {first_number}</translation></message><message><source>no SKU</source><translation>无 SKU</translation></message><message><source>{channel}: {api} refused ({detail})</source><translation>{channel}：{api} 被拒绝（{detail}）</translation></message><message><source>{channel}: {api} call limit reached ({detail})</source><translation>{channel}：{api} 已达调用次数上限（{detail}）</translation></message><message><source>{channel}: {api} platform busy or failing ({detail})</source><translation>{channel}：{api} 平台繁忙或故障（{detail}）</translation></message><message><source>{channel}: the shop's authorisation was refused for {api} ({detail}); {how_to_authorise}</source><translation>{channel}：店铺授权被 {api} 拒绝（{detail}）；{how_to_authorise}</translation></message><message><source>{channel}: order {channel_order_id} left in part (tracking {tracking_number}); {platform}'s shipping call ships whole orders, so record this parcel in the {platform} merchant backend</source><translation>{channel}：订单 {channel_order_id} 只发出了一部分（运单号 {tracking_number}）；{platform}的发货接口只能整单发货，请在{platform}商家后台登记这个包裹</translation></message><message><source>authorise Packdesk again in 抖店 → 服务市场 (or the shop's own app) and store the new access token with `packdesk channel add`</source><translation>请在 抖店 → 服务市场（或店铺自己的应用）中重新授权 Packdesk，并用 `packdesk channel add` 保存新的 access token</translation></message><message><source>{channel}: sign method {sign_method!r} is not one of {sign_methods}</source><translation>{channel}：签名方式 {sign_method!r} 不在 {sign_methods} 之中</translation></message><message><source>{channel}: Douyin refunds are agreed in 抖店 (售后工作台); Packdesk marks this case for a person (order {channel_order_id}, {amount:.2f})</source><translation>{channel}：抖店的退款需在抖店后台（售后工作台）同意；Packdesk 已把此事标记为人工处理（订单 {channel_order_id}，{amount:.2f}）</translation></message><message><source>{what} {value!r} is not a Unix time</source><translation>{what} {value!r} 不是 Unix 时间</translation></message><message><source>order_status {status} is not one Packdesk knows</source><translation>order_status {status} 不是 Packdesk 认识的状态</translation></message><message><source>{channel}: order.searchList pages hold 1 to 100 orders</source><translation>{channel}：order.searchList 每页只能有 1 到 100 个订单</translation></message><message><source>{channel}: {method} answered with a JSON {json_type}, not an object</source><translation>{channel}：{method} 返回的是 JSON {json_type}，不是对象</translation></message><message><source>{channel}: {method} answer has no data object</source><translation>{channel}：{method} 的回复中没有 data 对象</translation></message><message><source>{channel}: order {order_id} came back without shop_order_detail</source><translation>{channel}：订单 {order_id} 的回复中没有 shop_order_detail</translation></message><message><source>Douyin already shows this tracking number</source><translation>抖店上已显示此运单号</translation></message><message><source>{channel}: order {order_id} is {status} at Douyin; it cannot be shipped</source><translation>{channel}：订单 {order_id} 在抖店为{status}；不能发货</translation></message><message><source>Douyin already shows {order_id} shipped</source><translation>抖店上已显示 {order_id} 已发货</translation></message><message><source>{channel}: no SKU carries 商家编码 {sku!r}</source><translation>{channel}：没有 SKU 的商家编码是 {sku!r}</translation></message><message><source>{field} {value!r} is not a number</source><translation>{field} {value!r} 不是数字</translation></message><message><source>refund_status {refund_status} is not one Packdesk knows</source><translation>refund_status {refund_status} 不是 Packdesk 认识的状态</translation></message><message><source>item_num of {line_id}</source><translation>{line_id} 的 item_num</translation></message><message><source>refund_status {refund!r} is not a number</source><translation>refund_status {refund!r} 不是数字</translation></message><message><source>goods_price of {line_id}</source><translation>{line_id} 的 goods_price</translation></message><message><source>authorise Packdesk again for the shop in JD's 京麦/JOS service market and store the new access token with `packdesk channel add`</source><translation>请在京东的京麦/JOS 服务市场为店铺重新授权 Packdesk，并用 `packdesk channel add` 保存新的 access token</translation></message><message><source>{channel}: JD refunds are approved in the merchant backend (售后服务); Packdesk marks this case for a person (order {channel_order_id}, {amount:.2f})</source><translation>{channel}：京东的退款需在商家后台（售后服务）审核；Packdesk 已把此事标记为人工处理（订单 {channel_order_id}，{amount:.2f}）</translation></message><message><source>orderState {order_state!r} is not one Packdesk knows</source><translation>orderState {order_state!r} 不是 Packdesk 认识的状态</translation></message><message><source>{channel}: the search window may be at most one month</source><translation>{channel}：查询时间段最长一个月</translation></message><message><source>{channel}: {method} answer has no {response_key}</source><translation>{channel}：{method} 的回复中没有 {response_key}</translation></message><message><source>{channel}: {method} answer has no {part}</source><translation>{channel}：{method} 的回复中没有 {part}</translation></message><message><source>{channel}: order {order_id} came back without orderInfo</source><translation>{channel}：订单 {order_id} 的回复中没有 orderInfo</translation></message><message><source>JD already shows this tracking number</source><translation>京东上已显示此运单号</translation></message><message><source>{channel}: order {order_id} is cancelled at JD; it cannot be shipped</source><translation>{channel}：订单 {order_id} 在京东已取消；不能发货</translation></message><message><source>JD already shows {order_id} shipped</source><translation>京东上已显示 {order_id} 已发货</translation></message><message><source>{channel}: order {order_id} is {order_state} at JD (locked or paused); it cannot be shipped now</source><translation>{channel}：订单 {order_id} 在京东为 {order_state}（锁定或暂停）；现在不能发货</translation></message><message><source>{channel}: {count} SKUs carry outerId {sku!r} (expected exactly one)</source><translation>{channel}：有 {count} 个 SKU 的 outerId 是 {sku!r}（应当正好一个）</translation></message><message><source>{channel}: stock of {sku} not accepted</source><translation>{channel}：{sku} 的库存未被接受</translation></message><message><source>itemTotal of {sku_id}</source><translation>{sku_id} 的 itemTotal</translation></message><message><source>jdPrice of {sku_id}</source><translation>{sku_id} 的 jdPrice</translation></message><message><source>authorise Packdesk again in the Pinduoduo merchant backend (拼多多 商家后台 → 服务市场) and store the new access token with `packdesk channel add`</source><translation>请在拼多多商家后台（拼多多 商家后台 → 服务市场）重新授权 Packdesk，并用 `packdesk channel add` 保存新的 access token</translation></message><message><source>{channel}: Pinduoduo refunds are agreed in the merchant backend (售后); Packdesk marks this case for a person (order {channel_order_id}, {amount:.2f})</source><translation>{channel}：拼多多的退款需在商家后台（售后）同意；Packdesk 已把此事标记为人工处理（订单 {channel_order_id}，{amount:.2f}）</translation></message><message><source>{field} {number} is not one Packdesk knows</source><translation>{field} {number} 不是 Packdesk 认识的值</translation></message><message><source>{channel}: the increment window may be at most 30 minutes</source><translation>{channel}：增量查询时间段最长 30 分钟</translation></message><message><source>{channel}: {api} answered with a JSON {json_type}, not an object</source><translation>{channel}：{api} 返回的是 JSON {json_type}，不是对象</translation></message><message><source>{channel}: {api} answer has no {response_key}</source><translation>{channel}：{api} 的回复中没有 {response_key}</translation></message><message><source>{channel}: order {order_sn} came back without order_info</source><translation>{channel}：订单 {order_sn} 的回复中没有 order_info</translation></message><message><source>{channel}: Pinduoduo lists no available logistics company {code!r} (carrier {carrier!r}); check the carrier's code (--set carrier.{carrier}=...)</source><translation>{channel}：拼多多的可用快递公司中没有 {code!r}（承运商 {carrier!r}）；请检查承运商编码（--set carrier.{carrier}=...）</translation></message><message><source>Pinduoduo already shows this tracking number</source><translation>拼多多上已显示此运单号</translation></message><message><source>{channel}: order {order_sn} is {status} at Pinduoduo; it cannot be shipped</source><translation>{channel}：订单 {order_sn} 在拼多多为{status}；不能发货</translation></message><message><source>Pinduoduo already shows {order_sn} shipped (tracking {tracking_number})</source><translation>拼多多上已显示 {order_sn} 已发货（运单号 {tracking_number}）</translation></message><message><source>{channel}: shipment of {order_sn} not accepted</source><translation>{channel}：{order_sn} 的发货未被接受</translation></message><message><source>{channel}: {count} SKUs carry merchant code {sku!r} (expected exactly one)</source><translation>{channel}：有 {count} 个 SKU 的商家编码是 {sku!r}（应当正好一个）</translation></message><message><source>{field} {value!r} is not one Pinduoduo documents</source><translation>{field} {value!r} 不在拼多多文档列出的值中</translation></message><message><source>goods_count of SKU {sku_id}</source><translation>SKU {sku_id} 的 goods_count</translation></message><message><source>goods_price of SKU {sku_id}</source><translation>SKU {sku_id} 的 goods_price</translation></message><message><source>{channel}: Shopify refused the bulk export of orders: {said}</source><translation>{channel}：Shopify 拒绝批量导出订单：{said}</translation></message><message><source>{channel}: bulkOperationRunQuery answered without an operation id</source><translation>{channel}：bulkOperationRunQuery 的回复中没有操作 id</translation></message><message><source>shopify: bulk export address {scheme}://{host} is not https</source><translation>shopify：批量导出地址 {scheme}://{host} 不是 https</translation></message><message><source>shopify: the bulk export of orders was denied (ACCESS_DENIED): give the app the read_orders access scope, and read_all_orders for orders older than 60 days</source><translation>shopify：批量导出订单被拒绝（ACCESS_DENIED）：请给应用 read_orders 权限；要读取 60 天以前的订单还需要 read_all_orders</translation></message><message><source>shopify: sync cursor names a bulk export badly ({page!r}); reset the channel's cursor</source><translation>shopify：同步游标中的批量导出记录有误（{page!r}）；请重置该渠道的游标</translation></message><message><source>shopify: bulk export download timed out ({error})</source><translation>shopify：批量导出文件下载超时（{error}）</translation></message><message><source>shopify: bulk export download failed ({error})</source><translation>shopify：批量导出文件下载失败（{error}）</translation></message><message><source>shopify: bulk export download failed (HTTP {status_code})</source><translation>shopify：批量导出文件下载失败（HTTP {status_code}）</translation></message><message><source>shopify: bulk export download refused (HTTP {status_code}); it may have expired</source><translation>shopify：批量导出文件下载被拒绝（HTTP {status_code}）；文件可能已过期</translation></message><message><source>shopify: bulk export line {number} is a JSON {json_type}, not an object</source><translation>shopify：批量导出第 {number} 行是 JSON {json_type}，不是对象</translation></message><message><source>shopify: bulk export line {number} is not JSON ({exc})</source><translation>shopify：批量导出第 {number} 行不是 JSON（{exc}）</translation></message><message><source>{channel}: order {order_id} has no encrypted receiver to decrypt</source><translation>{channel}：订单 {order_id} 没有可解密的加密收件人</translation></message><message><source>{channel}: order {order_sn} has no encrypted receiver to decrypt</source><translation>{channel}：订单 {order_sn} 没有可解密的加密收件人</translation></message><message><source>{channel}: the decrypted receiver of {order_id} is incomplete</source><translation>{channel}：订单 {order_id} 解密后的收件人信息不完整</translation></message><message><source>{channel}: the decrypted receiver of {order_sn} is incomplete</source><translation>{channel}：订单 {order_sn} 解密后的收件人信息不完整</translation></message><message><source>{channel}: Douyin did not decrypt the receiver of {order_id} ({detail})</source><translation>{channel}：抖店未解密订单 {order_id} 的收件人（{detail}）</translation></message><message><source>{channel}: Pinduoduo did not decrypt the receiver of {order_sn} ({detail})</source><translation>{channel}：拼多多未解密订单 {order_sn} 的收件人（{detail}）</translation></message><message><source>{channel}: order {order_id} has no oaid to decrypt</source><translation>{channel}：订单 {order_id} 没有可解密的 oaid</translation></message><message><source>{channel}: JD did not decrypt the receiver of {order_id} (code {code}: {detail})</source><translation>{channel}：京东未解密订单 {order_id} 的收件人（代码 {code}：{detail}）</translation></message><message><source>{channel}: trade {tid} has no oaid to decrypt</source><translation>{channel}：交易 {tid} 没有可解密的 oaid</translation></message><message><source>{channel}: Taobao did not decrypt the receiver of {tid} (the oaid does not match the trade)</source><translation>{channel}：淘宝未解密交易 {tid} 的收件人（oaid 与该交易不符）</translation></message><message><source>{channel}: the decrypted receiver of {tid} is incomplete</source><translation>{channel}：交易 {tid} 解密后的收件人信息不完整</translation></message><message><source>label pending</source><translation>面单待出</translation></message><message><source>labelled</source><translation>已出面单</translation></message><message><source>delivered</source><translation>已签收</translation></message><message><source>returned to sender</source><translation>已退回寄件人</translation></message><message><source>line {label!r} has no SKU, and its barcode {shown} is on no product in the catalogue: add the barcode to its product (Tools → Products…, or packdesk products add SKU --name NAME --barcode {barcode}) or give the variant a SKU in the shop, then import again</source><translation>订单行 {label!r} 没有 SKU，其条码 {shown} 不在任何商品上：请把该条码加到对应商品上（工具 → 商品…，或 packdesk products add SKU --name NAME --barcode {barcode}），或在店铺里给该款式设置 SKU，然后重新导入</translation></message><message><source>line {label!r} has no SKU and no barcode, and two products in the catalogue have that name: give the variant a SKU (or a barcode) in the shop and export again</source><translation>订单行 {label!r} 没有 SKU 也没有条码，而商品目录中有两个商品同名：请在店铺里给该款式设置 SKU（或条码）后重新导出</translation></message><message><source>line {label!r} has no SKU and no barcode, and no single product in the catalogue is named so: give the variant a SKU (or a barcode) in the shop and export again, or add a product with that exact name</source><translation>订单行 {label!r} 没有 SKU 也没有条码，商品目录中也没有唯一同名的商品：请在店铺里给该款式设置 SKU（或条码）后重新导出，或添加一个名称完全相同的商品</translation></message><message><source>packdesk orders replay: {exc}</source><translation>packdesk orders replay：{exc}</translation></message><message><source>cannot read {path}: {reason}</source><translation>无法读取 {path}：{reason}</translation></message><message><source>{name} is not UTF-8 text; channels send JSON in UTF-8: save the payload as it came</source><translation>{name} 不是 UTF-8 文本；渠道发送的 JSON 都是 UTF-8：请按收到的原样保存数据</translation></message><message><source>{name} is not JSON (line {line}, column {column}: {reason}); send the payload as the channel gave it, not a screenshot or a copy from a web page</source><translation>{name} 不是 JSON（第 {line} 行第 {column} 列：{reason}）；请发送渠道给出的原始数据，不要截图或从网页复制</translation></message><message><source>channel {channel!r} is not one Packdesk syncs; choose one of {channels}</source><translation>{channel!r} 不是 Packdesk 同步的渠道；请从 {channels} 中选择</translation></message><message><source>no {channel} order found in the file: it holds no object shaped like a {channel} order{hint}</source><translation>文件中没有 {channel} 订单：其中没有 {channel} 订单结构的对象{hint}</translation></message><message><source>; it looks like a {other} payload: run again with --channel {other}</source><translation>；它看起来是 {other} 的数据：请用 --channel {other} 重新运行</translation></message><message><source>; this is a REST or webhook order (line_items, financial_status), and Packdesk reads Shopify through the GraphQL Admin API: send the order as the GraphQL `order` query answers it (or its bulk export lines)</source><translation>；这是 REST 或 webhook 订单（line_items、financial_status），而 Packdesk 通过 GraphQL Admin API 读取 Shopify：请发送 GraphQL `order` 查询返回的订单（或其批量导出行）</translation></message><message><source> (is --channel right?)</source><translation>（--channel 是否正确？）</translation></message><message><source>not taken in: {reason}; it would wait in the exceptions list (Tools → Orders needing review)</source><translation>不会导入：{reason}；它会留在异常列表中（工具 → 待审核订单）</translation></message><message><source>not taken in as a new order: the channel says {said}; an order Packdesk already has would be updated to match</source><translation>不会作为新订单导入：渠道显示为{said}；Packdesk 已有的同一订单会随之更新</translation></message><message><source>taken in and held: the channel has put the order on hold</source><translation>导入并暂停：渠道已暂停该订单</translation></message><message><source>taken in for review: {reasons}</source><translation>导入后待审核：{reasons}</translation></message><message><source>taken in, ready to pack</source><translation>导入，可以打包</translation></message><message><source>status {status} ({disposition}), ship to {name}, {place}</source><translation>状态 {status}（{disposition}），寄往 {name}，{place}</translation></message><message><source>(no name)</source><translation>（无姓名）</translation></message><message><source>(no address)</source><translation>（无地址）</translation></message><message><source>(no SKU)</source><translation>（无 SKU）</translation></message><message><source>receiver masked by the marketplace</source><translation>收件人信息已被平台脱敏</translation></message><message><source>region is not one of {country}'s states or provinces</source><translation>地区不是 {country} 的省/州之一</translation></message><message><source>paid back through the payment gateway</source><translation>已通过支付网关退款</translation></message><message><source>{channel}: shipment trackings are a JSON {name}, not a list</source><translation>{channel}：物流跟踪记录是 JSON {name}，不是列表</translation></message><message><source>{channel}: order {order} was not refunded ({amount}): WooCommerce says “{said}”. Pay the buyer back in the payment provider (or by bank transfer), then close the return with `packdesk returns close-refund`</source><translation>{channel}：订单 {order} 未退款（{amount}）：WooCommerce 说 “{said}”。请在支付服务商处（或通过银行转账）给买家退款，然后用 `packdesk returns close-refund` 关闭该退货</translation></message><message><source>{channel}: refund {refund} of order {order} ({amount}) is recorded in WooCommerce, but the payment gateway did not pay it back. Pay the buyer back in the payment provider, then close the return with `packdesk returns close-refund`</source><translation>{channel}：订单 {order} 的退款 {refund}（{amount}）已记在 WooCommerce 中，但支付网关没有退款。请在支付服务商处给买家退款，然后用 `packdesk returns close-refund` 关闭该退货</translation></message><message><source>the carrier set-up</source><translation>承运商设置</translation></message><message><source>Barcode left out (fix it at the channel and pull again): {problem}</source><translation>未采用条码（请在渠道里改正后再拉取）：{problem}</translation></message><message><source>Barcode {code} left out: it is on {owner} already; a barcode belongs to one product.</source><translation>未采用条码 {code}：它已属于 {owner}；一个条码只属于一个商品。</translation></message><message><source>The weight {kept} g ({whose}) was kept; {channel} says {grams} g. Settle it in the product editor.</source><translation>保留了重量 {kept} 克（{whose}）；{channel} 给出的是 {grams} 克。请在商品编辑器中确定。</translation></message><message><source>learned from the scale</source><translation>由电子秤学得</translation></message><message><source>from channel {other}</source><translation>来自渠道 {other}</translation></message><message><source>set by a person</source><translation>人工设置</translation></message><message><source>SKU {sku} is on more than one product at {channel}; the first was taken.</source><translation>SKU {sku} 在 {channel} 中对应多个商品；已采用第一个。</translation></message><message><source>The SKU “{sku}” must be 1 to 64 characters without spaces; change it at the channel.</source><translation>SKU“{sku}”须为 1 到 64 个字符且不含空格；请在渠道里修改。</translation></message><message><source>SKU {sku} has no name at the channel.</source><translation>SKU {sku} 在渠道中没有名称。</translation></message><message><source>There is no channel {code}; `packdesk channel list` shows them.</source><translation>没有渠道 {code}；用 `packdesk channel list` 查看。</translation></message><message><source>{name} is locked after {count} wrong PINs in a row; try again in {seconds} s, or ask another supervisor.</source><translation>{name} 连续 {count} 次 PIN 码错误，已被锁定；请 {seconds} 秒后再试，或请另一位主管。</translation></message><message><source>Carrier {code} uses its own number range; it has no API keys.</source><translation>承运商 {code} 使用本店号段，没有接口密钥。</translation></message><message><source>Order {number} is {why}; it gets no label. A supervisor can print it anyway: packdesk print label {number} --override (asks for the supervisor's name and PIN).</source><translation>订单 {number} {why}，不出面单。主管仍可打印：packdesk print label {number} --override（会要求主管姓名和 PIN 码）。</translation></message><message><source>Carrier {name} prints numbers from its own range; there is no carrier to ask.</source><translation>承运商 {name} 使用自有号段打印运单号；没有可询问的承运商。</translation></message><message><source>Packdesk has no harmless test call for {api} yet; print a test label to see whether the account works.</source><translation>Packdesk 还没有针对 {api} 的无害测试调用；请打印一张测试面单来确认账户是否可用。</translation></message><message><source>EasyPost answered and accepted the API key.</source><translation>EasyPost 已响应并接受了 API 密钥。</translation></message><message><source>{carrier} answered and accepted the API token.</source><translation>{carrier} 已响应并接受了 API 令牌。</translation></message><message><source>the connection test</source><translation>连接测试</translation></message><message><source>packdesk products pull: {error} Nothing more was pulled; what was stored before stays.</source><translation>packdesk products pull：{error} 未再拉取更多商品；之前已保存的保持不变。</translation></message><message><source>Channel {code} is a {kind} shop; Packdesk pulls the catalogue from {kinds} shops. Import its product export with packdesk products import FILE.</source><translation>渠道 {code} 是 {kind} 店铺；Packdesk 只能从 {kinds} 店铺拉取商品目录。请用 packdesk products import FILE 导入其商品导出文件。</translation></message><message><source>From {channel}: products added {added}, changed {updated}. Opening stock: {units} units for {stocked} SKUs (only SKUs with no stock yet).</source><translation>来自 {channel}：新增商品 {added} 个，更新 {updated} 个。期初库存：{stocked} 个 SKU 共 {units} 件（仅限尚无库存的 SKU）。</translation></message><message><source>Listed at {channel} without a SKU, not taken: {count}. Give them a SKU at the channel and pull again.</source><translation>{channel} 上有 {count} 个商品没有 SKU，未导入。请在渠道为它们设置 SKU 后重新拉取。</translation></message><message><source>{channel}: the catalogue export was denied (ACCESS_DENIED): give the app the read_products and read_inventory access scopes</source><translation>{channel}：商品目录导出被拒绝（ACCESS_DENIED）：请给应用授予 read_products 和 read_inventory 权限</translation></message><message><source>shopify: productVariants answer has no nodes list</source><translation>shopify：productVariants 的应答中没有 nodes 列表</translation></message><message><source>woocommerce: {path} answered with no list</source><translation>woocommerce：{path} 的应答不是列表</translation></message><message><source>The expiry “{expiry}” is not a date; write it as YYYY-MM-DD, for instance 2027-03-31.</source><translation>有效期“{expiry}”不是日期；请写成 YYYY-MM-DD，例如 2027-03-31。</translation></message><message><source>{sku} is in bin {bin} on line {line}; a product has one bin, so put the same bin on each of its lines.</source><translation>{sku} 在第 {line} 行的库位是 {bin}；一个商品只有一个库位，请在它的每一行写同一个库位。</translation></message><message><source>{sku} lot {lot} is on line {line} already; give each lot one line.</source><translation>{sku} 的批号 {lot} 已在第 {line} 行；每个批号只写一行。</translation></message><message><source>Lot {lot} of {sku} expires on {known}, not {given}.</source><translation>{sku} 的批号 {lot} 有效期至 {known}，而不是 {given}。</translation></message><message><source>The quantity “{quantity}” is not a whole number from 1 to {limit}.</source><translation>数量“{quantity}”不是 1 到 {limit} 之间的整数。</translation></message><message><source>The stock file has no {columns} column; the first line must name the columns, for instance sku,bin,quantity,lot,expiry.</source><translation>库存文件没有 {columns} 列；第一行必须是列名，例如 sku,bin,quantity,lot,expiry。</translation></message><message><source>There is no product {sku}; add it first (packdesk products add or products import, or Tools → Products).</source><translation>没有商品 {sku}；请先添加（packdesk products add 或 products import，或 工具 → 商品）。</translation></message><message><source>An expiry date belongs to a lot: give the lot too, or leave the expiry empty.</source><translation>有效期属于某个批号：请同时填写批号，或把有效期留空。</translation></message><message><source>Opening stock: {units} units of {skus} SKUs in {lots} lots (reason “{reason}”); bins set: {bins}.</source><translation>期初库存：{skus} 个 SKU 共 {units} 件，{lots} 个批号（原因“{reason}”）；设置库位：{bins} 个。</translation></message><message><source>Products exported: {count}, to {path}.</source><translation>已导出商品 {count} 个，保存到 {path}。</translation></message><message><source>packdesk: cannot read {path}: {error}</source><translation>packdesk：无法读取 {path}：{error}</translation></message><message><source>packdesk: cannot write {path}: {error}</source><translation>packdesk：无法写入 {path}：{error}</translation></message><message><source>{name} is an old Excel file (.xls); save it as .xlsx or CSV and import that.</source><translation>{name} 是旧版 Excel 文件（.xls）；请另存为 .xlsx 或 CSV 后再导入。</translation></message><message><source>{name} is not an Excel workbook that can be read ({error}); save it again as .xlsx or CSV.</source><translation>{name} 不是可读取的 Excel 工作簿（{error}）；请重新另存为 .xlsx 或 CSV。</translation></message><message><source>{name} has no sheet.</source><translation>{name} 中没有工作表。</translation></message><message><source>{name}: its first sheet is empty.</source><translation>{name}：第一个工作表是空的。</translation></message><message><source>“{text}” is not a product code Packdesk knows. A supervisor can attach it to a product here (Attach to a product…), or add it in Tools → Products…, then scan it again.</source><translation>“{text}”不是 Packdesk 已知的商品条码。主管可以在这里把它关联到商品（关联到商品…），或在 工具 → 商品… 中添加，然后重新扫描。</translation></message><message><source>Attaching a barcode to a product</source><translation>把条码关联到商品</translation></message><message><source>{code} is now a code of {sku} ({by}). {received}</source><translation>{code} 现在是 {sku} 的条码（{by}）。{received}</translation></message><message><source>The {states} table is missing {missing} and lists unknown {unknown}.</source><translation>{states} 状态表缺少 {missing}，并列出了未知的 {unknown}。</translation></message><message><source>Return {rma}: its refund is {value}; it cannot become {value2}.</source><translation>退货 {rma}：退款为“{value}”；不能变为“{value2}”。</translation></message><message><source>Parcel {parcel}: its label refund is {state}; it cannot become {new_state}.</source><translation>包裹 {parcel}：面单退款为“{state}”；不能变为“{new_state}”。</translation></message><message><source>Outbox message {id} is {status}; it cannot become {value2}.</source><translation>发件箱消息 {id} 为“{status}”；不能变为“{value2}”。</translation></message><message><source>Print job {id} is {state}; it cannot become {new_state}.</source><translation>打印任务 {id} 为“{state}”；不能变为“{new_state}”。</translation></message><message><source>no {channel} channel is set up at this store, so Packdesk cannot send it. Pay the buyer back in the seller centre or by bank transfer.</source><translation>本店没有设置 {channel} 渠道，Packdesk 无法发送退款。请在卖家中心或通过银行转账退款给买家。</translation></message><message><source>order {number} came from {channel}, which Packdesk cannot refund. Pay the buyer back in the shop's own system or by bank transfer.</source><translation>订单 {number} 来自 {channel}，Packdesk 无法为其退款。请在店铺自己的系统中或通过银行转账退款给买家。</translation></message><message><source>Everything came back. Grade each unit: {sku} first.</source><translation>全部已退回。请逐件评级：先评 {sku}。</translation></message><message><source>Scan the bin {sku} goes back to.</source><translation>请扫描 {sku} 放回的库位。</translation></message><message><source>{bin} is not the bin of {sku}; it goes back to {home}. Scan that bin.</source><translation>{bin} 不是 {sku} 的库位；它应放回 {home}。请扫描该库位。</translation></message><message><source>{bin} is not a bin of this store; scan the label on the bin.</source><translation>{bin} 不是本店的库位；请扫描库位上的标签。</translation></message><message><source>A damaged unit needs a photo: take one (PD:PHOTO), or a supervisor lets it go without (PD:NO-PHOTO).</source><translation>损坏的商品需要照片：请拍一张（PD:PHOTO），或由主管批准不拍照（PD:NO-PHOTO）。</translation></message><message><source>GS1-128 takes its fields as (AI)data, not {text!r}</source><translation>GS1-128 的字段格式为 (AI)数据，而不是 {text!r}</translation></message><message><source>Scanner test card</source><translation>扫描枪测试卡</translation></message><message><source>Open Tools → Hardware self-test at the bench and scan each code. The screen shows what arrived, from which scanner and how fast; the GS1 codes are read field by field.</source><translation>在工作台打开 工具 → 硬件自检，逐个扫描每个条码。屏幕会显示收到的内容、来自哪个扫描枪以及速度；GS1 条码会逐个字段解析。</translation></message><message><source>GS1-128: product number, expiry, lot and serial</source><translation>GS1-128：商品编号、有效期、批号和序列号</translation></message><message><source>GS1 DataMatrix: the same fields</source><translation>GS1 DataMatrix：相同字段</translation></message><message><source>EAN-13: a product's own barcode</source><translation>EAN-13：商品自带的条码</translation></message><message><source>Code 128: an order or a command</source><translation>Code 128：订单或命令</translation></message><message><source>Grading a damaged unit without a photo</source><translation>不拍照给损坏商品评级</translation></message><message><source>verified</source><translation>已核对</translation></message><message><source>wrong_item</source><translation>错货</translation></message><message><source>unknown_code</source><translation>未知条码</translation></message><message><source>over_scan</source><translation>多扫</translation></message><message><source>duplicate_serial</source><translation>序列号重复</translation></message><message><source>open</source><translation>进行中</translation></message><message><source>completed</source><translation>已完成</translation></message><message><source>partial</source><translation>部分完成</translation></message><message><source>held</source><translation>已暂停</translation></message><message><source>left</source><translation>已离开</translation></message><message><source>available</source><translation>可用</translation></message><message><source>awaiting_shipment</source><translation>待发货</translation></message><message><source>frozen</source><translation>冻结</translation></message><message><source>returns_in_transit</source><translation>退货在途</translation></message><message><source>supplier</source><translation>供应商</translation></message><message><source>customer</source><translation>顾客</translation></message><message><source>adjustment</source><translation>调整</translation></message><message><source>receipt</source><translation>入库</translation></message><message><source>reserved</source><translation>已预留</translation></message><message><source>released</source><translation>已释放</translation></message><message><source>unfrozen</source><translation>已解冻</translation></message><message><source>short shipped</source><translation>少发</translation></message><message><source>sent</source><translation>已发送</translation></message><message><source>opening stock</source><translation>期初库存</translation></message><message><source>Placed at {channel} as {channel_order_id}</source><translation>在 {channel} 下单，渠道单号 {channel_order_id}</translation></message><message><source>Review: {reason}</source><translation>审核：{reason}</translation></message><message><source>Merge candidate, group {group}</source><translation>可合并发货，组 {group}</translation></message><message><source>{from_status} → {to_status}</source><translation>{from_status} → {to_status}</translation></message><message><source>{from_status} → {to_status}: {reason}</source><translation>{from_status} → {to_status}：{reason}</translation></message><message><source>Pack session at {station} started</source><translation>在 {station} 开始打包</translation></message><message><source>Pack session {outcome}</source><translation>打包{outcome}</translation></message><message><source>Pack session {outcome}, box {box}</source><translation>打包{outcome}，箱子 {box}</translation></message><message><source>Scan {raw}: {result}</source><translation>扫描 {raw}：{result}</translation></message><message><source>{scan} (undone)</source><translation>{scan}（已撤销）</translation></message><message><source>{scan} {sku} ×{quantity}</source><translation>{scan} {sku} ×{quantity}</translation></message><message><source>{sku} ×{quantity}: {from_bucket} → {to_bucket} ({reason})</source><translation>{sku} ×{quantity}：{from_bucket} → {to_bucket}（{reason}）</translation></message><message><source>Fulfilment push to {channel}: {status}</source><translation>向 {channel} 推送发货：{status}</translation></message><message><source>Fulfilment push to {channel}: {status} ({error})</source><translation>向 {channel} 推送发货：{status}（{error}）</translation></message><message><source>Return {rma}: {to_status}</source><translation>退货 {rma}：{to_status}</translation></message><message><source>Return {rma}: {from_status} → {to_status}</source><translation>退货 {rma}：{from_status} → {to_status}</translation></message><message><source>{step} ({reason})</source><translation>{step}（{reason}）</translation></message><message><source>{earlier}; {later}</source><translation>{earlier}；{later}</translation></message><message><source>UNDO last scan</source><translation>撤销上一次扫描</translation></message><message><source>HOLD order (supervisor)</source><translation>挂起订单（主管）</translation></message><message><source>COMPLETE order</source><translation>完成订单</translation></message><message><source>LOG OUT</source><translation>退出登录</translation></message><message><source>REPRINT last label</source><translation>重打上一张面单</translation></message><message><source>LEAVE order unfinished</source><translation>离开订单（未完成）</translation></message><message><source>MERGE: pack together</source><translation>合并：装进一个包裹</translation></message><message><source>DROP order from parcel</source><translation>从包裹中移出订单</translation></message><message><source>TAKE OVER busy order (supervisor)</source><translation>接手他人正在打包的订单（主管）</translation></message><message><source>SKIP LABEL: pack on without it</source><translation>跳过面单：不出面单继续打包</translation></message><message><source>WEIGHT OK: ship as weighed (supervisor)</source><translation>重量确认：按称重发货（主管）</translation></message><message><source>NOTE OK: buyer's note read</source><translation>留言已读：已阅读买家留言</translation></message><message><source>RETURN: create it for this order</source><translation>退货：为本订单创建退货单</translation></message><message><source>GRADE: resellable</source><translation>检验：可再售</translation></message><message><source>GRADE: damaged</source><translation>检验：损坏</translation></message><message><source>GRADE: missing parts</source><translation>检验：缺少配件</translation></message><message><source>RESTOCK the next unit</source><translation>下一件重新上架</translation></message><message><source>QUARANTINE the next unit</source><translation>下一件隔离</translation></message><message><source>SCRAP the next unit</source><translation>下一件报废</translation></message><message><source>RECEIVED: close the receipt</source><translation>已收货：结束收货</translation></message><message><source>REFUND the return</source><translation>为退货退款</translation></message><message><source>Returns counter</source><translation>退货柜台</translation></message><message><source>Packdesk bench commands</source><translation>Packdesk 打包台命令条码</translation></message><message><source>Demo store already there: {url}</source><translation>演示数据库已存在：{url}</translation></message><message><source>The store at {url} already has orders; not adding a demo.</source><translation>{url} 的数据库已有订单；不再添加演示数据。</translation></message><message><source>Demo store created at {url}: {products} products, {orders} orders.</source><translation>已在 {url} 创建演示数据库：{products} 个商品，{orders} 个订单。</translation></message><message><source>  log in as {name!r} with PIN {pin} ({role})</source><translation>  以 {name!r} 登录，PIN 码 {pin}（{role}）</translation></message><message><source>Barcode sheet for the demo: {path}</source><translation>演示用条码表：{path}</translation></message><message><source>packdesk print: no product {skus}</source><translation>packdesk print：没有商品 {skus}</translation></message><message><source>packdesk: no terminal to ask the PIN on; set {variable}</source><translation>packdesk：没有可输入 PIN 码的终端；请设置 {variable}</translation></message><message><source>PIN for {who} (4 to 8 digits): </source><translation>{who} 的 PIN 码（4 到 8 位数字）：</translation></message><message><source>The same PIN again: </source><translation>再输入一次 PIN 码：</translation></message><message><source>packdesk: the two PINs differ; nothing was changed</source><translation>packdesk：两次输入的 PIN 码不一致；未做任何修改</translation></message><message><source>Store ready at {url}. {name} is its supervisor. Next: add products (packdesk products add, or packdesk products import FILE), people (packdesk people add), a carrier (packdesk carrier add), connect a channel (packdesk channel add), and start Packdesk to pack.</source><translation>{url} 的数据库已就绪，{name} 是主管。下一步：添加商品（packdesk products add，或 packdesk products import FILE）、人员（packdesk people add）、承运商（packdesk carrier add），连接销售渠道（packdesk channel add），然后启动 Packdesk 开始打包。</translation></message><message><source>packdesk: the station name was not saved: {exc}</source><translation>packdesk：工位名称未能保存：{exc}</translation></message><message><source>{deleted} clips deleted, {freed} MB freed; {kept} kept for open returns</source><translation>已删除 {deleted} 段视频，释放 {freed} MB；为未结退货保留 {kept} 段</translation></message><message><source>packdesk: not deleted: {problem}</source><translation>packdesk：未删除：{problem}</translation></message><message><source>packdesk: no pack video of {key}</source><translation>packdesk：没有 {key} 的打包视频</translation></message><message><source>{path}: no barcode found</source><translation>{path}：未找到条码</translation></message><message><source>packdesk: {action} needs a supervisor: set PACKDESK_SUPERVISOR and PACKDESK_PIN, or run it at a terminal to be asked</source><translation>packdesk：{action} 需要主管确认：请设置 PACKDESK_SUPERVISOR 和 PACKDESK_PIN，或在终端中运行以便输入</translation></message><message><source>Supervisor's name: </source><translation>主管姓名：</translation></message><message><source>PIN for {name}: </source><translation>{name} 的 PIN 码：</translation></message><message><source>PHOTO of the damaged unit</source><translation>拍照：损坏的商品</translation></message><message><source>NO PHOTO (supervisor)</source><translation>不拍照（主管）</translation></message><message><source>Return cases checked: {escalated} escalated now, {refunds} refunds followed up, {alerts} waiting for a supervisor.</source><translation>退货单已检查：本次升级 {escalated} 个，跟进退款 {refunds} 笔，{alerts} 个等待主管处理。</translation></message><message><source>No return rules set; every channel and category follows the default:</source><translation>尚未设置退货规则；所有渠道和类目都使用默认规则：</translation></message><message><source>No channel set up; add one with: packdesk channel add CODE --kind ...</source><translation>尚未设置渠道；请用以下命令添加：packdesk channel add CODE --kind ...</translation></message><message><source>Nothing was imported.</source><translation>没有导入任何订单。</translation></message><message><source>Preview of {name}: {orders} orders in {rows} rows, {bad} rows with errors.</source><translation>{name} 预览：{rows} 行共 {orders} 个订单，{bad} 行有错误。</translation></message><message><source>  order {order_key}: {count} lines</source><translation>  订单 {order_key}：{count} 行</translation></message><message><source>  … and {count} more orders</source><translation>  …… 另有 {count} 个订单</translation></message><message><source>Import {orders} orders? [y/N] </source><translation>导入 {orders} 个订单吗？[y/N] </translation></message><message><source>a mapping is one JSON object, field name to column</source><translation>列映射是一个 JSON 对象：字段名对应列名</translation></message><message><source>it names no column for {fields}</source><translation>没有为 {fields} 指定列</translation></message><message><source>it has fields Packdesk does not know: {fields} (known fields: {known})</source><translation>其中有 Packdesk 不认识的字段：{fields}（可用字段：{known}）</translation></message><message><source>{text} is not a language; use en or zh_CN</source><translation>{text} 不是可用的语言；请用 en 或 zh_CN</translation></message><message><source>CANCELLED: scan it to see the alarm ({summary})</source><translation>已取消：扫一下看看报警（{summary}）</translation></message><message><source>Demo store created at {url}: {products} products, {orders} orders to pack, {history} packed over the last {days} days.</source><translation>演示数据库已建立在 {url}：{products} 个商品，{orders} 个待打包订单，最近 {days} 天已打包 {history} 个。</translation></message><message><source>The difference on {sku} ({field}) was settled already by {by}.</source><translation>{sku} 的差异（{field}）已由 {by} 处理过。</translation></message><message><source>Choose the product's value or the channel's.</source><translation>请选择商品现有的值或渠道的值。</translation></message><message><source>A difference is settled by a person: say who.</source><translation>差异须由人来处理：请写明是谁。</translation></message><message><source>the channels agreeing</source><translation>渠道数据已一致</translation></message><message><source>There is no catalogue difference number {id}.</source><translation>没有编号为 {id} 的商品资料差异。</translation></message><message><source>Barcode {code} is on {owner} now; a barcode belongs to one product. Take it off {owner} first.</source><translation>条码 {code} 现在在 {owner} 上；一个条码只属于一个商品。请先从 {owner} 上去掉它。</translation></message><message><source>{sku}: {field} is now {value} ({who} chose it).</source><translation>{sku}：{field} 现在是 {value}（{who} 选定）。</translation></message><message><source>a person</source><translation>人工</translation></message><message><source>No differences to settle.</source><translation>没有待处理的差异。</translation></message><message><source>settled {at:%Y-%m-%d %H:%M} by {by}: {chosen}</source><translation>{at:%Y-%m-%d %H:%M} 由 {by} 处理：{chosen}</translation></message><message><source>{channel}'s catalogue is being pulled by {station} now; nothing was pulled here.</source><translation>{station} 正在拉取 {channel} 的商品资料；此处未拉取。</translation></message><message><source>Differences with the products kept for a supervisor to settle: {count} (packdesk products conflicts, or Tools → Differences to settle).</source><translation>与商品不一致、留待主管处理的差异：{count} 条（packdesk products conflicts，或 工具 → 待处理的差异）。</translation></message><message><source>catalogue: {added} added, {updated} changed</source><translation>商品资料：新增 {added}，更新 {updated}</translation></message><message><source>catalogue being pulled by {station}</source><translation>{station} 正在拉取商品资料</translation></message><message><source>, {count} differences to settle</source><translation>，{count} 条差异待处理</translation></message><message><source>catalogue</source><translation>商品资料</translation></message><message><source>catalogue not pulled: {exc}</source><translation>商品资料未拉取：{exc}</translation></message><message><source>catalogue: {count} products</source><translation>商品资料：{count} 个商品</translation></message><message><source>the differences to settle</source><translation>待处理的差异</translation></message><message><source>Label printer test</source><translation>面单打印机测试</translation></message><message><source>Printed from Station settings. The code below must scan as {code}.</source><translation>从工位设置打印。下面的条码扫出来必须是 {code}。</translation></message><message><source>the opening stock import</source><translation>期初库存导入</translation></message><message><source>Pinduoduo e-waybill</source><translation>拼多多电子面单</translation></message><message><source>Douyin e-waybill</source><translation>抖音电子面单</translation></message><message><source>the Pinduoduo print component</source><translation>拼多多打印组件</translation></message><message><source>the Douyin print component</source><translation>抖音电子面单打印组件</translation></message><message><source>{name} answered and accepted the credentials; {count} numbers are left for {wp_code}.</source><translation>{name} 已应答并接受了凭据；{wp_code} 还剩 {count} 个单号。</translation></message><message><source>{name} accepted the credentials, but the {wp_code} subscription has no numbers left; recharge it with the express company's branch.</source><translation>{name} 接受了凭据，但 {wp_code} 的电子面单已无余量；请到快递公司网点充值。</translation></message><message><source>{name} has no pick-up booking; choose SF Express or EasyPost for a return pick-up.</source><translation>{name} 不提供上门取件预约；退货上门取件请选择顺丰速运或 EasyPost。</translation></message><message><source>{name} does not track waybills; follow waybill {tracking_number} through a KDNiao subscription.</source><translation>{name} 不提供运单轨迹；请通过快递鸟订阅跟踪运单 {tracking_number}。</translation></message><message><source>{name}: PDD could not serve {method} now (code {code}: {detail}); it will be asked again.</source><translation>{name}：拼多多暂时无法处理 {method}（代码 {code}：{detail}）；稍后会自动重试。</translation></message><message><source>{name}: PDD refused the credentials for {method} ({detail}); check the client id and secret, or authorise the shop again and store the new access token.</source><translation>{name}：拼多多拒绝了 {method} 的凭据（{detail}）；请检查 client id 和密钥，或重新授权店铺并保存新的 access token。</translation></message><message><source>{name}: Douyin could not serve {method} now (code {code}: {detail}); it will be asked again.</source><translation>{name}：抖店暂时无法处理 {method}（代码 {code}：{detail}）；稍后会自动重试。</translation></message><message><source>{name}: Douyin refused the credentials for {method} ({detail}); check the app key and secret, or authorise the shop again and store the new access token.</source><translation>{name}：抖店拒绝了 {method} 的凭据（{detail}）；请检查 app key 和密钥，或重新授权店铺并保存新的 access token。</translation></message><message><source>{name} answered without a waybill number for {reference}; it will be asked again.</source><translation>{name} 的应答中没有 {reference} 的运单号；稍后会重新申请。</translation></message><message><source>{name} did not cancel waybill {tracking_number}; cancel it in the Pinduoduo merchant console.</source><translation>{name} 未取消运单 {tracking_number}；请在拼多多商家后台取消。</translation></message><message><source>{name} did not cancel waybill {tracking_number}; cancel it in the Douyin Shop console.</source><translation>{name} 未取消运单 {tracking_number}；请在抖店后台取消。</translation></message><message><source>The receiver of waybill {number} is encrypted by the platform (a masked marketplace order): print it through {component}, which alone may decrypt it.</source><translation>运单 {number} 的收件人信息已被平台加密（平台脱敏订单）：请通过{component}打印，只有它能解密。</translation></message><message><source>The Pinduoduo e-waybill needs the PDD signer; build the registry with CarrierRegistry(pdd_sign=sync.cn_open.md5_wrapped).</source><translation>拼多多电子面单需要拼多多签名函数；请用 CarrierRegistry(pdd_sign=sync.cn_open.md5_wrapped) 创建承运商注册表。</translation></message><message><source>The Douyin e-waybill needs the Douyin signer; build the registry with CarrierRegistry(douyin_sign=sync.douyin.sign).</source><translation>抖音电子面单需要抖店签名函数；请用 CarrierRegistry(douyin_sign=sync.douyin.sign) 创建承运商注册表。</translation></message><message><source>{name} answered and accepted the partner ID and the check word; the monthly card is checked with the first label.</source><translation>{name} 已应答，并接受了顾客编码和校验码；月结卡号会在打印第一张面单时核对。</translation></message><message><source>{name} answered and accepted the EBusinessID and the AppKey; the e-waybill balance of {shipper_code} is checked with the first label.</source><translation>{name} 已应答，并接受了 EBusinessID 和 AppKey；{shipper_code} 的电子面单余额会在打印第一张面单时核对。</translation></message><message><source>{name} answered and accepted the credentials; {count} numbers are left for {cp_code}.</source><translation>{name} 已应答并接受了凭据；{cp_code} 还剩 {count} 个单号。</translation></message><message><source>{name} accepted the credentials, but the {cp_code} subscription has no numbers left; recharge it with the express company's branch.</source><translation>{name} 接受了凭据，但 {cp_code} 的电子面单已无余量；请到快递公司网点充值。</translation></message><message><source>EasyPost offered no pick-up for {reference}: {messages}</source><translation>EasyPost 没有为 {reference} 提供上门取件：{messages}</translation></message><message><source>EasyPost did not schedule the pick-up for {reference} (status {status}).</source><translation>EasyPost 未能为 {reference} 预约上门取件（状态 {status}）。</translation></message><message><source>EasyPost did not cancel pick-up {pickup_code}.</source><translation>EasyPost 未取消上门取件 {pickup_code}。</translation></message><message><source>Return {rma_number} is {status}; a pick-up is booked only for an approved return.</source><translation>退货 {rma_number} 当前为{status}；只有已批准的退货才能预约上门取件。</translation></message><message><source>Carrier {code} books no pick-ups (it has no carrier API); choose one that does, such as SF Express or EasyPost.</source><translation>承运商 {code} 无法预约上门取件（没有承运商接口）；请选择可以预约的承运商，例如顺丰速运或 EasyPost。</translation></message><message><source>pick-up {pickup_code} booked with {carrier} ({window})</source><translation>已向 {carrier} 预约上门取件 {pickup_code}（{window}）</translation></message><message><source>Return {rma_number} already has pick-up {pickup_code} with {carrier}.</source><translation>退货 {rma_number} 已有 {carrier} 的上门取件 {pickup_code}。</translation></message><message><source>Please pack the items with this slip. A courier comes to your door in the window shown to collect the parcel; give the courier the pick-up code.</source><translation>请将商品与本单一起包好。快递员会在所示时段上门取件，请把取件码告诉快递员。</translation></message><message><source>Pick-up at your door, code:</source><translation>上门取件，取件码：</translation></message><message><source>No carrier that books pick-ups is set up; add SF Express, EasyPost or Shippo in the carrier settings.</source><translation>还没有可预约上门取件的承运商；请在承运商设置中添加顺丰速运、EasyPost 或 Shippo。</translation></message><message><source>This counter has no carriers to book a pick-up with.</source><translation>此退货柜台没有可用于预约上门取件的承运商。</translation></message><message><source>EasyPost could not make the ScanForm: {message}</source><translation>EasyPost 无法生成交接单（ScanForm）：{message}</translation></message><message><source>manifest for {carrier_name} not sent by API: {error}</source><translation>{carrier_name} 的交接清单未能通过接口发送：{error}</translation></message><message><source>manifest sent to {carrier_name}: {manifest_id}, {count} parcels {form_url}</source><translation>交接清单已发送给 {carrier_name}：{manifest_id}，共 {count} 个包裹 {form_url}</translation></message><message><source>The length “{text}” is not a whole number of millimetres from 0 to {limit}.</source><translation>长度“{text}”不是 0 到 {limit} 之间的整数毫米。</translation></message><message><source>The width “{text}” is not a whole number of millimetres from 0 to {limit}.</source><translation>宽度“{text}”不是 0 到 {limit} 之间的整数毫米。</translation></message><message><source>The height “{text}” is not a whole number of millimetres from 0 to {limit}.</source><translation>高度“{text}”不是 0 到 {limit} 之间的整数毫米。</translation></message><message><source>Give all three sides (length, width and height in mm), or none.</source><translation>请填写全部三边（长、宽、高，单位毫米），或全部留空。</translation></message><message><source>The barcode {code} is given twice; give each code once.</source><translation>条码 {code} 填了两次；每个条码只填一次。</translation></message><message><source>The Chinese name has more than 255 characters.</source><translation>中文名称超过 255 个字符。</translation></message><message><source>One scan of {code} must count 1 to {most} units, not {units}.</source><translation>扫一次 {code} 应计 1 到 {most} 件，而不是 {units} 件。</translation></message><message><source>Choose at least one product to print labels for.</source><translation>请至少选择一个要打印标签的商品。</translation></message><message><source>Labels for {sku}: give 1 to {most} copies, not {copies}.</source><translation>{sku} 的标签：请填写 1 到 {most} 张，而不是 {copies} 张。</translation></message><message><source>TEST</source><translation>测试</translation></message><message><source>printed from Tools → Carriers</source><translation>从 工具 → 承运商 打印</translation></message><message><source>TEST LABEL: DO NOT SHIP</source><translation>测试面单：请勿发货</translation></message><message><source>Test label {code} {tracking_number}</source><translation>测试面单 {code} {tracking_number}</translation></message><message><source>the carrier never heard of waybill {number}; its queued send is withdrawn</source><translation>承运商从未收到运单 {number}；排队中的提交已撤回</translation></message><message><source>no pre-fetched waybill number is left and {carrier} cannot issue one now ({error}); raise the pool size in the carrier settings</source><translation>预取的运单号已用完，{carrier} 现在也无法取号（{error}）；请在承运商设置中调大号池</translation></message><message><source>withdrawn: the parcel was stopped before the carrier heard of it</source><translation>已撤回：承运商收到之前包裹已被拦下</translation></message><message><source>the parcel's carrier or orders are gone from the store</source><translation>包裹的承运商或订单已不在库中</translation></message><message><source>{carrier} no longer takes pre-fetched numbers</source><translation>{carrier} 已不再使用预取运单号</translation></message><message><source>{carrier} refused waybill {number}, printed while it was away: {error}</source><translation>{carrier} 拒收了离线时打印的运单 {number}：{error}</translation></message><message><source>JD Logistics needs the JOS signer; build the registry with CarrierRegistry(jos_sign=sync.cn_open.md5_wrapped).</source><translation>京东快递需要 JOS 签名函数；请用 CarrierRegistry(jos_sign=sync.cn_open.md5_wrapped) 创建承运商注册表。</translation></message><message><source>JD Logistics</source><translation>京东快递</translation></message><message><source>waybill {number} for {reference}</source><translation>{reference} 的运单 {number}</translation></message><message><source>stopping waybill {number}</source><translation>拦截运单 {number}</translation></message><message><source>{name} pick-ups are not booked by Packdesk; choose SF Express for a return pick-up.</source><translation>Packdesk 不预约{name}上门取件；退货取件请选择顺丰速运。</translation></message><message><source>{name}: no waybill numbers left ({detail}); ask JD Logistics for more, then print again.</source><translation>{name}：运单号已用完（{detail}）；请向京东快递申请更多后再打印。</translation></message><message><source>{count} waybill numbers</source><translation>{count} 个运单号</translation></message><message><source>{name} answered waybill {answered} for {number}; look the parcel up in JD's console.</source><translation>{name} 对运单 {number} 回复了 {answered}；请在京东后台查看该包裹。</translation></message><message><source>{name} refused {what} at the JOS gateway ({code} {said}); check the app key, secret and access token in the carrier settings.</source><translation>{name} 在 JOS 网关拒绝了{what}（{code} {said}）；请检查承运商设置中的 app key、secret 和 access token。</translation></message><message><source>{name} answered {what} without {key}; it will be asked again.</source><translation>{name} 回复{what}时没有 {key}；稍后会重新请求。</translation></message><message><source>{name} issued no waybill numbers; ask JD Logistics to open more for customer code {customer}.</source><translation>{name} 未分配运单号；请联系京东快递为商家编码 {customer} 开通更多单号。</translation></message><message><source>{name} answered and accepted the app key, the secret and the access token; the waybill numbers of customer code {customer} are checked when the pool is topped up.</source><translation>{name} 已应答并接受 app key、secret 和 access token；商家编码 {customer} 的运单号在补充号池时检查。</translation></message><message><source>its waybill is being sent to the carrier; cancelled next round</source><translation>其运单正在提交给承运商；下一轮再取消</translation></message><message><source>{code}: {added} waybill numbers added to the pool</source><translation>{code}：号池新增 {added} 个运单号</translation></message><message><source>{reference}: waybill {number} {outcome} {error}</source><translation>{reference}：运单 {number} {outcome} {error}</translation></message><message><source>Shopify has no bulk-shipping upload file of its own (merchants use an app); connect the channel and Packdesk sends the tracking by its API</source><translation>Shopify 没有自带的批量发货上传文件（商家用应用来做）；请连接该渠道，Packdesk 会通过 API 回传运单号</translation></message><message><source>WooCommerce has no bulk-shipping upload file of its own; connect the channel and Packdesk sends the tracking by its API</source><translation>WooCommerce 没有自带的批量发货上传文件；请连接该渠道，Packdesk 会通过 API 回传运单号</translation></message><message><source>{channel}: {why}</source><translation>{channel}：{why}</translation></message><message><source>{channel}: Packdesk has no bulk-shipping template for channels of kind {kind!r}; it writes them for {kinds}</source><translation>{channel}：Packdesk 没有 {kind!r} 类渠道的批量发货模板；支持的平台：{kinds}</translation></message><message><source>There is no channel {code!r}: name a channel of packdesk channel list, or the platform its orders were imported as ({kinds})</source><translation>没有渠道 {code!r}：请填写 packdesk channel list 中的渠道，或订单导入时所用的平台（{kinds}）</translation></message><message><source>{channel}: no packed order with a tracking number since {since} that was not exported already (--all exports them again)</source><translation>{channel}：自 {since} 起没有尚未导出、已打包且有运单号的订单（--all 可再次导出已导出的订单）</translation></message><message><source>The file {path} could not be written: {exc}</source><translation>无法写入文件 {path}：{exc}</translation></message><message><source>{text!r} is not a date (YYYY-MM-DD)</source><translation>{text!r} 不是日期（YYYY-MM-DD）</translation></message><message><source>packdesk shipments export: {exc}</source><translation>packdesk shipments export：{exc}</translation></message><message><source>{rows} orders of {channel} written to {path} in the {platform} bulk-shipping template</source><translation>已按{platform}批量发货模板把 {channel} 的 {rows} 个订单写入 {path}</translation></message><message><source>the shipping-upload export</source><translation>批量发货文件导出</translation></message><message><source>{message} (IPP status 0x{status})</source><translation>{message}（IPP 状态 0x{status}）</translation></message><message><source>a short answer from the CUPS scheduler</source><translation>CUPS 打印服务的回复不完整</translation></message><message><source>the CUPS scheduler answered HTTP {status} {reason}</source><translation>CUPS 打印服务回复 HTTP {status} {reason}</translation></message><message><source>the CUPS scheduler gave no job id</source><translation>CUPS 打印服务没有给出任务编号</translation></message></context></TS>