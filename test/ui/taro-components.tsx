// A small DOM stand-in for @tarojs/components, enough to render pages in jsdom.
import { type ReactNode, createElement } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode; className?: string; onClick?: () => void }

function domProps({ children: _c, scrollX: _x, enhanced: _e, showScrollbar: _s, loading: _l, ...rest }: Props) {
  return rest
}

export const View = (props: Props) => createElement('div', domProps(props), props.children)
export const Text = (props: Props) => createElement('span', domProps(props), props.children)
export const ScrollView = (props: Props) => createElement('div', domProps(props), props.children)
export const Button = (props: Props) => createElement('button', { type: 'button', ...domProps(props) }, props.children)
export const Switch = ({ checked, onChange, ...rest }: Props & { checked?: boolean; onChange?: (e: unknown) => void }) =>
  createElement('input', {
    type: 'checkbox',
    role: 'switch',
    checked: Boolean(checked),
    onChange: (e: { target: { checked: boolean } }) => onChange?.({ detail: { value: e.target.checked } }),
    ...domProps(rest),
  })
// Taro's H5 input puts `nativeProps` (the accessible name) on the real <input>; so does this one.
type NativeProps = { nativeProps?: Record<string, unknown> }
export const Input = ({ onInput, onConfirm, value, maxlength: _m, placeholderClass: _p, confirmType: _c, nativeProps, ...rest }: Props & NativeProps & { onInput?: (e: unknown) => void; onConfirm?: () => void; value?: string; maxlength?: number }) =>
  createElement('input', {
    value: value ?? '',
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
    onKeyDown: (e: { key: string }) => e.key === 'Enter' && onConfirm?.(),
    ...domProps(rest),
    ...nativeProps,
  })
export const Textarea = ({ onInput, value, maxlength: _m, nativeProps, ...rest }: Props & NativeProps & { onInput?: (e: unknown) => void; value?: string; maxlength?: number }) =>
  createElement('textarea', {
    value: value ?? '',
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
    ...domProps(rest),
    ...nativeProps,
  })
