// Page frame: breadcrumbs from the menu trail, a title, actions on the right.
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Breadcrumb, Typography } from 'antd';
import { HomeOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { menuTrail } from '../layout/menu';

export interface Crumb {
  title: string;
  path?: string;
}

export function PageContainer({
  title,
  subTitle,
  extra,
  crumbs = [],
  parentPath,
  children,
}: {
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  crumbs?: Crumb[];
  /** Where the menu page crumb leads (e.g. the list with the filters the user came from). */
  parentPath?: string;
  children: ReactNode;
}) {
  const t = useT();
  const { pathname } = useLocation();
  const trail = menuTrail(pathname) ?? [];
  const items = [
    {
      title: (
        <Link to="/" aria-label={t('common.backHome')}>
          <HomeOutlined />
        </Link>
      ),
    },
    ...trail.map((e, i) => {
      const isLast = i === trail.length - 1 && crumbs.length === 0;
      const to = i === trail.length - 1 && parentPath ? parentPath : e.path;
      return { title: to && !isLast ? <Link to={to}>{t(e.label)}</Link> : t(e.label) };
    }),
    ...crumbs.map((c, i) => {
      const text = (
        // biome-ignore lint/correctness/useJsxKeyInIterable: a breadcrumb item's title, not a list child
        <span className="xz-crumb" title={c.title}>
          {c.title}
        </span>
      );
      return { title: c.path && i < crumbs.length - 1 ? <Link to={c.path}>{text}</Link> : text };
    }),
  ];
  return (
    <>
      <div className="xz-page-head">
        <Breadcrumb items={items} />
        <div className="xz-page-title-row">
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={1} className="xz-page-title" ellipsis={{ tooltip: true }}>
              {title}
            </Typography.Title>
            {subTitle && <div className="xz-page-sub">{subTitle}</div>}
          </div>
          {extra && <div style={{ flex: 'none' }}>{extra}</div>}
        </div>
      </div>
      {children}
    </>
  );
}
