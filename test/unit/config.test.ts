import { loadConfig } from '../../server/config'

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATABASE_URL: 'sqlite:data/doorstep.db',
      AUTH_DEV_LOGIN: false,
      WECHAT_API_BASE: 'https://api.weixin.qq.com',
    })
  })

  it('turns the development login on only when asked', () => {
    expect(loadConfig({ AUTH_DEV_LOGIN: '1' }).AUTH_DEV_LOGIN).toBe(true)
    expect(loadConfig({ AUTH_DEV_LOGIN: '0' }).AUTH_DEV_LOGIN).toBe(false)
  })

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({ AUTH_DEV_LOGIN: 'yes' })).toThrow(/AUTH_DEV_LOGIN/)
  })
})
