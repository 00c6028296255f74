import Taro from '@tarojs/taro'
import type { z } from 'zod'
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

/** Sends the file as it is to an import (`/admin/facilities/import`); the server checks every row and writes all or nothing. */
export const importSheet = <S extends z.ZodType>(schema: S, path: string, file: ArrayBuffer): Promise<z.infer<S>> =>
  withSession((token) => apiRequest(schema, path, { method: 'POST', rawBody: file, headers: { 'content-type': XLSX }, token }))
