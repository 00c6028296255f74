import { useElderMode, useSetElderMode } from '@/stores/elder-mode'
import { Button } from '@/components/Button'

/** The 长辈版 switch as a button whose words say the state, so colour is never the only cue. */
export function ElderModeToggle() {
  const elder = useElderMode()
  const setElder = useSetElderMode()
  return (
    <Button
      className={`tap button${elder ? ' button--primary' : ''}`}
      aria-pressed={elder}
      onClick={() => setElder(!elder)}
    >
      {elder ? '长辈版：已开启' : '长辈版（大字）'}
    </Button>
  )
}
