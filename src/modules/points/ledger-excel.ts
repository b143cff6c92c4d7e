// 积分台账 as Excel, generated from the ledger: sheet 1 lists every entry of an area
// and period (oldest first), sheet 2 each household's opening balance, points added
// and taken, and closing balance. Streamed, so a township's year fits in little memory.
import ExcelJS from 'exceljs';
import { PassThrough, type Readable } from 'node:stream';
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { shanghaiDate, shanghaiDateTime, shanghaiDayEnd, shanghaiMidnight } from '../../core/clock.js';
import { styleHeader, title } from '../../core/sheet.js';
import { pathIds } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import { userNames } from '../accounts/index.js';
import * as repo from './repo.js';
import * as exportRepo from './ledger-export-repo.js';
import { SOURCE_LABELS } from '../../shared/points.js';
import type { EntrySource } from './rules.js';
import { pointsRegion } from './policy.js';

/** Beyond this many entries the file is refused (Excel holds about a million rows; nobody reads more). */
export const MAX_LEDGER_ROWS = 200_000;
const BATCH = 5000;

export const ENTRY_HEADERS = ['日期', '网格', '户主', '户地址', '成员', '来源', '规则', '分值', '说明', '经办人'] as const;
export const SUMMARY_HEADERS = ['网格', '户主', '地址', '期初余额', '本期获得', '本期使用', '期末余额'] as const;
const ENTRY_WIDTHS = [12, 18, 10, 28, 10, 12, 24, 8, 30, 10];
const SUMMARY_WIDTHS = [18, 10, 30, 10, 10, 10, 10];
const SIGNED = '+0;-0;0';

const bad = (zh: string, en: string) => new AppError('VALIDATION_FAILED', zh, en);
const isDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
const zhDay = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

type Region = NonNullable<Awaited<ReturnType<typeof regions.get>>>;

/** Names of an area's grids as a 台账 shows them: "村/网格" when the area is above the village. */
async function placeNames(ctx: Ctx, area: Region) {
  const tree = new Map([...(await regions.getMany(ctx, pathIds(area.path))), ...(await regions.subtree(ctx, area.path))].map((r) => [r.id, r]));
  const above = area.level === 'county' || area.level === 'township';
  const label = (path: string) => {
    const chain = pathIds(path)
      .map((id) => tree.get(id))
      .filter((r): r is Region => !!r);
    return chain
      .filter((r) => r.level === 'grid' || (above && r.level === 'village'))
      .map((r) => r.name)
      .join('/');
  };
  // "孟家湾村一组网格" for a grid, the area's own name otherwise.
  const place =
    area.level === 'grid'
      ? pathIds(area.path)
          .map((id) => tree.get(id))
          .filter((r) => r && (r.level === 'village' || r.level === 'grid'))
          .map((r) => r!.name)
          .join('')
      : area.name;
  return { label, place };
}

/** Resolves once the client has taken what is buffered, or has gone away. */
const drained = (s: PassThrough) =>
  new Promise<void>((res) => {
    const done = () => {
      s.off('drain', done);
      s.off('close', done);
      res();
    };
    s.on('drain', done).on('close', done);
  });

function header(ws: ExcelJS.Worksheet, text: string, note: string, headers: readonly string[], widths: number[]) {
  ws.columns = widths.map((width) => ({ width }));
  title(ws, text, headers.length);
  ws.getRow(1).commit();
  ws.getRow(2).getCell(1).value = note;
  ws.mergeCells(2, 1, 2, headers.length);
  ws.getRow(2).commit();
  const h = ws.getRow(3);
  headers.forEach((v, i) => {
    h.getCell(i + 1).value = v;
  });
  styleHeader(ws, 3);
  h.commit();
}

interface Meta {
  area: Region;
  from: string;
  to: string;
  fromAt: string;
  toAt: string;
  now: Date;
  by: string;
  totals: { count: number; plus: number; minus: number };
}

