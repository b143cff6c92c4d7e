// The phone's case timeline reads as sentences: who (您 for the reader), in what role, did what; the note under its name.
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../src/web/console/api/cases';
import { stepWords, whoWord } from '../src/web/h5/steps';

const step = (action: string, more: Partial<HistoryEntry> = {}): HistoryEntry => ({
  action,
  from: 'accepted',
  to: 'accepted',
  by: 'u1',
  byName: '马丽娟',
  byRole: '一组网格员',
  at: '2026-11-27T02:00:00.000Z',
  note: null,
  data: null,
  ...more,
});

describe("the phone's timeline in sentences", () => {
  it('says who, in what role, did what', () => {
    expect(stepWords(step('resolve')).say).toBe('马丽娟（一组网格员）办结了这件事');
    expect(stepWords(step('resolve')).noteLabel).toBe('办理结果');
    expect(stepWords(step('dispatch', { byName: '王建国', byRole: '孟家湾村干部', data: { assigneeName: '马丽娟' } })).say).toBe(
      '王建国（孟家湾村干部）把这件事交给马丽娟办理',
    );
    expect(stepWords(step('dispatch', { data: { unit: '司法所' } })).say).toBe('马丽娟（一组网格员）把这件事交给司法所办理');
    expect(stepWords(step('reject')).noteLabel).toBe('理由');
    expect(stepWords(step('escalate', { by: null, data: { toRegionName: '青石镇', automatic: true } })).say).toBe('超过办理时限，系统自动上报至青石镇处理');
    expect(stepWords(step('approve_extension', { data: { days: 2 } })).say).toBe('马丽娟（一组网格员）同意办理期限延长2个工作日');
    expect(stepWords(step('rate', { data: { rating: 5 } }), 'u1').say).toBe('您评价5星：非常满意');
    expect(stepWords(step('return', { from: 'resolved' })).say).toContain('退回重新办理');
    expect(stepWords(step('step', { data: { step: '核实' } })).say).toBe('马丽娟（一组网格员）完成代办步骤“核实”');
  });

  it('names the reader 您, the sweeper 系统, and someone without a role by name', () => {
    expect(whoWord({ by: 'u1', byName: '马丽娟', byRole: '一组网格员' }, 'u1')).toBe('您');
    expect(whoWord({ by: null, byName: '系统', byRole: '' })).toBe('系统');
    expect(whoWord({ by: 'u2', byName: '张三', byRole: '' })).toBe('张三');
  });
});
