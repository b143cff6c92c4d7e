import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CellValue } from 'exceljs';
import { cellText } from '../../core/sheet.js';
import { integerOf, parseRuleRow, ruleCells, ruleColumnFor, type RuleColumn, type RuleInputRow } from './catalog-sheet.js';
import { CAP_PERIODS, PROPOSERS, RULE_CATEGORIES } from './rules.js';

/** Reads a row given as cells by column, the way the sheet parser does. */
const read = (cells: Partial<Record<RuleColumn, CellValue>>, row = 5) => parseRuleRow((k) => cellText(cells[k] ?? null), row);

describe('a catalog row', () => {
  it('reads the values villages type: signed text, full-width digits, 月/年, 、-separated proposers', () => {
    expect(integerOf(cellText('+5'))).toBe(5);
    expect(integerOf(cellText('－3'))).toBe(-3);
    expect(integerOf(cellText('−10'))).toBe(-10);
    expect(integerOf(cellText('５分'))).toBe(5);
    expect(integerOf(cellText(2.5))).toBeNull();
    expect(integerOf(cellText('五'))).toBeNull();
    expect(ruleColumnFor('分值*')).toBe('value');
    expect(ruleColumnFor('规则名称（必填）')).toBe('name');
    const { rule, problems } = read({
      code: 'HJ01',
      name: '门前三包',
      category: '人居环境',
      value: '-5',
      cap: '10',
      capPeriod: '每月',
      proposers: '网格员，村干部',
      needsApproval: '否',
    });
    expect(problems).toEqual([]);
    expect(rule).toEqual({
      code: 'HJ01',
      name: '门前三包',
      category: '人居环境',
      value: -5,
      cap: 10,
      capPeriod: 'month',
      proposers: ['cadre', 'grid'],
      needsApproval: false,
      description: null,
    });
    expect(read({ code: 'A', name: 'B', category: '人居环境', value: 1 }).rule).toMatchObject({
      proposers: ['cadre', 'grid'],
      needsApproval: true,
      cap: null,
      capPeriod: null,
    });
  });

  it('names the row and the column of every problem', () => {
    const { rule, problems } = read({ code: 'X', name: '', category: '其他', value: 0, capPeriod: '季', proposers: '书记' }, 7);
    expect(rule).toBeNull();
    expect(problems.map((p) => p.message)).toEqual([
      '第7行“名称”：请填写规则名称',
      '第7行“类别”：“其他”不是可用的类别，可填：人居环境、孝老爱亲、遵纪守法、志愿服务、移风易俗、参与治理',
      '第7行“分值”：分值须在-100至100之间，且不能为0',
      '第7行“封顶周期”：“季”不是可用的封顶周期，请填“月”或“年”',
      '第7行“封顶分值”：填写了封顶周期时须填写封顶分值',
      '第7行“可提议人”：不认识“书记”，可填：村干部、网格员、村民',
    ]);
    expect(problems.every((p) => p.row === 7)).toBe(true);
  });

  it('property: a rule written as a row reads back as the same rule', () => {
    const ruleArb: fc.Arbitrary<RuleInputRow> = fc
      .record({
        code: fc.stringMatching(/^[A-Z]{1,3}\d{1,3}$/),
        name: fc.stringMatching(/^[\u4e00-\u9fa5]{1,40}$/),
        category: fc.constantFrom(...RULE_CATEGORIES),
        value: fc.integer({ min: -100, max: 100 }).filter((v) => v !== 0),
        cap: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
        capPeriod: fc.constantFrom(...CAP_PERIODS),
        proposers: fc.subarray([...PROPOSERS], { minLength: 1 }),
        needsApproval: fc.boolean(),
        description: fc.option(fc.stringMatching(/^[\u4e00-\u9fa5]{1,300}$/), { nil: null }),
      })
      .map((r) => ({ ...r, capPeriod: r.cap === null ? null : r.capPeriod }));
    fc.assert(
      fc.property(ruleArb, (r) => {
        const out = read(ruleCells(r));
        expect(out.problems).toEqual([]);
        expect(out.rule).toEqual(r);
      }),
    );
  });
});
