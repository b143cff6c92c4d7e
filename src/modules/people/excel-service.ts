// Excel import, template and export of the household registry (村情户情档案).
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { PassThrough, type Readable } from 'node:stream';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import type { Actor, Ctx } from '../../core/context.js';
import type { Executor } from '../../db/kysely.js';
import { audit } from '../../core/audit.js';
import { loadXlsx } from '../../core/sheet.js';
import { uniqueViolation } from '../../core/db-errors.js';
import { makeIdNumber } from '../../shared/idnumber.js';
import { shanghaiDate, shanghaiDateTime as stamp } from '../../core/clock.js';
import * as regions from '../regions/service.js';
import { pathIds } from '../../core/scope.js';
import { exportRows, insertHouseholdsTx, residentBatchProblems } from './service.js';
import { RESIDENT_TAGS } from '../../shared/tags.js';
import { COLUMNS, COLUMN_HEADER, DATA_SHEET, addInstructions, addValidations, setColumns, writeHeader } from './excel-layout.js';
import { findHeader, parseRegistrySheet, type GridResolution, type ParsedRow, type RowError, type SheetParse } from './excel-parse.js';
import { registryRegion } from './policy.js';

type RegionRow = NonNullable<Awaited<ReturnType<typeof regions.get>>>;

export type ImportMode = 'partial' | 'all';
const MAX_UNZIPPED = 60 * 1024 * 1024;

export const invalidFile = (zh: string) => new AppError('IMPORT_INVALID_FILE', zh, 'The uploaded file is not a usable .xlsx registry');

/** A region the caller may import into: 404 when they cannot know it, 403 when they may not write there. */
export async function importRegion(ctx: Ctx, actor: Actor, regionId: string) {
  const r = await regions.get(ctx, regionId);
  if (!r || !(actor.scope.canSeeRegion(r.path) || actor.scope.isAncestorOfScope(r.path))) throw notFound('区域', 'Region');
  if (!registryRegion.canIn(actor, 'household.create', r.path))
    throw forbidden('您没有在该区域导入户籍的权限', 'You may not import households into this region');
  return r;
}

const normGrid = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/[／\\>＞]/g, '/')
    .replace(/^\/+|\/+$/g, '');

/** Grids under `region`, named by any unique tail of their path ("一组网格", "孟家湾村/一组网格") or by code. */
async function gridsOf(ctx: Ctx, region: RegionRow) {
  const tree = await regions.subtree(ctx, region.path);
  const names = new Map([...(await regions.getMany(ctx, pathIds(region.path))), ...tree].map((r) => [r.id, r.name]));
  const grids = tree.filter((r) => r.level === 'grid');
  const byKey = new Map<string, Set<string>>();
  const add = (k: string, id: string) => {
    if (k) byKey.set(normGrid(k), (byKey.get(normGrid(k)) ?? new Set()).add(id));
  };
  const chains = new Map(grids.map((g) => [g.id, pathIds(g.path).map((id) => names.get(id) ?? '')]));
  for (const g of grids) {
    const chain = chains.get(g.id)!;
    for (let i = 0; i < chain.length; i++) add(chain.slice(i).join('/'), g.id);
    if (chain.at(-1)!.endsWith('网格') && chain.at(-1)!.length > 2) add(chain.at(-1)!.slice(0, -2), g.id);
    if (g.code) add(g.code, g.id);
  }
  const resolve = (text: string): GridResolution => {
    if (!text) return region.level === 'grid' ? { id: region.id } : { error: `请填写所属网格（${region.name}下的网格名称）` };
    const ids = byKey.get(normGrid(text));
    if (!ids) return { error: `所属网格“${text}”不在${region.name}范围内，请核对网格名称` };
    if (ids.size > 1) return { error: `网格名称“${text}”有重名，请写成“村名/网格名”` };
    return { id: [...ids][0] };
  };
  /** The shortest name that still finds the grid, as shown in templates. */
  const label = (g: RegionRow) => {
    const chain = chains.get(g.id)!;
    for (let i = chain.length - 1; i >= 0; i--) {
      const k = chain.slice(i).join('/');
      if (byKey.get(normGrid(k))?.size === 1) return k;
    }
    return g.code ?? g.name;
  };
  return { grids, byId: new Map(grids.map((g) => [g.id, g])), resolve, label };
}

function registrySheet(wb: ExcelJS.Workbook): Worksheet {
  const sheets = wb.worksheets.filter((w) => w.state !== 'hidden' && w.state !== 'veryHidden');
  return sheets.find((w) => !('missing' in findHeader(w))) ?? sheets[0] ?? wb.worksheets[0];
}

