// No zod here: pages that read a facility without checking it against the schemas (the facility page, opened from a
// shared link on a slow phone) name it with this and load none of zod.

/** "红旗社区嵌入式服务设施" → "红旗社区": how residents name a facility, in a sentence or on a button. */
export const shortFacilityName = (name: string): string => name.replace(/嵌入式服务设施$/, '')
