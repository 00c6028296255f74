import { z } from 'zod'

/** A decimal number written in a query string ("34.66", "-0.5"); empty strings and "1e3" are refused. */
export const decimalString = z
  .string()
  .regex(/^-?\d{1,3}(\.\d{1,12})?$/, { error: '应为数字，例如 34.66' })
  .transform(Number)

export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: '编号格式不正确' })


/** A mainland mobile number: 11 digits from 13… to 19…. Used by collectors and facility phones alike. */
export const MOBILE = /1[3-9]\d{9}/
