import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/idnumber.js';
import { ageOn, normalizedResident, residentProblems } from './rules.js';

const today = '2026-11-27';
const id = makeIdNumber('610802', '1960-05-04', 123, 'female');

describe('resident rules', () => {
  it('a complete resident has no problems; gender and birth date come from the ID', () => {
    expect(residentProblems({ name: '高秀英', idNumber: id, relation: '户主' }, today)).toEqual([]);
    expect(normalizedResident({ name: ' 高秀英 ', idNumber: id.toLowerCase(), relation: '户主' })).toMatchObject({
      name: '高秀英',
      gender: 'female',
      birthDate: '1960-05-04',
    });
  });
  it('reports each problem with a Chinese reason', () => {
    const bad = residentProblems({ name: '', idNumber: id.slice(0, 17) + (id[17] === '1' ? '2' : '1'), relation: '', phone: '123' }, today);
    expect(bad.map((p) => p.field)).toEqual(['name', 'idNumber', 'phone', 'relation']);
    expect(bad[1].zh).toBe('身份证号校验位不正确，请核对最后一位');
  });
  it('contradictions with the ID are problems', () => {
    expect(residentProblems({ name: '甲', idNumber: id, gender: 'male', relation: '户主' }, today)[0].field).toBe('gender');
    expect(residentProblems({ name: '甲', idNumber: id, birthDate: '1960-05-05', relation: '户主' }, today)[0].field).toBe('birthDate');
    expect(residentProblems({ name: '甲', idNumber: makeIdNumber('610802', '2027-01-01', 1, 'male'), relation: '户主' }, today)[0].zh).toMatch(/晚于今天/);
  });
  it('age counts whole years in the Shanghai calendar', () => {
    expect(ageOn('1960-11-27', today)).toBe(66);
    expect(ageOn('1960-11-28', today)).toBe(65);
  });
});
