import { AppstoreOutlined, BankOutlined, EnvironmentOutlined, HomeOutlined } from '@ant-design/icons';
import type { Level } from '../api/regions';

const COLORS: Record<Level, string> = { county: '#a8071a', township: '#d46b08', village: '#1659c7', grid: '#389e0d' };

export function LevelIcon({ level }: { level: Level }) {
  const style = { color: COLORS[level] ?? '#8c8c8c' };
  if (level === 'county') return <BankOutlined style={style} aria-hidden />;
  if (level === 'township') return <EnvironmentOutlined style={style} aria-hidden />;
  if (level === 'village') return <HomeOutlined style={style} aria-hidden />;
  return <AppstoreOutlined style={style} aria-hidden />;
}
