// Chinese words for the workflow's codes, used wherever the server writes for people (exports).
export const STATUS_ZH: Record<string, string> = {
  reported: '待受理',
  accepted: '已受理',
  dispatched: '已派单',
  in_progress: '处置中',
  resolved: '已办结',
  rated: '已评价',
  archived: '已归档',
  rejected: '不予受理',
};
export const ACTION_ZH: Record<string, string> = {
  report: '上报',
  accept: '受理',
  reject: '不予受理',
  dispatch: '派单',
  start: '开始处置',
  resolve: '办结',
  escalate: '上报上级',
  return: '退回',
  supervise: '督办',
  rate: '评价',
  archive: '归档',
  reopen: '回头看',
  request_extension: '申请延期',
  approve_extension: '同意延期',
  deny_extension: '不同意延期',
  copy: '抄告',
  verify: '核实',
  note: '备注',
  step: '代办步骤',
  mediate: '调解',
  revisit: '回访',
  attach: '上传附件',
  card_yellow: '亮黄牌',
  card_red: '亮红牌',
  consult: '会商决定',
  calendar: '工作日历调整',
};
export const RISK_ZH: Record<string, string> = { low: '低', medium: '中', high: '高' };
export const OUTCOME_ZH: Record<string, string> = { agreement: '达成协议', terminated: '终止调解' };
export const TYPE_ZH: Record<string, string> = { incident: '事件', service: '代办', dispute: '矛盾纠纷' };
