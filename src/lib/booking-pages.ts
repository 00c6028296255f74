import type { BookableServiceCode } from '@shared/services'
import { navigateTo } from '@/lib/navigate'

/** Where each service is booked. */
const BOOKING_PAGES: Record<BookableServiceCode, string> = {
  meal: '/packages/meal/order/index',
  day_care: '/packages/care/day-care/index',
  respite: '/packages/care/respite/index',
  infant_care: '/packages/care/infant/index',
  after_school: '/packages/care/after-school/index',
}

export const bookingPageUrl = (service: BookableServiceCode, facilityId: string): string =>
  `${BOOKING_PAGES[service]}?facilityId=${encodeURIComponent(facilityId)}`

export const openBooking = (service: BookableServiceCode, facilityId: string) => navigateTo({ url: bookingPageUrl(service, facilityId) })

/** One booking's page; `then` says what just happened there (placed, rated), which the page acknowledges. */
export const bookingDetailUrl = (id: string, then?: 'placed' | 'rated'): string =>
  `/packages/booking/detail/index?id=${encodeURIComponent(id)}${then ? `&${then}=1` : ''}`
