import Taro from '@tarojs/taro'
import { type ImportResult, importResultSchema } from '@shared/admin'
import { apiRequest } from './client'
import { withSession } from './session'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The bytes of a spreadsheet the person picks: from the computer in a browser, from a WeChat chat in the app. */
export async function pickSpreadsheet(): Promise<ArrayBuffer | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = `.xlsx,${XLSX}`
      input.onchange = () => {
        const file = input.files?.[0]
        resolve(file ? file.arrayBuffer() : null)
      }
      input.click()
    })
  }
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })
    const data = Taro.getFileSystemManager().readFileSync(tempFiles[0].path)
    return data as ArrayBuffer
  } catch {
    // Cancelled: nothing picked, nothing to say.
    return null
  }
}

/** Sends the file as it is; the server checks every row and writes all or nothing. */
export const importFacilitySheet = (file: ArrayBuffer): Promise<ImportResult> =>
  withSession((token) =>
    apiRequest(importResultSchema, '/admin/facilities/import', { method: 'POST', rawBody: file, headers: { 'content-type': XLSX }, token }),
  )
