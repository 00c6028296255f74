/**
 * What a control says to assistive technology and how the keyboard reaches it, written once for every shared
 * component. In the browser: `role`, `aria-*`, `tabIndex` and Enter / Space. In WeChat (base library ≥ 2.7.1):
 * `aria-role` and `aria-label`, which 读屏 reads (config/plugins/aria.ts lets Taro's templates carry them).
 */

const IS_H5 = process.env.TARO_ENV === 'h5'

type Props = Record<string, unknown>

/** A role and an accessible name, in the attribute the platform reads. */
export function roleProps(role: string | undefined, label?: string): Props {
  const props: Props = {}
  if (role) props[IS_H5 ? 'role' : 'aria-role'] = role
  if (label) props['aria-label'] = label
  return props
}

/** What a key press on a focused control is, for the controls we draw ourselves. */
export function isActivation(event: { key?: string }, { space = true } = {}): boolean {
  return event.key === 'Enter' || (space && event.key === ' ')
}

interface PressableOptions {
  role: 'button' | 'link' | 'switch' | 'radio' | 'checkbox'
  label?: string
  disabled?: boolean
  /** Focus order within a composite (a radio group's roving focus): −1 takes it out of the Tab order. */
  tabIndex?: 0 | -1
  onPress: (event?: unknown) => void
}

/**
 * A view that acts as a control: its role and name, focusable in the Tab order, pressed by a tap, by Enter, and
 * (except a link) by Space; disabled, it says so (aria-disabled) and ignores both.
 */
export function pressable({ role, label, disabled = false, tabIndex = 0, onPress }: PressableOptions): Props {
  const props: Props = {
    ...roleProps(role, label),
    // Always a value: Taro's H5 wrapper writes an absent aria-* value as the text "undefined".
    'aria-disabled': disabled ? 'true' : 'false',
    onClick: (event?: { stopPropagation?: () => void }) => {
      if (disabled) {
        event?.stopPropagation?.()
        return
      }
      onPress(event)
    },
  }
  if (IS_H5) {
    props.tabIndex = disabled ? -1 : tabIndex
    props.onKeyDown = (event: KeyboardEvent) => {
      if (event.target !== event.currentTarget) return
      if (!isActivation(event, { space: role !== 'link' })) return
      event.preventDefault()
      if (!disabled) onPress(event)
    }
  }
  return props
}

/**
 * Arrow keys in a radio group (chips): move to the previous / next choice that can be chosen, choose it, and move
 * the focus with it (roving focus: only the chosen one is in the Tab order).
 */
export function radioArrowKeys<T>(
  values: readonly T[],
  enabled: (value: T) => boolean,
  current: T | undefined,
  choose: (value: T) => void,
  domValue: (value: T) => string,
) {
  return (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0
    if (step === 0) return
    event.preventDefault()
    const from = Math.max(0, values.indexOf(current as T))
    for (let i = 1; i <= values.length; i++) {
      const next = values[(from + step * i + values.length * i) % values.length]
      if (!enabled(next)) continue
      choose(next)
      const group = (event.currentTarget as HTMLElement | null)?.closest?.('[role="radiogroup"]')
      // After React has re-rendered the choice: focus follows it.
      setTimeout(() => (group?.querySelector(`[data-value="${domValue(next)}"]`) as HTMLElement | null)?.focus(), 0)
      return
    }
  }
}

/** A key handler on a view (browser only: WeChat has no keyboard focus). */
export function onKeys(handler: (event: KeyboardEvent) => void): Props {
  return IS_H5 ? { onKeyDown: handler } : {}
}

/**
 * The accessible name of a text box. In the browser Taro's `taro-input-core` / `taro-textarea-core` wrap the real
 * `<input>` / `<textarea>`: the name goes onto that (nativeProps), where a screen reader and axe look for it.
 */
export function fieldLabel(label: string, invalid = false): Props {
  const aria = { 'aria-label': label, 'aria-invalid': invalid ? 'true' : 'false' }
  return IS_H5 ? { nativeProps: aria } : aria
}
