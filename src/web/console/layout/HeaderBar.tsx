import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown, Layout, Space, Tooltip, type MenuProps } from 'antd';
import { DownOutlined, EnvironmentOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useI18n, type Locale } from '../i18n';
import { logout } from '../api/auth';
import { roleLabel } from '../lib/access';
import { useSession } from './session';
import { useRegion } from '../api/regions';
import { InboxBell } from './InboxBell';

const LANGS: { key: Locale; label: string }[] = [
  { key: 'zh-CN', label: '简体中文' },
  { key: 'en-US', label: 'English' },
];

export function HeaderBar({ collapsed, onToggle }: { collapsed: boolean; onToggle: () => void }) {
  const { t, locale, setLocale } = useI18n();
  const { me, jurisdictions, current, setCurrent } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();

  const levelName = (lvl: string) => t(`level.${lvl}` as 'level.grid');
  // A grid is named within its village ("二组网格"), so show the village too.
  const here = useRegion(current?.level === 'grid' ? current.regionId : undefined);
  const village = here.data?.ancestors.filter((a) => a.level === 'village').at(-1)?.name;
  const currentName = current ? (village ? `${village} · ${current.name}` : current.name) : t('common.none');
  const roleText = current ? current.roles.map((r) => roleLabel(r, locale)).join('、') : roleLabel(me.roles[0]?.role ?? '', locale);

  const doLogout = async () => {
    try {
      await logout();
    } catch {
      /* already signed out */
    }
    qc.clear();
    message.success(t('header.loggedOut'));
    navigate('/login', { replace: true });
  };

  const jurisdictionItems: MenuProps['items'] = jurisdictions.map((j) => ({
    key: j.regionId,
    label: (
      <span>
        {j.name}
        <span className="xz-muted"> · {levelName(j.level)}</span>
      </span>
    ),
  }));
  const userItems: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('menu.password') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout') },
  ];

  const jurisdictionLabel = (
    <span className="xz-jurisdiction">
      <EnvironmentOutlined aria-hidden />
      <span className="xz-muted">{t('header.jurisdiction')}：</span>
      <strong>{currentName}</strong>
      {jurisdictions.length > 1 && <DownOutlined className="xz-caret" aria-hidden />}
    </span>
  );

  return (
    <Layout.Header className="xz-header">
      <Space size={12} align="center">
        <Tooltip title={collapsed ? t('header.expand') : t('header.collapse')}>
          <Button
            type="text"
            aria-label={collapsed ? t('header.expand') : t('header.collapse')}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={onToggle}
          />
        </Tooltip>
        {jurisdictions.length > 1 ? (
          <Dropdown
            menu={{ items: jurisdictionItems, selectable: true, selectedKeys: current ? [current.regionId] : [], onClick: ({ key }) => setCurrent(key) }}
            trigger={['click']}
          >
            <Button type="text" title={t('header.switchJurisdiction')}>
              {jurisdictionLabel}
            </Button>
          </Dropdown>
        ) : (
          jurisdictionLabel
        )}
      </Space>
      <Space size={8} align="center">
        <InboxBell />
        <Dropdown
          menu={{
            items: LANGS.map((l) => ({ key: l.key, label: l.label })),
            selectable: true,
            selectedKeys: [locale],
            onClick: ({ key }) => setLocale(key as Locale),
          }}
          trigger={['click']}
        >
          <Button type="text" icon={<GlobalOutlined />} aria-label={`${t('header.language')}：${locale === 'zh-CN' ? '中文' : 'EN'}`}>
            {locale === 'zh-CN' ? '中文' : 'EN'}
          </Button>
        </Dropdown>
        <Dropdown menu={{ items: userItems, onClick: ({ key }) => (key === 'logout' ? doLogout() : navigate('/system/password')) }} trigger={['click']}>
          <Button type="text" className="xz-user" title={t('header.userMenu')}>
            <Avatar size={28} className="xz-avatar">
              {me.name.slice(-2)}
            </Avatar>
            <span className="xz-user-name">{me.name}</span>
            <span className="xz-user-role">{roleText}</span>
            <DownOutlined className="xz-caret" aria-hidden />
          </Button>
        </Dropdown>
      </Space>
    </Layout.Header>
  );
}
