// What this module offers other modules besides its service: pure rules, read helpers and seeding.
export {
  grantPathsOf,
  holdersAt,
  holdersNear,
  holdsRoleNear,
  householdVillagers,
  namesWithRoles,
  userNames,
  workersWithin,
  type NamedWithRole,
} from './directory.js';
export { insertGrants, insertUser, usersByIds } from './repo.js';