/** Store-level check of the rows that passed every other check (numbers already registered). */
async function addStoreProblems(ctx: Ctx, db: Executor, parsed: SheetParse) {
  const clean: ParsedRow[] = parsed.households.flatMap((h) => h.rows).filter((r) => !r.errors.length);
  const problems = await residentBatchProblems(
    ctx,
    db,
    clean.map((r) => r.resident),
  );
  for (const [i, list] of problems)
    for (const p of list) clean[i].errors.push({ row: clean[i].row, column: COLUMN_HEADER[p.field as 'name'] ?? COLUMN_HEADER.idNumber, reason: p.zh });
}

const colOrder = (c?: string) => COLUMNS.findIndex((x) => x.header === c);

export async function importHouseholds(ctx: Ctx, actor: Actor, region: RegionRow, o: { mode: ImportMode; dryRun: boolean; fileName: string; data: Buffer }) {
  const wb = await loadXlsx(o.data, MAX_UNZIPPED, invalidFile);
  const grids = await gridsOf(ctx, region);
  const sheet = registrySheet(wb);
  if (!sheet) throw invalidFile('文件中没有工作表');
  const parsed = parseRegistrySheet(sheet, { today: shanghaiDate(ctx.clock.now()), resolveGrid: grids.resolve });
  if ('fatal' in parsed) throw invalidFile(parsed.fatal);

  const run = async (db: Executor) => {
    await addStoreProblems(ctx, db, parsed);
    const good = parsed.households.filter((h) => h.gridId && h.rows.every((r) => !r.errors.length));
    const skipped = o.dryRun ? '将不会导入' : '未导入';
    const errors: RowError[] = [...parsed.households.flatMap((h) => h.rows), ...parsed.orphans]
      .flatMap((r) =>
        r.errors.map((e) => (o.mode === 'all' ? e : { ...e, reason: r.key ? `${e.reason}；户编号“${r.key}”整户${skipped}` : `${e.reason}；该行${skipped}` })),
      )
      .sort((a, b) => a.row - b.row || colOrder(a.column) - colOrder(b.column));
    if (o.mode === 'all' && errors.length)
      throw new AppError(
        'IMPORT_HAS_ERRORS',
        `文件中有${errors.length}处错误，全部未导入。请修改后重新导入`,
        `${errors.length} problems found; nothing was imported`,
        { totalRows: parsed.totalRows, errors },
      );
    const importedResidents = good.reduce((n, h) => n + h.rows.length, 0);
    if (!o.dryRun && good.length) {
      await insertHouseholdsTx(
        ctx,
        db,
        actor,
        good.map((h) => {
          const g = grids.byId.get(h.gridId!)!;
          return { region: g, input: { regionId: g.id, address: h.address, phone: h.phone, residents: h.rows.map((r) => r.resident) } };
        }),
      );
      await audit(db, ctx.clock.now(), actor, {
        action: 'household.import',
        entity: 'region',
        entityId: region.id,
        regionPath: region.path,
        detail: { file: o.fileName, mode: o.mode, totalRows: parsed.totalRows, households: good.length, residents: importedResidents, errors: errors.length },
      });
    }
    return {
      mode: o.mode,
      dryRun: o.dryRun,
      totalRows: parsed.totalRows,
      households: parsed.households.length,
      importedHouseholds: good.length,
      importedResidents,
      errors,
    };
  };
  if (o.dryRun) return run(ctx.db);
  try {
    return await ctx.db.transaction().execute(run);
  } catch (err) {
    // Someone registered one of these numbers between our check and the insert.
    if (uniqueViolation(err))
      throw new AppError('CONFLICT', '导入期间有相同身份证号被登记，本次未导入，请重新导入', 'A number was registered meanwhile; nothing was imported');
    throw err;
  }
}

