// Special-group tags with their Chinese labels; colour and words together, never colour alone.
import { Tag, Tooltip } from 'antd';
import { useDictionaries } from '../api/tags';
import { useI18n } from '../i18n';

const COLORS: Record<string, string> = {
  poor: 'orange',
  elderly_alone: 'gold',
  severe_disability: 'purple',
  community_correction: 'volcano',
  released_prisoner: 'magenta',
  severe_mental: 'red',
  left_behind_child: 'cyan',
  floating: 'geekblue',
  notable: 'green',
  veteran: 'blue',
  party_member: 'red',
};

export function useTagLabel() {
  const { locale, t } = useI18n();
  const dict = useDictionaries();
  return (code: string) => {
    const def = dict.data?.tags.find((x) => x.code === code);
    if (!def) return t('common.otherTag');
    return locale === 'zh-CN' ? def.zh : def.en;
  };
}

export function TagList({ tags, max = 3, maxChars, nowrap = false }: { tags: string[]; max?: number; maxChars?: number; nowrap?: boolean }) {
  const label = useTagLabel();
  if (!tags.length) return <span className="xz-muted">—</span>;
  // In narrow cells, show as many whole tags as fit a character budget; the rest go behind "+N".
  let count = Math.min(max, tags.length);
  if (maxChars) {
    let used = 0;
    count = 0;
    for (const c of tags.slice(0, max)) {
      used += label(c).length + 1;
      if (count > 0 && used > maxChars) break;
      count++;
    }
  }
  const shown = tags.slice(0, count);
  const rest = tags.slice(count);
  return (
    <span style={{ display: 'inline-flex', flexWrap: nowrap ? 'nowrap' : 'wrap', gap: 4, maxWidth: '100%', overflow: 'hidden' }}>
      {shown.map((c) => (
        <Tag key={c} color={COLORS[c] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {label(c)}
        </Tag>
      ))}
      {rest.length > 0 && (
        <Tooltip title={rest.map(label).join('、')}>
          <Tag style={{ marginInlineEnd: 0 }}>+{rest.length}</Tag>
        </Tooltip>
      )}
    </span>
  );
}

export const tagColor = (code: string) => COLORS[code] ?? 'default';
