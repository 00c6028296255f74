import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Role } from '@shared/auth'
import { pressable } from '@/components/a11y'
import { Page } from '@/components/Page'
import { StateView } from '@/components/StateView'
import { signInAgain, signOut } from '@/api/session'
import { useSignedOut } from '@/stores/session'
import { SwitchRow } from '@/components/SwitchRow'
import { useMe } from '@/hooks/use-me'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { useElderMode, useSetElderMode } from '@/stores/elder-mode'
import { Button } from '@/components/Button'
import { CHILD_RULES_PAGE, PRIVACY_POLICY_PAGE, PolicyLink } from '@/components/PolicyLink'
import { navigateTo } from '@/lib/navigate'
import './index.scss'

async function confirmSignOut() {
  const { confirm } = await Taro.showModal({
    title: '退出登录',
    content: '退出后，这台设备上不再显示您和家人的预约，需要时可以再登录。',
    confirmText: '退出',
    cancelText: '不退出',
  })
  if (confirm) await signOut()
}

const ROLE_NAMES: Record<Role, string> = {
  resident: '居民',
  operator_staff: '运营方工作人员',
  government_staff: '政府工作人员',
}

export default function ProfilePage() {
  const signedOut = useSignedOut()
  if (signedOut) return <SignedOut />
  return <SignedIn />
}

function SignedOut() {
  return (
    <Page title='我的'>
      <View className='card'>
        <Text className='section-title'>已退出登录</Text>
        <Text className='muted'>这台设备不再保留您的登录。家人信息和预约都还在，登录后就能看到。</Text>
        <Button className='tap button button--primary profile__add' onClick={signInAgain}>
          登录
        </Button>
      </View>
    </Page>
  )
}

function SignedIn() {
  const me = useMe()
  const elder = useElderMode()
  const setElder = useSetElderMode()

  useReloadOnReturn(me.reload)
  usePullToRefresh(me.reload)

  return (
    <Page title='我的'>
      <View className='card'>
        {me.data ? (
          <>
            <Text className='section-title'>{me.data.user.nickname ?? '家门口用户'}</Text>
            <Text className='muted profile__role'>身份：{ROLE_NAMES[me.data.user.role]}</Text>
            <Text className='muted profile__role'>账号编号：{me.data.user.id}</Text>
            {me.data.user.role !== 'resident' && (
              <Button
                className='tap button button--primary profile__add'
                onClick={() => navigateTo({ url: '/packages/staff/index/index' })}
              >
                进入工作台
              </Button>
            )}
          </>
        ) : me.error ? (
          <StateView kind='error' text={me.error} onRetry={me.reload} />
        ) : (
          <StateView kind='loading' text='正在登录…' />
        )}
      </View>

      <View className='card'>
        <Text className='section-title'>家庭成员</Text>
        <Text className='muted profile__hint'>为家人订餐、享受助餐补贴需要先添加；只有您能看到。</Text>
        {me.data?.members.map((member) => (
          <View
            key={member.id}
            className='tap profile__member'
            {...pressable({
              role: 'link',
              onPress: () => navigateTo({ url: `/packages/member/edit/index?id=${encodeURIComponent(member.id)}` }),
            })}
          >
            <Text className='profile__member-name'>{member.name}</Text>
            <Text className='muted'>
              {member.relation}
              {member.birthDate ? ` · ${member.birthDate.slice(0, 4)} 年生` : ''} · 修改 ›
            </Text>
          </View>
        ))}
        <Button className='tap button profile__add' onClick={() => navigateTo({ url: '/packages/member/edit/index' })}>
          ＋ 添加家人或本人
        </Button>
      </View>

      <View className='card profile__setting'>
        <SwitchRow label='长辈版' hint='字更大、按钮更大，本机会记住您的选择' checked={elder} onChange={setElder} />
      </View>

      {me.data && (
        <View className='card'>
          <Button className='tap button profile__add profile__sign-out' onClick={confirmSignOut}>
            退出登录
          </Button>
        </View>
      )}

      <View className='card'>
        <Text className='section-title'>隐私、数据与意见</Text>
        <Text className='muted'>查看、下载我们保存的您和家人的全部信息，或注销账号；查看您写给街道的意见和答复；告诉街道您家需要哪些服务。</Text>
        {me.data && (
          <>
            <Button className='tap button profile__add' onClick={() => navigateTo({ url: '/packages/member/my-data/index' })}>
              我的数据
            </Button>
            <Button className='tap button profile__add' onClick={() => navigateTo({ url: '/packages/member/feedback/index' })}>
              我的意见
            </Button>
            <Button className='tap button profile__add' onClick={() => navigateTo({ url: '/packages/member/surveys/index' })}>
              需求征集
            </Button>
            <Button className='tap button profile__add' onClick={() => navigateTo({ url: '/packages/member/community/index' })}>
              我住的社区
            </Button>
          </>
        )}
        <PolicyLink page={PRIVACY_POLICY_PAGE} />
        <PolicyLink page={CHILD_RULES_PAGE} />
      </View>

      <View className='card'>
        <Text className='section-title'>关于家门口</Text>
        <Text className='muted profile__about'>
          家门口帮您找到身边的社区嵌入式服务设施：养老、托育、托管、助餐、家政、健康、健身、文化和儿童游憩。设施信息来自《西安市阎良区城市社区嵌入式服务设施建设工程实施方案》（阎政办函〔2024〕17号）。
        </Text>
        <Text className='muted profile__about'>
          我们只保存提供服务所必需的信息，不会向其他家庭展示您的任何信息。
        </Text>
      </View>
    </Page>
  )
}
