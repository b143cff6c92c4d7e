// Excel documents generated from what was entered once: the dispute ledger
// (人民调解台账) and one case's file (一案一卷).
import ExcelJS from 'exceljs';
import { styleHeader, title } from '../../core/sheet.js';
import type { Actor, Ctx } from '../../core/context.js';
import { shanghaiDate, shanghaiDateTime } from '../../core/clock.js';
import * as service from './service.js';
import { ACTION_ZH, OUTCOME_ZH, RISK_ZH, STATUS_ZH, TYPE_ZH } from './labels.js';

type Detail = Awaited<ReturnType<typeof service.detail>>;
type Party = { name: string; phone?: string; side?: string };

const stamp = (iso: string | null | undefined) => (iso ? shanghaiDateTime(new Date(iso)) : '');
const day = (iso: string | null | undefined) => (iso ? shanghaiDate(new Date(iso)) : '');
const parties = (c: { details: Record<string, unknown> | null }) => (c.details?.parties as Party[] | undefined) ?? [];

/** The dispute ledger in the layout mediation committees keep (人民调解工作台账). */
export async function disputeLedger(ctx: Ctx, actor: Actor, f: { regionId?: string; from?: string; to?: string }) {
  const rows: Detail[] = [];
  for (let page = 1; ; page++) {
    const { items } = await service.list(ctx, actor, { ...f, type: 'dispute', page, pageSize: 200 });
    for (const c of items) rows.push(await service.detail(ctx, actor, c.id));
    if (items.length < 200) break;
  }
  rows.sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
  const wb = new ExcelJS.Workbook();
  wb.creator = '乡治';
  const ws = wb.addWorksheet('矛盾纠纷台账', {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const cols = [
    ['序号', 6],
    ['编号', 18],
    ['登记日期', 12],
    ['所属村/网格', 16],
    ['纠纷类型', 12],
    ['当事人', 22],
    ['纠纷简要情况', 40],
    ['风险等级', 8],
    ['调解员', 10],
    ['调解次数', 8],
    ['调解结果', 10],
    ['协议内容/终止原因', 36],
    ['办结日期', 12],
    ['回访情况', 30],
    ['状态', 10],
    ['归档日期', 12],
  ] as const;
  title(ws, `矛盾纠纷排查调处台账（导出时间：${stamp(ctx.clock.now().toISOString())}）`, cols.length);
  ws.addRow([
    `共 ${rows.length} 件；其中达成协议 ${rows.filter((c) => c.history.some((h) => h.action === 'resolve' && h.data?.outcome === 'agreement')).length} 件`,
  ]);
  ws.mergeCells(2, 1, 2, cols.length);
  ws.addRow(cols.map(([h]) => h));
  cols.forEach(([, w], i) => {
    ws.getColumn(i + 1).width = w;
  });
  styleHeader(ws, 3);
  rows.forEach((c, i) => {
    const resolve = [...c.history].reverse().find((h) => h.action === 'resolve');
    const revisits = c.history.filter((h) => h.action === 'revisit').map((h) => `${day(h.at)} ${h.note ?? ''}`);
    const r = ws.addRow([
      i + 1,
      c.seq,
      day(c.reportedAt),
      c.regionName,
      c.categoryName,
      parties(c)
        .map((p) => p.name)
        .join('、'),
      c.description,
      RISK_ZH[String(c.details?.riskLevel ?? '')] ?? '',
      c.assigneeName ?? '',
      c.history.filter((h) => h.action === 'mediate').length,
      resolve ? (OUTCOME_ZH[String(resolve.data?.outcome ?? '')] ?? '') : '',
      resolve?.note ?? '',
      day(c.resolvedAt),
      revisits.join('\n'),
      STATUS_ZH[c.status] ?? c.status,
      c.status === 'archived' ? day(c.closedAt) : '',
    ]);
    r.alignment = { vertical: 'top', wrapText: true };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One case's file (一案一卷): its facts, parties, every step, and the list of attached files. */
export async function caseFile(ctx: Ctx, actor: Actor, id: string) {
  const c = await service.detail(ctx, actor, id);
  const wb = new ExcelJS.Workbook();
  wb.creator = '乡治';
  const facts = wb.addWorksheet('案卷信息');
  title(facts, `${TYPE_ZH[c.type] ?? ''}案卷 ${c.seq}`, 2);
  facts.getColumn(1).width = 16;
  facts.getColumn(2).width = 70;
  const pairs: [string, string | number][] = [
    ['编号', c.seq],
    ['类型', TYPE_ZH[c.type] ?? c.type],
    ['类别', c.categoryName],
    ['标题', c.title],
    ['情况描述', c.description],
    ['发生地点', c.regionName],
    ['来源', c.sourceName],
    ['上报人', c.reporterName],
    ['上报时间', stamp(c.reportedAt)],
    ['责任层级', c.levelRegionName],
    ['经办人', c.assigneeName ?? ''],
    ['当前状态', STATUS_ZH[c.status] ?? c.status],
    ['受理时间', stamp(c.acceptedAt)],
    ['办结时间', stamp(c.resolvedAt)],
    ['群众评价', c.rating ? `${c.rating} 星 ${c.ratingComment ?? ''}` : ''],
  ];
  if (c.type === 'dispute') {
    pairs.push([
      '当事人',
      parties(c)
        .map((p) => `${p.name}${p.phone ? `（${p.phone}）` : ''}`)
        .join('；'),
    ]);
    pairs.push(['风险等级', RISK_ZH[String(c.details?.riskLevel ?? '')] ?? '']);
  }
  for (const [k, v] of pairs) {
    const r = facts.addRow([k, v]);
    r.getCell(1).font = { bold: true };
    r.alignment = { vertical: 'top', wrapText: true };
  }
  const steps = wb.addWorksheet('办理过程');
  title(steps, '办理过程（按时间顺序）', 6);
  steps.addRow(['时间', '操作', '办理人', '状态变化', '说明', '附加信息']);
  [18, 12, 10, 18, 50, 24].forEach((w, i) => {
    steps.getColumn(i + 1).width = w;
  });
  styleHeader(steps, 2);
  for (const h of c.history) {
    const extra = h.data
      ? Object.entries(h.data)
          .filter(([k]) => k !== 'ids')
          .map(([k, v]) =>
            k === 'outcome'
              ? OUTCOME_ZH[String(v)]
              : k === 'rating'
                ? `${v}星`
                : k === 'step'
                  ? `步骤：${v}`
                  : k === 'toRegionName'
                    ? `至${v}`
                    : k === 'days'
                      ? `${v}个工作日`
                      : k === 'place' && v
                        ? `地点：${v}`
                        : k === 'assigneeName' && v
                          ? `派给${v}`
                          : k === 'userName' && v
                            ? `抄告${v}`
                            : '',
          )
          .filter(Boolean)
          .join('；')
      : '';
    const r = steps.addRow([
      stamp(h.at),
      ACTION_ZH[h.action] ?? h.action,
      h.byName,
      h.from && h.from !== h.to ? `${STATUS_ZH[h.from]} → ${STATUS_ZH[h.to]}` : (STATUS_ZH[h.to] ?? ''),
      h.note ?? '',
      extra,
    ]);
    r.alignment = { vertical: 'top', wrapText: true };
  }
  const files = wb.addWorksheet('附件清单');
  files.addRow(['序号', '文件名', '类型', '大小（KB）', '上传时间']);
  [6, 40, 16, 12, 18].forEach((w, i) => {
    files.getColumn(i + 1).width = w;
  });
  styleHeader(files, 1);
  for (const [i, a] of c.attachments.entries()) files.addRow([i + 1, a.name, a.mime, Math.ceil(a.size / 1024), stamp(a.createdAt)]);
  return { seq: c.seq, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}
