// The rule catalog (积分细则) as villages keep it in Excel: the columns, one row
// read into a rule with Chinese problems, and a rule written back as a row — the
// same layout for the template, the export and the import, so a download can be
// edited and imported again (into the same village or another one). No I/O.
import type { CellValue, Worksheet } from 'exceljs';
import { cellText } from '../../core/sheet.js';
import { CAP_PERIOD_LABELS, PROPOSER_LABELS } from '../../shared/points.js';
import { PROPOSERS, RULE_CATEGORIES, type CapPeriod, type Proposer } from './rules.js';

export const RULE_COLUMNS = [
  { key: 'code', header: '编号', width: 10, required: true, hint: '本村（乡镇）规则的编号，如 HJ01；与已有规则编号相同时按本行更新该规则' },
  { key: 'name', header: '名称', width: 30, required: true, hint: '不超过40个字' },
  { key: 'category', header: '类别', width: 12, required: true, hint: `可填：${RULE_CATEGORIES.join('、')}` },
  { key: 'value', header: '分值', width: 8, required: true, hint: '整数，加分填正数，扣分填负数（如 -5），在-100至100之间，不能为0' },
  { key: 'cap', header: '封顶分值', width: 10, required: false, hint: '同一户在一个封顶周期内按本规则最多加多少分；不填为不封顶' },
  { key: 'capPeriod', header: '封顶周期', width: 10, required: false, hint: '月 或 年；填写了封顶分值时必填' },
  { key: 'proposers', header: '可提议人', width: 22, required: false, hint: '村干部、网格员、村民，多个用“、”或“,”分隔；不填为“村干部、网格员”' },
  { key: 'needsApproval', header: '需审核', width: 8, required: false, hint: '是 或 否；不填为“是”。村民自主申报的一律须村两委审核' },
  { key: 'description', header: '说明', width: 40, required: false, hint: '评分标准、佐证要求等，不超过300字；可不填' },
] as const;
export type RuleColumn = (typeof RULE_COLUMNS)[number]['key'];
/** Written by the export only, naming the region that keeps the rule; the import ignores it. */
export const SOURCE_HEADER = '来源';
export const RULE_SHEET = '积分规则';
export const MAX_RULE_ROWS = 500;
/** The template's example row says this; a file that still holds it is refused until it is removed. */
export const EXAMPLE_MARK = '示例，导入前请删除';

const REQUIRED: RuleColumn[] = RULE_COLUMNS.filter((c) => c.required).map((c) => c.key);
const HEADER_OF = Object.fromEntries(RULE_COLUMNS.map((c) => [c.key, c.header])) as Record<RuleColumn, string>;

export interface RuleInputRow {
  code: string;
  name: string;
  category: (typeof RULE_CATEGORIES)[number];
  value: number;
  cap: number | null;
  capPeriod: CapPeriod | null;
  proposers: Proposer[];
  needsApproval: boolean;
  description: string | null;
}
export interface Problem {
  row: number;
  message: string;
}
type Cell = ReturnType<typeof cellText>;

