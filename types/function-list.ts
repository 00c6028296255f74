import type { FunctionCode, ServiceFunction } from './functions'

// No zod here: the WeChat main package (the tab pages) reads these names and must stay small.

/** The nine functions of a community embedded-service facility (国办函〔2023〕121号); codes are the API's. */
export const FUNCTION_CODES = [
  'elderly_care',
  'infant_care',
  'child_care',
  'meal',
  'housekeeping',
  'health',
  'fitness',
  'culture',
  'kids_play',
] as const

export const FUNCTIONS: readonly ServiceFunction[] = [
  { code: 'elderly_care', name: '养老服务', standard: true },
  { code: 'infant_care', name: '婴幼儿托育', standard: true },
  { code: 'child_care', name: '儿童托管', standard: true },
  { code: 'meal', name: '社区助餐', standard: true },
  { code: 'housekeeping', name: '家政便民', standard: false },
  { code: 'health', name: '健康服务', standard: false },
  { code: 'fitness', name: '体育健身', standard: false },
  { code: 'culture', name: '文化休闲', standard: false },
  { code: 'kids_play', name: '儿童游憩', standard: false },
]

export const functionName = (code: FunctionCode): string =>
  FUNCTIONS.find((f) => f.code === code)?.name ?? code
