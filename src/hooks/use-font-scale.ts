import Taro from '@tarojs/taro'

/**
 * WeChat's own font-size setting (设置 → 字体大小) as a factor; 1 where the platform does not say.
 * 适老化: a resident who enlarged WeChat's text expects ours to follow.
 */
export function fontScaleFactor(): number {
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number } | undefined
    const factor = info?.fontSizeScaleFactor
    return typeof factor === 'number' && factor >= 1 && factor <= 3 ? factor : 1
  } catch {
    return 1
  }
}
