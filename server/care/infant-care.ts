import { INFANT_CARE_TYPE_NAMES, INFANT_CLASS_NAMES, type InfantCareChoice, infantCareName } from '@shared/care'
import type { BookingPlan, PlanContext, Take } from '../bookings/booking-plan'
import { SessionFullError } from '../bookings/booking.errors'
import { DomainError, InvalidInputError } from '../http/errors'
import { findInfantCareRates, findSessionClasses, hasAgreement, rateKey, recordAgreement } from './care.repository'
import { serviceEligibility } from '@shared/eligibility'
import { infantClassOn } from './infant-class'

const dayName = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

const FULL_DAY: InfantCareChoice = { type: 'full_day' }

/**
 * 婴幼儿托育: one place a day for one child, in the class the child's age puts them in on that day (which can change
 * within a run at a month boundary). 全日托 is priced on the day's class; 半日托, 计时托 (per hour) and 临时托 at the
 * facility's rate for the class. 计时托 and 临时托 are for one day; 全日托 and 半日托 may take a run of days. The
 * first booking at a facility records the guardian's service agreement and health-check declaration.
 */
export async function planInfantCare(context: PlanContext): Promise<BookingPlan> {
  const { db, run, facility, member, request, now, ignoreFull } = context
  if (!member?.birth_date) throw new InvalidInputError('memberId', '请选择要入托的孩子')
  if (request.quantity !== 1) throw new InvalidInputError('quantity', '每个孩子每天一个名额')
  const birthDate = member.birth_date
  const choice = request.infant ?? FULL_DAY
  if ((choice.type === 'hourly' || choice.type === 'temporary') && run.length > 1) {
    throw new InvalidInputError('throughDate', `${INFANT_CARE_TYPE_NAMES[choice.type]}每次只预约一天`)
  }

  const [classes, rates] = await Promise.all([
    findSessionClasses(
      db,
      run.map((s) => s.id),
    ),
    choice.type === 'full_day' ? Promise.resolve(new Map<string, number>()) : findInfantCareRates(db, facility.id),
  ])
  const takes: Take[] = []
  const days: { date: string; classCode: string }[] = []
  let originalFen = 0
  for (const session of run) {
    const group = infantClassOn(birthDate, session.date)
    if (!group) {
      const eligibility = serviceEligibility('infant_care', { name: member.name, birthDate }, session.date)
      const reason = eligibility.eligible ? '托育只接收 6 到 36 个月的孩子' : eligibility.reason
      throw new DomainError('age_not_eligible', `${reason}（${dayName(session.date)}）`)
    }
    const row = classes.find((c) => c.session_id === session.id && c.class_code === group.code)
    if (!row) throw new DomainError('age_not_eligible', `本设施${dayName(session.date)}没有开设${group.name}`)
    if (row.booked >= row.capacity && !ignoreFull) throw new SessionFullError(0, 'infant_care', session.date)
    takes.push({ sessionId: session.id, units: 1, classCode: group.code })
    days.push({ date: session.date, classCode: group.code })
    originalFen += priceOf(choice, row.price_fen, rates.get(rateKey(group.code, choice.type)), group.name)
  }

  const agreed = await hasAgreement(db, member.id, facility.id, 'infant_care')
  if (!agreed && !request.care) {
    throw new InvalidInputError('care', '第一次在本设施预约托育，请先同意托育服务协议并确认孩子已完成入托体检')
  }
  const care = request.care
  // Which class on which days, in words: the guardian sees it before confirming.
  const perClass = new Map<string, number>()
  for (const d of days) perClass.set(d.classCode, (perClass.get(d.classCode) ?? 0) + 1)
  const notes = [...perClass].map(([code, n]) => `${infantCareName(choice)} · ${INFANT_CLASS_NAMES[code]} ${n} 天`)
  return {
    details: { care: { ...choice, days } },
    quote: { originalFen, deliveryFeeFen: 0, subsidyFen: 0, payableFen: originalFen, tier: null, notes },
    takes,
    record:
      agreed || !care
        ? undefined
        : (trx) =>
            recordAgreement(trx, {
              memberId: member.id,
              facilityId: facility.id,
              functionCode: 'infant_care',
              version: care.serviceAgreementVersion,
              now,
            }),
  }
}

/** A day's price for the chosen type; a type the facility sets no rate for is not offered there. */
function priceOf(choice: InfantCareChoice, fullDayFen: number, rateFen: number | undefined, className: string): number {
  if (choice.type === 'full_day') return fullDayFen
  if (rateFen === undefined) {
    throw new DomainError('not_bookable', `本设施的${className}没有开设${INFANT_CARE_TYPE_NAMES[choice.type]}，请选择其他托育类型`)
  }
  return choice.type === 'hourly' ? rateFen * (choice.hours ?? 1) : rateFen
}
