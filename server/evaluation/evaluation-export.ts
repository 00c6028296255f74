import { type Evaluation, type EvaluationRow, rankingRule } from '@shared/evaluation'
import { FUNCTIONS } from '@shared/functions'
import ExcelJS from 'exceljs'

const functionName = (code: string) => FUNCTIONS.find((f) => f.code === code)?.name ?? code
const pct = (x: number | null) => (x === null ? '' : Math.round(x * 1000) / 10)
const num = (x: number | null, digits = 2) => (x === null ? '' : Number(x.toFixed(digits)))

/**
 * The bulletin's columns, in the order the street offices read them; rates in percent. A row with too little data
 * says 数据不足 where the rank would be and leaves the composite out, so that nobody compares it.
 */
const COLUMNS: { header: string; width: number; value: (r: EvaluationRow) => string | number }[] = [
  { header: '排名', width: 8, value: (r) => r.rank ?? (r.insufficientData ? '数据不足' : '') },
  { header: '服务', width: 12, value: (r) => functionName(r.function) },
  { header: '设施', width: 28, value: (r) => r.facilityName },
  { header: '运营方', width: 24, value: (r) => r.operatorName ?? '' },
  { header: '综合得分', width: 10, value: (r) => (r.insufficientData ? '' : num(r.composite)) },
  { header: '预约数', width: 8, value: (r) => r.bookings },
  { header: '完成率(%)', width: 10, value: (r) => pct(r.completionRate) },
  { header: '利用率(%)', width: 10, value: (r) => pct(r.utilisation) },
  { header: '爽约率(%)', width: 10, value: (r) => pct(r.noShowRate) },
  { header: '评价数', width: 8, value: (r) => r.ratings },
  { header: '满意率(%)', width: 10, value: (r) => pct(r.satisfactionRate) },
  { header: '平均评分', width: 10, value: (r) => num(r.meanLevel) },
  { header: '修正评分', width: 10, value: (r) => num(r.adjustedScore) },
  { header: '使用意愿(%)', width: 11, value: (r) => pct(r.willingnessRate) },
  { header: '整改按期率(%)', width: 13, value: (r) => pct(r.rectificationOnTimeRate) },
  { header: '逾期整改', width: 9, value: (r) => r.overdueCases },
  { header: '说明', width: 36, value: (r) => r.insufficientReason ?? '' },
]

export const bulletinTitle = (e: Evaluation) =>
  `${e.period.includes('Q') ? '季度排名' : e.period.length === 4 ? '年度考核' : '月度通报'} ${e.period}（${e.from} 至 ${e.to}）`

/** CSV with a byte-order mark, so that Excel on a street office's PC reads the Chinese right. */
export function evaluationCsv(e: Evaluation): string {
  const cell = (v: string | number) => {
    const text = String(v)
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  const lines = [COLUMNS.map((c) => cell(c.header)).join(','), ...e.rows.map((r) => COLUMNS.map((c) => cell(c.value(r))).join(','))]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

export async function evaluationXlsx(e: Evaluation): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = '家门口 Doorstep'
  const sheet = book.addWorksheet(e.period)
  sheet.addRow([bulletinTitle(e)]).font = { bold: true, size: 14 }
  sheet.addRow([`修正评分 = (${e.prior.weight} × ${e.prior.mean.toFixed(2)} + 评分之和) ÷ (${e.prior.weight} + 评价数)`])
  sheet.addRow([rankingRule(e.rankMinimum)])
  const header = sheet.addRow(COLUMNS.map((c) => c.header))
  header.font = { bold: true }
  COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width
  })
  for (const row of e.rows) sheet.addRow(COLUMNS.map((c) => c.value(row)))
  sheet.views = [{ state: 'frozen', ySplit: 4 }]
  return Buffer.from(await book.xlsx.writeBuffer())
}
