/* The dashboard's texts: zh-CN first, English on the switch. */
window.Cunjian.messages({
  'zh-CN': {
    'title': '村建 · 创建进度看板', 'sign-out': '退出', 'region': '地区', 'as-of': '截至日期', 'live': '实时',
    'export.csv': '导出 CSV', 'export.xlsx': '导出 Excel',
    'col.name': '名称', 'col.villages': '有规划的村', 'col.meeting': '达标', 'col.progress': '进度', 'col.item': '条目',
    'col.status': '状态', 'col.figures': '依据',
    'chart.series': '进度变化（按月）', 'chart.items': '各条目达标村占比', 'laggards': '进度最落后的村', 'blind-zones': '监控盲区',
    'items': '九有六无 · 条目', 'children.6': '各县（市、区）', 'children.9': '各乡镇', 'children.12': '各村', 'children.4': '各市',
    'fig.villages': '有创建规划的村', 'fig.demonstration': '示范村', 'fig.meeting': '已达标的村', 'fig.average': '平均进度',
    'fig.overdue': '逾期工单', 'fig.blind': '监控盲区', 'fig.progress': '总体进度', 'fig.items-met': '已达标条目',
    'fig.meets': '是否达标', 'yes': '已达标', 'no': '未达标',
    'status.MET': '已达标', 'status.IN_PROGRESS': '推进中', 'status.NOT_STARTED': '未开始', 'status.FAILING': '检查未通过',
    'refused': '您无权查看地区 {0}。', 'not-found': '{0} 暂无数据。', 'error': '加载失败：{0}',
    'freshness': '数据更新至 {0}（延迟 {1} 秒）· 每 3 秒自动刷新', 'freshness.as-of': '截至 {0} 日终（北京时间）的历史数据',
    'freshness.none': '尚无数据', 'illustrative': '（示例标准，可编辑）', 'standard': '标准版本：{0} {1}',
    'as-of.figures': '历史数据只含进度，依据为当前值', 'none': '无', 'series.average': '平均进度', 'series.meeting': '达标村数',
    'share': '达标占比', 'kind.HAVE': '九有', 'kind.NONE': '六无',
    'unit.LAMP': '盏', 'unit.PIECE': '个', 'unit.METRE': '米', 'unit.PLANT': '株', 'unit.JIN': '斤', 'unit.SITE': '处',
    'unit.SET': '套', 'unit.BOARD': '块', 'unit.BENCH': '条'
  },
  'en': {
    'title': 'Cunjian · Progress dashboard', 'sign-out': 'Sign out', 'region': 'Region', 'as-of': 'As of', 'live': 'Live',
    'export.csv': 'Export CSV', 'export.xlsx': 'Export Excel',
    'col.name': 'Name', 'col.villages': 'Villages with a plan', 'col.meeting': 'Meeting', 'col.progress': 'Progress',
    'col.item': 'Item', 'col.status': 'Status', 'col.figures': 'Figures',
    'chart.series': 'Progress over time (monthly)', 'chart.items': 'Share of villages meeting each item',
    'laggards': 'Villages furthest behind', 'blind-zones': 'Camera blind zones',
    'items': 'The standard\'s items', 'children.6': 'Counties and districts', 'children.9': 'Townships', 'children.12': 'Villages',
    'children.4': 'Cities',
    'fig.villages': 'Villages with a plan', 'fig.demonstration': 'Demonstration villages', 'fig.meeting': 'Villages meeting the standard',
    'fig.average': 'Average progress', 'fig.overdue': 'Overdue work orders', 'fig.blind': 'Blind zones', 'fig.progress': 'Progress',
    'fig.items-met': 'Items met', 'fig.meets': 'Meets the standard', 'yes': 'Yes', 'no': 'Not yet',
    'status.MET': 'Met', 'status.IN_PROGRESS': 'In progress', 'status.NOT_STARTED': 'Not started', 'status.FAILING': 'Failed inspection',
    'refused': 'You may not see region {0}.', 'not-found': 'No figures for {0} yet.', 'error': 'Could not load: {0}',
    'freshness': 'Data up to {0} (lag {1} s) · refreshes every 3 s', 'freshness.as-of': 'Figures as of the end of {0} (China time)',
    'freshness.none': 'No data yet', 'illustrative': '(illustrative, editable)', 'standard': 'Standard version: {0} {1}',
    'as-of.figures': 'Past days keep progress only; the figures shown are current', 'none': 'None',
    'series.average': 'Average progress', 'series.meeting': 'Villages meeting', 'share': 'Share meeting',
    'kind.HAVE': 'Must have', 'kind.NONE': 'Must be free of',
    'unit.LAMP': 'lamps', 'unit.PIECE': 'pieces', 'unit.METRE': 'm', 'unit.PLANT': 'plants', 'unit.JIN': 'jin',
    'unit.SITE': 'sites', 'unit.SET': 'sets', 'unit.BOARD': 'boards', 'unit.BENCH': 'benches'
  }
});
