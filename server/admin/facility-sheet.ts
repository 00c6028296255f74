import type { AdminFacility } from '@shared/admin'
import { FUNCTIONS } from '@shared/functions'
import { type SheetColumn, type SheetRow as Row, readSheet, writeSheet } from './sheet'

// The facility list as a spreadsheet, in the order of the plan's annex table (附件3: 项目名称、街道、建设地点、面积、
// 建设年度、总投资、功能、运营方式), with what the app needs besides (编号, 社区, 电话, 开放时间, 位置). Columns are
// found by their heading, so a clerk may reorder them; the headings themselves are the contract.

export const COLUMNS = [
  { key: 'id', header: '编号', width: 18, note: '设施的固定编号：小写字母、数字和连字符，例如 yl-hongqi；再次导入同一编号即更新该设施' },
  { key: 'name', header: '设施名称', width: 30, note: '例如 红旗社区嵌入式服务设施' },
  { key: 'street', header: '街道', width: 12, note: '街道办事处名称，须是您管辖的街道，例如 新华路街道' },
  { key: 'community', header: '社区', width: 14, note: '社区名称；该街道下还没有的社区会新建' },
  { key: 'address', header: '建设地点', width: 36, note: '地址' },
  { key: 'areaSqm', header: '面积（㎡）', width: 10, note: '数字' },
  { key: 'year', header: '建设年度', width: 10, note: '四位年份，例如 2026' },
  { key: 'investmentWan', header: '总投资（万元）', width: 12, note: '数字，可空' },
  { key: 'functions', header: '项目功能', width: 40, note: `用顿号分隔：${FUNCTIONS.map((f) => f.name).join('、')}` },
  { key: 'operatingModels', header: '运营模式', width: 30, note: '用顿号分隔：公建民营、民办公助、政府购买服务、公办民营，可空' },
  { key: 'operatorId', header: '运营方编号', width: 22, note: '已在「运营方」中登记的编号，可空' },
  { key: 'phone', header: '联系电话', width: 16, note: '例如 029-86861234，可空' },
  { key: 'hours', header: '开放时间', width: 36, note: '例如 周一至周五 08:30-18:00；周六 09:00-12:00' },
  { key: 'lat', header: '纬度', width: 12, note: 'GCJ-02（微信、高德地图的坐标），例如 34.6534' },
  { key: 'lng', header: '经度', width: 12, note: 'GCJ-02，例如 109.2301' },
  { key: 'isReserve', header: '储备项目', width: 10, note: '是 / 否（空为否）' },
] as const satisfies readonly SheetColumn[]
export type ColumnKey = (typeof COLUMNS)[number]['key']
export type SheetRow = Row<ColumnKey>

const functionName = Object.fromEntries(FUNCTIONS.map((f) => [f.code, f.name])) as Record<string, string>
export const hoursText = (hours: AdminFacility['hours']) => hours.map((h) => `${h.days} ${h.opens}-${h.closes}`).join('；')

/** The list (or, with no facilities, the empty template) with a second sheet that says how to fill each column. */
export const facilitySheet = (facilities: AdminFacility[]): Promise<Buffer> =>
  writeSheet(
    '设施清单',
    COLUMNS,
    facilities.map((f) => ({
      ...f,
      functions: f.functions.map((c) => functionName[c]).join('、'),
      operatingModels: f.operatingModels.join('、'),
      operatorId: f.operatorId ?? '',
      phone: f.phone ?? '',
      hours: hoursText(f.hours),
      isReserve: f.isReserve ? '是' : '否',
    })),
  )

/** The rows of the first sheet by column heading, or what is wrong with the file itself. */
export const readFacilitySheet = (file: Buffer) => readSheet(file, COLUMNS, '表格里没有设施，请从第 2 行起填写')
