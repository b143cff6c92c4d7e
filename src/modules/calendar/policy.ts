// Who may keep the work calendar: see core/abilities.ts for the shape.
import { defineRegionAbilities, holds } from '../../core/abilities.js';

export const calendarRegion = defineRegionAbilities({
  /** Enter the official work calendar (节假日与调休) that every time limit counts on (工作日历 in the menu). */
  'calendar.manage': { held: holds('regions.manage'), zh: '只有系统管理员可以修改工作日历', en: 'Only administrators edit the work calendar' },
});
