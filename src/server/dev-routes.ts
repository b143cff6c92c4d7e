import { z } from 'zod';
import type { Ctx } from '../core/context.js';
import { forbidden } from '../core/errors.js';
import { requireActor } from '../http/actor.js';
import type { App } from '../http/types.js';

/** Exists only when the server started with XZ_NOW: moves the clock and runs due sweeps. */
export default function devRoutes(app: App, ctx: Ctx, sweeps: () => Promise<unknown>) {
  app.post(
    '/api/dev/clock',
    {
      schema: {
        tags: ['system'],
        summary: '拨快演示时钟（仅 XZ_NOW）/ Advance the demo clock',
        body: z.object({
          advanceHours: z
            .number({ error: '请填写小时数' })
            .min(0)
            .max(24 * 366),
        }),
        response: { 200: z.object({ now: z.string() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!actor.scope.grants.some((g) => g.role === 'admin')) throw forbidden();
      ctx.clock.advance(req.body.advanceHours * 3600_000);
      await sweeps();
      return { now: ctx.clock.now().toISOString() };
    },
  );
}
