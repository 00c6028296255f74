import type { SessionPart } from '@shared/booking'
import type { Transaction } from 'kysely'
import { publishMealDays, saveTemplateEntry } from '../../meals/meal-template'
import { addDays, shanghaiDate } from '../../time/shanghai'
import type { Database } from '../schema'
import { type SeedPass, offers, seedRule } from './seed-rows'
import { district, facilities } from './yanliang'

// 社区助餐 for the demo. The plan publishes no menus, prices or subsidy amounts for 阎良区: the figures below
// follow the city practice DESIGN.md cites (a 12 元 meal subsidised 7 / 9 / 11 元) and are marked as examples.

export const MEAL_RULE = { horizon_days: 7, cutoff_minutes: 120, cancel_minutes: 120, max_units: 5, max_units_per_account: 10 }
export const MEAL_SETTINGS = { delivery_fee_fen: 300, delivery_radius_m: 3000, delivery_min_age: 80 }

/** 3 no-shows within 30 days suspend meal booking for 7 days (an example policy; the district sets its own). */
export const MEAL_NO_SHOW_RULE = { max_no_shows: 3, window_days: 30, suspend_days: 7 }

export const SUBSIDY_TIERS = [
  { id: 'yl-meal-age-60', name: '60—79 周岁老人', min_age: 60, max_age: 79, category: null, amount_fen: 700 },
  { id: 'yl-meal-age-80', name: '80 周岁及以上老人', min_age: 80, max_age: null, category: null, amount_fen: 900 },
  { id: 'yl-meal-dibao', name: '低保老人', min_age: 60, max_age: null, category: 'dibao', amount_fen: 1100 },
  { id: 'yl-meal-tekun', name: '特困老人', min_age: 60, max_age: null, category: 'tekun', amount_fen: 1100 },
  { id: 'yl-meal-low-income', name: '低收入老人', min_age: 60, max_age: null, category: 'low_income', amount_fen: 1100 },
]

interface SetTemplate {
  name: string
  dishes: string[]
  tags: string[]
  priceFen: number
}

// A week of lunches (Monday first) and two dinners that alternate; every day has a 低盐 and a 软食 choice.
const LUNCHES: SetTemplate[][] = [
  [
    { name: '红烧鸡腿套餐', dishes: ['红烧鸡腿', '清炒西葫芦', '米饭', '紫菜蛋花汤'], tags: ['低盐'], priceFen: 1200 },
    { name: '软烂肉末豆腐套餐', dishes: ['肉末豆腐', '蒸南瓜', '软米饭', '小米粥'], tags: ['软食', '低盐'], priceFen: 1200 },
    { name: '杂粮控糖套餐', dishes: ['清蒸鱼块', '凉拌菠菜', '杂粮饭'], tags: ['低糖', '低盐'], priceFen: 1200 },
  ],
  [
    { name: '土豆烧牛肉套餐', dishes: ['土豆烧牛肉', '醋溜白菜', '米饭', '西红柿鸡蛋汤'], tags: [], priceFen: 1200 },
    { name: '鸡蛋羹软食套餐', dishes: ['鸡蛋羹', '冬瓜虾皮', '软米饭', '南瓜粥'], tags: ['软食', '低盐'], priceFen: 1200 },
    { name: '荞麦面控糖套餐', dishes: ['荞麦面', '鸡丝黄瓜', '卤豆干'], tags: ['低糖'], priceFen: 1200 },
  ],
  [
    { name: '臊子面套餐', dishes: ['岐山臊子面', '凉拌三丝'], tags: [], priceFen: 1000 },
    { name: '清蒸鱼软食套餐', dishes: ['清蒸鲈鱼', '蒸胡萝卜', '软米饭', '青菜豆腐汤'], tags: ['软食', '低盐'], priceFen: 1200 },
    { name: '杂粮控糖套餐', dishes: ['白切鸡', '清炒油麦菜', '杂粮饭'], tags: ['低糖', '低盐'], priceFen: 1200 },
  ],
  [
    { name: '回锅肉套餐', dishes: ['回锅肉', '炒豆芽', '米饭', '紫菜蛋花汤'], tags: [], priceFen: 1200 },
    { name: '肉丸软食套餐', dishes: ['清汤肉丸', '蒸茄子', '软米饭', '小米粥'], tags: ['软食', '低盐'], priceFen: 1200 },
    { name: '素食套餐', dishes: ['麻婆豆腐（少辣）', '清炒时蔬', '米饭'], tags: ['素食', '低盐'], priceFen: 1000 },
  ],
  [
    { name: '红烧带鱼套餐', dishes: ['红烧带鱼', '炒土豆丝', '米饭', '冬瓜汤'], tags: [], priceFen: 1200 },
    { name: '鸡肉粥软食套餐', dishes: ['香菇鸡肉粥', '蒸蛋', '烫青菜'], tags: ['软食', '低盐'], priceFen: 1000 },
    { name: '杂粮控糖套餐', dishes: ['芹菜炒肉', '凉拌木耳', '杂粮饭'], tags: ['低糖', '低盐'], priceFen: 1200 },
  ],
  [
    { name: '饺子套餐', dishes: ['猪肉白菜饺子', '凉拌黄瓜', '饺子汤'], tags: [], priceFen: 1200 },
    { name: '软烂面片套餐', dishes: ['西红柿鸡蛋面片', '蒸南瓜'], tags: ['软食', '低盐'], priceFen: 1000 },
  ],
  [
    { name: '家常炖菜套餐', dishes: ['白菜粉条炖肉', '馒头', '小米粥'], tags: ['低盐'], priceFen: 1200 },
    { name: '鸡蛋羹软食套餐', dishes: ['鸡蛋羹', '肉末茄子', '软米饭'], tags: ['软食', '低盐'], priceFen: 1200 },
  ],
]

