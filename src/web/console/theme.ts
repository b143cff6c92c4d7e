import type { ThemeConfig } from 'antd';

/** People who ask their system for less motion (and vestibular comfort) get none: antd's motion token off. */
const reducedMotion = typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

// 政务蓝 primary; the red of the logo is reserved for accents and danger.
export const theme: ThemeConfig = {
  token: {
    motion: !reducedMotion,
    colorPrimary: '#1659c7',
    colorLink: '#1659c7',
    colorLinkHover: '#0d47a1',
    borderRadius: 6,
    fontSize: 14,
    colorBgLayout: '#f5f7fa',
    // AA contrast for secondary text (antd's default 45% black is 3.2:1 on white).
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: '#0e2240', headerBg: '#ffffff', bodyBg: '#f5f7fa' },
    Menu: { darkItemBg: '#0e2240', darkSubMenuItemBg: '#0a1a33', darkItemSelectedBg: '#1659c7' },
    Table: { headerBg: '#fafbfc' },
    Breadcrumb: { itemColor: 'rgba(0, 0, 0, 0.6)', linkColor: 'rgba(0, 0, 0, 0.6)', separatorColor: 'rgba(0, 0, 0, 0.6)' },
  },
};
