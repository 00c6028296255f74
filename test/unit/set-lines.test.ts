import { formatSetLines, parseSetLines } from '../../src/packages/staff/components/set-lines'

describe('a menu typed one set a line', () => {
  it('reads name, dishes, tags and a price in yuan as fen', () => {
    expect(parseSetLines('饺子套餐 | 猪肉白菜饺子、凉拌黄瓜 | 低盐 | 12\n软食套餐|鸡蛋羹，软米饭||10.5')).toEqual({
      sets: [
        { name: '饺子套餐', dishes: ['猪肉白菜饺子', '凉拌黄瓜'], tags: ['低盐'], priceFen: 1200 },
        { name: '软食套餐', dishes: ['鸡蛋羹', '软米饭'], tags: [], priceFen: 1050 },
      ],
    })
  })

  it('names the first line that is not right, and needs at least one set', () => {
    expect(parseSetLines('饺子套餐 | 饺子 | | 12\n没有价格 | 面')).toEqual({ error: '第 2 行应为「名称 | 菜品 | 标签 | 价格（元）」' })
    expect(parseSetLines('  \n')).toEqual({ error: '至少填写一个套餐' })
  })

  it('writes what it reads', () => {
    const sets = [{ name: '饺子套餐', dishes: ['饺子', '汤'], tags: ['低盐', '软食'], priceFen: 1250 }]
    expect(parseSetLines(formatSetLines(sets))).toEqual({ sets })
  })
})
