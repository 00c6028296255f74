import type { SessionList, SessionPart } from '@shared/booking'
import type { FunctionCode } from '@shared/functions'
import type { BookableServiceCode } from '@shared/services'
import type { FamilyMember } from '@shared/member'
import { Text, View } from '@tarojs/components'
import { serviceEligibility } from '@shared/eligibility'
import type { ReactNode } from 'react'
import { fetchSessions } from '@/api/booking'
import { fetchMembers } from '@/api/members'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { useRemote } from '@/hooks/use-remote'
import { NotOpenHere } from '@/components/NotOpenHere'

interface CareShellProps {
  /** The page's heading: 「婴幼儿托育 · 预约」. */
  title: string
  facilityId: string
  fn: FunctionCode
  service: BookableServiceCode
  /** Said when the facility has no sessions of this service coming up (with the way to the nearest that has). */
  noSessions: string
  /** Only sessions of this part of the day (one service of a function: 短期托养 nights, 日间照料 days). */
  part?: SessionPart
  /** Called with the members the service takes (by age on the first bookable day; the server checks every day). */
  children: (list: SessionList, members: FamilyMember[], onStale: () => Promise<void>) => ReactNode
}

const CHILD_SERVICES: BookableServiceCode[] = ['infant_care', 'after_school']

/** The family split by whether the service takes them, and why not, for those it is meant for (a child for 托育,
 * an elder for 托养; a parent is never listed as "too old" for 托管). */
export function eligibleMembers(service: BookableServiceCode, members: FamilyMember[], day: string) {
  const forChildren = CHILD_SERVICES.includes(service)
  const eligible: FamilyMember[] = []
  const notTaken: string[] = []
  for (const m of members) {
    const e = serviceEligibility(service, m, day)
    if (e.eligible) eligible.push(m)
    else if (m.isChild === forChildren) notTaken.push(e.reason)
  }
  return { eligible, notTaken }
}

function Choosable({ list, service, members, onStale, children }: {
  list: SessionList
  service: BookableServiceCode
  members: FamilyMember[]
  onStale: () => Promise<void>
  children: CareShellProps['children']
}) {
  const day = list.sessions.find((s) => s.bookable)?.date ?? list.today
  const { eligible, notTaken } = eligibleMembers(service, members, day)
  return (
    <>
      {notTaken.length > 0 && (
        <View className='care__not-taken'>
          {notTaken.map((reason) => (
            <Text key={reason} className='muted care__not-taken-line'>
              {reason}，不在可选之列
            </Text>
          ))}
        </View>
      )}
      {children(list, eligible, onStale)}
    </>
  )
}

/** A care booking screen: the facility's coming sessions and the family's members, with loading, empty and refresh. */
export function CareShell({ title, facilityId, fn, service, noSessions, part, children }: CareShellProps) {
  const sessions = useRemote(async () => {
    const list = await fetchSessions(facilityId, fn)
    return part ? { ...list, sessions: list.sessions.filter((s) => s.part === part) } : list
  }, `${facilityId}|${fn}|${part ?? ''}`)
  const members = useRemote(fetchMembers, 'members')
  useReloadOnReturn(members.reload)
  usePullToRefresh(() => Promise.all([sessions.reload(), members.reload()]))
  return (
    <Page title={title}>
      <RemoteContent
        remote={sessions}
        empty={(list) => (list.sessions.length === 0 ? <NotOpenHere facilityId={facilityId} service={service} text={noSessions} /> : null)}
      >
        {(list) => (
          <Choosable list={list} service={service} members={members.data ?? []} onStale={sessions.reload}>
            {children}
          </Choosable>
        )}
      </RemoteContent>
    </Page>
  )
}