async function write(ctx: Ctx, out: PassThrough, m: Meta) {
  const { label, place } = await placeNames(ctx, m.area);
  const period = `${zhDay(m.from)}至${zhDay(m.to)}`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '乡治';
  const ws = wb.addWorksheet('积分台账');
  header(
    ws,
    `${place}积分台账（${period}）`,
    `共 ${m.totals.count} 条记录，加分 ${m.totals.plus} 分，减分 ${m.totals.minus} 分，合计 ${m.totals.plus - m.totals.minus} 分`,
    ENTRY_HEADERS,
    ENTRY_WIDTHS,
  );
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const rows = await exportRepo.entriesAfter(ctx.db, m.area.path, m.fromAt, m.toAt, after, BATCH);
    if (!rows.length) break;
    after = { at: rows.at(-1)!.at, id: rows.at(-1)!.id };
    const [households, rules, users, residents] = await Promise.all([
      people.householdBriefs(
        ctx,
        rows.map((e) => e.household_id),
      ),
      repo.rulesByIds(ctx.db, [...new Set(rows.map((e) => e.rule_id).filter((x): x is string => !!x))]),
      userNames(ctx, [...new Set(rows.map((e) => e.created_by).filter((x): x is string => !!x))]),
      people.residentBriefs(
        ctx,
        rows.map((e) => e.resident_id).filter((x): x is string => !!x),
      ),
    ]);
    for (const e of rows) {
      const h = households.get(e.household_id);
      const row = ws.addRow([
        shanghaiDate(new Date(e.at)),
        label(e.region_path),
        h?.headName ?? '',
        h?.address ?? '',
        e.resident_id ? (residents.get(e.resident_id)?.name ?? '') : '',
        SOURCE_LABELS[e.source as EntrySource] ?? e.source,
        e.rule_id ? (rules.get(e.rule_id)?.name ?? '') : '',
        e.delta,
        e.note ?? '',
        e.created_by ? (users.get(e.created_by)?.name ?? '') : '系统',
      ]);
      row.getCell(8).numFmt = SIGNED;
      row.alignment = { vertical: 'top', wrapText: true };
      row.commit();
    }
    if (out.destroyed) return;
    if (out.writableNeedDrain) await drained(out);
    if (rows.length < BATCH) break;
  }
  ws.addRow([]).commit();
  ws.addRow([`导出时间：${shanghaiDateTime(m.now)}（北京时间）　导出人：${m.by}`]).commit();
  ws.commit();

  // Every household of the area now, with its whole ledger (wherever it lived) around the period.
  const list = await people.householdsWithin(ctx, m.area.path);
  const sums = await exportRepo.householdSums(
    ctx.db,
    list.map((h) => h.id),
    m.fromAt,
    m.toAt,
  );
  const sheet = wb.addWorksheet('户积分汇总');
  header(
    sheet,
    `${place}户积分汇总（${period}）`,
    '期末余额 = 期初余额 + 本期获得 − 本期使用。本期获得为本期加分合计；本期使用为超市兑换、扣分、更正扣减、年终清零等减分合计。',
    SUMMARY_HEADERS,
    SUMMARY_WIDTHS,
  );
  const total = { opening: 0, plus: 0, minus: 0 };
  for (const h of list) {
    const s = sums.get(h.id) ?? { opening: 0, plus: 0, minus: 0 };
    total.opening += s.opening;
    total.plus += s.plus;
    total.minus += s.minus;
    sheet.addRow([label(h.regionPath), h.headName ?? '', h.address, s.opening, s.plus, s.minus, s.opening + s.plus - s.minus]).commit();
  }
  const sum = sheet.addRow(['合计', `${list.length}户`, '', total.opening, total.plus, total.minus, total.opening + total.plus - total.minus]);
  sum.font = { bold: true };
  sum.commit();
  sheet.commit();
  await wb.commit();
}

/**
 * The area's 台账 for a period of Shanghai days (default: this year up to today), for
 * those who keep points or read the registry there; audited before the first byte.
 */
export async function exportLedger(
  ctx: Ctx,
  actor: Actor,
  q: { regionId: string; from?: string; to?: string },
): Promise<{ stream: Readable; fileName: string; asciiName: string }> {
  const area = await regions.requireVisible(ctx, actor, q.regionId);
  if (!pointsRegion.canIn(actor, 'ledger.read', area.path))
    throw forbidden('只有本辖区的干部和网格员可以导出积分台账', "Only the area's cadres and grid workers export the ledger");
  const now = ctx.clock.now();
  const to = q.to ?? shanghaiDate(now);
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (!isDay(from) || !isDay(to)) throw bad('日期格式应为YYYY-MM-DD，且须是有效日期', 'Dates are YYYY-MM-DD');
  if (from > to) throw bad('开始日期不能晚于结束日期', 'The start is after the end');
  const fromAt = shanghaiMidnight(from),
    toAt = shanghaiDayEnd(to);
  const totals = await exportRepo.entryTotals(ctx.db, area.path, fromAt, toAt);
  if (totals.count > MAX_LEDGER_ROWS)
    throw bad(
      `该区域该期间有${totals.count}条积分记录，超过单个台账${MAX_LEDGER_ROWS}条的上限，请缩小区域或日期范围`,
      'Too many entries for one file; narrow the area or the period',
    );
  await audit(ctx.db, now, actor, {
    action: 'point_entry.export',
    entity: 'region',
    entityId: area.id,
    regionPath: area.path,
    detail: { from, to, rows: totals.count },
  });
  const out = new PassThrough();
  write(ctx, out, { area, from, to, fromAt, toAt, now, by: actor.name, totals }).catch((err) => out.destroy(err));
  return { stream: out, fileName: `积分台账_${area.name.replace(/[\\/:*?"<>|]/g, '')}_${from}_${to}.xlsx`, asciiName: `points-ledger-${from}-${to}.xlsx` };
}
