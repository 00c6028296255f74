import { randomUUID } from 'node:crypto'
import type { Booking, BookingRequest, Quote, SessionPart } from '@shared/booking'
import type { FunctionCode } from '@shared/functions'
import type { Kysely, Transaction } from 'kysely'
import { commitWithLastStatements, pipelinedTransaction } from '../db/connection'
import { isUniqueViolation } from '../db/errors'
import { together } from '../db/together'
import type { Database, FamilyMemberRow, SessionRow, UserRow } from '../db/schema'
import type { FacilityPlace } from '../facilities/facility.repository'
import { InvalidInputError, NotFoundError } from '../http/errors'
import { daysBetween } from '../time/shanghai'
import { findOwnMember, findSelfMember } from '../me/family-member.repository'
import { claimSubsidy } from '../meals/meal.repository'
import { confirmedNotice, reminderNotice, waitlistOfferNotice } from '../notices/notice-kinds'
import { insertNotices } from '../notices/notice.repository'
import { assertNotSuspended } from '../staff/no-show-policy'
import { assertQueueLeavesRoom } from '../waitlist/waitlist-queue'
import { accountHolds, assertAccountLeavesRoom, takeAccountShare } from './account-limit'
import { noticeFacts } from './booked-service'
import { newBookingCode } from './booking-code'
import { type Alongside, type BookingPlan, type Take, beneficiaryKey, inLockOrder, quotedPrice } from './booking-plan'
import { findBookingContext } from './booking-context.repository'
import { type BookingRule, cancelUntil, cutoffAt, unbookableReason } from './booking-rules'
import {
  AlreadyBookedError,
  BeyondHorizonError,
  KeyAnsweredError,
  NotBookableError,
  PastCutoffError,
  QuoteChangedError,
  SessionClosedError,
  SessionFullError,
  TooManyUnitsError,
} from './booking.errors'
import { insertBooking, recordEvent, toBooking } from './booking.repository'
import { classSpace, sessionSpace, takeClassUnits, takeUnits } from './capacity.repository'
import { type IdempotencyClaim, type StoredResponse, claimIdempotencyKey, findEarlierResponse, fingerprint } from './idempotency'
import { claimPlaces } from './place-claim.repository'
import { overlapOf, placeClaims } from './place-claims'
import { plannerFor } from './planners'
import { RefusedWrite, refusedAs } from './refused-write'

export interface BookingResult {
  /** 201 for a new booking; a replay answers with the status of the first. */
  statusCode: 200 | 201
  booking: Booking
}

/** How a request is prepared: for a booking, for joining the waitlist (a full session is what it waits for), or
 * for an offer to the first in line (who is the queue, so the queue does not hold the places against them). */
export type PrepareMode = 'book' | 'join_waitlist' | 'offer'

export interface Prepared {
  session: SessionRow
  /** Every session of the request in day order: the first alone, or a run of days. */
  run: SessionRow[]
  facility: FacilityPlace
  rule: BookingRule
  member: FamilyMemberRow | null
  plan: BookingPlan
}

/**
 * Checks a request against the rules and prices it, without writing anything. The checks here give the
 * resident the precise reason; the capacity itself is re-checked by the guarded update when booking.
 */
