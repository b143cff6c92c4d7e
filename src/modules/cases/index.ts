// What this module offers other modules besides its service: pure rules, read helpers and seeding.
export { actionsFor } from './policy.js';
export { byId, byIds, openCaseClocks, statusesWithin, type CaseRow } from './repo.js';
export { isOpen, type Action, type CaseType, type Priority, type Status } from './rules.js';
export { sweepCases } from './sweep.js';
export { update as updateCategory } from './categories.js';
