// Chinese words for the points codes, one place for the exports, the API and the pages,
// so a 台账 printed from Excel says the same as the screen it came from.
import type { CapPeriod, EntrySource, Proposer } from './rules.js';

export const SOURCE_LABELS: Record<EntrySource, string> = {
  rule_award: '规则积分',
  first_report: '首报激励',
  mediator: '调解奖励',
  volunteer: '志愿服务',
  evaluation: '评选表彰',
  monthly_base: '月度基础分',
  redemption: '超市兑换',
  refund: '兑换退回',
  correction: '积分更正',
  settlement: '年终结算',
};

export const PROPOSER_LABELS: Record<Proposer, string> = { cadre: '村干部', grid: '网格员', villager: '村民' };

export const CAP_PERIOD_LABELS: Record<CapPeriod, string> = { month: '月', year: '年' };
