import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Popconfirm, Result, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { patchUser, useRoleDefs, useUsers, userKeys, type UserFilter, type UserRow } from '../../api/users';
import { useErrorText } from '../../api/errors';
import { useI18n } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { roleLabel } from '../../lib/access';
import { PageContainer } from '../../components/PageContainer';
import { EmptyState } from '../../components/EmptyState';
import { useSession } from '../../layout/session';
import { UserFilterBar } from './UserFilterBar';
import { UserDrawer } from './UserDrawer';
import { ResetPasswordModal } from './ResetPasswordModal';

export default function UsersPage() {
  const { t, locale } = useI18n();
  const f = useFormat();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const { can, me } = useSession();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<UserFilter>({ page: 1, pageSize: 20 });
  const users = useUsers(filter);
  const roles = useRoleDefs();
  const [drawer, setDrawer] = useState<UserRow | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);

  if (!can('user.manage')) return <Result status="403" title={t('common.notFound.title')} subTitle={t('common.notFound.desc')} />;

  const roleText = (code: string) => {
    const d = roles.data?.find((r) => r.code === code);
    return d ? (locale === 'zh-CN' ? d.zh : d.en) : roleLabel(code, locale);
  };
  const toggle = async (u: UserRow) => {
    try {
      await patchUser(u.id, { active: !u.active });
      message.success(t(u.active ? 'users.disabled' : 'users.enabled', { name: u.name }));
      await qc.invalidateQueries({ queryKey: userKeys.all });
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const columns: TableColumnsType<UserRow> = [
    {
      title: t('users.col.name'),
      dataIndex: 'name',
      width: 140,
      render: (v: string, u) =>
        u.id === me.id ? (
          <span>
            {v} <Tag style={{ marginInlineEnd: 0 }}>{t('users.self')}</Tag>
          </span>
        ) : (
          v
        ),
    },
    { title: t('users.col.phone'), dataIndex: 'phone', width: 130 },
    {
      title: t('users.col.roles'),
      dataIndex: 'roles',
      render: (list: UserRow['roles']) => (
        <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
          {list.map((r, i) => (
            <Tag key={r.id ?? i} color={r.role === 'admin' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {roleText(r.role)} · {r.regionName}
              {r.unit ? `（${r.unit}）` : ''}
            </Tag>
          ))}
        </span>
      ),
    },
    {
      title: t('users.col.status'),
      dataIndex: 'active',
      width: 100,
      render: (v: boolean) => <Badge status={v ? 'success' : 'default'} text={v ? t('users.active') : t('users.inactive')} />,
    },
    { title: t('users.col.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => f.date(v) },
    {
      title: t('users.col.actions'),
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_: unknown, u) => {
        const locked = u.lockedReason ?? null;
        if (locked) {
          // Disabled buttons take no pointer or focus, so the reason sits on a focusable group around them.
          const why = t(`users.locked.${locked}`);
          return (
            <Tooltip title={why} trigger={['hover', 'focus']}>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users reach the tooltip that says why the actions are locked */}
              <span role="group" tabIndex={0} aria-label={why} className="xz-locked-actions">
                <Button type="link" size="small" disabled>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" disabled>
                  {t('users.resetPassword')}
                </Button>
                <Button type="link" size="small" disabled>
                  {u.active ? t('users.disable') : t('users.enable')}
                </Button>
              </span>
            </Tooltip>
          );
        }
        const self = u.id === me.id;
        return (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setDrawer(u)} aria-label={`${t('common.edit')} ${u.name}`}>
              {t('common.edit')}
            </Button>
            {self ? (
              // One's own password needs the current one: 修改密码, not a reset.
              <Button type="link" size="small" onClick={() => navigate('/system/password')}>
                {t('users.changeOwnPassword')}
              </Button>
            ) : (
              <>
                <Button type="link" size="small" onClick={() => setResetting(u)} aria-label={`${t('users.resetPassword')} ${u.name}`}>
                  {t('users.resetPassword')}
                </Button>
                <Popconfirm
                  title={t(u.active ? 'users.disable.confirm' : 'users.enable.confirm', { name: u.name })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => toggle(u)}
                >
                  <Button type="link" size="small" danger={u.active}>
                    {u.active ? t('users.disable') : t('users.enable')}
                  </Button>
                </Popconfirm>
              </>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer('new')}>
          {t('users.add')}
        </Button>
      }
    >
      <Card variant="borderless">
        <UserFilterBar roles={roles.data ?? []} onSearch={(v) => setFilter({ ...v, page: 1, pageSize: filter.pageSize })} />
        <Table<UserRow>
          rowKey="id"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          tableLayout="fixed"
          scroll={{ x: 1000 }}
          locale={{ emptyText: users.isFetching ? ' ' : <EmptyState title={t('users.empty')} hint={t('users.empty.hint')} /> }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('users.total', { n: f.num(n) }),
            onChange: (page, pageSize) => setFilter((x) => ({ ...x, page, pageSize })),
          }}
        />
      </Card>
      {drawer && <UserDrawer user={drawer === 'new' ? null : drawer} onClose={() => setDrawer(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </PageContainer>
  );
}
