// Ids derived from the facility id, so that re-seeding finds the rows it wrote before.
export const communityId = (facilityId: string): string => `${facilityId}-community`
export const operatorId = (facilityId: string): string => `${facilityId}-operator`
