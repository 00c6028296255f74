import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ElderOffer } from '@/components/ElderOffer'
import { Page } from '@/components/Page'

const wechatFont = (fontSizeSetting: number) =>
  (Taro.getAppBaseInfo as unknown as jest.Mock).mockReturnValue({ fontSizeScaleFactor: 1, fontSizeSetting })

// 张桂兰 set WeChat's text to its largest: the first screen offers 长辈版, once; her answer is remembered.
it('offers 长辈版 on first start when WeChat’s text is large, and turns it on', async () => {
  wechatFont(16)
  const normal = render(<Page title='首页'><ElderOffer /></Page>)
  expect(screen.queryByText(/要打开长辈版吗/)).not.toBeInTheDocument()
  normal.unmount()

  wechatFont(24)
  const { container, unmount } = render(<Page title='首页'><ElderOffer /></Page>)
  expect(screen.getByText(/您的微信字体调得较大，要打开长辈版吗/)).toBeInTheDocument()
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '打开长辈版' })))
  expect(container.querySelector('[data-elder="on"]')).not.toBeNull()
  expect(screen.queryByText(/要打开长辈版吗/)).not.toBeInTheDocument()
  expect(Taro.getStorageSync('doorstep.elderOffered')).toBe(true)
  unmount()

  // Turned off again in 我的, it is not offered a second time.
  render(<Page title='首页'><ElderOffer /></Page>)
  expect(screen.queryByText(/要打开长辈版吗/)).not.toBeInTheDocument()
})
