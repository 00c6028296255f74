import Taro from '@tarojs/taro'

/**
 * Hands a JSON file to the person: saved by the browser on H5; in WeChat written to the mini-program's own files
 * and sent to a chat of their choice (文件传输助手 keeps it), since WeChat has no 「下载」.
 */
export async function saveJson(fileName: string, data: unknown): Promise<'saved' | 'shared'> {
  const text = JSON.stringify(data, null, 2)
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    link.download = fileName
    link.click()
    URL.revokeObjectURL(link.href)
    return 'saved'
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8')
  await Taro.shareFileMessage({ filePath, fileName })
  return 'shared'
}
