import type { Booking, BookingStatus } from '@shared/booking'
import { apiRequest, serverChecked } from './client'
import { withSession } from './session'

// The 预约 tab's list (WeChat main package: read with `serverChecked`); one booking is in booking.ts.

export const fetchBookings = (status?: BookingStatus): Promise<Booking[]> =>
  withSession(async (token) => (await apiRequest(serverChecked<{ bookings: Booking[] }>(), '/bookings', { query: { status }, token })).bookings)
