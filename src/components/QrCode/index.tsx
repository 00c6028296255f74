import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { encode } from 'uqr'
import { roleProps } from '@/components/a11y'
import './index.scss'

/**
 * A QR code drawn with plain views: one row of cells per line, so it renders the same in WeChat and in the
 * browser without a canvas. The 8-digit booking code fits the smallest version (21 × 21).
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const rows = useMemo(() => encode(value, { border: 2, ecc: 'M' }).data, [value])
  return (
    <View className='qr' {...roleProps('img')} aria-label={label} data-size={rows.length}>
      {rows.map((row, y) => (
        <View key={y} className='qr__row'>
          {row.map((dark, x) => (
            <View key={x} className={dark ? 'qr__cell qr__cell--dark' : 'qr__cell'} />
          ))}
        </View>
      ))}
    </View>
  )
}
