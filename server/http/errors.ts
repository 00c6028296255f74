import type { ErrorBody, ErrorCode } from '@shared/errors'

/** A failure the caller can act on; its message is Chinese, fit to show a resident. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** What the resident needs with the message: what remains of a full session, the booking already held. */
    readonly extra: { remaining?: number; bookingId?: string; field?: string; problems?: string[] } = {},
  ) {
    super(message)
    this.name = new.target.name
  }
}

export class NotFoundError extends DomainError {
  constructor(message = '没有找到您要的内容') {
    super('not_found', message)
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = '请先登录') {
    super('unauthorized', message)
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = '您没有权限进行此操作') {
    super('forbidden', message)
  }
}

/**
 * Bad input, naming the field and why; built by the request validator or by a rule on a valid shape. The
 * message is for a resident: it names the field in Chinese, never by its name in the API (`field` carries that).
 */
export class InvalidInputError extends DomainError {
  constructor(
    readonly field: string,
    readonly reason: string,
    /** Where the field was sent (`body`, `querystring` …), when the validator found it: some names mean two things. */
    part?: string,
  ) {
    super('invalid_input', inputMessage(field, reason, part))
  }
}

function inputMessage(field: string, reason: string, part: string | undefined): string {
  const label = fieldLabel(field, part)
  if (label) return `${label}填写有误：${reason}`
  // A reason written for this field in Chinese says enough by itself; anything else stays general.
  return /[\u4e00-\u9fff]{2}/.test(reason) && !GENERIC_REASONS.has(reason) ? reason : `提交的内容有误：${reason}`
}

/** Reasons that do not say which field they are about. */
const GENERIC_REASONS = new Set(['必填', '不能为空', '格式不正确'])

/**
 * Chinese names of the fields anyone can send, by their last name in the path; `sets.name` (a nested field
 * under its parent) and `querystring:code` (a field in one part of the request) win over the plain name.
 */
export const FIELD_LABELS: Record<string, string> = {
  function: '服务类型',
  lat: '纬度',
  lng: '经度',
  'body:code': '登录凭证',
  'querystring:code': '核销码',
  openid: '账号标识',
  role: '角色',
  sessionId: '场次',
  memberId: '服务对象',
  quantity: '数量',
  setId: '套餐',
  fulfilment: '取餐方式',
  delivery: '送餐地址',
  address: '地址',
  name: '姓名',
  'sets.name': '套餐名称',
  relation: '关系',
  birthDate: '出生日期',
  mobilityNeed: '行动不便',
  dietNotes: '饮食禁忌',
  districtId: '居住区县',
  subsidyCategory: '补贴身份',
  consentVersion: '知情同意',
  date: '日期',
  status: '状态',
  'idempotency-key': '请求编号（Idempotency-Key）',
  expectedPayableFen: '应付金额',
  reason: '原因',
  capacity: '容量',
  starts: '开始时间',
  ends: '结束时间',
  sets: '套餐',
  priceFen: '价格',
  dishes: '菜品',
  tags: '标签',
  weekday: '星期',
  part: '时段',
  from: '开始日期',
  to: '结束日期',
  throughDate: '结束日期',
  care: '托育服务协议',
  collectors: '接送人',
  'collectors.name': '接送人姓名',
  'collectors.phone': '接送人手机号',
  allergies: '过敏情况',
  healthNotes: '健康情况',
  childConsentVersion: '儿童信息保护说明',
  gender: '性别',
  meal: '套餐',
  lunch: '午餐',
  infant: '托育类型',
  level: '等级',
  period: '统计周期',
  format: '导出格式',
  accept: '是否认可',
  communityId: '所在社区',
  areaSqm: '面积',
  year: '建设年度',
  investmentWan: '投资额',
  operatingModels: '运营模式',
  operatorId: '运营方',
  phone: '电话',
  hours: '开放时间',
  days: '开放日',
  opens: '开门时间',
  closes: '关门时间',
  functions: '服务功能',
  isReserve: '储备项目',
  contact: '联系人',
  licenceNo: '统一社会信用代码',
  userId: '账号编号',
  scopeKind: '授权类型',
  scopeId: '授权范围',
  windowDays: '天数',
  rectificationWorkingDays: '整改期限',
  maxNoShows: '未到场次数',
  suspendDays: '暂停天数',
  minAge: '起始年龄',
  maxAge: '截止年龄',
  amountFen: '补贴金额',
  category: '补贴身份',
  kind: '类型',
  'params:year': '年份',
  weeksAhead: '提前发布周数',
  'body:text': '内容',
  'body:answer': '答复',
  'body:category': '类型',
  classes: '班级名额',
  breaks: '学校假期',
  schedule: '服务',
  streetId: '街道',
  title: '标题',
  intro: '说明',
  closesOn: '截止日期',
  services: '需要的服务',
  times: '方便的时间',
  'body:price': '能接受的价格',
  'body:body': '内容',
  untilOn: '展示截止日期',
  'body:service': '服务',
  window: '时段',
  notes: '备注',
  time: '上门时间',
}

export function fieldLabel(field: string, part?: string): string | undefined {
  const names = field.split('.').filter((name) => !/^\d+$/.test(name))
  const last = names.at(-1) ?? field
  const candidates = [part && `${part}:${field}`, names.length > 1 && `${names.at(-2)}.${last}`, last]
  for (const key of candidates) if (key && FIELD_LABELS[key]) return FIELD_LABELS[key]
  return undefined
}

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  malformed_json: 400,
  malformed_url: 400,
  body_too_large: 413,
  unsupported_media_type: 415,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  limit_reached: 409,
  already_registered: 409,
  not_applicable: 409,
  rate_limited: 429,
  wechat_code_invalid: 400,
  wechat_rate_limited: 429,
  wechat_user_blocked: 403,
  wechat_unavailable: 503,
  internal: 500,
  full: 409,
  past_cutoff: 409,
  beyond_horizon: 400,
  closed: 409,
  not_bookable: 409,
  too_many_units: 400,
  delivery_not_eligible: 400,
  outside_delivery_area: 400,
  quote_changed: 409,
  idempotency_key_reused: 409,
  not_cancellable: 409,
  invalid_transition: 409,
  cancel_deadline_passed: 409,
  member_has_bookings: 409,
  account_has_bookings: 409,
  suspended: 409,
  capacity_below_booked: 409,
  age_not_eligible: 400,
  already_booked: 409,
  account_limit: 409,
  not_service_day: 409,
  service_not_started: 409,
  nothing_to_undo: 409,
  not_closed: 409,
  day_past: 409,
  not_full: 409,
  already_waiting: 409,
  offer_expired: 409,
  not_rateable: 409,
  already_rated: 409,
  rating_window_closed: 409,
  period_not_ended: 409,
  survey_closed: 409,
  already_answered: 409,
}

export interface ErrorReply {
  status: number
  body: ErrorBody
}

export function domainErrorReply(err: DomainError): ErrorReply {
  const extra = err instanceof InvalidInputError ? { field: err.field, reason: err.reason } : err.extra
  return { status: STATUS[err.code], body: { error: { code: err.code, message: err.message, ...extra } } }
}

export function errorReply(code: ErrorCode, message: string): ErrorReply {
  return { status: STATUS[code], body: { error: { code, message } } }
}
