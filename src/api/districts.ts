import { type DistrictList, districtListSchema } from '@shared/facility'
import { apiRequest } from './client'

export const fetchDistricts = async (): Promise<DistrictList['districts']> =>
  (await apiRequest(districtListSchema, '/districts')).districts
