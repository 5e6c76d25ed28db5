"""Simplified Chinese for the evidence station's screens (pack videos at a scan, the clips'
disk, the parcel's box), merged into ui/i18n_zh.py's tables."""

EVIDENCE_UI_ZH = {
    # the clip player (ui/clip_player.py) and where it opens from
    "Pack video of order %1": "订单 %1 的打包视频",
    "Loading the clip…": "正在载入视频…",
    "Play": "播放",
    "Pause": "暂停",
    "%1 · station %2 · filmed %3 · checksum %4": "%1 · 工位 %2 · 拍摄于 %3 · 校验值 %4",
    "Scans in this clip (double-click to go there):": "本视频中的扫描（双击跳转）：",
    "This clip cannot be played: %1": "此视频无法播放：%1",
    "Pack video": "打包视频",
    "Pack video at this scan": "查看此次扫描时的打包视频",
    "The selected order's pack video, from its start": "所选订单的打包视频，从头播放",
    "Select an order to see its pack video.": "请先选择订单，再查看其打包视频。",
    "The video of this order being packed": "该订单打包时的视频",
    "Scan the returned order first, then its pack video opens.": "请先扫描退货的订单，再打开其打包视频。",
    # the clips' disk (ui/clips_disk.py, station settings)
    "%1 in %2 clip(s) · %4 free of %5\nat %3": "%1，共 %2 段视频 · 剩余 %4，共 %5\n位于 %3",
    "Filming stopped: %1": "录制已停止：%1",
    "less than %1 free": "剩余空间不足 %1",
    "The clips' disk could not be reported: %1": "无法上报视频磁盘状态：%1",
    "Reading the clips' disk…": "正在读取视频磁盘…",
    "No pack videos at this station": "本工位不录制打包视频",
    "Pack videos": "打包视频",
    "Pack videos stopped": "打包视频已停止",
    "Pack video encoder stopped": "打包视频编码进程已停止",
    # the parcel's box (ui/box_hint.py)
    "Box: %1": "纸箱：%1",
    "smallest that fits: %1": "最小合适纸箱：%1",
    "Suggested box: %1 (%2). Scan the box you use.": "建议纸箱：%1（%2）。请扫描所用纸箱。",
}

EVIDENCE_CORE_ZH = {
    "No pack video was recorded for order {number}: the station had no camera, or filming was off.":
        "订单 {number} 没有打包视频：工位没有摄像头，或未开启录制。",
    "The pack video of order {number} filmed on {filmed} was deleted on {deleted} by the clips' retention (older than the days kept, or over the disk budget).":
        "订单 {number} 于 {filmed} 拍摄的打包视频已在 {deleted} 按保留规则删除（超过保留天数或磁盘预算）。",
    "The pack video of order {number} was filmed at station {station}, but its file {path} is not on this disk: open it at that station, or restore the file.":
        "订单 {number} 的打包视频在工位 {station} 拍摄，但文件 {path} 不在本机磁盘上：请到该工位查看，或恢复该文件。",
    "Filming again: there is room on the clips' disk ({free} free).": "已恢复录制：视频磁盘有空间了（剩余 {free}）。",
    "only {free} free on the clips' disk ({folder}); {keep} is kept free":
        "视频磁盘（{folder}）仅剩 {free}，需保留 {keep} 空闲",
    "the clips' disk is full ({folder})": "视频磁盘已满（{folder}）",
    "Pack videos stopped: {reason}. Packing goes on without them; delete old clips (packdesk clips prune) or free space, and filming starts again with the next order.":
        "打包视频已停止：{reason}。打包照常进行，只是不录像；请删除旧视频（packdesk clips prune）或腾出空间，下一单起恢复录制。",
    "No box sizes in the catalogue: no box to suggest.": "商品资料中没有纸箱尺寸：无法建议纸箱。",
    "No box suggested: {sku} has no size in the catalogue.": "无法建议纸箱：{sku} 没有尺寸资料。",
    "Box {sku} ({size}) fits these items.": "纸箱 {sku}（{size}）装得下这些商品。",
    "No box fits these items (the largest is {sku}): use a bigger box or two parcels.":
        "没有纸箱装得下这些商品（最大的是 {sku}）：请用更大的纸箱或分成两个包裹。",
    "Box {sku} is too small for these items; {fits} fits. Scan the box you use.":
        "纸箱 {sku} 太小，装不下这些商品；{fits} 合适。请扫描所用纸箱。",
    "Box {sku} is too small for these items. Scan the box you use.": "纸箱 {sku} 太小，装不下这些商品。请扫描所用纸箱。",
    "Box {sku} ({name}): its {tare} g count in the parcel's weight.": "纸箱 {sku}（{name}）：其 {tare} 克计入包裹重量。",
}
