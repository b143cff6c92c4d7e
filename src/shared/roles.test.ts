import { describe, expect, it } from 'vitest';
import { grantAt, roleInWords } from './roles.js';

describe('roles in words', () => {
  it('names a role with the place that says who the person is', () => {
    expect(roleInWords('grid_worker', '一组网格')).toBe('一组网格员');
    expect(roleInWords('grid_worker', '东片')).toBe('东片网格员');
    expect(roleInWords('village_cadre', '孟家湾村')).toBe('孟家湾村干部');
    expect(roleInWords('village_cadre', '孟家湾')).toBe('孟家湾村干部');
    expect(roleInWords('township_leader', '青石镇')).toBe('青石镇领导');
    expect(roleInWords('township_staff', '青石镇', '司法所')).toBe('青石镇司法所');
    expect(roleInWords('township_staff', '青石镇')).toBe('青石镇工作人员');
    expect(roleInWords('party_member', '孟家湾村')).toBe('党员');
    expect(roleInWords('villager', '一组网格')).toBe('村民');
    expect(roleInWords('mediator')).toBe('调解员');
    expect(roleInWords('township_staff', '', '派出所')).toBe('派出所');
    expect(roleInWords('no_such_role', '孟家湾村')).toBe('');
  });

  it('picks the grant held over the place that decides most, else the main one', () => {
    const grid = { role: 'grid_worker', regionPath: '/c/t/v/g/' };
    const cadre = { role: 'village_cadre', regionPath: '/c/t/v/' };
    const party = { role: 'party_member', regionPath: '/c/t/v/' };
    const elsewhere = { role: 'grid_worker', regionPath: '/c/t/w/h/' };
    expect(grantAt([grid, cadre], '/c/t/v/g/')).toBe(cadre);
    expect(grantAt([party, grid], '/c/t/v/g/')).toBe(grid);
    expect(grantAt([elsewhere, party], '/c/t/v/g/')).toBe(party);
    expect(grantAt([elsewhere], '/c/t/v/g/')).toBe(elsewhere);
    expect(grantAt([], '/c/t/v/g/')).toBeNull();
  });
});
