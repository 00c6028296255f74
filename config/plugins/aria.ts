import type { IPluginContext } from '@tarojs/service'

// WeChat reads these on its own components for 读屏 (base library ≥ 2.7.1, aria-component). Taro's templates carry only
// the attributes they know, so they are added here; the components set them through src/components/a11y.ts.
const ARIA = ['aria-role', 'aria-label', 'aria-checked', 'aria-disabled', 'aria-selected', 'aria-hidden', 'aria-level', 'aria-live', 'aria-busy']
const attributes = Object.fromEntries(ARIA.map((name) => [name, '']))

export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: { template?: { mergeComponents?: (ctx: IPluginContext, patch: Record<string, Record<string, string>>) => void } }) {
      platform.template?.mergeComponents?.(ctx, {
        View: attributes,
        Text: attributes,
        Button: attributes,
        Input: { 'aria-label': '' },
        Textarea: { 'aria-label': '' },
      })
    },
  })
}
