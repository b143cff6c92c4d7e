// The header's inbox: the unread count (polled every minute) and a drawer of messages; opening one marks it read and goes to its case.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Drawer, Segmented, Skeleton, Tag, Tooltip } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { markNotificationsRead, notificationKeys, useInbox, type Notification } from '../api/notifications';
import { useErrorText } from '../api/errors';
import { useT } from '../i18n';
import { useFormat } from '../i18n/format';
import { EmptyState } from '../components/EmptyState';
import { useCaseLabels } from '../lib/caseLabels';

const KIND_COLOR: Record<string, string> = {
  assignment: 'blue',
  deadline: 'orange',
  card_yellow: 'gold',
  card_red: 'red',
  escalated: 'volcano',
  supervised: 'volcano',
  rated: 'green',
  copied: 'cyan',
  extension: 'purple',
  status: 'default',
  points: 'magenta',
};

export function InboxBell() {
  const t = useT();
  const f = useFormat();
  const label = useCaseLabels();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<'unread' | 'all'>('unread');
  const all = useInbox(false);
  const unreadList = useInbox(true, open);
  const unread = all.data?.unread ?? 0;
  const list = tab === 'unread' ? unreadList : all;

  const refresh = () => qc.invalidateQueries({ queryKey: notificationKeys.all });
  const openOne = async (n: Notification) => {
    try {
      if (!n.read) await markNotificationsRead({ ids: [n.id] });
      await refresh();
    } catch (err) {
      message.error(errorText(err));
    }
    if (n.entity === 'case' && n.entityId) {
      setOpen(false);
      navigate(`/cases/${n.entityId}`);
    } else if (n.entity === 'point_award' && n.entityId) {
      setOpen(false);
      navigate(`/points/awards?award=${n.entityId}`);
    }
  };
  const readAll = async () => {
    try {
      await markNotificationsRead({ all: true });
      await refresh();
      message.success(t('inbox.markedAll'));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const bellLabel = unread ? t('header.inbox.unread', { n: unread }) : t('header.inbox');
  return (
    <>
      <Tooltip title={bellLabel}>
        <Button
          type="text"
          className="xz-bell"
          aria-label={bellLabel}
          onClick={() => {
            setTab(unread ? 'unread' : 'all');
            setOpen(true);
          }}
        >
          <Badge count={unread} size="small" overflowCount={99} offset={[2, -2]}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        </Button>
      </Tooltip>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('inbox.title')}
        size={420}
        extra={
          <Button size="small" icon={<CheckOutlined />} disabled={!unread} onClick={readAll}>
            {t('inbox.markAll')}
          </Button>
        }
        styles={{ body: { padding: '12px 0' } }}
      >
        <div style={{ padding: '0 16px 12px' }}>
          <Segmented
            block
            value={tab}
            onChange={(v) => setTab(v as 'unread' | 'all')}
            options={[
              { value: 'unread', label: `${t('inbox.unreadTab')}${unread ? ` ${unread}` : ''}` },
              { value: 'all', label: t('inbox.allTab') },
            ]}
          />
        </div>
        {list.isPending ? (
          <div style={{ padding: '0 16px' }}>
            <Skeleton active paragraph={{ rows: 5 }} />
          </div>
        ) : !list.data?.items.length ? (
          <EmptyState title={t(tab === 'unread' ? 'inbox.empty' : 'inbox.empty.all')} hint={t('inbox.empty.hint')} />
        ) : (
          <ul className="xz-inbox" aria-label={t('inbox.title')}>
            {list.data.items.map((n) => (
              <li key={n.id}>
                <button type="button" className={n.read ? 'xz-inbox-item' : 'xz-inbox-item xz-inbox-unread'} onClick={() => openOne(n)}>
                  <span className="xz-inbox-top">
                    <Tag color={KIND_COLOR[n.kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                      {label.kind(n.kind)}
                    </Tag>
                    {!n.read && (
                      <>
                        <span className="xz-inbox-dot" aria-hidden />
                        <span className="xz-sr-only">{t('inbox.unread')}</span>
                      </>
                    )}
                    <time className="xz-muted" dateTime={n.createdAt}>
                      {f.dateTimeShort(n.createdAt)}
                    </time>
                  </span>
                  <span className="xz-inbox-title">{n.title}</span>
                  {n.body && <span className="xz-inbox-body xz-muted">{n.body}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Drawer>
    </>
  );
}
