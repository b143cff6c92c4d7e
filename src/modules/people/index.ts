// What this module offers other modules besides its service: pure rules, read helpers and seeding.
export { linkedHouseholdIds } from './links.js';
export { householdsLinkedTo, insertPartyLinks, residentsOf, updateHousehold, updateResident } from './repo.js';
export { livesIn, householdPolicy, registryRegion } from './policy.js';
