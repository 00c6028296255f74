import type { SessionList, SessionPart } from '@shared/booking'
import type { FunctionCode } from '@shared/functions'
import type { BookableServiceCode } from '@shared/services'
import type { FamilyMember } from '@shared/member'
import type { ReactNode } from 'react'
import { fetchSessions } from '@/api/bookings'
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
  children: (list: SessionList, members: FamilyMember[], onStale: () => Promise<void>) => ReactNode
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
        {(list) => children(list, members.data ?? [], sessions.reload)}
      </RemoteContent>
    </Page>
  )
}
