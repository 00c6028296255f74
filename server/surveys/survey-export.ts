import { FUNCTIONS } from '@shared/functions'
import { SURVEY_PRICES, SURVEY_PRICE_NAMES, SURVEY_TIMES, SURVEY_TIME_NAMES, type Survey, type SurveyResults } from '@shared/survey'
import ExcelJS from 'exceljs'

type Tallied = SurveyResults['communities'][number] | (SurveyResults['total'] & { communityName: string })

/** One column per option, in the order the form asks them; one row per community and a 合计 row. */
const COLUMNS: { header: string; width: number; value: (t: Tallied) => string | number }[] = [
  { header: '社区', width: 20, value: (t) => t.communityName },
  { header: '填写人数', width: 10, value: (t) => t.responses },
  ...FUNCTIONS.map((f) => ({ header: `需要：${f.name}`, width: 12, value: (t: Tallied) => t.services[f.code] })),
  ...SURVEY_TIMES.map((code) => ({ header: `时间：${SURVEY_TIME_NAMES[code]}`, width: 13, value: (t: Tallied) => t.times[code] })),
  ...SURVEY_PRICES.map((code) => ({ header: `价格：${SURVEY_PRICE_NAMES[code]}`, width: 16, value: (t: Tallied) => t.prices[code] })),
]

/** 需求清单: the counts per community, and the residents' own words on a second sheet (no names: none are kept). */
export async function surveyXlsx(survey: Survey, results: SurveyResults): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = '家门口 Doorstep'
  const sheet = book.addWorksheet('需求统计')
  sheet.addRow([`${survey.streetName} · ${survey.title}`]).font = { bold: true, size: 14 }
  sheet.addRow([`${survey.opensOn} 至 ${survey.closesOn}${survey.closed ? '（已截止）' : '（征集中）'}，共 ${results.total.responses} 人填写`])
  sheet.addRow(COLUMNS.map((c) => c.header)).font = { bold: true }
  COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width
  })
  for (const community of results.communities) sheet.addRow(COLUMNS.map((c) => c.value(community)))
  sheet.addRow(COLUMNS.map((c) => c.value({ ...results.total, communityName: '合计' }))).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 3 }]
  const words = book.addWorksheet('其他想法')
  words.addRow(['社区', '内容']).font = { bold: true }
  words.getColumn(1).width = 20
  words.getColumn(2).width = 80
  for (const t of results.texts ?? []) words.addRow([t.communityName, t.text])
  return Buffer.from(await book.xlsx.writeBuffer())
}
