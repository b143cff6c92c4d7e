// What this module offers other modules besides its service: pure rules, read helpers and seeding.
export { firstReportCredit, mediatorCredit } from './automatic.js';
export { createRule, type RuleInput } from './catalog.js';
export { designate } from './designations.js';
export { balanceOf, insufficient, postOnce, type Posting } from './ledger.js';
export { capKey, type CapPeriod, type Proposer } from './rules.js';
export { awardStatusesWithin, balancesOf } from './repo.js';
export { put as putSettings } from './settings.js';
export { settle } from './settlement.js';
export { close as closeActivity, confirm as confirmAttendance, create as createActivity, signUp } from './volunteer.js';
