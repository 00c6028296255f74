import type { MealTemplateEntry } from '@shared/staff'

type TemplateSet = MealTemplateEntry['sets'][number]

/**
 * A menu as staff type it, one set a line: "名称 | 菜1、菜2 | 低盐、软食 | 12". Parsing gives sets to send, or the
 * first line that is not right; the server checks every field again.
 */
export function parseSetLines(text: string): { sets: TemplateSet[] } | { error: string } {
  const sets: TemplateSet[] = []
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean)
  for (const [index, line] of lines.entries()) {
    const [name, dishes, tags, price] = line.split('|').map((part) => part.trim())
    const yuan = Number(price)
    if (!name || !dishes || price === undefined || !Number.isFinite(yuan) || yuan < 0) {
      return { error: `第 ${index + 1} 行应为「名称 | 菜品 | 标签 | 价格（元）」` }
    }
    const list = (value: string | undefined) => (value ?? '').split(/[、,，]/).map((v) => v.trim()).filter(Boolean)
    sets.push({ name, dishes: list(dishes), tags: list(tags), priceFen: Math.round(yuan * 100) })
  }
  return sets.length ? { sets } : { error: '至少填写一个套餐' }
}

export function formatSetLines(sets: TemplateSet[]): string {
  return sets.map((s) => `${s.name} | ${s.dishes.join('、')} | ${s.tags.join('、')} | ${s.priceFen / 100}`).join('\n')
}
