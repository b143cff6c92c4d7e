// Roles are held on a region; capabilities say what a role may do inside that subtree.
export const ROLES = [
  'admin',
  'township_leader',
  'township_staff',
  'village_cadre',
  'supervisor',
  'grid_worker',
  'party_member',
  'mediator',
  'villager',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  township_leader: { zh: '乡镇领导', en: 'Township leader' },
  township_staff: { zh: '乡镇站所工作人员', en: 'Township staff' },
  village_cadre: { zh: '村两委干部', en: 'Village cadre' },
  supervisor: { zh: '村务监督委员', en: 'Village supervisor' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  party_member: { zh: '党员', en: 'Party member' },
  mediator: { zh: '调解员', en: 'Mediator' },
  villager: { zh: '村民', en: 'Villager' },
};

/** Units under a township (站所) that cases can be dispatched to; a township_staff grant names one. */
export const TOWNSHIP_UNITS = ['综治中心', '司法所', '派出所', '民政办', '农业综合服务站', '自然资源所', '卫生院', '应急管理办', '党政综合办'] as const;

export type Capability =
  | 'registry.read' // browse households and residents in the subtree
  | 'registry.write' // create and edit households and residents
  | 'registry.revealId' // see a whole ID number (audited)
  | 'users.manage' // create accounts and grant roles inside the subtree
  | 'regions.manage' // add and rename regions inside the subtree
  | 'cases.manage' // act as the responsible level for cases (受理, 派单, 上报, 归档)
  | 'cases.supervise' // the level above: 督办, 延期审批, 核实
  | 'visits.log' // log visits (走访) and patrols (巡查) in the subtree
  | 'points.manage' // keep the points catalog and approve awards (村两委, the township)
  | 'points.propose'; // propose awards for households of the subtree (cadres and grid workers, not 站所 staff)

const CAPS: Record<Role, Capability[]> = {
  admin: [
    'registry.read',
    'registry.write',
    'registry.revealId',
    'users.manage',
    'regions.manage',
    'cases.manage',
    'cases.supervise',
    'visits.log',
    'points.manage',
    'points.propose',
  ],
  township_leader: ['registry.read', 'registry.write', 'registry.revealId', 'cases.manage', 'cases.supervise', 'visits.log', 'points.manage', 'points.propose'],
  township_staff: ['registry.read', 'registry.revealId', 'cases.manage', 'visits.log'],
  village_cadre: ['registry.read', 'registry.write', 'registry.revealId', 'cases.manage', 'visits.log', 'points.manage', 'points.propose'],
  supervisor: ['registry.read'],
  grid_worker: ['registry.read', 'registry.write', 'registry.revealId', 'visits.log', 'points.propose'],
  party_member: [],
  mediator: ['registry.read'],
  villager: [],
};

export function roleHas(role: Role, cap: Capability): boolean {
  return CAPS[role].includes(cap);
}

/** Roles whose registry view is a list of households rather than a region subtree. */
export const HOUSEHOLD_SCOPED_ROLES: Role[] = ['villager', 'party_member'];