/** The import template; with a region, its grid names are used in the example and the notes. */
export async function templateWorkbook(ctx: Ctx, actor: Actor, regionId?: string): Promise<Buffer> {
  let examples: string[] = [];
  if (regionId) {
    const g = await gridsOf(ctx, await regions.requireVisible(ctx, actor, regionId));
    examples = g.grids.map(g.label);
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = '乡治';
  const ws = wb.addWorksheet(DATA_SHEET);
  setColumns(ws);
  writeHeader(ws, 1);
  const grid = examples[0] ?? '一组网格';
  ws.addRow({
    householdKey: '1',
    grid,
    address: '一组12号',
    householdPhone: '13800138000',
    name: '张秀英',
    relation: '户主',
    idNumber: '11010519491231002X',
    gender: '女',
    birthDate: '1949-12-31',
    tags: '独居老人、困难群众',
    note: '示例，导入前请删除',
  });
  ws.addRow({
    householdKey: '1',
    name: '李建国',
    relation: '配偶',
    idNumber: makeIdNumber('110105', '1948-05-20', 13, 'male'),
    gender: '男',
    birthDate: '1948-05-20',
    phone: '13800138001',
    tags: '党员、退役军人',
    note: '示例，导入前请删除',
  });
  addValidations(ws, 2, 3000);
  addInstructions(wb, examples);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type ExportBatch = ReturnType<typeof exportRows> extends AsyncGenerator<infer T> ? T : never;
const GENDER_ZH = { male: '男', female: '女' } as const;
const TAG_ZH: Record<string, string> = Object.fromEntries(RESIDENT_TAGS.map((t) => [t.code, t.zh]));

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

async function writeExport(out: PassThrough, batches: AsyncIterable<ExportBatch>, meta: { scopeName: string; filter: string; now: Date; by: string }) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(DATA_SHEET);
  setColumns(ws);
  const title = ws.getRow(1);
  title.getCell(1).value = `村情户情档案汇总：${meta.scopeName}　导出时间：${stamp(meta.now)}（北京时间）　注意：身份证号已脱敏，不能直接重新导入`;
  title.getCell(1).font = { bold: true, size: 12 };
  title.height = 26;
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  writeHeader(ws, 2);
  let households = 0,
    people = 0;
  for await (const batch of batches) {
    for (const { household: h, residents } of batch) {
      households++;
      const head = (r: { id: string }) => Number(r.id === h.head_resident_id);
      for (const r of [...residents].sort((a, b) => head(b) - head(a))) {
        people++;
        ws.addRow({
          householdKey: String(households),
          grid: [h.villageName, ...h.gridName.split(' / ')].filter(Boolean).join('/'),
          address: h.address,
          householdPhone: h.phone ?? '',
          name: r.name,
          relation: r.relation,
          idNumber: r.idNumber,
          gender: GENDER_ZH[r.gender],
          birthDate: r.birthDate ?? String(r.birthYear),
          phone: r.phone ?? '',
          tags: r.tags.map((t) => TAG_ZH[t] ?? t).join('、'),
          note: r.note ?? '',
        }).commit();
      }
    }
    if (out.destroyed) return;
    if (out.writableNeedDrain) await drained(out);
  }
  ws.commit();
  const info = wb.addWorksheet('导出说明');
  info.columns = [{ width: 14 }, { width: 80 }];
  for (const [k, v] of [
    ['区域', meta.scopeName],
    ['筛选条件', meta.filter],
    ['导出时间', `${stamp(meta.now)}（北京时间）`],
    ['导出人', meta.by],
    ['户数', String(households)],
    ['人数', String(people)],
    ['说明', '身份证号已按规定脱敏（保留前6位和后4位），此表不能直接重新导入；如需导入，请填写完整号码。户编号仅用于本表内分户。'],
  ])
    info.addRow([k, v]).commit();
  info.commit();
  await wb.commit();
}

/** Filtered registry as a streamed .xlsx (masked ID numbers); audited, and scope errors raised, before the first byte. */
export async function exportHouseholds(
  ctx: Ctx,
  actor: Actor,
  f: { regionId?: string; q?: string; tag?: string },
): Promise<{ stream: Readable; fileName: string; asciiName: string }> {
  if (!registryRegion.canSomewhere(actor, 'household.read')) throw forbidden('您的角色不能导出户籍档案', 'Your role may not export the registry');
  const region = f.regionId ? await regions.requireVisible(ctx, actor, f.regionId) : null;
  const roots = region
    ? [region]
    : await regions.getMany(
        ctx,
        actor.scope.registryPaths.map((p) => pathIds(p).at(-1)!),
      );
  const batches = exportRows(ctx, actor, f);
  const first = await batches.next();
  const now = ctx.clock.now();
  await audit(ctx.db, now, actor, {
    action: 'household.export',
    entity: 'region',
    entityId: region?.id ?? null,
    regionPath: region?.path ?? null,
    detail: { regionId: f.regionId ?? null, q: f.q ?? null, tag: f.tag ?? null },
  });
  const scopeName = roots.map((r) => r.name).join('、') || '本人辖区';
  const filter = [f.q ? `搜索“${f.q}”` : '', f.tag ? `标签：${TAG_ZH[f.tag] ?? f.tag}` : ''].filter(Boolean).join('；') || '无';
  const out = new PassThrough();
  const all = (async function* () {
    if (!first.done) yield first.value;
    yield* batches;
  })();
  writeExport(out, all, { scopeName, filter, now, by: actor.name }).catch((err) => out.destroy(err));
  const day = shanghaiDate(now).replaceAll('-', '');
  return { stream: out, fileName: `村情户情档案_${scopeName.replace(/[\\/:*?"<>|]/g, '')}_${day}.xlsx`, asciiName: `households-${day}.xlsx` };
}
