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

/** Which role speaks for a person at a place first, when they hold several there (the one that decides most). */
const SPEAKS_FIRST: Role[] = [
  'township_leader',
  'township_staff',
  'village_cadre',
  'grid_worker',
  'mediator',
  'supervisor',
  'party_member',
  'admin',
  'villager',
];

/**
 * The grant a person acted in at a place (`path`, a region's materialized path): among those whose region holds
 * the place, the one that decides most; else, the same way, among all they hold (their main role); null with none.
 */
export function grantAt<G extends { role: string; regionPath: string }>(grants: G[], path: string): G | null {
  const rank = (g: G) => {
    const i = SPEAKS_FIRST.indexOf(g.role as Role);
    return i < 0 ? SPEAKS_FIRST.length : i;
  };
  const first = (gs: G[]) => [...gs].sort((a, b) => rank(a) - rank(b) || b.regionPath.length - a.regionPath.length)[0] ?? null;
  return first(grants.filter((g) => path.startsWith(g.regionPath))) ?? first(grants);
}

/**
 * A role as people say it, with the place it is held on where that tells who they are: 青石镇领导, 青石镇司法所,
 * 孟家湾村干部, 一组网格员; the others by the role's own name (党员, 调解员, 村民).
 */
export function roleInWords(role: string, regionName = '', unit?: string | null): string {
  const r = role as Role;
  const plain = ROLE_LABELS[r]?.zh ?? '';
  if (!regionName) return r === 'township_staff' && unit ? unit : plain;
  switch (r) {
    case 'township_leader':
      return `${regionName}领导`;
    case 'township_staff':
      return `${regionName}${unit || '工作人员'}`;
    case 'village_cadre':
      return `${regionName}${regionName.endsWith('村') ? '' : '村'}干部`;
    case 'grid_worker':
      return regionName.endsWith('网格') ? `${regionName}员` : `${regionName}网格员`;
    default:
      return plain;
  }
}
