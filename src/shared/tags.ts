// Special-group tags (重点人群) from PRODUCT.md; codes are stable, labels are shown.
export const RESIDENT_TAGS = [
  { code: 'poor', zh: '困难群众', en: 'Low-income' },
  { code: 'elderly_alone', zh: '独居老人', en: 'Elderly living alone' },
  { code: 'severe_disability', zh: '重度残疾', en: 'Severe disability' },
  { code: 'community_correction', zh: '社区矫正', en: 'Community correction' },
  { code: 'released_prisoner', zh: '刑满释放', en: 'Released prisoner' },
  { code: 'severe_mental', zh: '严重精神障碍', en: 'Severe mental disorder' },
  { code: 'left_behind_child', zh: '留守儿童', en: 'Left-behind child' },
  { code: 'floating', zh: '流动人口', en: 'Floating population' },
  { code: 'notable', zh: '乡贤能人', en: 'Local notable' },
  { code: 'veteran', zh: '退役军人', en: 'Veteran' },
  { code: 'party_member', zh: '党员', en: 'Party member' },
] as const;

export type ResidentTag = (typeof RESIDENT_TAGS)[number]['code'];
export const TAG_CODES = RESIDENT_TAGS.map((t) => t.code) as [ResidentTag, ...ResidentTag[]];
export const TAG_BY_ZH: Record<string, ResidentTag> = Object.fromEntries(RESIDENT_TAGS.map((t) => [t.zh, t.code]));
