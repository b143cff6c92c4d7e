import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Layout, Menu, type MenuProps } from 'antd';
import { useT } from '../i18n';
import { useSession } from './session';
import { menuTrail, visibleMenu, type MenuEntry } from './menu';
import { HeaderBar } from './HeaderBar';
import { PageSkeleton } from '../components/PageSkeleton';
import { CalendarBanner } from './CalendarBanner';
import './layout.css';

const { Sider, Content, Footer } = Layout;

export default function ConsoleLayout() {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const entries = useMemo(() => visibleMenu(can), [can]);

  const toItems = (list: MenuEntry[]): MenuProps['items'] =>
    list.map((e) =>
      e.children ? { key: e.key, icon: e.icon, label: t(e.label), children: toItems(e.children) } : { key: e.key, icon: e.icon, label: t(e.label) },
    );
  const trail = menuTrail(pathname, entries) ?? [];
  const selected = trail.at(-1)?.key;
  const [openKeys, setOpenKeys] = useState<string[]>(() => entries.map((e) => e.key));

  const onClick: MenuProps['onClick'] = ({ key }) => {
    const find = (list: MenuEntry[]): MenuEntry | undefined => list.flatMap((e) => [e, ...(e.children ?? [])]).find((e) => e.key === key);
    const target = find(entries)?.path;
    if (target) navigate(target);
  };

  return (
    <Layout className="xz-shell">
      <Sider className="xz-sider" width={208} collapsedWidth={64} collapsed={collapsed} theme="dark" trigger={null}>
        <a
          className="xz-logo"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          <span className="xz-logo-mark" aria-hidden>
            治
          </span>
          {!collapsed && (
            <span className="xz-logo-text">
              <strong>{t('app.name')}</strong>
              <small>{t('app.short')}</small>
            </span>
          )}
        </a>
        <nav aria-label={t('app.title')}>
          <Menu
            theme="dark"
            mode="inline"
            items={toItems(entries)}
            selectedKeys={selected ? [selected] : []}
            openKeys={collapsed ? undefined : openKeys}
            onOpenChange={setOpenKeys}
            onClick={onClick}
          />
        </nav>
      </Sider>
      <Layout className="xz-main">
        <HeaderBar collapsed={collapsed} onToggle={() => setCollapsed((c) => !c)} />
        {/* antd's Content is the page's one <main> landmark. */}
        <Content className="xz-content">
          <CalendarBanner />
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Content>
        <Footer className="xz-footer">{t('app.footer')}</Footer>
      </Layout>
    </Layout>
  );
}
