import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { RESIDENT_TAGS } from '../../../shared/tags';

export interface TagDef {
  code: string;
  zh: string;
  en: string;
}
export interface Dictionaries {
  tags: TagDef[];
  relations: string[];
}

const FALLBACK: Dictionaries = {
  tags: RESIDENT_TAGS.map((t) => ({ ...t })),
  relations: ['户主', '配偶', '子女', '儿媳', '女婿', '孙子女', '父母', '祖父母', '兄弟姐妹', '其他'],
};

export function useDictionaries() {
  return useQuery({ queryKey: ['tags'], queryFn: () => api.get<Dictionaries>('/api/tags'), staleTime: 60 * 60_000, placeholderData: FALLBACK });
}
