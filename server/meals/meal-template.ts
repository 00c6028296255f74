import type { SessionPart } from '@shared/booking'
import type { MealTemplateEntry } from '@shared/staff'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { firstUnpublishedDay, keepPublishedDay } from '../bookings/session.repository'
import { InvalidInputError } from '../http/errors'
import { notePriceChanges } from '../prices/price-changes'
import { addDays, daysBetween, shanghaiInstant } from '../time/shanghai'

export const mealSessionId = (facilityId: string, date: string, part: SessionPart) => `${facilityId}-meal-${date}-${part}`

/** 0 = Monday … 6 = Sunday, for a 'YYYY-MM-DD' day. */
export const weekdayOf = (date: string): number => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7

const MAX_PUBLISH_DAYS = 62

export async function readTemplate(db: Kysely<Database>, facilityId: string) {
  const rows = await db
    .selectFrom('meal_week_templates')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .orderBy('weekday')
    .orderBy('starts')
    .execute()
  return rows.map((r) => ({
    weekday: r.weekday,
    part: r.part as SessionPart,
    starts: r.starts,
    ends: r.ends,
    capacity: r.capacity,
    sets: JSON.parse(r.sets) as MealTemplateEntry['sets'],
  }))
}

/** Sets one weekday's meal in the template; days already published keep what they have. */
export async function saveTemplateEntry(
  db: Kysely<Database>,
  facilityId: string,
  weekday: number,
  part: SessionPart,
  entry: MealTemplateEntry,
  { overwrite = true } = {},
): Promise<void> {
  if (entry.ends <= entry.starts) throw new InvalidInputError('ends', '结束时间应晚于开始时间')
  const row = { starts: entry.starts, ends: entry.ends, capacity: entry.capacity, sets: JSON.stringify(entry.sets) }
  await db
    .insertInto('meal_week_templates')
    .values({ facility_id: facilityId, weekday, part, ...row })
    .onConflict((oc) => {
      const target = oc.columns(['facility_id', 'weekday', 'part'])
      return overwrite ? target.doUpdateSet(row) : target.doNothing()
    })
    .execute()
}

/**
 * An operator's change to one weekday's meal, with its prices recorded for 价格公示 as taking effect on the first day
 * not yet published (published days keep their sets and prices).
 */
export async function changeTemplateEntry(
  db: Kysely<Database>,
  facilityId: string,
  weekday: number,
  part: SessionPart,
  entry: MealTemplateEntry,
  { userId, now }: { userId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const effectiveFrom = await firstUnpublishedDay(trx, facilityId, 'meal', undefined, now)
    await saveTemplateEntry(trx, facilityId, weekday, part, entry)
    await notePriceChanges(trx, facilityId, { effectiveFrom, userId, now })
  })
}

/**
 * Publishes the days from `from` to `to` (Asia/Shanghai) from the weekly template: a meal that is not there yet
 * becomes a session with its sets. A meal already published is never touched — its bookings, its capacity and
 * any change staff made to that day stay as they are. Returns how many sessions were created.
 */
export async function publishMealDays(
  db: Kysely<Database>,
  facilityId: string,
  from: string,
  to: string,
): Promise<number> {
  const span = daysBetween(from, to)
  if (span > MAX_PUBLISH_DAYS) throw new InvalidInputError('to', `一次最多发布 ${MAX_PUBLISH_DAYS} 天`)
  const template = await readTemplate(db, facilityId)
  let created = 0
  for (let offset = 0; offset <= span; offset++) {
    const date = addDays(from, offset)
    for (const entry of template.filter((e) => e.weekday === weekdayOf(date))) {
      const id = mealSessionId(facilityId, date, entry.part)
      const inserted = await db
        .insertInto('sessions')
        .values({
          id,
          facility_id: facilityId,
          function_code: 'meal',
          date,
          part: entry.part,
          starts_at: shanghaiInstant(date, entry.starts).toISOString(),
          ends_at: shanghaiInstant(date, entry.ends).toISOString(),
          capacity: entry.capacity,
        })
        .onConflict(keepPublishedDay)
        .executeTakeFirst()
      if (inserted.numInsertedOrUpdatedRows !== 1n) continue
      created++
      await db
        .insertInto('meal_sets')
        .values(
          entry.sets.map((set, position) => ({
            id: `${id}-${position + 1}`,
            session_id: id,
            name: set.name,
            dishes: JSON.stringify(set.dishes),
            tags: JSON.stringify(set.tags),
            price_fen: set.priceFen,
            position,
          })),
        )
        .execute()
    }
  }
  return created
}
