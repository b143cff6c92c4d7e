import { Card, Skeleton } from 'antd';

export function PageSkeleton() {
  return (
    <div style={{ paddingTop: 16 }} aria-busy="true">
      <Skeleton.Input active size="small" style={{ width: 220, marginBottom: 16 }} />
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    </div>
  );
}
