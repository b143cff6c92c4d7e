// What this module offers other modules besides its service: pure rules, read helpers and seeding.
export { plan, syncPlan } from './plan.js';
export { periodOf } from './rules.js';
export { visitRegion } from './policy.js';