export async function prepare(
  db: Kysely<Database>,
  booker: UserRow,
  request: BookingRequest,
  now: Date,
  mode: PrepareMode = 'book',
  /** For a facility's desk: only this facility's sessions. */
  facilityId?: string,
): Promise<Prepared> {
  const [context, member] = await Promise.all([
    findBookingContext(db, request.sessionId),
    // Booking for oneself once 本人 is registered is booking for that member: one person, one beneficiary (and the
    // subsidy their registered age and district give).
    request.memberId ? findOwnMember(db, booker.id, request.memberId) : findSelfMember(db, booker.id).then((self) => self ?? null),
  ])
  if (!context) throw new NotFoundError('没有找到这个场次，请刷新后重试')
  const { session, rule, facility } = context
  if (facilityId && facility.id !== facilityId) throw new NotFoundError('本设施没有这个场次')
  const fn = session.function_code as FunctionCode
  const planner = plannerFor(session)
  if (!rule || !planner) throw new NotBookableError()
  // Someone else's member is "not found", as is a member that does not exist.
  if (member === undefined) throw new NotFoundError('没有找到这位家庭成员')
  if (request.quantity > rule.maxUnits) throw new TooManyUnitsError(rule.maxUnits, fn)
  const beneficiary = beneficiaryKey({ booker, member })
  const runOf = request.throughDate ? findRun(db, session, request.throughDate, rule.maxRunDays) : Promise.resolve([session])
  const ignoreFull = mode === 'join_waitlist'
  const refusalOf = (day: SessionRow) => bookingRefusal(rule, day, now, request.quantity, fn, ignoreFull)
  const alongside = async (other: BookingRequest): Promise<Alongside> => {
    const prepared = await prepare(db, booker, other, now)
    return {
      plan: prepared.plan,
      book: async (trx, key) => {
        await bookAlongside(trx, booker, other, key, prepared, now)
      },
    }
  }
  const planFor = (days: SessionRow[]) => planner({ db, session, run: days, facility, booker, member, request, now, ignoreFull, alongside })
  // The plan's reads (menu, prices, subsidy) and what the account holds of these days go out with the checks
  // below, in the same round trip, unless a day is refused anyway (a sold-out lunch costs no more than before).
  // The checks still refuse first, in their order; what was read early is then left unread.
  const early = runOf.then((days) => (days.some(refusalOf) ? undefined : { plan: planFor(days), held: accountHolds(db, booker, days) }))
  early.then((read) => Promise.all([read?.plan, read?.held])).catch(() => undefined)
  // Asked together: a suspension first, then one person, one place — someone who already holds it is told which
  // booking, whatever else would refuse.
  const [, run, overlap] = await together([
    assertNotSuspended(db, beneficiary, fn, now),
    runOf,
    runOf.then((days) => overlapOf(db, placeClaims(beneficiary, fn, days))),
  ])
  if (overlap) throw overlap
  // Every day of a run must be bookable: the first day that is not names the reason, and nothing is booked.
  for (const day of run) {
    const refusal = refusalOf(day)
    if (refusal) throw refusal
  }
  const read = await early
  const plan = await (read?.plan ?? planFor(run))
  await together([
    assertAccountLeavesRoom(db, { booker, rule, takes: plan.takes, run }, read?.held),
    // Places freed while others wait are theirs: a new request may take only what the queue leaves.
    mode === 'book' ? assertQueueLeavesRoom(db, plan.takes, fn) : undefined,
  ])
  return { session, run, facility, rule, member, plan }
}

/** Why a day of a request cannot be booked, as the resident is told; undefined when it can. */
function bookingRefusal(
  rule: BookingRule,
  session: SessionRow,
  now: Date,
  units: number,
  fn: FunctionCode,
  ignoreFull: boolean,
): Error | undefined {
  const startsAt = new Date(session.starts_at)
  const remaining = Math.max(0, session.capacity - session.booked)
  const reason = unbookableReason(rule, { date: session.date, startsAt, open: session.open === 1, remaining }, now, units)
  if (reason === 'closed') return new SessionClosedError()
  if (reason === 'past_cutoff') return new PastCutoffError(cutoffAt(rule, startsAt))
  if (reason === 'beyond_horizon') return new BeyondHorizonError(rule.horizonDays)
  if (reason === 'full' && !ignoreFull) return new SessionFullError(remaining, fn, session.date)
  return undefined
}

const MAX_RUN_DAYS = 31

/** The sessions of a run: same facility, service and part, from the first one's day through `throughDate`. */
async function findRun(
  db: Kysely<Database>,
  first: SessionRow,
  throughDate: string,
  maxRunDays: number | null,
): Promise<SessionRow[]> {
  if (throughDate < first.date) throw new InvalidInputError('throughDate', '结束日期不能早于开始日期')
  const longest = Math.min(maxRunDays ?? MAX_RUN_DAYS, MAX_RUN_DAYS)
  if (daysBetween(first.date, throughDate) + 1 > longest) {
    throw new InvalidInputError('throughDate', `一次最多预约 ${longest} 天`)
  }
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('facility_id', '=', first.facility_id)
    .where('function_code', '=', first.function_code)
    .where('part', '=', first.part)
    // An activity's days are its own: another class the same week is not part of the run.
    .$if(first.activity_id !== null, (q) => q.where('activity_id', '=', first.activity_id as string))
    .where('date', '>=', first.date)
    .where('date', '<=', throughDate)
    .orderBy('date')
    .execute()
}

/** The price of a request as it would be booked now: 原价 / 补贴 / 个人支付. */
export async function quoteBooking(
  db: Kysely<Database>,
  booker: UserRow,
  request: BookingRequest,
  now: Date,
  /** For the desk: only this facility's sessions. */
  facilityId?: string,
): Promise<Quote> {
  return quotedPrice((await prepare(db, booker, request, now, 'book', facilityId)).plan)
}

/**
 * Books all of a request or none of it. In one transaction: claim the Idempotency-Key, write the booking and claim
 * the person's place (one person, one place), its first event and the answer for retries, take the day's subsidy,
 * then the account's share and the units with guarded updates.
 */
