// zod shapes of the registry API; messages in Chinese because users read them.
import { z } from 'zod';
import { paging } from '../../core/http.js';
import { day } from '../../core/dates.js';
import { TAG_CODES } from '../../shared/tags.js';

const phone = z.string().trim().max(20, { error: '电话号码过长' });

export const residentFields = {
  name: z.string({ error: '请填写姓名' }).trim().min(1, { error: '请填写姓名' }).max(30, { error: '姓名不能超过30个字' }),
  idNumber: z.string({ error: '请填写身份证号' }).trim().min(1, { error: '请填写身份证号' }).max(20, { error: '身份证号应为18位' }),
  gender: z.enum(['male', 'female'], { error: '性别须为男或女' }).optional(),
  birthDate: day.optional(),
  phone: phone.nullish(),
  relation: z.string({ error: '请填写与户主关系' }).trim().min(1, { error: '请填写与户主关系' }).max(20),
  tags: z
    .array(z.enum(TAG_CODES, { error: '未知的人员标签' }))
    .max(20)
    .optional(),
  note: z.string().max(500).nullish(),
};

export const residentInput = z.object(residentFields);
export const residentCreate = z.object({ householdId: z.string({ error: '请选择所属户' }).min(1, { error: '请选择所属户' }).max(64), ...residentFields });
export const residentPatch = z.object({
  name: residentFields.name.optional(),
  idNumber: residentFields.idNumber.optional(),
  gender: residentFields.gender,
  birthDate: residentFields.birthDate,
  phone: residentFields.phone,
  relation: residentFields.relation.optional(),
  tags: residentFields.tags,
  note: residentFields.note,
});

export const householdCreate = z.object({
  regionId: z.string({ error: '请选择所属网格' }).min(1, { error: '请选择所属网格' }).max(64),
  address: z.string({ error: '请填写住址' }).trim().min(1, { error: '请填写住址' }).max(100, { error: '住址不能超过100个字' }),
  phone: phone.nullish(),
  residents: z.array(residentInput).max(30, { error: '一户最多30人' }).optional(),
});

export const householdPatch = z.object({
  regionId: z.string().min(1).max(64).optional(),
  address: householdCreate.shape.address.optional(),
  phone: phone.nullish(),
  headResidentId: z.string().min(1).max(64).optional(),
});

export const householdQuery = z.object({
  regionId: z.string().min(1).max(64).optional(),
  q: z.string().trim().max(50, { error: '搜索内容过长' }).optional(),
  tag: z.enum(TAG_CODES, { error: '未知的人员标签' }).optional(),
  ...paging,
});

export const residentView = z.object({
  id: z.string(),
  householdId: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string().nullable().describe('YYYY-MM-DD; null for roles that may not see whole ID numbers'),
  birthYear: z.number(),
  age: z.number(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  relation: z.string(),
  tags: z.array(z.string()),
  note: z.string().nullable(),
  createdAt: z.string(),
});

const place = { regionId: z.string(), regionName: z.string(), villageName: z.string(), gridName: z.string() };

export const householdSummary = z.object({
  id: z.string(),
  ...place,
  address: z.string(),
  phone: z.string().nullable(),
  headName: z.string().nullable(),
  residentCount: z.number(),
  tags: z.array(z.string()),
  updatedAt: z.string(),
  abilities: z.array(z.string()).describe('What the caller may do to this household (household.update, resident.revealId …)'),
});

export const householdDetail = z.object({
  id: z.string(),
  ...place,
  address: z.string(),
  phone: z.string().nullable(),
  headResidentId: z.string().nullable(),
  headName: z.string().nullable(),
  residents: z.array(residentView),
  partyMembers: z.array(z.object({ userId: z.string(), name: z.string(), phone: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.array(z.string()).describe('What the caller may do to this household (household.update, resident.revealId …)'),
});
