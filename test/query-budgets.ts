// How many SQL statements each hot route may run (queries plus each transaction's begin and commit), the
// session lookup included. test/query-budget.test.ts holds every route here to its budget on both stores,
// and every list to the same count at 20 and at 100 rows a page (no query per row). Lower a budget when a
// change makes a route cheaper; raising one needs a reason in the commit.
export interface Budget {
  /** What the route is for, as the test names it. */
  name: string;
  /** Who calls it (a key of PHONES). */
  as: 'admin' | 'leader' | 'cadre' | 'grid' | 'villager' | 'party' | 'staff';
  method: 'GET' | 'POST';
  /** The URL; `{case}`, `{household}`, `{village}` and `{grid}` are filled in by the test. */
  url: string;
  /** A list: run at pageSize=20 and pageSize=100, both within the budget and equal. */
  list?: boolean;
  /** The request body (POST); `{grid}` and `{category}` are filled in. */
  body?: Record<string, unknown>;
  max: number;
}

const report = { type: 'incident', category: '{category}', title: '河堤管涌', description: '三组河堤东段出现管涌。', regionId: '{grid}' };

export const BUDGETS: Budget[] = [
  // Casework
  { name: 'report a case (grid worker)', as: 'grid', method: 'POST', url: '/api/cases', body: report, max: 8 },
  {
    name: 'report a case again with the same idempotency key',
    as: 'grid',
    method: 'POST',
    url: '/api/cases',
    body: { ...report, idempotencyKey: 'budget-replay-1' },
    max: 7,
  },
  { name: 'accept a case (village cadre)', as: 'cadre', method: 'POST', url: '/api/cases/{case}/transitions', body: { action: 'accept' }, max: 14 },
  { name: 'a case with its history', as: 'cadre', method: 'GET', url: '/api/cases/{case}', max: 6 },
  { name: "the cadre's case list", as: 'cadre', method: 'GET', url: '/api/cases', list: true, max: 4 },
  { name: "the grid worker's 待办 cases", as: 'grid', method: 'GET', url: '/api/cases?box=todo', list: true, max: 3 },
  { name: "a villager's own cases", as: 'villager', method: 'GET', url: '/api/cases', list: true, max: 4 },
  // 随手拍: the choices, the same matter looked for before sending (a grid's open cases of two weeks scored in memory), 我关注的事
  { name: "the villager's report choices", as: 'villager', method: 'GET', url: '/api/case-choices?regionId={grid}', max: 2 },
  { name: 'similar open cases of the grid', as: 'villager', method: 'GET', url: '/api/cases/similar?regionId={grid}&text=河堤东段管涌', max: 3 },
  // (2 when nothing is followed; the reporters' names are one more read)
  { name: 'cases I follow', as: 'villager', method: 'GET', url: '/api/cases/following', max: 3 },
  // Registry
  { name: "the cadre's household list", as: 'cadre', method: 'GET', url: '/api/households', list: true, max: 4 },
  { name: 'a household with its residents', as: 'cadre', method: 'GET', url: '/api/households/{household}', max: 6 },
  // The phone's 今日 (grid worker)
  { name: '今日: patrols due today', as: 'grid', method: 'GET', url: '/api/patrols/due', max: 3 },
  { name: "今日: this month's overdue visits", as: 'grid', method: 'GET', url: '/api/visits/plan?status=overdue', list: true, max: 6 },
  { name: "今日: this month's visits due", as: 'grid', method: 'GET', url: '/api/visits/plan?status=due', list: true, max: 8 },
  { name: '今日: the patrol checklist', as: 'grid', method: 'GET', url: '/api/patrols/checklist', max: 2 },
  // Every page
  { name: 'who am I', as: 'grid', method: 'GET', url: '/api/me', max: 2 },
  { name: 'my notifications', as: 'grid', method: 'GET', url: '/api/notifications', list: true, max: 4 },
  // Points and the store
  { name: "the village's award queue", as: 'cadre', method: 'GET', url: '/api/points/awards?regionId={village}', list: true, max: 3 },
  { name: "the village's 公示栏", as: 'villager', method: 'GET', url: '/api/points/board?regionId={village}', max: 4 },
  { name: "the village store's items", as: 'villager', method: 'GET', url: '/api/store/items?regionId={village}', max: 3 },
];
