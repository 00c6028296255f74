import ExcelJS from 'exceljs'
import type { TestApp } from './app'

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * A spreadsheet route pair as a clerk uses it: `download('export' | 'template')` checks the answer is an Excel file
 * and opens it; `upload(book)` posts the book to `<base>/import`. `t` and `headers` are read at call time (set in
 * beforeAll).
 */
export function sheetRoutes(base: string, t: () => TestApp, headers: () => { authorization: string }) {
  const download = async (what: 'export' | 'template') => {
    const res = await t().app.inject({ url: `${base}/${what}`, headers: headers() })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain(XLSX)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    return book
  }
  const upload = async (book: ExcelJS.Workbook) =>
    t().app.inject({
      method: 'POST',
      url: `${base}/import`,
      headers: { ...headers(), 'content-type': XLSX },
      payload: Buffer.from(await book.xlsx.writeBuffer()),
    })
  return { download, upload }
}
