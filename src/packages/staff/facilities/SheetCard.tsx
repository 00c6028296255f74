import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { useState } from 'react'
import { ApiError, cleanError } from '@/api/api-error'
import { downloadFile } from '@/api/download'
import { pickSpreadsheet } from '@/api/upload'
import { StatusMessage } from './StatusMessage'

export interface SheetCardProps<R> {
  title: string
  hint: string
  /** The current list as a sheet, and the empty template: API paths and the file names they are saved under. */
  list: { path: string; fileName: string; label: string }
  template: { path: string; fileName: string; label: string }
  importLabel: string
  upload: (file: ArrayBuffer) => Promise<R>
  /** What an import wrote, in one sentence. */
  describe: (result: R) => string
  onImported: () => Promise<unknown>
}

/** A list kept in Excel: download it (or the empty template), correct or fill it, upload it; every problem is listed. */
export function SheetCard<R>({ title, hint, list, template, importLabel, upload, describe, onImported }: SheetCardProps<R>) {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string; problems?: string[] } | null>(null)
  const download = async (path: string, name: string) => {
    setResult(null)
    try {
      await downloadFile(path, name, 'xlsx')
    } catch (err) {
      setResult({ kind: 'error', text: cleanError(err) })
    }
  }
  const pickAndUpload = async () => {
    if (busy) return
    setResult(null)
    const file = await pickSpreadsheet()
    if (!file) return
    setBusy(true)
    try {
      const done = await upload(file)
      await onImported()
      setResult({ kind: 'ok', text: describe(done) })
    } catch (err) {
      const problems = err instanceof ApiError ? err.problems : undefined
      setResult({ kind: 'error', text: problems ? `表格有 ${problems.length} 处问题，没有写入任何内容：` : cleanError(err), problems })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card admin__sheet'>
      <Text className='section-title'>{title}</Text>
      <Text className='muted'>{hint}</Text>
      <Button className='tap button' onClick={() => download(list.path, list.fileName)}>{list.label}</Button>
      <Button className='tap button' onClick={() => download(template.path, template.fileName)}>{template.label}</Button>
      <Button className='tap button button--primary' disabled={busy} onClick={pickAndUpload}>{busy ? '正在导入…' : importLabel}</Button>
      <StatusMessage message={result}>
        {result?.problems?.map((p) => (
          <View key={p} className='admin__problem'>{p}</View>
        ))}
      </StatusMessage>
    </View>
  )
}
