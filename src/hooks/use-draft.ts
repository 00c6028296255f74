import { useEffect, useState } from 'react'
import { readStored, writeStored } from '@/lib/storage'

const isText = (value: unknown): value is string => typeof value === 'string'

/**
 * Text being written, kept on the phone as it is typed: a reload, a call coming in or the app closed does not lose
 * what an elderly resident took five minutes to type. `clear` once it is sent.
 */
export function useDraft(key: string): [string, (text: string) => void, () => void] {
  const storageKey = `doorstep.draft.${key}`
  const [text, setText] = useState(() => readStored(storageKey, isText, ''))
  useEffect(() => {
    writeStored(storageKey, text === '' ? null : text)
  }, [storageKey, text])
  return [text, setText, () => setText('')]
}
