import { AppError } from '../../core/errors.js';
// HTTP for the registry's Excel import template, import and export.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import { TEMPLATE_FILE } from './excel-layout.js';
import { sendXlsx } from '../../http/downloads.js';
import * as excel from './excel-service.js';
import { householdQuery } from './schemas.js';

const importQuery = z.object({
  regionId: z.string({ error: '请选择导入到哪个区域' }).min(1, { error: '请选择导入到哪个区域' }).max(64),
  mode: z.enum(['partial', 'all'], { error: '导入方式须为 partial（部分导入）或 all（全部导入）' }).default('partial'),
  dryRun: z
    .enum(['true', 'false'], { error: 'dryRun 须为 true 或 false' })
    .default('false')
    .transform((v) => v === 'true'),
});

const importResult = z.object({
  mode: z.enum(['partial', 'all']),
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  households: z.number().int(),
  importedHouseholds: z.number().int(),
  importedResidents: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().optional(), reason: z.string() })),
});

/** The one .xlsx in field `file`; anything else is IMPORT_INVALID_FILE. */
async function readUpload(req: FastifyRequest): Promise<{ fileName: string; data: Buffer }> {
  if (!req.isMultipart()) throw excel.invalidFile('请以 multipart/form-data 上传文件（字段名 file）');
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await req.file();
  } catch {
    throw excel.invalidFile('上传内容无法解析，请重新选择文件上传');
  }
  if (part?.fieldname !== 'file') throw excel.invalidFile('请在字段 file 中上传 .xlsx 文件');
  if (!/\.xlsx$/i.test(part.filename)) throw excel.invalidFile('只支持 .xlsx 格式的 Excel 文件（.xls、.csv 或 WPS 文件请先另存为 .xlsx）');
  try {
    return { fileName: part.filename, data: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw excel.invalidFile('文件不能超过20MB，请分批导入');
    throw excel.invalidFile('文件上传不完整，请重试');
  }
}

const MAX_PARALLEL_IMPORTS = 2;
let importsRunning = 0;

export default function excelRoutes(app: App, ctx: Ctx) {
  app.get(
    '/api/households/import-template',
    {
      schema: {
        tags: ['registry'],
        summary: '户籍导入模板（.xlsx）/ Registry import template',
        querystring: z.object({ regionId: z.string().min(1).max(64).optional() }),
      },
    },
    async (req, reply) => {
      const data = await excel.templateWorkbook(ctx, requireActor(req), req.query.regionId);
      return sendXlsx(reply, TEMPLATE_FILE, 'household-import-template.xlsx', data);
    },
  );

  app.post(
    '/api/households/import',
    {
      schema: {
        tags: ['registry'],
        consumes: ['multipart/form-data'],
        summary:
          '从 Excel 导入户籍（字段 file，.xlsx，≤20MB）；mode=partial 跳过有错误的户，mode=all 有错误则全部不导入（422）；dryRun=true 只检查 / Import households from .xlsx',
        querystring: importQuery,
        response: { 200: importResult },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const region = await excel.importRegion(ctx, actor, req.query.regionId);
      // Parsing a workbook is CPU- and memory-heavy: a small server takes two at a time.
      if (importsRunning >= MAX_PARALLEL_IMPORTS)
        throw new AppError('RATE_LIMITED', '系统正在处理其他导入，请稍后再试', 'Another import is running; try again shortly');
      importsRunning++;
      try {
        const upload = await readUpload(req);
        return await excel.importHouseholds(ctx, actor, region, { mode: req.query.mode, dryRun: req.query.dryRun, ...upload });
      } finally {
        importsRunning--;
      }
    },
  );

  app.get(
    '/api/households/export',
    {
      schema: {
        tags: ['registry'],
        summary: '导出户籍档案（.xlsx，身份证号脱敏，审计）/ Export the filtered registry',
        querystring: householdQuery.pick({ regionId: true, q: true, tag: true }),
      },
    },
    async (req, reply) => {
      const file = await excel.exportHouseholds(ctx, requireActor(req), req.query);
      return sendXlsx(reply, file.fileName, file.asciiName, file.stream);
    },
  );
}
