import type { FunctionCode } from '@shared/functions'

// 西安市阎良区, from 阎政办函〔2024〕17号 附件3 (where the body text differs, 附件3 wins).
// The plan gives no coordinates, operators, phones or hours: those below are estimates for the demo
// and every facility says so in its data note.

export interface SeedFacility {
  id: string
  name: string
  street: string
  community: string
  address: string
  areaSqm: number
  year: number
  investmentWan: number
  functions: FunctionCode[]
  operatingModels: string[]
  isReserve: boolean
  lat: number
  lng: number
}

export const district = { id: 'xa-yanliang', name: '阎良区', city: '西安市', province: '陕西省' }

export const streets = [
  { id: 'yl-zhenxing', name: '振兴街道' },
  { id: 'yl-fenghuanglu', name: '凤凰路街道' },
  { id: 'yl-xinhualu', name: '新华路街道' },
]

const MIXED_MODELS = ['公建民营', '民办公助', '政府购买服务']

export const facilities: SeedFacility[] = [
  {
    id: 'yl-hangkong-erlu',
    name: '航空二路社区嵌入式服务设施',
    street: 'yl-zhenxing',
    community: '航空二路社区',
    address: '阎良区华宇理想国小区、萃府小区、蛇城蘭园小区、卓越府小区',
    areaSqm: 2535,
    year: 2024,
    investmentWan: 630,
    functions: ['elderly_care', 'meal', 'infant_care', 'child_care', 'housekeeping', 'culture'],
    operatingModels: MIXED_MODELS,
    isReserve: false,
    lat: 34.6612,
    lng: 109.2268,
  },
  {
    id: 'yl-jiayuan',
    name: '佳苑社区嵌入式服务设施',
    street: 'yl-fenghuanglu',
    community: '佳苑社区',
    address: '阎良区逸飞小区1#楼',
    areaSqm: 2310,
    year: 2025,
    investmentWan: 506,
    functions: ['elderly_care', 'meal', 'health', 'child_care', 'culture'],
    operatingModels: MIXED_MODELS,
    isReserve: false,
    lat: 34.6688,
    lng: 109.2195,
  },
  {
    id: 'yl-renmin-donglu',
    name: '人民东路社区嵌入式服务设施',
    street: 'yl-xinhualu',
    community: '人民东路社区',
    address: '阎良区龙鼎天墅小区、东方尚城小区',
    areaSqm: 893,
    year: 2026,
    investmentWan: 220,
    functions: ['elderly_care', 'meal', 'health', 'infant_care', 'culture'],
    operatingModels: MIXED_MODELS,
    isReserve: false,
    lat: 34.6571,
    lng: 109.2412,
  },
  {
    id: 'yl-hongqi',
    name: '红旗社区嵌入式服务设施',
    street: 'yl-xinhualu',
    community: '红旗社区',
    address: '阎良区红旗小区广场一楼社区办公活动用房',
    areaSqm: 1350,
    year: 2026,
    investmentWan: 336,
    functions: ['elderly_care', 'meal', 'health', 'culture'],
    operatingModels: MIXED_MODELS,
    isReserve: false,
    lat: 34.6534,
    lng: 109.2301,
  },
  {
    id: 'yl-lingyun',
    name: '凌云社区嵌入式服务设施',
    street: 'yl-xinhualu',
    community: '凌云社区',
    address: '阎良区科研巷社区办公活动用房',
    areaSqm: 1870,
    year: 2025,
    investmentWan: 1300,
    functions: ['culture', 'elderly_care', 'child_care', 'health'],
    operatingModels: ['公办民营'],
    isReserve: true,
    lat: 34.6649,
    lng: 109.2142,
  },
]

export const sampleHours = [
  { days: '周一至周日', opens: '08:00', closes: '20:00' },
]

export const SAMPLE_DATA_NOTE = '位置为大致位置；运营方、开放时间、助餐菜单价格与补贴标准为示例，以街道公示为准。'
