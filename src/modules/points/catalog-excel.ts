// The rule catalog in Excel: the template, the export of the rules that apply in a
// region (its own and those kept above it), and the import that creates new codes
// and updates the region's own codes — all rows or none, in one transaction.
import ExcelJS from 'exceljs';
import type { Actor, Ctx } from '../../core/context.js';
import type { Executor } from '../../db/kysely.js';
import { AppError, forbidden } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { shanghaiDateTime } from '../../core/clock.js';
import { uniqueViolation } from '../../core/db-errors.js';
import { loadXlsx, styleHeader, title } from '../../core/sheet.js';
import { pathIds } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import * as repo from './repo.js';
import { formatProposers, parseProposers, RULE_CATEGORIES, type CapPeriod } from './rules.js';
import { CAP_PERIOD_LABELS } from '../../shared/points.js';
import {
  EXAMPLE_MARK,
  MAX_RULE_ROWS,
  RULE_COLUMNS,
  RULE_SHEET,
  SOURCE_HEADER,
  findRuleHeader,
  parseRuleSheet,
  ruleCells,
  type Problem,
  type RuleInputRow,
} from './catalog-sheet.js';
import { pointsRegion } from './policy.js';

const MAX_UNZIPPED = 20 * 1024 * 1024;
/** A row's cells in column order. */
const inOrder = (cells: ReturnType<typeof ruleCells>) => RULE_COLUMNS.map((c) => cells[c.key]);
const safeName = (s: string) => s.replace(/[\\/:*?"<>|]/g, '');

export const invalidFile = (zh: string) => new AppError('IMPORT_INVALID_FILE', zh, 'The uploaded file is not a usable .xlsx rule catalog');

/** Column widths and the styled header row (with each column's hint as a cell note) at `row`. */
function layout(ws: ExcelJS.Worksheet, row: number, withSource: boolean) {
  const cols = [
    ...RULE_COLUMNS.map((c) => ({ header: c.header, width: c.width, required: c.required, hint: `${c.required ? '必填' : '选填'}。${c.hint}` })),
    ...(withSource ? [{ header: SOURCE_HEADER, width: 16, required: false, hint: '制定该规则的村或乡镇（导出时填写，导入时不读取）' }] : []),
  ];
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    const cell = ws.getRow(row).getCell(i + 1);
    cell.value = c.header;
    cell.note = c.hint;
  });
  styleHeader(ws, row);
  cols.forEach((c, i) => {
    if (c.required) ws.getRow(row).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  ws.views = [{ state: 'frozen', ySplit: row, xSplit: 0 }];
  return cols.length;
}

function addValidations(ws: ExcelJS.Worksheet, from: number, to: number) {
  const col = (header: string) => String.fromCharCode(65 + RULE_COLUMNS.findIndex((c) => c.header === header));
  // exceljs has dataValidations on a worksheet but leaves it out of its types.
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations;
  const list = (header: string, values: string[], error: string) =>
    dv.add(`${col(header)}${from}:${col(header)}${to}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: header,
      error,
    });
  list('类别', [...RULE_CATEGORIES], `请从列表中选择：${RULE_CATEGORIES.join('、')}`);
  list('封顶周期', Object.values(CAP_PERIOD_LABELS), '请选择“月”或“年”');
  list('需审核', ['是', '否'], '请选择“是”或“否”');
}

/** The import template: the header, two example rows, and a sheet explaining the columns. */
export async function ruleTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '乡治';
  const ws = wb.addWorksheet(RULE_SHEET);
  layout(ws, 1, false);
  ws.addRow(
    inOrder(
      ruleCells({
        code: 'HJ01',
        name: '门前三包落实到位',
        category: '人居环境',
        value: 5,
        cap: 10,
        capPeriod: 'month',
        proposers: ['cadre', 'grid'],
        needsApproval: true,
        description: EXAMPLE_MARK,
      }),
    ),
  );
  ws.addRow(
    inOrder(
      ruleCells({
        code: 'HJ02',
        name: '房前屋后乱堆乱放，经劝导不改',
        category: '人居环境',
        value: -5,
        cap: null,
        capPeriod: null,
        proposers: ['cadre', 'grid'],
        needsApproval: true,
        description: EXAMPLE_MARK,
      }),
    ),
  );
  addValidations(ws, 2, 1000);

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 14 }, { width: 90 }];
  const lines: [string, string][] = [
    ['填写说明', '每行一条积分规则（加分项或扣分项）。表头红色以外的列可不填。'],
    ...RULE_COLUMNS.map((c): [string, string] => [c.header, `${c.required ? '必填。' : '选填。'}${c.hint}`]),
    [
      '编号与更新',
      '编号是规则的标识：导入到某村（乡镇）时，该村已有的编号按本行更新，新的编号新增为该村的规则。导入不会删除或停用规则；已停用的规则更新后仍为停用。',
    ],
    ['上级规则', '乡镇制定的规则在各村自动沿用，不必导入；与上级规则编号相同且内容一致的行会跳过，编号相同但内容不同的行会报错，请换一个编号。'],
    ['分值变更', '修改分值只影响导入之后提出的积分申报；已提出的申报按提出时的分值计。'],
    ['全部或不导入', '文件中任何一行有错误，本次全部不导入，并列出每个错误所在的行。可先“试导入”检查。'],
    ['来源', '从系统导出的表格最后一列“来源”写明制定该规则的村或乡镇，导入时不读取。'],
    ['示例', `“${RULE_SHEET}”表中说明为“${EXAMPLE_MARK}”的两行是示例，导入前请删除或改为实际规则。一次最多导入${MAX_RULE_ROWS}条。`],
  ];
  lines.forEach(([a, b], i) => {
    const row = help.getRow(i + 1);
    row.getCell(1).value = a;
    row.getCell(2).value = b;
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
  help.getRow(1).getCell(1).font = { bold: true, size: 14 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rules that apply in a region (own and inherited, active ones), with the region that keeps each; audited. */
export async function exportRules(ctx: Ctx, actor: Actor, regionId: string) {
  const r = await regions.requirePublicRegion(ctx, actor, regionId);
  const chain = pathIds(r.path);
  const [rows, keepers] = await Promise.all([repo.rulesFor(ctx.db, chain), regions.getMany(ctx, chain)]);
  const names = new Map(keepers.map((k) => [k.id, k.name]));
  const rules = rows.filter((x) => x.active);
  const now = ctx.clock.now();

  const wb = new ExcelJS.Workbook();
  wb.creator = '乡治';
  const ws = wb.addWorksheet(RULE_SHEET);
  const width = layout(ws, 2, true);
  title(ws, `${r.name}积分规则（含上级沿用的规则，共${rules.length}条）　导出时间：${shanghaiDateTime(now)}（北京时间）`, width);
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  for (const x of rules) {
    const cells = ruleCells({
      code: x.code,
      name: x.name,
      category: x.category,
      value: x.value,
      cap: x.cap,
      capPeriod: x.cap_period as CapPeriod | null,
      proposers: parseProposers(x.proposers),
      needsApproval: !!x.needs_approval,
      description: x.description,
    });
    ws.addRow([...inOrder(cells), names.get(x.region_id) ?? '']).alignment = { vertical: 'top', wrapText: true };
  }
  addValidations(ws, 3, Math.max(3, rules.length + 200));
  await audit(ctx.db, now, actor, { action: 'point_rule.export', entity: 'region', entityId: r.id, regionPath: r.path, detail: { rules: rules.length } });
  return { data: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `积分规则_${safeName(r.name)}.xlsx`, asciiName: 'point-rules.xlsx' };
}

/** A region whose catalog the caller keeps: a village or township with points.manage (404 when unseen). */
export async function importRegion(ctx: Ctx, actor: Actor, regionId: string) {
  const r = await regions.requireVisible(ctx, actor, regionId);
  if (r.level !== 'village' && r.level !== 'township') throw forbidden('积分规则按村或乡镇制定，请选择村或乡镇导入', 'Rules are kept per village or township');
  if (!pointsRegion.canIn(actor, 'points.manage', r.path))
    throw forbidden('只有村两委或乡镇可以导入积分规则', 'Only the village committee or the township imports point rules');
  return r;
}

async function ruleSheet(data: Buffer) {
  const wb = await loadXlsx(data, MAX_UNZIPPED, invalidFile);
  const sheets = wb.worksheets.filter((w) => w.state !== 'hidden' && w.state !== 'veryHidden');
  const sheet = sheets.find((w) => !('missing' in findRuleHeader(w))) ?? sheets[0];
  if (!sheet) throw invalidFile('文件中没有工作表');
  return sheet;
}

const sameRule = (x: repo.RuleRow, r: RuleInputRow) =>
  x.name === r.name &&
  x.category === r.category &&
  x.value === r.value &&
  (x.cap ?? null) === r.cap &&
  (x.cap_period ?? null) === r.capPeriod &&
  x.proposers === formatProposers(r.proposers) &&
  !!x.needs_approval === r.needsApproval &&
  (x.description ?? null) === r.description;

/** What the file would do to the region's catalog: new codes, changed codes, and rows that clash with a rule kept above. */
async function plan(db: Executor, region: { id: string; path: string }, keepers: Map<string, string>, rows: { row: number; rule: RuleInputRow }[]) {
  const chain = pathIds(region.path);
  const all = await repo.rulesFor(db, chain);
  const own = new Map(all.filter((x) => x.region_id === region.id).map((x) => [x.code, x]));
  // Nearest keeper first, so a village sees its township's rule before the county's.
  const inherited = new Map<string, repo.RuleRow>();
  for (const x of all.filter((y) => y.region_id !== region.id && y.active).sort((a, b) => chain.indexOf(b.region_id) - chain.indexOf(a.region_id)))
    if (!inherited.has(x.code)) inherited.set(x.code, x);
  const create: RuleInputRow[] = [],
    update: { id: string; rule: RuleInputRow }[] = [],
    problems: Problem[] = [];
  let unchanged = 0,
    skipped = 0;
  for (const { row, rule } of rows) {
    const mine = own.get(rule.code),
      above = inherited.get(rule.code);
    if (mine) {
      if (sameRule(mine, rule)) unchanged++;
      else update.push({ id: mine.id, rule });
    } else if (above) {
      if (sameRule(above, rule)) skipped++;
      else problems.push({ row, message: `第${row}行“编号”：“${rule.code}”已是${keepers.get(above.region_id) ?? '上级'}制定的规则，内容不同，请换一个编号` });
    } else create.push(rule);
  }
  return { create, update, unchanged, skipped, problems };
}

export interface ImportResult {
  dryRun: boolean;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  inherited: number;
  problems: Problem[];
}

/**
 * Imports a catalog file into a region: every row checked first; any problem and
 * nothing is written (422 IMPORT_HAS_ERRORS, or the list itself on a dry run).
 */
export async function importRules(
  ctx: Ctx,
  actor: Actor,
  region: { id: string; path: string; name: string },
  o: { dryRun: boolean; fileName: string; data: Buffer },
): Promise<ImportResult> {
  const parsed = parseRuleSheet(await ruleSheet(o.data));
  if ('fatal' in parsed) throw invalidFile(parsed.fatal);
  if (!parsed.totalRows) throw invalidFile('文件中没有积分规则：请在表头下方逐行填写');
  const result = (p: Awaited<ReturnType<typeof plan>>, problems: Problem[]): ImportResult => ({
    dryRun: o.dryRun,
    totalRows: parsed.totalRows,
    created: p.create.length,
    updated: p.update.length,
    unchanged: p.unchanged,
    inherited: p.skipped,
    problems,
  });
  const allProblems = (p: Awaited<ReturnType<typeof plan>>) => [...parsed.problems, ...p.problems].sort((a, b) => a.row - b.row);
  // Names of the regions above, read before the transaction: on SQLite it holds the only connection.
  const keepers = new Map((await regions.getMany(ctx, pathIds(region.path))).map((k) => [k.id, k.name]));
  if (o.dryRun) {
    const p = await plan(ctx.db, region, keepers, parsed.rules);
    return result(p, allProblems(p));
  }
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction().execute(async (tx) => {
      const p = await plan(tx, region, keepers, parsed.rules);
      const problems = allProblems(p);
      if (problems.length)
        throw new AppError(
          'IMPORT_HAS_ERRORS',
          `文件中有${problems.length}处错误，全部未导入。请修改后重新导入`,
          `${problems.length} problems found; nothing was imported`,
          { totalRows: parsed.totalRows, problems },
        );
      for (const r of p.create) {
        await repo.insertRule(tx, {
          id: newId(),
          region_id: region.id,
          region_path: region.path,
          code: r.code,
          name: r.name,
          category: r.category,
          value: r.value,
          cap: r.cap,
          cap_period: r.capPeriod,
          active: 1,
          created_at: now.toISOString(),
          proposers: formatProposers(r.proposers),
          needs_approval: r.needsApproval ? 1 : 0,
          description: r.description,
        });
      }
      // Awards keep the value they were proposed with, so a changed value counts from the next proposal on.
      for (const { id, rule: r } of p.update) {
        await repo.updateRule(tx, id, {
          name: r.name,
          category: r.category,
          value: r.value,
          cap: r.cap,
          cap_period: r.capPeriod,
          proposers: formatProposers(r.proposers),
          needs_approval: r.needsApproval ? 1 : 0,
          description: r.description,
        });
      }
      await audit(tx, now, actor, {
        action: 'point_rule.import',
        entity: 'region',
        entityId: region.id,
        regionPath: region.path,
        detail: {
          file: o.fileName,
          created: p.create.map((r) => r.code),
          updated: p.update.map((u) => u.rule.code),
          unchanged: p.unchanged,
          inherited: p.skipped,
        },
      });
      return result(p, []);
    });
  } catch (err) {
    if (uniqueViolation(err))
      throw new AppError(
        'CONFLICT',
        '导入期间有相同编号的规则被添加，本次未导入，请重新导入',
        'A rule with one of these codes was added meanwhile; nothing was imported',
      );
    throw err;
  }
}
