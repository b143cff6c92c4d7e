// How to call each route of /api/openapi.json for the authorization matrix: the URL with its
// parameters filled from a place (A, B or C; see fixtures.ts) and a valid body, so that a
// refusal can only come from authorization. `pos: false` marks routes that concern no place.
import type { Fixtures, Pos } from './fixtures.js';
import { key, next } from './fixtures.js';

export interface Req {
  url: string;
  body?: unknown;
  upload?: boolean;
}
export interface RouteCall {
  pos?: false;
  req: (f: Fixtures, at: Pos) => Req | Promise<Req>;
}

const q = (url: string, params: Record<string, string>) => `${url}?${new URLSearchParams(params)}`;
const MONTH = '2026-11';

export const REQUESTS: Record<string, RouteCall> = {
  'GET /api/health': { pos: false, req: () => ({ url: '/api/health' }) },
  'POST /api/auth/login': { pos: false, req: () => ({ url: '/api/auth/login', body: { phone: '13800000004', password: 'demo123456' } }) },
  'POST /api/auth/logout': { pos: false, req: () => ({ url: '/api/auth/logout' }) },
  'POST /api/auth/password': {
    pos: false,
    req: () => ({ url: '/api/auth/password', body: { oldPassword: 'not-the-password', newPassword: 'a-new-password-123' } }),
  },
  'GET /api/me': { pos: false, req: () => ({ url: '/api/me' }) },
  'GET /api/roles': { pos: false, req: () => ({ url: '/api/roles' }) },
  'GET /api/users': { req: (f, p) => ({ url: q('/api/users', { regionId: f.at[p].grid }) }) },
  'POST /api/users': {
    req: (f, p) => ({
      url: '/api/users',
      body: {
        name: '矩阵新用户',
        phone: `136${String(10_000_000 + next()).slice(-8)}`,
        password: 'matrix-pass-123',
        roles: [{ role: 'grid_worker', regionId: f.at[p].grid }],
      },
    }),
  },
  'GET /api/users/{id}': { req: (f, p) => ({ url: `/api/users/${f.at[p].user}` }) },
  'PATCH /api/users/{id}': { req: async (f, p) => ({ url: `/api/users/${await f.newUser(p)}`, body: { name: '矩阵改名' } }) },
  'PUT /api/users/{id}/roles': {
    req: async (f, p) => ({ url: `/api/users/${await f.newUser(p)}/roles`, body: { roles: [{ role: 'grid_worker', regionId: f.at[p].grid }] } }),
  },
  'POST /api/users/{id}/reset-password': {
    req: async (f, p) => ({ url: `/api/users/${await f.newUser(p)}/reset-password`, body: { password: 'matrix-reset-123' } }),
  },
  'GET /api/regions': { req: (f, p) => ({ url: q('/api/regions', { parentId: f.at[p].grid }) }) },
  'POST /api/regions': { req: (f, p) => ({ url: '/api/regions', body: { parentId: f.at[p].village, level: 'grid', name: `矩阵网格${next()}` } }) },
  'GET /api/regions/{id}': { req: (f, p) => ({ url: `/api/regions/${f.at[p].grid}` }) },
  'PATCH /api/regions/{id}': {
    req: async (f, p) => ({ url: `/api/regions/${f.at[p].grid}`, body: { name: (await f.call('GET', `/api/regions/${f.at[p].grid}`)).name } }),
  },
  'GET /api/tags': { pos: false, req: () => ({ url: '/api/tags' }) },
  'GET /api/households': { req: (f, p) => ({ url: q('/api/households', { regionId: f.at[p].grid }) }) },
  'POST /api/households': { req: (f, p) => ({ url: '/api/households', body: { regionId: f.at[p].grid, address: `矩阵路${next()}号` } }) },
  'GET /api/households/{id}': { req: (f, p) => ({ url: `/api/households/${f.at[p].household}` }) },
  'PATCH /api/households/{id}': { req: (f, p) => ({ url: `/api/households/${f.at[p].household}`, body: { phone: '0912-3456789' } }) },
  'GET /api/households/{id}/party-member-candidates': { req: (f, p) => ({ url: `/api/households/${f.at[p].household}/party-member-candidates` }) },
  'PUT /api/households/{id}/party-members/{userId}': {
    req: (f, p) => ({ url: `/api/households/${f.at[p].household}/party-members/${f.env.seed.users['13800000007']}` }),
  },
  'DELETE /api/households/{id}/party-members/{userId}': {
    req: (f, p) => ({ url: `/api/households/${f.at[p].household}/party-members/${f.env.seed.users['13800000007']}` }),
  },
  'POST /api/residents': { req: (f, p) => ({ url: '/api/residents', body: f.resident(f.at[p].household) }) },
  'GET /api/residents/{id}': { req: (f, p) => ({ url: `/api/residents/${f.at[p].resident}?reveal=idNumber` }) },
  'PATCH /api/residents/{id}': { req: (f, p) => ({ url: `/api/residents/${f.at[p].resident}`, body: { note: '矩阵备注' } }) },
  'GET /api/households/import-template': { req: (f, p) => ({ url: q('/api/households/import-template', { regionId: f.at[p].grid }) }) },
  'POST /api/households/import': { req: (f, p) => ({ url: q('/api/households/import', { regionId: f.at[p].grid, dryRun: 'true' }), upload: true }) },
  'GET /api/households/export': { req: (f, p) => ({ url: q('/api/households/export', { regionId: f.at[p].grid }) }) },
  'GET /api/case-categories': { pos: false, req: () => ({ url: '/api/case-categories' }) },
  'POST /api/case-categories': { pos: false, req: () => ({ url: '/api/case-categories', body: { type: 'incident', name: `矩阵类别${next()}` } }) },
  'PATCH /api/case-categories/{code}': { pos: false, req: () => ({ url: '/api/case-categories/env_dirty', body: { active: true } }) },
  'GET /api/case-limits': { pos: false, req: () => ({ url: '/api/case-limits' }) },
  'PUT /api/case-limits': {
    pos: false,
    req: () => ({
      url: '/api/case-limits',
      body: { category: 'env_dirty', level: 'county', priority: 'difficult', acceptYellow: 2, acceptRed: 5, resolveYellow: 5, resolveRed: 10 },
    }),
  },
  'DELETE /api/case-limits/{id}': { pos: false, req: async (f) => ({ url: `/api/case-limits/${await f.newLimit()}` }) },
  'GET /api/workdays': { pos: false, req: () => ({ url: '/api/workdays' }) },
  'GET /api/workdays/{year}': { pos: false, req: () => ({ url: '/api/workdays/2027' }) },
  // A year far from every case's clock, so saving it changes no case the other rows use.
  'PUT /api/workdays/{year}': { pos: false, req: () => ({ url: '/api/workdays/2030', body: { holidays: ['2030-01-01'], workdays: [] } }) },
  'POST /api/cases': {
    req: (f, p) => ({
      url: '/api/cases',
      body: {
        type: 'incident',
        category: 'env_dirty',
        title: '矩阵上报',
        description: '授权矩阵测试上报',
        regionId: f.at[p].grid,
        householdId: f.at[p].household,
      },
    }),
  },
  'GET /api/cases': { req: (f, p) => ({ url: q('/api/cases', { regionId: f.at[p].grid }) }) },
  'GET /api/cases/stats': { req: (f, p) => ({ url: q('/api/cases/stats', { regionId: f.at[p].grid }) }) },
  'GET /api/cases/disputes/ledger': { req: (f, p) => ({ url: q('/api/cases/disputes/ledger', { regionId: f.at[p].village }) }) },
  'GET /api/cases/{id}/file': { req: (f, p) => ({ url: `/api/cases/${f.at[p].case}/file` }) },
  'GET /api/cases/{id}': { req: (f, p) => ({ url: `/api/cases/${f.at[p].case}` }) },
  'GET /api/cases/{id}/assignees': { req: (f, p) => ({ url: `/api/cases/${f.at[p].case}/assignees` }) },
  'POST /api/cases/{id}/transitions': { req: async (f, p) => ({ url: `/api/cases/${await f.newCase(p)}/transitions`, body: { action: 'accept' } }) },
  'POST /api/cases/{id}/attachments': { req: (f, p) => ({ url: `/api/cases/${f.at[p].case}/attachments`, upload: true }) },
  'GET /api/cases/{id}/attachments/{attachmentId}': { req: (f, p) => ({ url: `/api/cases/${f.at[p].case}/attachments/${f.at[p].caseAttachment}` }) },
  'POST /api/cases/sweep': { pos: false, req: () => ({ url: '/api/cases/sweep' }) },
  'GET /api/case-choices': { req: (f, p) => ({ url: q('/api/case-choices', { regionId: f.at[p].grid }) }) },
  'PUT /api/case-choices/{villageId}': { req: (f, p) => ({ url: `/api/case-choices/${f.at[p].village}`, body: { items: [] } }) },
  'POST /api/cases/quick-report': {
    req: (f, p) => ({
      url: '/api/cases/quick-report',
      body: { choice: 'streetlight', description: '矩阵随手拍', regionId: f.at[p].grid, householdId: f.at[p].household },
    }),
  },
  'GET /api/cases/similar': { req: (f, p) => ({ url: q('/api/cases/similar', { regionId: f.at[p].grid, text: '矩阵上报' }) }) },
  'GET /api/cases/following': { pos: false, req: () => ({ url: '/api/cases/following' }) },
  'POST /api/cases/{id}/followers': { req: async (f, p) => ({ url: `/api/cases/${await f.newCase(p)}/followers` }) },
  'GET /api/visit-rules': { pos: false, req: () => ({ url: '/api/visit-rules' }) },
  'POST /api/visit-rules': {
    pos: false,
    req: () => ({ url: '/api/visit-rules', body: { name: `矩阵走访规则${next()}`, tag: 'poor', frequency: 'quarterly' } }),
  },
  'PATCH /api/visit-rules/{id}': {
    pos: false,
    req: async (f) => ({ url: `/api/visit-rules/${(await f.call('GET', '/api/visit-rules')).items[0].id}`, body: { active: true } }),
  },
  'GET /api/visits/plan': { req: (f, p) => ({ url: q('/api/visits/plan', { regionId: f.at[p].grid, month: MONTH }) }) },
  'GET /api/visits/progress': { req: (f, p) => ({ url: q('/api/visits/progress', { regionId: f.at[p].grid, month: MONTH }) }) },
  'GET /api/visits/ledger': { req: (f, p) => ({ url: q('/api/visits/ledger', { regionId: f.at[p].grid, month: MONTH }) }) },
  'POST /api/visits': { req: (f, p) => ({ url: '/api/visits', body: { householdId: f.at[p].household, situation: '矩阵走访', idempotencyKey: key() } }) },
  'GET /api/visits': { req: (f, p) => ({ url: q('/api/visits', { regionId: f.at[p].grid, month: MONTH }) }) },
  'GET /api/visits/{id}': { req: (f, p) => ({ url: `/api/visits/${f.at[p].visit}` }) },
  'POST /api/visits/{id}/case': { req: async (f, p) => ({ url: `/api/visits/${await f.newVisit(p)}/case`, body: { category: 'env_dirty' } }) },
  'POST /api/visits/{id}/attachments': { req: (f, p) => ({ url: `/api/visits/${f.at[p].visit}/attachments`, upload: true }) },
  'GET /api/visits/{id}/attachments/{attachmentId}': { req: (f, p) => ({ url: `/api/visits/${f.at[p].visit}/attachments/${f.at[p].visitAttachment}` }) },
  'GET /api/patrols/checklist': { pos: false, req: () => ({ url: '/api/patrols/checklist' }) },
  'PUT /api/patrols/checklist': {
    pos: false,
    req: async (f) => {
      const c = await f.call('GET', '/api/patrols/checklist');
      return { url: '/api/patrols/checklist', body: { name: c.name, items: c.items.map((i: any) => ({ code: i.code, category: i.category, name: i.name })) } };
    },
  },
  'GET /api/patrols/due': { req: (f, p) => ({ url: q('/api/patrols/due', { regionId: f.at[p].grid }) }) },
  'POST /api/patrols': {
    req: (f, p) => ({ url: '/api/patrols', body: { kind: 'daily', regionId: f.at[p].grid, results: f.patrolResults(), idempotencyKey: key() } }),
  },
  'GET /api/patrols': { req: (f, p) => ({ url: q('/api/patrols', { regionId: f.at[p].grid, month: MONTH }) }) },
  'GET /api/patrols/{id}': { req: (f, p) => ({ url: `/api/patrols/${f.at[p].patrol}` }) },
  'POST /api/patrols/{id}/items/{code}/case': {
    req: async (f, p) => ({ url: `/api/patrols/${await f.newPatrol(p, true)}/items/${f.checklistCode}/case`, body: { category: 'env_dirty' } }),
  },
  'POST /api/consultations': { pos: false, req: (f) => ({ url: '/api/consultations', body: { regionId: f.township } }) },
  'GET /api/consultations': { pos: false, req: (f) => ({ url: q('/api/consultations', { regionId: f.township }) }) },
  'GET /api/consultations/{id}': { pos: false, req: (f) => ({ url: `/api/consultations/${f.consultation}` }) },
  'POST /api/consultations/{id}/decisions': {
    req: (f, p) => ({ url: `/api/consultations/${f.consultation}/decisions`, body: { caseId: f.at[p].case, decision: '矩阵会商意见' } }),
  },
  'POST /api/consultations/{id}/close': { pos: false, req: (f) => ({ url: `/api/consultations/${f.consultation}/close` }) },
  'GET /api/points/rules': { req: (f, p) => ({ url: q('/api/points/rules', { regionId: f.at[p].village }) }) },
  'POST /api/points/rules': {
    req: (f, p) => ({ url: '/api/points/rules', body: { regionId: f.at[p].village, code: `MX${next()}`, name: '矩阵规则', category: '人居环境', value: 1 } }),
  },
  'PATCH /api/points/rules/{id}': { req: (f, p) => ({ url: `/api/points/rules/${f.at[p].rule}`, body: { description: '授权矩阵测试' } }) },
  'GET /api/points/settings': { req: (f, p) => ({ url: q('/api/points/settings', { regionId: f.at[p].village }) }) },
  'PUT /api/points/settings': {
    req: async (f, p) => {
      const s = await f.call('GET', q('/api/points/settings', { regionId: f.at[p].village }));
      return {
        url: '/api/points/settings',
        body: {
          regionId: f.at[p].village,
          publicDays: s.publicDays,
          monthlyBase: s.monthlyBase,
          settlementMode: s.settlementMode,
          mediatorPoints: s.mediatorPoints,
          volunteerRate: s.volunteerRate,
        },
      };
    },
  },
  'POST /api/points/awards': {
    req: (f, p) => ({ url: '/api/points/awards', body: { householdId: f.at[p].household, ruleId: f.at[p].rule, note: '矩阵申报' } }),
  },
  'GET /api/points/awards': { req: (f, p) => ({ url: q('/api/points/awards', { regionId: f.at[p].village }) }) },
  'GET /api/points/awards/{id}': { req: (f, p) => ({ url: `/api/points/awards/${f.at[p].award}` }) },
  'POST /api/points/awards/{id}/approve': { req: async (f, p) => ({ url: `/api/points/awards/${await f.newAward(p)}/approve`, body: {} }) },
  'POST /api/points/awards/{id}/reject': { req: async (f, p) => ({ url: `/api/points/awards/${await f.newAward(p)}/reject`, body: { reason: '矩阵驳回' } }) },
  'POST /api/points/awards/{id}/object': {
    req: async (f, p) => ({ url: `/api/points/awards/${await f.newAward(p, true)}/object`, body: { reason: '矩阵异议' } }),
  },
  'POST /api/points/awards/{id}/evidence': { req: (f, p) => ({ url: `/api/points/awards/${f.at[p].award}/evidence`, upload: true }) },
  'GET /api/points/awards/{id}/evidence/{attachmentId}': { req: (f, p) => ({ url: `/api/points/awards/${f.at[p].award}/evidence/${f.at[p].awardEvidence}` }) },
  'GET /api/points/board': { req: (f, p) => ({ url: q('/api/points/board', { regionId: f.at[p].village }) }) },
  'GET /api/points/households': { req: (f, p) => ({ url: q('/api/points/households', { regionId: f.at[p].grid }) }) },
  'GET /api/points/entries': { req: (f, p) => ({ url: q('/api/points/entries', { regionId: f.at[p].grid }) }) },
  'GET /api/households/{id}/points': { req: (f, p) => ({ url: `/api/households/${f.at[p].household}/points` }) },
  'GET /api/points/ranking': { req: (f, p) => ({ url: q('/api/points/ranking', { regionId: f.at[p].village }) }) },
  'POST /api/points/designations': {
    req: (f, p) => ({ url: '/api/points/designations', body: { householdId: f.at[p].household, title: `矩阵文明户${next()}`, year: 2026, points: 1 } }),
  },
  'GET /api/points/designations': { req: (f, p) => ({ url: q('/api/points/designations', { regionId: f.at[p].village, year: '2026' }) }) },
  'POST /api/points/settlements': { req: (f, p) => ({ url: '/api/points/settlements', body: { regionId: f.at[p].village, year: 2025 } }) },
  'GET /api/points/settlements': { req: (f, p) => ({ url: q('/api/points/settlements', { regionId: f.at[p].village }) }) },
  'POST /api/points/corrections': {
    req: (f, p) => ({ url: '/api/points/corrections', body: { householdId: f.at[p].household, delta: 1, reason: '授权矩阵更正', idempotencyKey: key() } }),
  },
  'GET /api/points/consistency': { req: (f, p) => ({ url: q('/api/points/consistency', { regionId: f.at[p].village }) }) },
  'GET /api/volunteer/activities': { req: (f, p) => ({ url: q('/api/volunteer/activities', { regionId: f.at[p].village }) }) },
  'POST /api/volunteer/activities': {
    req: (f, p) => ({
      url: '/api/volunteer/activities',
      body: { regionId: f.at[p].village, title: '矩阵志愿活动', startsAt: '2026-11-28T01:00:00.000Z', hours: 1 },
    }),
  },
  'GET /api/volunteer/activities/{id}': { req: (f, p) => ({ url: `/api/volunteer/activities/${f.at[p].activity}` }) },
  'POST /api/volunteer/activities/{id}/signups': {
    req: async (f, p) => ({ url: `/api/volunteer/activities/${await f.newActivity(p)}/signups`, body: { residentId: f.at[p].resident } }),
  },
  'POST /api/volunteer/activities/{id}/attendance': {
    req: async (f, p) => {
      const s = await f.newSignup(p);
      return { url: `/api/volunteer/activities/${s.activity}/attendance`, body: { signupId: s.signup, attended: true } };
    },
  },
  'POST /api/volunteer/activities/{id}/close': { req: async (f, p) => ({ url: `/api/volunteer/activities/${await f.newActivity(p)}/close` }) },
  'GET /api/points/rules/template': { pos: false, req: () => ({ url: '/api/points/rules/template' }) },
  'GET /api/points/rules/export': { req: (f, p) => ({ url: q('/api/points/rules/export', { regionId: f.at[p].village }) }) },
  'POST /api/points/rules/import': { req: (f, p) => ({ url: q('/api/points/rules/import', { regionId: f.at[p].village, dryRun: 'true' }), upload: true }) },
  'GET /api/points/ledger/export': { req: (f, p) => ({ url: q('/api/points/ledger/export', { regionId: f.at[p].grid }) }) },
  'GET /api/store/items': { req: (f, p) => ({ url: q('/api/store/items', { regionId: f.at[p].village }) }) },
  'POST /api/store/items': { req: (f, p) => ({ url: '/api/store/items', body: { regionId: f.at[p].village, name: `矩阵商品${next()}`, cost: 1, stock: 1 } }) },
  'PATCH /api/store/items/{id}': { req: (f, p) => ({ url: `/api/store/items/${f.at[p].item}`, body: { description: '授权矩阵测试' } }) },
  'POST /api/store/items/{id}/stock': { req: (f, p) => ({ url: `/api/store/items/${f.at[p].item}/stock`, body: { delta: 1, idempotencyKey: key() } }) },
  'GET /api/store/items/{id}/moves': { req: (f, p) => ({ url: `/api/store/items/${f.at[p].item}/moves` }) },
  'POST /api/store/items/{id}/photo': { req: (f, p) => ({ url: `/api/store/items/${f.at[p].item}/photo`, upload: true }) },
  'GET /api/store/items/{id}/photo/{attachmentId}': { req: (f, p) => ({ url: `/api/store/items/${f.at[p].item}/photo/${f.at[p].itemPhoto}` }) },
  'POST /api/store/redemptions': {
    req: (f, p) => ({ url: '/api/store/redemptions', body: { householdId: f.at[p].household, itemId: f.at[p].item, quantity: 1, idempotencyKey: key() } }),
  },
  'GET /api/store/redemptions': { req: (f, p) => ({ url: q('/api/store/redemptions', { householdId: f.at[p].household }) }) },
  'GET /api/store/redemptions/by-code/{code}': { req: (f, p) => ({ url: `/api/store/redemptions/by-code/${f.at[p].redemptionCode}` }) },
  'GET /api/store/redemptions/{id}': { req: (f, p) => ({ url: `/api/store/redemptions/${f.at[p].redemption}` }) },
  'POST /api/store/redemptions/fulfil': { req: async (f, p) => ({ url: '/api/store/redemptions/fulfil', body: { code: (await f.newRedemption(p)).code } }) },
  'POST /api/store/redemptions/{id}/cancel': { req: async (f, p) => ({ url: `/api/store/redemptions/${(await f.newRedemption(p)).id}/cancel`, body: {} }) },
  'GET /api/notifications': { pos: false, req: () => ({ url: '/api/notifications' }) },
  'POST /api/notifications/read': { pos: false, req: () => ({ url: '/api/notifications/read', body: { all: true } }) },
  'POST /api/dev/clock': { pos: false, req: () => ({ url: '/api/dev/clock', body: { advanceHours: 0 } }) },
};
