import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { CHILD_CONSENT, type FamilyMember, MEMBER_CONSENT, SELF_RELATION, SUBSIDY_CATEGORY_NAMES, type SubsidyCategory } from '@shared/member'
import dayjs from 'dayjs'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { fetchDistricts } from '@/api/districts'
import { createMember, deleteMember, fetchMember, updateMember } from '@/api/members'
import { PRIVACY_POLICY_PAGE, PolicyLink } from '@/components/PolicyLink'
import { addWalkIn } from '@/api/walk-ins'
import { OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { StateView } from '@/components/StateView'
import { TextField } from '@/components/TextField'
import { useRemote } from '@/hooks/use-remote'
import { birthDateFromDigits, birthDateProblem, digitsFromBirthDate } from './birth-date'
import { type ChildDraft, ChildFields } from './ChildFields'
import { Button } from '@/components/Button'
import { SwitchRow } from '@/components/SwitchRow'
import { FailureNote } from '@/components/FailureNote'
import { goBackOr } from '@/lib/navigate'
import './index.scss'

const RELATIONS = ['本人', '父亲', '母亲', '配偶', '祖父母', '儿子', '女儿', '孙子女', '其他亲属']
const OTHER_DISTRICT = 'other'
const NO_CATEGORY = 'none'

export default function MemberEditPage() {
  const { id, desk } = useRouter().params
  const member = useRemote(() => (id ? fetchMember(id) : Promise.resolve(null)), id ?? 'new')
  const districts = useRemote(fetchDistricts, 'districts')

  if ((member.error && !member.loading) || (districts.error && !districts.loading)) {
    const retry = () => Promise.all([member.reload(), districts.reload()]).then(() => undefined)
    return (
      <Page title='家庭成员'>
        <StateView kind='error' text={member.error ?? districts.error ?? ''} onRetry={retry} />
      </Page>
    )
  }
  if (member.data === undefined || !districts.data) {
    return (
      <Page title='家庭成员'>
        <StateView kind='loading' />
      </Page>
    )
  }
  return (
    <Page title='家庭成员'>
      <MemberForm member={member.data} districts={districts.data} deskFacilityId={desk} />
    </Page>
  )
}

interface MemberFormProps {
  member: FamilyMember | null
  districts: { id: string; name: string }[]
  /** Registering a resident without a smartphone at this facility's desk (staff only). */
  deskFacilityId?: string
}

function MemberForm({ member, districts, deskFacilityId }: MemberFormProps) {
  const [name, setName] = useState(member?.name ?? '')
  // A resident registered at the desk is registered as themself: the clerk is nobody's relation.
  const [relation, setRelation] = useState(member?.relation ?? (deskFacilityId ? SELF_RELATION : ''))
  const [birthDigits, setBirthDigits] = useState(digitsFromBirthDate(member?.birthDate ?? null))
  const [mobilityNeed, setMobilityNeed] = useState(member?.mobilityNeed ?? false)
  const [dietNotes, setDietNotes] = useState(member?.dietNotes ?? '')
  const [address, setAddress] = useState(member?.address ?? '')
  const [districtId, setDistrictId] = useState(member ? (member.districtId ?? OTHER_DISTRICT) : districts[0]?.id)
  const [category, setCategory] = useState<string>(member?.subsidyCategory ?? NO_CATEGORY)
  const [consented, setConsented] = useState(member !== null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [childDraft, setChildDraft] = useState<ChildDraft>({
    gender: member?.gender ?? null,
    allergies: member?.allergies ?? '',
    healthNotes: member?.healthNotes ?? '',
    consented: false,
  })

  const birthProblem = birthDateProblem(birthDigits, dayjs().format('YYYY-MM-DD'))
  const birthDate = birthProblem ? undefined : birthDateFromDigits(birthDigits)
  // Shown for a child under 14; the server holds the rule and refuses a child without the guardian's consent.
  const isChild = birthDate !== undefined && dayjs().diff(dayjs(birthDate), 'year') < CHILD_CONSENT.underAge
  const childConsentOnRecord = member?.childConsentAt != null
  const childFields = isChild
    ? {
        gender: childDraft.gender,
        allergies: childDraft.allergies.trim() || null,
        healthNotes: childDraft.healthNotes.trim() || null,
        ...(childDraft.consented && !childConsentOnRecord ? { childConsentVersion: CHILD_CONSENT.version } : {}),
      }
    : {}
  const fields = {
    name,
    relation,
    birthDate: birthDate ?? birthDigits,
    mobilityNeed,
    dietNotes: dietNotes.trim() || null,
    address: address.trim() || null,
    districtId: districtId === OTHER_DISTRICT ? null : (districtId ?? null),
    subsidyCategory: category === NO_CATEGORY ? null : (category as SubsidyCategory),
    ...childFields,
  }

  // What 保存 needs: the same rule decides whether the button is on and whether a tap does anything (a disabled
  // button is still tapped on a phone that does not honour it).
  const canSave =
    !busy && consented && name.trim() !== '' && relation !== '' && birthDate !== undefined && (!isChild || childConsentOnRecord || childDraft.consented)
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true)
    setFailure(null)
    try {
      await action()
      // Opened from a link or after a reload there is nothing to go back to: the family list is on 我的.
      await goBackOr(() => Taro.switchTab({ url: '/pages/profile/index' }))
    } catch (err) {
      setFailure(cleanError(err))
    } finally {
      setBusy(false)
    }
  }
  const save = () =>
    canSave &&
    run(() =>
      member
        ? updateMember(member.id, fields)
        : deskFacilityId
          ? addWalkIn(deskFacilityId, { ...fields, consentVersion: MEMBER_CONSENT.version })
          : createMember({ ...fields, consentVersion: MEMBER_CONSENT.version }),
    )
  const remove = () => member && run(() => deleteMember(member.id))

  return (
    <View className='member-form'>
      <View className='card'>
        <Text className='section-title'>{member ? '修改家人信息' : deskFacilityId ? '登记来订餐的居民' : '添加家人或本人'}</Text>
        <TextField label='姓名' value={name} onChange={setName} maxLength={20} placeholder='例如 王秀英' />
        {!deskFacilityId && (
          <>
            <Text className='member-form__label'>与您的关系</Text>
            <OptionGroup
              label='与您的关系'
              options={RELATIONS.map((r) => ({ value: r, label: r }))}
              value={relation}
              onChange={setRelation}
            />
          </>
        )}
        <TextField
          label='出生日期'
          type='number'
          value={birthDigits}
          onChange={setBirthDigits}
          maxLength={8}
          placeholder='8 位数字，例如 19460302'
          hint={birthDate ? `即 ${birthDate}${isChild ? '' : '，用于计算助餐补贴'}` : '年、月、日连在一起填写'}
          error={birthProblem}
        />
      </View>

      {isChild && <ChildFields draft={childDraft} onChange={setChildDraft} consentOnRecord={childConsentOnRecord} />}

      <View className={isChild ? 'member-form__hidden' : 'card'}>
        <Text className='section-title'>助餐补贴与送餐</Text>
        <Text className='member-form__label'>居住在</Text>
        <OptionGroup
          label='居住在'
          options={[
            ...districts.map((d) => ({ value: d.id, label: d.name })),
            { value: OTHER_DISTRICT, label: '其他区县', sub: '不享受本区补贴' },
          ]}
          value={districtId}
          onChange={setDistrictId}
        />
        <Text className='member-form__label'>补贴身份（如有）</Text>
        <OptionGroup
          label='补贴身份'
          options={[
            { value: NO_CATEGORY, label: '无' },
            ...(Object.keys(SUBSIDY_CATEGORY_NAMES) as SubsidyCategory[]).map((c) => ({
              value: c,
              label: SUBSIDY_CATEGORY_NAMES[c],
              sub: member?.subsidyCategory === c && member.subsidyVerified ? '已核实' : '需工作人员核实',
            })),
          ]}
          value={category}
          onChange={setCategory}
        />
        <SwitchRow className='member-form__switch' label='行动不便' hint='可申请送餐上门' checked={mobilityNeed} onChange={setMobilityNeed} />
        <TextField
          label='饮食禁忌（选填）'
          value={dietNotes}
          onChange={setDietNotes}
          maxLength={100}
          placeholder='例如 糖尿病，少糖'
        />
        <TextField
          label='送餐地址（选填）'
          value={address}
          onChange={setAddress}
          maxLength={100}
          placeholder='小区、楼号、单元、门牌'
        />
      </View>

      {!member && (
        <View className='card'>
          <Text className='section-title'>信息使用说明</Text>
          <Text className='muted member-form__consent'>
            {deskFacilityId ? '请向居民读出以下说明并取得同意：' : ''}
            {MEMBER_CONSENT.text}
          </Text>
          <PolicyLink page={PRIVACY_POLICY_PAGE} prefix='阅读完整的' />
          <OptionGroup
            label='同意信息使用说明'
            options={[{ value: 'agree', label: deskFacilityId ? '已向居民读出说明，居民同意' : '我已阅读并同意' }]}
            value={consented ? 'agree' : undefined}
            onChange={() => setConsented(!consented)}
          />
        </View>
      )}

      <FailureNote text={failure} onRetry={save} textClass='member-form__error' className='card' />
      <Button
        className='tap button button--primary member-form__save'
        disabled={!canSave}
        loading={busy}
        onClick={save}
      >
        保存
      </Button>

      {member &&
        (confirmDelete ? (
          <View className='card'>
            <Text>
              {member.isChild ? `撤回授权后，${member.name} 的信息将彻底清除，确定撤回吗？` : `删除后 ${member.name} 的信息将彻底清除，确定删除吗？`}
            </Text>
            <View className='member-form__actions'>
              <Button className='tap button' disabled={busy} onClick={remove}>
                {member.isChild ? '确定撤回' : '确定删除'}
              </Button>
              <Button className='tap button' onClick={() => setConfirmDelete(false)}>
                {member.isChild ? '不撤回' : '不删除'}
              </Button>
            </View>
          </View>
        ) : (
          <Button className='tap button member-form__delete' onClick={() => setConfirmDelete(true)}>
            {member.isChild ? '撤回监护人授权并删除孩子的信息' : '删除这位家人'}
          </Button>
        ))}
    </View>
  )
}
