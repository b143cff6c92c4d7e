import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import * as service from './service.js';

const yearParam = z.object({ year: z.string().regex(/^\d{4}$/, { error: '年份须为四位数字' }) });
const day = z.string({ error: '日期须为YYYY-MM-DD格式的文字' }).max(20, { error: '日期须为YYYY-MM-DD格式' });
const yearView = z.object({
  year: z.number().int(),
  source: z.enum(['official', 'provisional']).describe('provisional: nobody entered the year; it counts Monday–Friday'),
  origin: z.enum(['chinese-days', 'entered']).nullable().describe('where an official year came from'),
  holidays: z.array(z.string()).describe('days off, YYYY-MM-DD'),
  workdays: z.array(z.string()).describe('调休: Saturdays and Sundays that are worked'),
  names: z.record(z.string(), z.string()).describe('the holiday each listed day belongs to'),
  updatedAt: z.string().nullable(),
});

export default function routes(app: App, ctx: Ctx) {
  app.get(
    '/api/workdays',
    {
      schema: {
        tags: ['calendar'],
        summary: '工作日历概况 / Work calendar overview',
        response: {
          200: z.object({
            years: z.array(z.object({ year: z.number().int(), origin: z.enum(['chinese-days', 'entered']), updatedAt: z.string() })),
            provisional: z.array(z.number().int()).describe('this year or next, when not entered'),
          }),
        },
      },
    },
    async (req) => {
      requireActor(req);
      return service.overview(ctx);
    },
  );

  app.get(
    '/api/workdays/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: '某年的放假与调休上班日 / Holidays and make-up working days of a year',
        params: yearParam,
        response: { 200: yearView },
      },
    },
    async (req) => {
      requireActor(req);
      return service.getYear(ctx, Number(req.params.year));
    },
  );

  app.put(
    '/api/workdays/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: '录入某年工作日历（管理员），并重算办理中事件的期限 / Enter a year (admin); recomputes open cases',
        params: yearParam,
        body: z.object({
          holidays: z.array(day, { error: '请提供放假日期列表' }).max(366, { error: '放假日期最多366个' }),
          workdays: z.array(day, { error: '请提供调休上班日期列表' }).max(366, { error: '调休上班日期最多366个' }),
          names: z.record(z.string().max(20), z.string().max(30, { error: '节日名称不能超过30个字' })).optional(),
        }),
        response: { 200: yearView.extend({ casesRecomputed: z.number().int() }) },
      },
    },
    async (req) => service.putYear(ctx, requireActor(req), Number(req.params.year), req.body),
  );
}
