// The console menu as data: later modules add entries here (走访巡查, 事件办理, 积分超市 …), each
// gated on a region ability its module's policy declares, so every role sees the pages its work needs.
import type { ReactNode } from 'react';
import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  GiftOutlined,
  HeartOutlined,
  NotificationOutlined,
  ReadOutlined,
  ScanOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TrophyOutlined,
  ApartmentOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  ControlOutlined,
  FormOutlined,
  HomeOutlined,
  KeyOutlined,
  ProfileOutlined,
  CalendarOutlined,
  CameraOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../i18n';
import type { Ability } from '../lib/access';

export interface MenuEntry {
  key: string;
  label: MessageKey;
  icon?: ReactNode;
  /** Route path for leaves. */
  path?: string;
  /** Shown only when the user holds this ability on some region (GET /api/me → abilities). */
  ability?: Ability;
  children?: MenuEntry[];
}

export const MENU: MenuEntry[] = [
  {
    key: 'registry',
    label: 'menu.registry',
    icon: <ApartmentOutlined />,
    children: [
      { key: 'households', label: 'menu.households', icon: <HomeOutlined />, path: '/registry/households', ability: 'household.read' },
      { key: 'regions', label: 'menu.regions', icon: <ClusterOutlined />, path: '/registry/regions', ability: 'household.read' },
    ],
  },
  {
    key: 'cases',
    label: 'menu.cases',
    icon: <AlertOutlined />,
    children: [
      { key: 'caseList', label: 'menu.caseList', icon: <ProfileOutlined />, path: '/cases', ability: 'case.read' },
      { key: 'caseReport', label: 'menu.caseReport', icon: <FormOutlined />, path: '/cases/report', ability: 'case.read' },
      { key: 'consultations', label: 'menu.consultations', icon: <TeamOutlined />, path: '/cases/consultations', ability: 'consultation.hold' },
      { key: 'caseCategories', label: 'menu.caseCategories', icon: <ControlOutlined />, path: '/cases/categories', ability: 'case.settings' },
      { key: 'caseChoices', label: 'menu.caseChoices', icon: <CameraOutlined />, path: '/cases/choices', ability: 'case.choices' },
    ],
  },
  {
    key: 'visits',
    label: 'menu.visits',
    icon: <CarryOutOutlined />,
    children: [
      { key: 'visitPlan', label: 'menu.visitPlan', icon: <ScheduleOutlined />, path: '/visits/plan', ability: 'visit.log' },
      { key: 'visitLog', label: 'menu.visitLog', icon: <SolutionOutlined />, path: '/visits/log', ability: 'visit.log' },
      { key: 'patrols', label: 'menu.patrols', icon: <SafetyOutlined />, path: '/patrols', ability: 'patrol.log' },
      { key: 'visitSettings', label: 'menu.visitSettings', icon: <ToolOutlined />, path: '/visits/settings', ability: 'visit.settings' },
    ],
  },
  {
    key: 'points',
    label: 'menu.points',
    icon: <GiftOutlined />,
    children: [
      { key: 'pointAwards', label: 'menu.pointAwards', icon: <AuditOutlined />, path: '/points/awards', ability: 'award.propose' },
      { key: 'pointBoard', label: 'menu.pointBoard', icon: <NotificationOutlined />, path: '/points/board', ability: 'award.review' },
      { key: 'pointLedger', label: 'menu.pointLedger', icon: <AccountBookOutlined />, path: '/points/ledger', ability: 'ledger.read' },
      { key: 'pointRanking', label: 'menu.pointRanking', icon: <TrophyOutlined />, path: '/points/ranking', ability: 'ranking.read' },
      { key: 'volunteer', label: 'menu.volunteer', icon: <HeartOutlined />, path: '/points/volunteer', ability: 'volunteer.manage' },
      { key: 'storeItems', label: 'menu.storeItems', icon: <ShopOutlined />, path: '/store/items', ability: 'store.manage' },
      { key: 'storeCounter', label: 'menu.storeCounter', icon: <ScanOutlined />, path: '/store/counter', ability: 'store.manage' },
      { key: 'storeRedemptions', label: 'menu.storeRedemptions', icon: <ShoppingOutlined />, path: '/store/redemptions', ability: 'store.manage' },
      { key: 'pointRules', label: 'menu.pointRules', icon: <ReadOutlined />, path: '/points/rules', ability: 'rule.read' },
    ],
  },
  {
    key: 'system',
    label: 'menu.system',
    icon: <SettingOutlined />,
    children: [
      { key: 'users', label: 'menu.users', icon: <TeamOutlined />, path: '/system/users', ability: 'user.manage' },
      { key: 'workCalendar', label: 'menu.workCalendar', icon: <CalendarOutlined />, path: '/system/calendar', ability: 'calendar.manage' },
      { key: 'password', label: 'menu.password', icon: <KeyOutlined />, path: '/system/password' },
    ],
  },
];

/** The menu with entries the user may not use removed (and groups left empty dropped). */
export function visibleMenu(can: (ability: Ability) => boolean, entries: MenuEntry[] = MENU): MenuEntry[] {
  return entries.flatMap((e) => {
    if (e.ability && !can(e.ability)) return [];
    if (!e.children) return [e];
    const kids = visibleMenu(can, e.children);
    return kids.length ? [{ ...e, children: kids }] : [];
  });
}

/** The chain of entries from the top group to the leaf whose path prefixes `pathname` most closely (/cases/report over /cases). */
export function menuTrail(pathname: string, entries: MenuEntry[] = MENU, trail: MenuEntry[] = []): MenuEntry[] | null {
  let best: MenuEntry[] | null = null;
  for (const e of entries) {
    const found =
      e.path && (pathname === e.path || pathname.startsWith(`${e.path}/`)) ? [...trail, e] : e.children ? menuTrail(pathname, e.children, [...trail, e]) : null;
    if (found && (!best || found.at(-1)!.path!.length > best.at(-1)!.path!.length)) best = found;
  }
  return best;
}

export function firstLeaf(entries: MenuEntry[]): MenuEntry | null {
  for (const e of entries) {
    if (e.path) return e;
    const inner = e.children ? firstLeaf(e.children) : null;
    if (inner) return inner;
  }
  return null;
}
