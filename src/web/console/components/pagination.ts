// The pagination every console list uses: 10/20/50/100 per page, the total in words, a jumper for long lists.
import type { TablePaginationConfig } from 'antd';

export function listPagination(o: {
  page: number;
  pageSize: number;
  total: number;
  totalText: (n: number) => string;
  onChange: (page: number, pageSize: number) => void;
  jumper?: boolean;
  hideOnSinglePage?: boolean;
}): TablePaginationConfig {
  return {
    current: o.page,
    pageSize: o.pageSize,
    total: o.total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    ...(o.jumper === false ? {} : { showQuickJumper: o.total > o.pageSize * 5 }),
    ...(o.hideOnSinglePage === undefined ? {} : { hideOnSinglePage: o.hideOnSinglePage }),
    showTotal: o.totalText,
    onChange: o.onChange,
  };
}
