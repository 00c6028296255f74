import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { useState } from 'react'
import type { z } from 'zod'
import { ApiError, cleanError } from '@/api/api-error'
import { downloadFile } from '@/api/download'
import { importSheet, pickSpreadsheet } from '@/api/upload'
import { StatusMessage } from './StatusMessage'

/** 「新增 2 个，更新 1 个」: what an import wrote, each list that is not empty in its own words. */
export const counted = (parts: [list: string[], say: (list: string[]) => string][]) =>
  parts
    .filter(([list]) => list.length > 0)
    .map(([list, say]) => say(list))
    .join('，')

export interface SheetCardProps<S extends z.ZodType> {
  title: string
  hint: string
  /** The routes' folder: `<base>/export`, `<base>/template` and `<base>/import` (`/admin/facilities`). */
  base: string
  /** The file's name without .xlsx (设施清单); the template is 设施清单模板.xlsx. */
  fileName: string
  /** The three buttons: download the list, download the template, import. */
  labels: [string, string, string]
  /** What an import answers, and that answer in one sentence. */
  result: S
  describe: (result: z.infer<S>) => string
  onImported: () => Promise<unknown>
}

/** A list kept in Excel: download it (or the empty template), correct or fill it, upload it; every problem is listed. */
export function SheetCard<S extends z.ZodType>({ title, hint, base, fileName, labels, result: schema, describe, onImported }: SheetCardProps<S>) {
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
      const done = await importSheet(schema, `${base}/import`, file)
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
      <Button className='tap button' onClick={() => download(`${base}/export`, `${fileName}.xlsx`)}>{labels[0]}</Button>
      <Button className='tap button' onClick={() => download(`${base}/template`, `${fileName}模板.xlsx`)}>{labels[1]}</Button>
      <Button className='tap button button--primary' disabled={busy} onClick={pickAndUpload}>{busy ? '正在导入…' : labels[2]}</Button>
      <StatusMessage message={result}>
        {result?.problems?.map((p) => (
          <View key={p} className='admin__problem'>{p}</View>
        ))}
      </StatusMessage>
    </View>
  )
}