export interface OnBehalf {
  /** The staff member booking for a resident at the desk or on the phone; recorded as the event's actor. */
  actorUserId: string
  /** The desk can only book its own facility's sessions. */
  facilityId: string
}

/** A booking made for the first in line of a waitlist: held until `holdUntil` for them to confirm. */
export interface WaitlistOffer {
  holdUntil: Date
  /** The entry's own writes, in the booking's transaction. */
  record: (trx: Transaction<Database>, bookingId: string) => Promise<void>
}

export interface PlaceOptions {
  onBehalf?: OnBehalf
  offer?: WaitlistOffer
}

export async function placeBooking(
  db: Kysely<Database>,
  booker: UserRow,
  request: BookingRequest,
  idempotencyKey: string,
  now: Date,
  { onBehalf, offer }: PlaceOptions = {},
): Promise<BookingResult> {
  const claim: IdempotencyClaim = { userId: booker.id, key: idempotencyKey, requestHash: fingerprint(request) }
  for (let attempt = 1; ; attempt++) {
    try {
      // Reads and writes in one transaction: on SQLite the request takes the connection once instead of once per
      // query, so 64 residents tapping at once queue fairly instead of interleaving a dozen times each.
      // A retry of a finished request is not looked up first: if the rules now refuse it (past the cut-off, the
      // person holds the place) the refusal below finds its first answer, and if they pass, claiming the key (the
      // booking's first write) finds it. Either way it gets its first answer, and a first try saves a query.
      return await pipelinedTransaction(
        db,
        async (trx) => {
          const prepared = await prepare(trx, booker, request, now, offer ? 'offer' : 'book', onBehalf?.facilityId)
          const expected = request.expectedPayableFen
          if (expected !== undefined && expected !== quotedPrice(prepared.plan).payableFen) throw new QuoteChangedError()
          return book(trx, booker, request, claim, prepared, now, onBehalf?.actorUserId ?? booker.id, offer, { endsTransaction: true })
        },
        // A retry of a finished request, or a twin of this request (same key) that committed while this one was
        // checking the rules, made them refuse (the person now holds a place, the last portion is gone): the
        // resident gets that answer, not a 409.
        async (outside) => {
          const twin = await findEarlierResponse(outside, claim)
          return twin && replayOf(twin)
        },
      )
    } catch (err) {
      if (err instanceof RefusedWrite) throw await err.explain(db)
      // A booking code drawn twice (1 in 10⁸ per live code): draw again.
      if (attempt < 3 && isUniqueViolation(err)) continue
      throw err
    }
  }
}

/**
 * Books a request prepared in this same transaction, as one more booking of the resident's: how a service adds
 * another on to its own (日间照料's lunch through the meal engine). Its own key keeps it out of retries' way.
 */
function bookAlongside(
  trx: Transaction<Database>,
  booker: UserRow,
  request: BookingRequest,
  key: string,
  prepared: Prepared,
  now: Date,
): Promise<BookingResult> {
  const claim: IdempotencyClaim = { userId: booker.id, key, requestHash: fingerprint(request) }
  return book(trx, booker, request, claim, prepared, now, booker.id, undefined, { endsTransaction: false })
}

/** The units of every take (and of its class), issued together in lock order; the first refused names why. */
function takePlaces(trx: Transaction<Database>, takes: Take[], fn: FunctionCode): Promise<unknown> {
  return together(
    takes.flatMap((take) => [
      refusedAs(takeUnits(trx, take.sessionId, take.units), async (db) => {
        const space = await sessionSpace(db, take.sessionId)
        return space.open ? new SessionFullError(space.remaining, fn, space.date) : new SessionClosedError()
      }),
      take.classCode
        ? refusedAs(takeClassUnits(trx, take.sessionId, take.classCode, take.units), async (db) => {
            const space = await classSpace(db, take.sessionId, take.classCode as string)
            return new SessionFullError(space.remaining, fn, space.date)
          })
        : undefined,
    ]),
  )
}

function replayOf(stored: StoredResponse): BookingResult {
  return { statusCode: stored.statusCode === 200 ? 200 : 201, booking: stored.body as Booking }
}

