// HTTP for the points Excel files: the rule catalog's template, export and import,
// and the area's 积分台账.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { day } from '../../core/dates.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import { sendXlsx } from '../../http/downloads.js';
import * as catalogExcel from './catalog-excel.js';
import { exportLedger } from './ledger-excel.js';

const MAX_FILE = 5 * 1024 * 1024;
const regionId = z.string({ error: '请选择区域' }).min(1, { error: '请选择区域' }).max(64);
const problem = z.object({ row: z.number().int(), message: z.string() });

/** The one .xlsx in field `file`; anything else is IMPORT_INVALID_FILE. */
async function readUpload(req: FastifyRequest): Promise<{ fileName: string; data: Buffer }> {
  const invalid = catalogExcel.invalidFile;
  if (!req.isMultipart()) throw invalid('请以 multipart/form-data 上传文件（字段名 file）');
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await req.file({ limits: { fileSize: MAX_FILE, files: 1 } });
  } catch {
    throw invalid('上传内容无法解析，请重新选择文件上传');
  }
  if (part?.fieldname !== 'file') throw invalid('请在字段 file 中上传 .xlsx 文件');
  if (!/\.xlsx$/i.test(part.filename)) throw invalid('只支持 .xlsx 格式的 Excel 文件（.xls、.csv 或 WPS 文件请先另存为 .xlsx）');
  try {
    return { fileName: part.filename, data: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw invalid(`文件不能超过${MAX_FILE / 1048576}MB`);
    throw invalid('文件上传不完整，请重试');
  }
}

// Reading a workbook is CPU- and memory-heavy: a small server reads two at a time.
const MAX_PARALLEL_IMPORTS = 2;
let importsRunning = 0;

export default function routes(app: App, ctx: Ctx) {
  app.get(
    '/api/points/rules/template',
    {
      schema: { tags: ['points'], summary: '积分规则导入模板（.xlsx，含填写说明）/ Rule catalog template' },
    },
    async (req, reply) => {
      requireActor(req);
      return sendXlsx(reply, '积分规则导入模板.xlsx', 'point-rules-template.xlsx', await catalogExcel.ruleTemplate());
    },
  );

  app.get(
    '/api/points/rules/export',
    {
      schema: {
        tags: ['points'],
        summary: '导出积分规则（本区域及上级沿用，.xlsx，审计）/ Export the rules that apply in a region',
        querystring: z.object({ regionId }),
      },
    },
    async (req, reply) => {
      const file = await catalogExcel.exportRules(ctx, requireActor(req), req.query.regionId);
      return sendXlsx(reply, file.fileName, file.asciiName, file.data);
    },
  );

  app.post(
    '/api/points/rules/import',
    {
      schema: {
        tags: ['points'],
        consumes: ['multipart/form-data'],
        summary:
          '从 Excel 导入积分规则（字段 file，.xlsx；村或乡镇，编号相同则更新；任何一行有错全部不导入：422；dryRun=true 只检查并列出问题）/ Import rules from .xlsx',
        querystring: z.object({
          regionId,
          dryRun: z
            .enum(['true', 'false'], { error: 'dryRun 须为 true 或 false' })
            .default('false')
            .transform((v) => v === 'true'),
        }),
        response: {
          200: z.object({
            dryRun: z.boolean(),
            totalRows: z.number().int(),
            created: z.number().int(),
            updated: z.number().int(),
            unchanged: z.number().int(),
            inherited: z.number().int(),
            problems: z.array(problem),
          }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const region = await catalogExcel.importRegion(ctx, actor, req.query.regionId);
      if (importsRunning >= MAX_PARALLEL_IMPORTS)
        throw new AppError('RATE_LIMITED', '系统正在处理其他导入，请稍后再试', 'Another import is running; try again shortly');
      importsRunning++;
      try {
        const upload = await readUpload(req);
        return await catalogExcel.importRules(ctx, actor, region, { dryRun: req.query.dryRun, ...upload });
      } finally {
        importsRunning--;
      }
    },
  );

  app.get(
    '/api/points/ledger/export',
    {
      schema: {
        tags: ['points'],
        summary: '导出积分台账（.xlsx：逐笔记录与户积分汇总；默认本年至今；审计）/ Export the points ledger of an area and period',
        querystring: z.object({ regionId, from: day.optional(), to: day.optional() }),
      },
    },
    async (req, reply) => {
      const file = await exportLedger(ctx, requireActor(req), req.query);
      return sendXlsx(reply, file.fileName, file.asciiName, file.stream);
    },
  );
}
