import { Button as TaroButton } from '@tarojs/components'
import type { ReactNode } from 'react'
import { isActivation, roleProps } from '@/components/a11y'

interface ButtonProps {
  className?: string
  children: ReactNode
  onClick?: (event?: unknown) => void
  /** Cannot be pressed now: looks it (grey, dashed), says it (aria-disabled) and ignores taps and keys. */
  disabled?: boolean
  /** Under way: a spinner, and a second tap does nothing. */
  loading?: boolean
  'aria-label'?: string
  'aria-pressed'?: boolean
  /** WeChat's own actions a button can open (分享给家人, agreeing to the privacy prompt). */
  openType?: 'share' | 'agreePrivacyAuthorization'
  /** WeChat checks the privacy prompt's agree button by its id. */
  id?: string
  onAgreePrivacyAuthorization?: () => void
}

const IS_H5 = process.env.TARO_ENV === 'h5'

/**
 * Every button of the app. Taro's H5 button is a `taro-button-core` element: no role, not focusable, pressed only by
 * a tap, and its `disabled` neither greys it nor stops the tap. This one is a button to a screen reader (also in
 * WeChat, through aria-role), in the Tab order, pressed by Enter or Space, and truly inert when disabled or busy.
 */
export function Button({ className = '', children, onClick, disabled = false, loading = false, openType, id, onAgreePrivacyAuthorization, ...aria }: ButtonProps) {
  const inert = disabled || loading
  const press = (event?: unknown) => {
    if (!inert) onClick?.(event)
  }
  const h5Props = IS_H5
    ? {
        tabIndex: disabled ? -1 : 0,
        onKeyDown: (event: KeyboardEvent) => {
          if (!isActivation(event)) return
          event.preventDefault()
          press(event)
        },
      }
    : {}
  return (
    <TaroButton
      className={`${className}${disabled ? ' button--disabled' : ''}`}
      disabled={disabled}
      loading={loading}
      {...(openType ? { openType } : {})}
      {...(id ? { id } : {})}
      {...(onAgreePrivacyAuthorization ? { onAgreePrivacyAuthorization } : {})}
      {...roleProps('button', aria['aria-label'])}
      {...(aria['aria-pressed'] === undefined ? {} : { 'aria-pressed': aria['aria-pressed'] ? 'true' : 'false' })}
      aria-disabled={inert ? 'true' : 'false'}
      {...h5Props}
      onClick={(event: { stopPropagation?: () => void }) => {
        if (inert) {
          event?.stopPropagation?.()
          return
        }
        press(event)
      }}
    >
      {children}
    </TaroButton>
  )
}
