import { Button } from '@/components/Button'
import { navigateTo } from '@/lib/navigate'
import { bookingDetailUrl } from '@/lib/booking-pages'

/** 一人一位: under a refusal that names the booking the person already holds, the way to open it. */
export function HeldBookingLink({ bookingId }: { bookingId: string | null }) {
  if (!bookingId) return null
  const open = () => navigateTo({ url: bookingDetailUrl(bookingId) })
  return (
    <Button className='tap button' onClick={open}>
      查看已有预约
    </Button>
  )
}
