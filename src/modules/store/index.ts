// What this module offers other modules besides its service: pure rules, read helpers and seeding.
export { itemById, itemsFor, redemptionStatusesWithin } from './repo.js';
