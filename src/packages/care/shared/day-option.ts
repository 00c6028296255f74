import type { Session } from '@shared/booking'
import { UNBOOKABLE_REASON_NAMES } from '@shared/booking-names'
import type { Option } from '@/components/OptionGroup'
import { dayLabel } from '@/lib/dates'

/**
 * A day (or night) to choose on a care page. A full one stays choosable: choosing it is how a resident joins its
 * waitlist (the server answers `full` and the page offers 加入候补). One past its cut-off or closed says why not.
 */
export function careDayOption(session: Session, today: string, open: string): Option<string> {
  const full = session.reason === 'full'
  return {
    value: session.id,
    label: dayLabel(session.date, today),
    disabled: !session.bookable && !full,
    sub: session.bookable ? open : full ? '已约满 · 可候补' : session.reason ? UNBOOKABLE_REASON_NAMES[session.reason] : '不可预约',
  }
}