const ALIASES: Record<string, RuleColumn> = {
  规则编号: 'code',
  序号编号: 'code',
  规则名称: 'name',
  项目: 'name',
  积分项目: 'name',
  分类: 'category',
  积分: 'value',
  分数: 'value',
  封顶: 'cap',
  上限: 'cap',
  申报人: 'proposers',
  是否审核: 'needsApproval',
  备注: 'description',
};
const PERIODS: Record<string, CapPeriod> = {
  月: 'month',
  每月: 'month',
  月度: 'month',
  按月: 'month',
  month: 'month',
  年: 'year',
  每年: 'year',
  年度: 'year',
  按年: 'year',
  year: 'year',
};
const PROPOSER_WORDS: Record<string, Proposer> = {
  ...Object.fromEntries(PROPOSERS.map((p) => [PROPOSER_LABELS[p], p])),
  ...Object.fromEntries(PROPOSERS.map((p) => [p, p])),
  干部: 'cadre',
  村两委: 'cadre',
  网格长: 'grid',
  群众: 'villager',
};
const YES = new Set(['是', '需要', '要', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', '不需要', '不要', '无需', 'n', 'no', 'false', '0']);

/** "编号*", " 分值（必填）" → a column, or null. */
export function ruleColumnFor(text: string): RuleColumn | null {
  const t = text.replace(/[\s*＊]/g, '').replace(/[（(][^）)]*[）)]/g, '');
  return RULE_COLUMNS.find((c) => c.header === t)?.key ?? ALIASES[t] ?? null;
}

/** The header row (within the first ten) and where each known column sits. */
export function findRuleHeader(ws: Worksheet): { row: number; cols: Map<RuleColumn, number> } | { missing: string[] } {
  let best = new Map<RuleColumn, number>();
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const cols = new Map<RuleColumn, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const key = ruleColumnFor(cellText(cell.value).text);
      if (key && !cols.has(key)) cols.set(key, col);
    });
    if (REQUIRED.every((k) => cols.has(k))) return { row: r, cols };
    if (cols.size > best.size) best = cols;
  }
  return { missing: REQUIRED.filter((k) => !best.has(k)).map((k) => HEADER_OF[k]) };
}

/** An integer typed as a number or as text ("+5", "－3", "５分"); null when it is not one. */
export function integerOf(c: Cell): number | null {
  if (c.num !== undefined) return Number.isInteger(c.num) ? c.num : null;
  const t = c.text
    .normalize('NFKC')
    .replace(/[\s−–—]/g, (ch) => (/\s/.test(ch) ? '' : '-'))
    .replace(/分$/, '');
  return /^[+-]?\d{1,6}$/.test(t) ? Number(t) : null;
}

/** One data row: every problem of the row, or the rule it describes. */
export function parseRuleRow(get: (k: RuleColumn) => Cell, row: number): { rule: RuleInputRow | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const bad = (k: RuleColumn, why: string) => problems.push({ row, message: `第${row}行“${HEADER_OF[k]}”：${why}` });
  const code = get('code').text,
    name = get('name').text,
    category = get('category').text;
  const description = get('description').text;
  if (description.includes(EXAMPLE_MARK)) return { rule: null, problems: [{ row, message: `第${row}行是模板中的示例，请删除后再导入` }] };

  if (!code) bad('code', '请填写编号');
  else if (code.length > 20) bad('code', '编号不能超过20个字符');
  if (!name) bad('name', '请填写规则名称');
  else if (name.length > 40) bad('name', '名称不能超过40个字');
  if (!category) bad('category', `请填写类别（${RULE_CATEGORIES.join('、')}）`);
  else if (!(RULE_CATEGORIES as readonly string[]).includes(category)) bad('category', `“${category}”不是可用的类别，可填：${RULE_CATEGORIES.join('、')}`);

  const valueCell = get('value');
  const value = integerOf(valueCell);
  if (!valueCell.text) bad('value', '请填写分值');
  else if (value === null) bad('value', `“${valueCell.text}”不是整数，加分填正数，扣分填负数（如 -5）`);
  else if (value === 0 || value < -100 || value > 100) bad('value', '分值须在-100至100之间，且不能为0');

  const capCell = get('cap'),
    periodText = get('capPeriod').text;
  let cap: number | null = null;
  if (capCell.text) {
    cap = integerOf(capCell);
    if (cap === null || cap < 1 || cap > 1000) {
      bad('cap', `封顶分值“${capCell.text}”须为1至1000的整数`);
      cap = null;
    }
  }
  const capPeriod = periodText ? (PERIODS[periodText.toLowerCase()] ?? null) : null;
  if (periodText && !capPeriod) bad('capPeriod', `“${periodText}”不是可用的封顶周期，请填“月”或“年”`);
  if (capCell.text && !periodText) bad('capPeriod', '填写了封顶分值时须填写封顶周期（月或年）');
  if (periodText && !capCell.text) bad('cap', '填写了封顶周期时须填写封顶分值');

  const words = get('proposers')
    .text.split(/[、,，;；/\s]+/)
    .filter(Boolean);
  const unknown = words.filter((w) => !PROPOSER_WORDS[w] && !PROPOSER_WORDS[w.toLowerCase()]);
  if (unknown.length) bad('proposers', `不认识“${unknown.join('、')}”，可填：${PROPOSERS.map((p) => PROPOSER_LABELS[p]).join('、')}`);
  const picked = words.map((w) => PROPOSER_WORDS[w] ?? PROPOSER_WORDS[w.toLowerCase()]).filter(Boolean);
  const proposers = picked.length ? PROPOSERS.filter((p) => picked.includes(p)) : (['cadre', 'grid'] as Proposer[]);

  const approval = get('needsApproval').text.toLowerCase();
  if (approval && !YES.has(approval) && !NO.has(approval)) bad('needsApproval', `请填“是”或“否”，不能为“${get('needsApproval').text}”`);
  if (description.length > 300) bad('description', '说明不能超过300个字');

  if (problems.length) return { rule: null, problems };
  return {
    rule: {
      code,
      name,
      category: category as RuleInputRow['category'],
      value: value!,
      cap,
      capPeriod: cap === null ? null : capPeriod,
      proposers,
      needsApproval: !NO.has(approval),
      description: description || null,
    },
    problems,
  };
}

