// Chinese words for the points codes, one place for the exports, the API and the pages,
// so a 台账 printed from Excel says the same as the screen it came from.

export const CAP_PERIODS = ['month', 'year'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];

/** Where a ledger entry comes from; each links to its source record. */
export const ENTRY_SOURCES = [
  'rule_award', // an award under a catalog rule, after 公示
  'first_report', // 首报激励: the first report of a qualifying incident
  'mediator', // a resolved dispute's mediator (seed 000: 50 points)
  'volunteer', // volunteer hours × rate (道德银行)
  'evaluation', // a designation: 十星级文明户, 五好文明家庭, 净美庭院…
  'monthly_base', // the village's monthly base score
  'redemption', // 追梦超市 redemption (debit)
  'refund', // a cancelled redemption given back
  'correction', // a cadre's correction, with its reason
  'settlement', // year-end settlement (reset to zero)
] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

/** Who may propose under a rule. */
export const PROPOSERS = ['cadre', 'grid', 'villager'] as const;
export type Proposer = (typeof PROPOSERS)[number];

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
