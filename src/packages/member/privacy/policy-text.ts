import { CHILD_CONSENT, MEMBER_CONSENT } from '@shared/member'

export interface PolicySection {
  heading: string
  paragraphs: string[]
}

// The texts residents agree to, in full. The consents the app asks for (MEMBER_CONSENT, CHILD_CONSENT) are their
// short form; their versions are named here so a resident can see which text they accepted (导出我的数据 lists it).

export const PRIVACY_POLICY: PolicySection[] = [
  {
    heading: '我们是谁',
    paragraphs: [
      '「家门口」是社区嵌入式服务设施的预约小程序，由区人民政府组织建设，设施运营方提供服务，街道和区里的工作人员监督服务质量。',
    ],
  },
  {
    heading: '我们收集哪些信息、用来做什么',
    paragraphs: [
      '登录：微信分配给本小程序的匿名编号（openid），用于识别您的账号；我们不获取您的微信昵称、头像或手机号。',
      '家庭成员：姓名、出生日期、与您的关系，以及您自愿填写的行动不便情况、饮食禁忌、送餐地址、补贴身份。用于预约、计算助餐补贴、送餐和照护。',
      '位置：只在您点「按距离排序」或选择送餐位置时请求，用于找到最近的设施和计算送餐距离，不保存您的位置轨迹。',
      '预约和评价：预约了什么、在哪天、是否到场，以及您的评价。用于提供服务，并以不能识别个人的统计方式用于区里评价运营方。',
    ],
  },
  {
    heading: '谁能看到',
    paragraphs: [
      '您和您的家人信息只有您能看到；为您提供服务的设施工作人员能看到当次服务需要的信息（姓名、饮食禁忌、接送人等）。',
      '街道和区里的工作人员只看到统计结果和评价内容，看不到评价人是谁。我们不向任何第三方出售或提供您的个人信息。',
    ],
  },
  {
    heading: '保存多久',
    paragraphs: [
      '您的信息在账号存续期间保存。删除家人或注销账号后，相关信息立即清除；已完成的预约只保留区里统计必需的内容（设施、日期、服务、数量、价格），不再能识别到个人。',
    ],
  },
  {
    heading: '您的权利',
    paragraphs: [
      '查阅和复制：在「我的」→「我的数据」查看并下载我们保存的全部信息。',
      '更正和删除：在「我的」→ 家庭成员里随时修改或删除家人信息。',
      '撤回同意：撤回为孩子登记信息的监护人授权，孩子的信息会被彻底删除。',
      '注销账号：在「我的数据」页面注销，账号、家人、消息一并删除。有尚未完成的预约时，请先取消或等服务完成。',
      '如有疑问或投诉，可联系所在街道办事处或区民政部门。',
    ],
  },
  {
    heading: '版本',
    paragraphs: [`本政策对应家人信息使用说明版本 ${MEMBER_CONSENT.version}，2026 年 11 月起施行。`],
  },
]

export const CHILD_RULES: PolicySection[] = [
  {
    heading: '适用范围',
    paragraphs: [
      `为不满 ${CHILD_CONSENT.underAge} 周岁的孩子登记信息、预约托育或托管时适用本规则。孩子的信息属于敏感个人信息，只有在父母或其他监护人单独同意后才会保存。`,
    ],
  },
  {
    heading: '收集哪些信息',
    paragraphs: [
      '孩子的姓名、出生日期、性别，以及监护人自愿填写的过敏、健康情况，托管的接送人姓名和电话。',
      '这些信息只用于托育、托管的预约和照护，只有为孩子提供服务的设施工作人员能看到，不会用于营销或其他目的。',
    ],
  },
  {
    heading: '监护人的权利',
    paragraphs: [
      '监护人可以随时在「我的」→ 家庭成员里更正孩子的信息。',
      '撤回授权：在孩子的信息页点「撤回监护人授权并删除孩子的信息」，孩子的信息会被彻底清除；已完成的预约只保留不能识别孩子的统计信息。有尚未完成的预约时，请先取消。',
      '监护人可以在「我的数据」页面查看和下载为孩子保存的全部信息。',
    ],
  },
  {
    heading: '版本',
    paragraphs: [`本规则对应监护人同意书版本 ${CHILD_CONSENT.version}，2026 年 11 月起施行。`],
  },
]
