import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

/** One-line text that truncates with … and shows the whole text on hover or focus. */
export function Ellipsis({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <Tooltip title={text} placement="topLeft" mouseEnterDelay={0.3}>
      <span className="xz-cell-ellipsis">{children ?? text}</span>
    </Tooltip>
  );
}
