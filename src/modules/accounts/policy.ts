// Who may manage accounts: see core/abilities.ts for the shape. Which roles a
// manager may grant, and to whom, are rules about the roles being granted (user-rules.ts).
import { defineRegionAbilities, holds } from '../../core/abilities.js';

export const userRegion = defineRegionAbilities({
  /** Create accounts and grant roles inside the subtree (用户与角色 in the menu). */
  'user.manage': { held: holds('users.manage'), zh: '只有系统管理员可以管理用户和角色', en: 'Only administrators manage users and roles' },
});
