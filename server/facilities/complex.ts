import { FUNCTIONS, type FunctionCode } from '@shared/functions'

const STANDARD = new Set(FUNCTIONS.filter((f) => f.standard).map((f) => f.code))

/**
 * 城市社区嵌入式服务设施建设导则 (2024): a 综合体 has at least 600 ㎡ and at least three functions,
 * two or more of them from 养老服务 / 婴幼儿托育 / 儿童托管 / 社区助餐.
 */
export function isServiceComplex(areaSqm: number, functions: readonly FunctionCode[]): boolean {
  const distinct = new Set(functions)
  const standard = [...distinct].filter((code) => STANDARD.has(code)).length
  return areaSqm >= 600 && distinct.size >= 3 && standard >= 2
}
