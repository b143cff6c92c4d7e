// 与户主关系 is stored as the Chinese word (free text); the English console shows a translation when one is known.
import type { Locale } from './index';

const EN: Record<string, string> = {
  户主: 'Head',
  配偶: 'Spouse',
  子女: 'Child',
  儿媳: 'Daughter-in-law',
  女婿: 'Son-in-law',
  孙子女: 'Grandchild',
  父母: 'Parent',
  祖父母: 'Grandparent',
  兄弟姐妹: 'Sibling',
  其他: 'Other',
};

export function relationLabel(relation: string, locale: Locale): string {
  return locale === 'en-US' ? (EN[relation] ?? relation) : relation;
}