const DINNERS: SetTemplate[][] = [
  [
    { name: '小米粥馒头套餐', dishes: ['小米粥', '花卷', '炒青菜', '卤蛋'], tags: ['低盐'], priceFen: 800 },
    { name: '烂糊面软食套餐', dishes: ['青菜肉丝烂糊面'], tags: ['软食', '低盐'], priceFen: 800 },
  ],
  [
    { name: '南瓜粥包子套餐', dishes: ['南瓜粥', '素包子', '凉拌黄瓜'], tags: ['素食'], priceFen: 800 },
    { name: '馄饨软食套餐', dishes: ['鲜肉小馄饨', '蒸蛋'], tags: ['软食', '低盐'], priceFen: 800 },
  ],
]

interface MealKitchen {
  facilityId: string
  lunchPortions: number
  dinnerPortions: number
}

/** The four facilities of the plan that offer 社区助餐; bigger ones cook more. */
const KITCHENS: MealKitchen[] = facilities
  .filter((f) => f.functions.includes('meal'))
  .map((f) => ({ facilityId: f.id, lunchPortions: f.areaSqm >= 2000 ? 60 : 40, dinnerPortions: 30 }))

const PARTS: { part: SessionPart; starts: string; ends: string; menu: (weekday: number) => SetTemplate[] }[] = [
  { part: 'lunch', starts: '11:30', ends: '13:00', menu: (d) => LUNCHES[d] },
  { part: 'dinner', starts: '17:30', ends: '18:30', menu: (d) => DINNERS[d % 2] },
]

/**
 * On the first start: rules, delivery settings, subsidy tiers and each kitchen's weekly template. On every start: a
 * rolling week of days published from the kitchen's template as it is now (Asia/Shanghai), so the demo always has
 * tomorrow's lunch. What staff changed (a template entry, a published day and its bookings) is left as it is.
 */
export async function seedMeals(trx: Transaction<Database>, { now, setUp }: SeedPass): Promise<void> {
  if (setUp) await seedMealRules(trx)
  const today = shanghaiDate(now)
  for (const kitchen of KITCHENS) {
    if (!(await offers(trx, kitchen.facilityId, 'meal'))) continue
    if (setUp) await seedKitchen(trx, kitchen)
    await publishMealDays(trx, kitchen.facilityId, today, addDays(today, MEAL_RULE.horizon_days))
  }
}

/** The district's subsidy tiers and no-show rule, set up once: the district's own figures after that. */
async function seedMealRules(trx: Transaction<Database>): Promise<void> {
  await trx
    .insertInto('subsidy_tiers')
    .values(SUBSIDY_TIERS.map((tier) => ({ ...tier, district_id: district.id, function_code: 'meal' })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  await trx
    .insertInto('no_show_rules')
    .values({ district_id: district.id, function_code: 'meal', ...MEAL_NO_SHOW_RULE })
    .onConflict((oc) => oc.columns(['district_id', 'function_code']).doNothing())
    .execute()
}

/** A kitchen's rule, delivery settings and weekly template, set up once: the operator's own after that. */
async function seedKitchen(trx: Transaction<Database>, kitchen: MealKitchen): Promise<void> {
  const facility_id = kitchen.facilityId
  await seedRule(trx, facility_id, 'meal', MEAL_RULE)
  await trx
    .insertInto('meal_settings')
    .values({ facility_id, ...MEAL_SETTINGS })
    .onConflict((oc) => oc.column('facility_id').doNothing())
    .execute()
  for (let weekday = 0; weekday < 7; weekday++) {
    for (const { part, starts, ends, menu } of PARTS) {
      const capacity = part === 'lunch' ? kitchen.lunchPortions : kitchen.dinnerPortions
      await saveTemplateEntry(trx, facility_id, weekday, part, { starts, ends, capacity, sets: menu(weekday) }, { overwrite: false })
    }
  }
}
