// Registry rules: what makes a resident record valid (GB 11643, consistency).
import { phoneOk } from '../../shared/phone.js';
import { birthDateFromId, genderFromId, idNumberProblem, normalizeIdNumber } from '../../shared/idnumber.js';

export interface ResidentFacts {
  name: string;
  idNumber: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  phone?: string | null;
  relation: string;
}

export interface Problem {
  field: string;
  code: 'INVALID_ID_NUMBER' | 'DUPLICATE_ID_NUMBER' | 'VALIDATION_FAILED';
  zh: string;
  en: string;
}

export const RELATIONS = ['户主', '配偶', '子女', '儿媳', '女婿', '孙子女', '父母', '祖父母', '兄弟姐妹', '其他'] as const;

export const MAX_MEMBERS = 30;

export const PHONE_PROBLEM: Problem = {
  field: 'phone',
  code: 'VALIDATION_FAILED',
  zh: '手机号应为11位数字（或带区号的座机号）',
  en: 'Phone must be an 11-digit mobile number',
};

/** Household-level rules: one head (户主) at most — exactly one when `requireHead` — and a size limit. */
export function householdProblems(members: { relation: string }[], requireHead = false): Problem[] {
  const heads = members.filter((m) => m.relation.trim() === '户主').length;
  const out: Problem[] = [];
  if (heads > 1) out.push({ field: 'relation', code: 'VALIDATION_FAILED', zh: '一户只能有一位户主', en: 'A household has only one head' });
  if (requireHead && members.length && heads === 0)
    out.push({ field: 'relation', code: 'VALIDATION_FAILED', zh: '请指定一位户主（与户主关系填“户主”）', en: 'Name one member as the head' });
  if (members.length > MAX_MEMBERS)
    out.push({ field: 'residents', code: 'VALIDATION_FAILED', zh: `一户最多${MAX_MEMBERS}人`, en: `At most ${MAX_MEMBERS} members` });
  return out;
}

export { phoneOk };

/** Every problem with one resident's facts; an empty list means valid. */
export function residentProblems(r: ResidentFacts, today: string): Problem[] {
  const out: Problem[] = [];
  if (!r.name.trim()) out.push({ field: 'name', code: 'VALIDATION_FAILED', zh: '请填写姓名', en: 'Name is required' });
  else if (r.name.trim().length > 30) out.push({ field: 'name', code: 'VALIDATION_FAILED', zh: '姓名不能超过30个字', en: 'Name is too long' });
  const id = normalizeIdNumber(r.idNumber);
  const p = idNumberProblem(id);
  if (p === 'format')
    out.push({
      field: 'idNumber',
      code: 'INVALID_ID_NUMBER',
      zh: '身份证号应为18位，前17位为数字，最后一位为数字或X',
      en: 'ID number must be 17 digits plus a digit or X',
    });
  else if (p === 'birth_date')
    out.push({
      field: 'idNumber',
      code: 'INVALID_ID_NUMBER',
      zh: '身份证号中的出生日期无效，请核对第7至14位',
      en: 'The birth date inside the ID number is invalid',
    });
  else if (p === 'check_digit')
    out.push({ field: 'idNumber', code: 'INVALID_ID_NUMBER', zh: '身份证号校验位不正确，请核对最后一位', en: 'ID number check digit is wrong' });
  else {
    if (r.birthDate && r.birthDate !== birthDateFromId(id))
      out.push({ field: 'birthDate', code: 'INVALID_ID_NUMBER', zh: '出生日期与身份证号不一致', en: 'Birth date does not match the ID number' });
    if (r.gender && r.gender !== genderFromId(id))
      out.push({
        field: 'gender',
        code: 'INVALID_ID_NUMBER',
        zh: '性别与身份证号不一致（第17位奇数为男、偶数为女）',
        en: 'Gender does not match the ID number',
      });
    if (birthDateFromId(id) > today)
      out.push({ field: 'idNumber', code: 'INVALID_ID_NUMBER', zh: '身份证号中的出生日期晚于今天', en: 'Birth date is in the future' });
  }
  if (r.phone && !phoneOk(r.phone)) out.push(PHONE_PROBLEM);
  if (!r.relation.trim()) out.push({ field: 'relation', code: 'VALIDATION_FAILED', zh: '请填写与户主关系', en: 'Relation to the head is required' });
  return out;
}

/** The facts stored for a valid resident: gender and birth date come from the ID when omitted. */
export function normalizedResident<T extends ResidentFacts>(r: T): T & { idNumber: string; gender: 'male' | 'female'; birthDate: string } {
  const idNumber = normalizeIdNumber(r.idNumber);
  return {
    ...r,
    name: r.name.trim(),
    relation: r.relation.trim(),
    idNumber,
    gender: r.gender ?? genderFromId(idNumber),
    birthDate: r.birthDate ?? birthDateFromId(idNumber),
  };
}

export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
