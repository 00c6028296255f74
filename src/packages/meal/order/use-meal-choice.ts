import type { BookingRequest, Fulfilment, Session, SessionList } from '@shared/booking'
import type { FamilyMember } from '@shared/member'
import { useMemo, useState } from 'react'

export const SELF = 'self'

export interface DeliveryDraft {
  address: string
  position: { lat: number; lng: number } | null
}

export interface MealChoice {
  date?: string
  sessionId?: string
  setId?: string
  person: string
  fulfilment: Fulfilment
  quantity: number
  delivery: DeliveryDraft
}

/**
 * What the resident has picked on the order page. Unpicked parts fall back to the first bookable day, meal and
 * set, so the page opens ready to order tomorrow's lunch (or today's, before its cut-off). `self` is whether the
 * person may be the orderer themself: the desk orders only for a registered resident, so until one is there it
 * asks for no quote (the server would refuse it, and the clerk would read an error before doing anything).
 */
export function useMealChoice(list: SessionList | undefined, members: FamilyMember[] | undefined, { self = true } = {}) {
  const [picked, setPicked] = useState<Partial<MealChoice>>({})

  const choice = useMemo(() => {
    const sessions = list?.sessions ?? []
    const firstBookable = sessions.find((s) => s.bookable)
    const date = picked.date ?? firstBookable?.date ?? sessions[0]?.date
    const ofDay = sessions.filter((s) => s.date === date)
    const session: Session | undefined =
      ofDay.find((s) => s.id === picked.sessionId) ?? ofDay.find((s) => s.bookable) ?? ofDay[0]
    const set = session?.sets?.find((s) => s.id === picked.setId) ?? session?.sets?.[0]
    const person = picked.person ?? members?.[0]?.id ?? (self ? SELF : undefined)
    const member = members?.find((m) => m.id === person)
    const max = session?.maxUnits ?? 1
    return {
      date,
      session,
      set,
      person,
      member,
      fulfilment: picked.fulfilment ?? 'dine_in',
      quantity: Math.min(picked.quantity ?? 1, max),
      delivery: picked.delivery ?? { address: member?.address ?? '', position: null },
    }
  }, [list, members, picked, self])

  const request: BookingRequest | undefined = useMemo(() => {
    if (!choice.session?.bookable || !choice.set || !choice.person) return undefined
    const { address, position } = choice.delivery
    if (choice.fulfilment === 'delivery' && (!position || address.trim().length < 2)) return undefined
    return {
      sessionId: choice.session.id,
      memberId: choice.person === SELF ? undefined : choice.person,
      quantity: choice.quantity,
      meal: {
        setId: choice.set.id,
        fulfilment: choice.fulfilment,
        delivery:
          choice.fulfilment === 'delivery' && position ? { address: address.trim(), ...position } : undefined,
      },
    }
  }, [choice])

  const pick = (change: Partial<MealChoice>) => setPicked((prev) => ({ ...prev, ...change }))
  return {
    choice,
    request,
    pickDate: (date: string) => pick({ date, sessionId: undefined, setId: undefined }),
    pickSession: (sessionId: string) => pick({ sessionId, setId: undefined }),
    pickSet: (setId: string) => pick({ setId }),
    pickPerson: (person: string) => pick({ person, delivery: undefined }),
    pickFulfilment: (fulfilment: Fulfilment) => pick({ fulfilment }),
    pickQuantity: (quantity: number) => pick({ quantity }),
    pickDelivery: (delivery: DeliveryDraft) => pick({ delivery }),
  }
}
