// Routes for volunteer activities (志愿服务, 道德银行): posting, signups, attendance
// and closing. HTTP and zod only; the use cases are in volunteer.ts.
import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { idParam, listOf, paging } from '../../core/http.js';
import { instant } from '../../core/dates.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import * as volunteer from './volunteer.js';

const hours = (what: string) =>
  z
    .number({ error: `请填写${what}` })
    .min(0.5, { error: `${what}0.5至24小时` })
    .max(24, { error: `${what}0.5至24小时` })
    .multipleOf(0.5, { error: `${what}以半小时计` });
const signup = z.object({ id: z.string(), residentId: z.string(), status: z.string(), points: z.number().nullable() });
const activity = z.object({
  id: z.string(),
  regionId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  place: z.string().nullable(),
  startsAt: z.string(),
  hours: z.number(),
  rate: z.number(),
  points: z.number(),
  capacity: z.number().nullable(),
  status: z.enum(['open', 'closed']),
  organizerName: z.string(),
  signedUp: z.number(),
  attended: z.number(),
  mySignups: z.array(signup),
});
const activityDetail = activity.extend({
  canManage: z.boolean(),
  signups: z.array(
    z.object({
      id: z.string(),
      householdId: z.string(),
      householdName: z.string(),
      residentId: z.string(),
      residentName: z.string(),
      status: z.enum(['signed', 'attended', 'absent']),
      hours: z.number().nullable(),
      points: z.number().nullable(),
      confirmedAt: z.string().nullable(),
    }),
  ),
});

export default function routes(app: App, ctx: Ctx) {
  app.get(
    '/api/volunteer/activities',
    {
      schema: {
        tags: ['volunteer'],
        summary: '志愿活动（本村及乡镇）/ Volunteer activities',
        querystring: z.object({ regionId: z.string({ error: '请选择区域' }).min(1).max(64), status: z.enum(['open', 'closed']).optional(), ...paging }),
        response: { 200: listOf(activity) },
      },
    },
    async (req) => volunteer.list(ctx, requireActor(req), req.query),
  );

  app.post(
    '/api/volunteer/activities',
    {
      schema: {
        tags: ['volunteer'],
        summary: '发布志愿活动（村两委、乡镇）/ Post an activity',
        body: z.object({
          regionId: z.string({ error: '请选择村' }).min(1).max(64),
          title: z.string({ error: '请填写活动名称' }).trim().min(1, { error: '请填写活动名称' }).max(40),
          description: z.string().trim().max(500).nullish(),
          place: z.string().trim().max(60).nullish(),
          startsAt: instant,
          hours: hours('服务时长'),
          capacity: z.number().int({ error: '人数须为整数' }).min(1, { error: '人数至少1人' }).max(1000, { error: '人数最多1000人' }).nullish(),
        }),
        response: { 201: activity },
      },
    },
    async (req, reply) => reply.code(201).send(await volunteer.create(ctx, requireActor(req), req.body)),
  );

  app.get(
    '/api/volunteer/activities/:id',
    {
      schema: { tags: ['volunteer'], summary: '志愿活动详情与报名 / An activity with its signups', params: idParam, response: { 200: activityDetail } },
    },
    async (req) => volunteer.detail(ctx, requireActor(req), req.params.id),
  );

  app.post(
    '/api/volunteer/activities/:id/signups',
    {
      schema: {
        tags: ['volunteer'],
        summary: '报名（本户成员；干部可代报；重复报名返回原报名）/ Sign a resident up (a repeat returns the existing signup)',
        params: idParam,
        body: z.object({ residentId: z.string({ error: '请选择报名人' }).min(1).max(64) }),
        response: { 200: activityDetail.extend({ signupId: z.string() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const signupId = await volunteer.signUp(ctx, actor, req.params.id, req.body.residentId);
      return { ...(await volunteer.detail(ctx, actor, req.params.id)), signupId };
    },
  );

  app.post(
    '/api/volunteer/activities/:id/attendance',
    {
      schema: {
        tags: ['volunteer'],
        summary: '确认参加情况（按时长×每小时积分发放，一次）/ Confirm attendance',
        params: idParam,
        body: z.object({
          signupId: z.string({ error: '请选择报名记录' }).min(1).max(64),
          attended: z.boolean({ error: '请选择是否参加' }),
          hours: hours('实际时长').optional(),
        }),
        response: { 200: activityDetail },
      },
    },
    async (req) => volunteer.confirm(ctx, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/volunteer/activities/:id/close',
    {
      schema: { tags: ['volunteer'], summary: '结束活动 / Close an activity', params: idParam, response: { 200: activityDetail } },
    },
    async (req) => volunteer.close(ctx, requireActor(req), req.params.id),
  );
}
