import Taro from '@tarojs/taro'
import { ApiError } from './api-error'
import { API_BASE } from './client'
import { withSession } from './session'

/**
 * Fetches a file the API makes (the evaluation bulletin) with the session's token and hands it to the person:
 * saved by the browser on H5, opened with WeChat's document viewer (from where it can be sent on) in the app.
 */
export function downloadFile(path: string, fileName: string, fileType: 'xlsx' | 'csv'): Promise<void> {
  return withSession(async (token) => {
    const url = `${API_BASE}/api${path}`
    const authorization = `Bearer ${token}`
    if (process.env.TARO_ENV === 'h5') {
      const res = await fetch(url, { headers: { authorization } })
      if (!res.ok) throw new ApiError('http', res.status === 403 ? '您没有权限导出' : '导出失败，请稍后再试', res.status)
      const link = document.createElement('a')
      link.href = URL.createObjectURL(await res.blob())
      link.download = fileName
      link.click()
      URL.revokeObjectURL(link.href)
      return
    }
    const { statusCode, tempFilePath } = await Taro.downloadFile({ url, header: { authorization } })
    if (statusCode !== 200) throw new ApiError('http', '导出失败，请稍后再试', statusCode)
    await Taro.openDocument({ filePath: tempFilePath, fileType: fileType === 'csv' ? 'xlsx' : fileType, showMenu: true })
  })
}
