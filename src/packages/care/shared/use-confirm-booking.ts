import Taro from '@tarojs/taro'
import type { BookingRequest } from '@shared/booking'
import { placeBooking, quoteBooking } from '@/api/bookings'
import { usePlaceBooking } from '@/hooks/use-place-booking'
import { useQuote } from '@/hooks/use-quote'

/** The server's price for the request, and the confirm tap that books it and opens the booking. */
export function useConfirmBooking(request: BookingRequest | undefined, onStale: () => Promise<void>) {
  const quote = useQuote(request, quoteBooking)
  const placing = usePlaceBooking(placeBooking, onStale)
  const confirm = async () => {
    if (!request || !quote.quote) return
    const booking = await placing.submit(request, quote.quote.payableFen)
    if (booking) await Taro.redirectTo({ url: `/packages/booking/detail/index?id=${encodeURIComponent(booking.id)}&placed=1` })
  }
  return { quote, placing, confirm }
}
