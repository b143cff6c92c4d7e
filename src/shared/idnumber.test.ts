import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { birthDateFromId, checkChar, genderFromId, idNumberProblem, makeIdNumber, maskIdNumber } from './idnumber.js';

describe('GB 11643 ID numbers', () => {
  it('accepts the standard example and its lower-case x form', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('11010519491231002x')).toBeNull();
    expect(checkChar('11010519491231002')).toBe('X');
  });

  it('names what is wrong', () => {
    expect(idNumberProblem('110105194912310021')).toBe('check_digit');
    expect(idNumberProblem('11010519490231002X')).toBe('birth_date');
    expect(idNumberProblem('1101051949123100')).toBe('format');
    expect(idNumberProblem('11010519491231002X', '1949-12-30')).toBe('birth_date');
  });

  it('masks all but the first 6 and last 4 characters', () => {
    expect(maskIdNumber('61080219850302123X')).toBe('610802********123X');
  });

  const birth = fc.date({ min: new Date('1900-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  it('every generated number validates and round-trips birth date and gender', () => {
    fc.assert(
      fc.property(birth, fc.nat(999), fc.constantFrom('male' as const, 'female' as const), (b, seq, g) => {
        const id = makeIdNumber('610802', b, seq, g);
        return idNumberProblem(id, b) === null && birthDateFromId(id) === b && genderFromId(id) === g;
      }),
    );
  });

  it('changing any single digit breaks the check', () => {
    fc.assert(
      fc.property(birth, fc.nat(999), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (b, seq, pos, bump) => {
        const id = makeIdNumber('610802', b, seq, 'male');
        const changed = id.slice(0, pos) + String((Number(id[pos]) + bump) % 10) + id.slice(pos + 1);
        return idNumberProblem(changed) !== null;
      }),
    );
  });
});
