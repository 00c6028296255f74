import { Text, View } from '@tarojs/components'
import { CHILD_CONSENT, GENDER_NAMES, GENDERS } from '@shared/member'
import { CHILD_RULES_PAGE, PolicyLink } from '@/components/PolicyLink'
import { OptionGroup } from '@/components/OptionGroup'
import { TextField } from '@/components/TextField'

export interface ChildDraft {
  gender: (typeof GENDERS)[number] | null
  allergies: string
  healthNotes: string
  consented: boolean
}

interface ChildFieldsProps {
  draft: ChildDraft
  onChange: (draft: ChildDraft) => void
  /** The guardian's consent is already on record: it is not asked again. */
  consentOnRecord: boolean
}

/** What a child's care needs, asked only for a child, under the guardian's separate consent. */
export function ChildFields({ draft, onChange, consentOnRecord }: ChildFieldsProps) {
  return (
    <View className='card'>
      <Text className='section-title'>孩子的信息</Text>
      <Text className='member-form__label'>性别</Text>
      <OptionGroup
        label='性别'
        options={GENDERS.map((g) => ({ value: g, label: GENDER_NAMES[g] }))}
        value={draft.gender ?? undefined}
        onChange={(gender) => onChange({ ...draft, gender })}
      />
      <TextField
        label='过敏情况（选填）'
        value={draft.allergies}
        onChange={(allergies) => onChange({ ...draft, allergies })}
        maxLength={100}
        placeholder='例如 花生、牛奶'
      />
      <TextField
        label='健康情况（选填）'
        value={draft.healthNotes}
        onChange={(healthNotes) => onChange({ ...draft, healthNotes })}
        maxLength={200}
        placeholder='需要老师知道的情况'
      />
      {!consentOnRecord && (
        <>
          <Text className='section-title'>儿童个人信息保护说明</Text>
          <Text className='muted member-form__consent'>{CHILD_CONSENT.text}</Text>
          <PolicyLink page={CHILD_RULES_PAGE} />
          <OptionGroup
            label='同意儿童个人信息保护说明'
            options={[{ value: 'agree', label: '我是监护人，同意' }]}
            value={draft.consented ? 'agree' : undefined}
            onChange={() => onChange({ ...draft, consented: !draft.consented })}
          />
        </>
      )}
    </View>
  )
}
