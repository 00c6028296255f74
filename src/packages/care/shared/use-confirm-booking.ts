import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import type { BookingRequest } from '@shared/booking'
import { placeBooking, quoteBooking } from '@/api/booking'
import { useJoinWaitlist } from '@/hooks/use-join-waitlist'
import { usePlaceBooking } from '@/hooks/use-place-booking'
import { useQuote } from '@/hooks/use-quote'
import { bookingDetailUrl } from '@/lib/booking-pages'

/** The server's price for the request, the confirm tap that books it and opens the booking, and — when the places
 * are taken — the tap that joins the waitlist for it. */
export function useConfirmBooking(request: BookingRequest | undefined, onStale: () => Promise<void>) {
  const quote = useQuote(request, quoteBooking)
  const placing = usePlaceBooking(placeBooking, onStale)
  const confirm = async () => {
    if (!request || !quote.quote) return
    const booking = await placing.submit(request, quote.quote.payableFen)
    if (booking) await Taro.redirectTo({ url: bookingDetailUrl(booking.id, 'placed') })
  }
  const waitlist = useJoinWaitlist()
  // Another choice is another request: what was joined for the last one is not shown for it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => waitlist.reset(), [JSON.stringify(request ?? null)])
  const joinWaitlist = () => request && waitlist.join(request)
  return { quote, placing, confirm, waitlist, joinWaitlist }
}

export type ConfirmBooking = ReturnType<typeof useConfirmBooking>