/** Reads the catalog sheet: every non-empty row below the header; codes repeated in the file are problems. */
export function parseRuleSheet(ws: Worksheet): { rules: { row: number; rule: RuleInputRow }[]; problems: Problem[]; totalRows: number } | { fatal: string } {
  const header = findRuleHeader(ws);
  if ('missing' in header) return { fatal: `未找到表头或缺少必需的列：${header.missing.join('、')}。请使用系统提供的积分规则模板` };
  if (ws.rowCount - header.row > MAX_RULE_ROWS * 2) return { fatal: `一次最多导入${MAX_RULE_ROWS}条规则，请分批导入` };
  const rules: { row: number; rule: RuleInputRow }[] = [];
  const problems: Problem[] = [];
  const firstRow = new Map<string, number>();
  let totalRows = 0;
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (k: RuleColumn) => {
      const c = header.cols.get(k);
      return c ? cellText(row.getCell(c).value) : { text: '' };
    };
    if (RULE_COLUMNS.every((c) => !get(c.key).text)) continue;
    if (++totalRows > MAX_RULE_ROWS) return { fatal: `一次最多导入${MAX_RULE_ROWS}条规则，请分批导入` };
    const out = parseRuleRow(get, r);
    const code = get('code').text;
    const seen = code ? firstRow.get(code) : undefined;
    if (seen !== undefined) out.problems.push({ row: r, message: `第${r}行“编号”：“${code}”与第${seen}行重复` });
    else if (code) firstRow.set(code, r);
    problems.push(...out.problems);
    if (out.rule && seen === undefined) rules.push({ row: r, rule: out.rule });
  }
  return { rules, problems, totalRows };
}

/** A rule as the cells of one row (the export, and the template's example). */
export function ruleCells(r: Omit<RuleInputRow, 'category'> & { category: string }): Record<RuleColumn, CellValue> {
  return {
    code: r.code,
    name: r.name,
    category: r.category,
    value: r.value,
    cap: r.cap,
    capPeriod: r.capPeriod ? CAP_PERIOD_LABELS[r.capPeriod] : null,
    proposers: r.proposers.map((p) => PROPOSER_LABELS[p]).join('、'),
    needsApproval: r.needsApproval ? '是' : '否',
    description: r.description,
  };
}
