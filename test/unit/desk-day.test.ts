import { type ServiceRun, deskRefusal, lastServiceDay, undoRefusal } from '../../server/staff/desk-day'
import { addDays, shanghaiInstant } from '../../server/time/shanghai'

const at = (date: string, clock: string) => shanghaiInstant(date, clock)
const session = (date: string, starts: string, ends: string, endsNextDay = false) => ({
  date,
  startsAt: at(date, starts),
  endsAt: at(endsNextDay ? addDays(date, 1) : date, ends),
})
const refusal = (...args: Parameters<typeof deskRefusal>) => {
  const err = deskRefusal(...args)
  return err && { code: err.code, message: err.message }
}

describe('the desk’s day', () => {
  const dinner: ServiceRun = { part: 'dinner', service: '晚餐', sessions: [session('2026-12-02', '17:30', '18:30')] }

  it('checks in and completes only on the service day, in Shanghai whatever the instant’s UTC day', () => {
    for (const act of ['check-in', 'complete'] as const) {
      expect(refusal(act, dinner, at('2026-12-01', '23:59'))).toEqual({
        code: 'not_service_day',
        message: '这笔预约是 12月2日 晚餐，只能在当天核销',
      })
      // 00:30 in Shanghai is still the previous day in UTC: the day is right (a check-in is taken).
      if (act === 'check-in') expect(refusal(act, dinner, at('2026-12-02', '00:30'))).toBeNull()
      expect(refusal(act, dinner, at('2026-12-02', '23:59'))).toBeNull()
      expect(refusal(act, dinner, at('2026-12-03', '00:00'))?.code).toBe('not_service_day')
    }
  })

  it('completes a service only once it has started: not at 10:00 for the day’s dinner', () => {
    expect(refusal('complete', dinner, at('2026-12-02', '10:00'))).toEqual({ code: 'service_not_started', message: '晚餐 17:30 开始后才能登记服务完成' })
    expect(refusal('complete', dinner, at('2026-12-02', '17:30'))).toBeNull()
  })

  it('marks a no-show only once the service has started, and only on its day', () => {
    expect(refusal('no-show', dinner, at('2026-12-02', '17:29'))).toEqual({
      code: 'service_not_started',
      message: '晚餐 17:30 开始后才能登记未到场',
    })
    expect(refusal('no-show', dinner, at('2026-12-01', '19:00'))).toEqual({
      code: 'service_not_started',
      message: '这笔预约是 12月2日 晚餐，晚餐 17:30 开始后才能登记未到场',
    })
    expect(refusal('no-show', dinner, at('2026-12-02', '17:30'))).toBeNull()
    expect(refusal('no-show', dinner, at('2026-12-03', '09:00'))).toEqual({
      code: 'not_service_day',
      message: '这笔预约是 12月2日 晚餐，只能在当天登记未到场',
    })
  })

  describe('a run of days', () => {
    // A respite stay of two nights: 18:00 to 08:00 the next morning.
    const stay: ServiceRun = {
      part: 'night',
      service: '短期托养',
      sessions: [session('2026-11-30', '18:00', '08:00', true), session('2026-12-01', '18:00', '08:00', true)],
    }
    // A week of 托管 after school.
    const week: ServiceRun = {
      part: 'afternoon',
      service: '放学后托管',
      sessions: ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((d) => session(d, '16:30', '19:00')),
    }

    it('checks in on any day of the run, and the morning a night’s stay ends', () => {
      for (const day of ['2026-11-30', '2026-12-01', '2026-12-02']) expect(refusal('check-in', stay, at(day, '07:00'))).toBeNull()
      expect(refusal('check-in', stay, at('2026-12-03', '07:00'))).toEqual({
        code: 'not_service_day',
        message: '这笔预约是 11月30日至12月1日 短期托养，只能在这几天核销',
      })
      expect(refusal('check-in', week, at('2026-12-03', '09:00'))).toBeNull()
      expect(refusal('check-in', week, at('2026-12-05', '09:00'))?.code).toBe('not_service_day')
    })

    it('completes on the last day only: the last night or the morning after it', () => {
      expect(refusal('complete', stay, at('2026-11-30', '20:00'))).toEqual({
        code: 'not_service_day',
        message: '这笔预约是 11月30日至12月1日 短期托养，服务完成请在最后一天（12月1日）登记',
      })
      expect(refusal('complete', stay, at('2026-12-01', '20:00'))).toBeNull()
      expect(refusal('complete', stay, at('2026-12-02', '08:10'))).toBeNull()
      expect(refusal('complete', week, at('2026-12-03', '19:00'))?.code).toBe('not_service_day')
      expect(refusal('complete', week, at('2026-12-04', '19:00'))).toBeNull()
      expect(lastServiceDay(stay)).toBe('2026-12-01')
    })

    it('marks a no-show after the first session started, on a day of the run', () => {
      expect(refusal('no-show', week, at('2026-11-30', '16:00'))?.code).toBe('service_not_started')
      expect(refusal('no-show', week, at('2026-11-30', '16:30'))).toBeNull()
      expect(refusal('no-show', week, at('2026-12-02', '10:00'))).toBeNull()
      expect(refusal('no-show', week, at('2026-12-06', '10:00'))?.code).toBe('not_service_day')
    })
  })

  it('undoes a mistake on the day it was made, never the day after', () => {
    const mistake = at('2026-12-02', '18:40')
    expect(undoRefusal(dinner, mistake, at('2026-12-02', '20:00'))).toBeNull()
    expect(undoRefusal(dinner, mistake, at('2026-12-03', '08:00'))).toMatchObject({
      code: 'not_service_day',
      message: '这笔预约是 12月2日 晚餐，只能在当天撤销登记',
    })
    const week: ServiceRun = { part: 'full_day', service: '日间照料', sessions: [session('2026-11-30', '08:30', '17:30'), session('2026-12-01', '08:30', '17:30')] }
    expect(undoRefusal(week, at('2026-11-30', '10:00'), at('2026-12-01', '09:00'))).toMatchObject({
      code: 'not_service_day',
      message: '这条登记不是今天做的，只能在登记当天撤销',
    })
  })
})
