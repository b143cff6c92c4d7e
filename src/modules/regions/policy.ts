// Who may do what with the jurisdiction tree: see core/abilities.ts for the shape.
import { defineRegionAbilities, holds } from '../../core/abilities.js';

export const regionAbilities = defineRegionAbilities({
  /** Add and rename regions below (the 区域 page's edit buttons). */
  'region.manage': { held: holds('regions.manage'), zh: '您没有管理该区域的权限', en: 'You may not manage regions here' },
});
