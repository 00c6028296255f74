import type { Config } from './config'

/**
 * What stops a production start, each naming the setting: a public server must not sign anyone in without WeChat,
 * must not fall back to a file database nobody chose, and must be able to send the messages residents rely on.
 * `env` is the raw environment, because a default cannot tell "chosen" from "forgotten".
 */
export function productionProblems(config: Config, env: Record<string, string | undefined>): string[] {
  const problems: string[] = []
  if (config.AUTH_DEV_LOGIN) problems.push('AUTH_DEV_LOGIN=1：生产环境不能开启开发登录，请删除此设置')
  if (!env.DATABASE_URL) problems.push('DATABASE_URL 未设置：生产环境请指定数据库，例如 postgres://用户@主机:5432/库名')
  if (!config.WECHAT_APPID) problems.push('WECHAT_APPID 未设置：小程序的 AppID（微信公众平台 → 开发管理 → 开发设置）')
  if (!config.WECHAT_SECRET) problems.push('WECHAT_SECRET 未设置：小程序的 AppSecret')
  const templates = ['WECHAT_TEMPLATE_BOOKED', 'WECHAT_TEMPLATE_REMINDER', 'WECHAT_TEMPLATE_CANCELLED'] as const
  for (const name of templates) {
    if (!config[name]) problems.push(`${name} 未设置：订阅消息模板编号（微信公众平台 → 订阅消息）`)
  }
  return problems
}
