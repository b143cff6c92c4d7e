// What this module offers other modules besides its service: pure rules, read helpers and seeding.
export { patrolPeriod, type PatrolKind } from './rules.js';
