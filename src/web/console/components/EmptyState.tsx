import type { ReactNode } from 'react';
import { Empty } from 'antd';

export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <div>
          <div style={{ color: '#595959', fontSize: 14 }}>{title}</div>
          {hint && <div className="xz-empty-hint">{hint}</div>}
        </div>
      }
      style={{ padding: '32px 0' }}
    >
      {action}
    </Empty>
  );
}
