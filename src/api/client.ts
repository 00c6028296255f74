import Taro from '@tarojs/taro'
import { errorBodySchema } from '@shared/errors'
import type { z } from 'zod'
import { ApiError } from './api-error'

// The H5 build is served by the API itself; the WeChat build calls the configured origin.
export const API_BASE = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? '')

/** What every tap that needs the server says when it cannot reach it; the screen offers 重试 beside it. */
export const NETWORK_FAILED = '网络连接失败，请检查网络后重试'

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: Record<string, string | number | undefined>
  body?: unknown
  /** Bytes sent as they are (a spreadsheet), with their own content-type in `headers`. */
  rawBody?: ArrayBuffer
  token?: string | null
  headers?: Record<string, string>
}

/** Calls the API and parses the answer with the contract's schema; failures become an `ApiError`. */
export async function apiRequest<S extends z.ZodType>(
  schema: S,
  path: string,
  { method = 'GET', query, body, rawBody, token, headers }: RequestOptions = {},
): Promise<z.infer<S>> {
  const header: Record<string, string> = { ...headers }
  if (body !== undefined) header['content-type'] = 'application/json'
  if (token) header.authorization = `Bearer ${token}`

  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>
  try {
    response = await Taro.request({
      url: `${API_BASE}/api${path}${queryString(query)}`,
      method,
      header,
      data: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
      dataType: 'json',
      timeout: 15000,
    })
  } catch {
    throw new ApiError('network', NETWORK_FAILED, 0)
  }

  if (response.statusCode >= 200 && response.statusCode < 300) {
    const parsed = schema.safeParse(response.data)
    if (parsed.success) return parsed.data
    throw new ApiError('bad_response', '服务返回的数据有误，请稍后再试', response.statusCode)
  }
  const failure = errorBodySchema.safeParse(response.data)
  if (failure.success) {
    const { code, message, field, bookingId, problems } = failure.data.error
    throw new ApiError(code, message, response.statusCode, field, bookingId, problems)
  }
  throw new ApiError('http', '服务暂时不可用，请稍后再试', response.statusCode)
}

function queryString(query: RequestOptions['query']): string {
  const parts = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}
