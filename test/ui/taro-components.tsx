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
export const Input = ({ onInput, value, maxlength: _m, placeholderClass: _p, ...rest }: Props & { onInput?: (e: unknown) => void; value?: string; maxlength?: number }) =>
  createElement('input', {
    value: value ?? '',
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
    ...domProps(rest),
  })
export const Textarea = ({ onInput, value, maxlength: _m, ...rest }: Props & { onInput?: (e: unknown) => void; value?: string; maxlength?: number }) =>
  createElement('textarea', {
    value: value ?? '',
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
    ...domProps(rest),
  })