async function book(
  trx: Transaction<Database>,
  booker: UserRow,
  request: BookingRequest,
  claim: IdempotencyClaim,
  { session, run, facility, rule, member, plan }: Prepared,
  now: Date,
  actorUserId: string,
  offer: WaitlistOffer | undefined,
  /** The request's own booking, not one made alongside it: its last statements end the transaction. */
  { endsTransaction }: { endsTransaction: boolean },
): Promise<BookingResult> {
  const fn = session.function_code as FunctionCode
  const startsAt = new Date(session.starts_at)
  const id = `b-${randomUUID()}`
  const code = newBookingCode()
  const deadline = cancelUntil(rule, startsAt)
  const booking = toBooking(
    {
      id,
      code,
      status: 'booked',
      session_id: session.id,
      facility_id: facility.id,
      facility_name: facility.name,
      function_code: fn,
      service_date: session.date,
      part: session.part,
      starts_at: session.starts_at,
      ends_at: session.ends_at,
      quantity: request.quantity,
      member_id: member?.id ?? null,
      member_name: member?.name ?? null,
      details: JSON.stringify({ ...plan.details, forMember: member !== null }),
      quote: JSON.stringify(plan.quote),
      cancel_until: deadline.toISOString(),
      awaiting_confirmation: plan.awaitingConfirmation ? 1 : 0,
      offer_expires_at: offer?.holdUntil.toISOString() ?? null,
      created_at: now.toISOString(),
      rating_level: null,
    },
    [{ booking_id: id, to_status: 'booked', at: now.toISOString(), reason: null }],
    run.filter((s) => plan.takes.some((t) => t.sessionId === s.id)).map((s) => s.date),
    now,
  )

  const claims = placeClaims(beneficiaryKey({ booker, member }), fn, run)
  const facts = noticeFacts({
    facilityName: facility.name,
    functionCode: fn,
    part: session.part as SessionPart,
    details: plan.details,
    date: session.date,
    session: { startsAt: session.starts_at, endsAt: session.ends_at },
    code,
    who: member?.name ?? null,
    lastDate: run[run.length - 1].date,
  })
  const first = offer ? waitlistOfferNotice(facts, offer.holdUntil) : confirmedNotice(facts)
  const remindAt = new Date(startsAt.getTime() - rule.reminderMinutes * 60_000)
  // The booking's rows, written together: its own row first, as the others refer to it (a statement reaches the
  // connection no sooner than the ones before it in the list). Whatever is refused rolls all of them back, and
  // the first refused in this order is the reason given.
  const rows = [
    insertBooking(trx, {
      id,
      code,
      bookerUserId: booker.id,
      memberId: member?.id ?? null,
      facilityId: facility.id,
      functionCode: fn,
      sessionId: session.id,
      serviceDate: session.date,
      quantity: request.quantity,
      details: { ...plan.details, forMember: member !== null },
      quote: plan.quote,
      takes: plan.takes,
      awaitingConfirmation: plan.awaitingConfirmation ?? false,
      offerExpiresAt: offer?.holdUntil ?? null,
      startsAt,
      cancelUntil: deadline,
      now,
    }),
    // The key answered another request first (a retry of a finished one, or its twin): placeBooking answers with that.
    refusedAs(claimIdempotencyKey(trx, claim, { statusCode: 201, body: booking }, now), () => new KeyAnsweredError()),
    // One person, one place, decided by the database: a booking of the same person that got there first holds the
    // claim, and this one is refused naming it (never retried: the claim would still be held).
    refusedAs(claimPlaces(trx, claims, id), async (db) => (await overlapOf(db, claims)) ?? new AlreadyBookedError()),
    recordEvent(trx, { id: `e-${randomUUID()}`, bookingId: id, from: null, to: 'booked', actorUserId, at: now }),
    insertNotices(trx, [
      { ...first, userId: booker.id, bookingId: id, deliverAfter: now, now },
      ...(remindAt > now ? [{ ...reminderNotice(facts), userId: booker.id, bookingId: id, deliverAfter: remindAt, now }] : []),
    ]),
    plan.subsidyClaim
      ? refusedAs(claimSubsidy(trx, plan.subsidyClaim, id), () => new QuoteChangedError('当天的补贴刚刚用于另一份订单，价格已变化，请重新确认'))
      : undefined,
  ]
  // A service's own records (托育's agreement, 日间照料's lunch) and a waitlist offer's come after the booking's rows
  // have answered, as before; without them, the rows go out with the last statements and COMMIT.
  const recordsFirst = plan.record !== undefined || offer !== undefined
  if (recordsFirst) {
    await together(rows)
    await plan.record?.(trx, id)
    await offer?.record(trx, id)
  }

  // Last, the guarded updates: the account's share, then the places, each in lock order. The booking's last
  // statements go out with COMMIT, which a refusal among them turns into ROLLBACK (commitWithLastStatements).
  const takes = inLockOrder(plan.takes)
  const last = [...(recordsFirst ? [] : rows), takeAccountShare(trx, { booker, rule, takes, run }), takePlaces(trx, takes, fn)]
  if (endsTransaction) commitWithLastStatements(trx, last)
  await together(last)
  return { statusCode: 201, booking }
}
