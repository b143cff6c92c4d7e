// What this module offers other modules besides its service: pure rules, read helpers and seeding.
export { anyRegion, insert } from './repo.js';
