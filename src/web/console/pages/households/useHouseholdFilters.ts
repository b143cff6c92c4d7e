// The household list's filters, kept in the URL so "back" from a household returns to the same page.
import type { HouseholdFilter } from '../../api/households';
import { useUrlFilters } from '../../components/useUrlFilters';

const KEYS = ['regionId', 'q', 'tag'] as const;

export function useHouseholdFilters(defaultRegionId: string | undefined) {
  return useUrlFilters<HouseholdFilter>(KEYS, { regionId: defaultRegionId });
}
