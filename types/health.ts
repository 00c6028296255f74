import { z } from 'zod'

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.enum(['sqlite', 'postgres']), reachable: z.boolean() }),
})
export type Health = z.infer<typeof healthSchema>
