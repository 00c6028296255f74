// A stand-in for @tarojs/taro in jsdom: requests go through `mockRequest`, storage is a Map.
const storage = new Map<string, unknown>()

export const mockRequest = jest.fn()
export const navigateTo = jest.fn(async () => ({}))
export const switchTab = jest.fn(async () => ({}))
/** Like Taro's H5 getLocation (taro-h5 api/location/getLocation.js): the browser's WGS-84 position, and any
 * other `type` fails at once. */
export const getLocation = jest.fn(async (options?: { type?: string }) => {
  if (options?.type?.toUpperCase() !== 'WGS84') throw { errMsg: 'This coordinate system type is not temporarily supported' }
  return { latitude: 34.6534, longitude: 109.2301 }
})
export const stopPullDownRefresh = jest.fn()
export const makePhoneCall = jest.fn(async () => ({}))
export const openLocation = jest.fn(async () => ({}))
export const redirectTo = jest.fn(async () => ({}))
export const navigateBack = jest.fn(async () => ({}))
export const setClipboardData = jest.fn(async () => ({}))
export const showModal = jest.fn(async () => ({ confirm: true, cancel: false }))
export const getCurrentPages = jest.fn(() => [{}] as unknown[])

const Taro = {
  request: (options: unknown) => mockRequest(options),
  navigateTo,
  switchTab,
  getLocation,
  stopPullDownRefresh,
  makePhoneCall,
  openLocation,
  redirectTo,
  navigateBack,
  setClipboardData,
  showModal,
  getCurrentPages,
  login: jest.fn(async () => ({ code: 'test-code' })),
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => storage.set(key, value),
  removeStorageSync: (key: string) => storage.delete(key),
  clearStorage: () => storage.clear(),
  pxTransform: (size: number) => `${size / 2}px`,
  getAppBaseInfo: jest.fn((): { fontSizeScaleFactor: number; fontSizeSetting?: number } => ({ fontSizeScaleFactor: 1 })),
}

export const usePullDownRefresh = jest.fn()
export const useDidShow = jest.fn()
export const useShareAppMessage = jest.fn()
export const useRouter = jest.fn(() => ({ params: {} as Record<string, string> }))
export default Taro
