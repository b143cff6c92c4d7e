// 我关注的事 on 首页: the cases I said 我也遇到 to (or whose report was merged into them), open ones first.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client';
import type { CaseItem } from '../../console/api/cases';
import { homeGrant, useMe } from '../data';
import { CaseLinkCard, caseMeta } from '../cards';

export function FollowingSection() {
  const me = useMe().data;
  const hh = homeGrant(me)?.householdId ?? null;
  const q = useQuery({
    queryKey: ['h5', 'cases', 'following'],
    queryFn: () => api.get<{ items: CaseItem[] }>('/api/cases/following').then((r) => r.items),
    staleTime: 60_000,
  });
  // What I reported or what concerns my household is under 我家的事 already.
  const items = (q.data ?? []).filter((c) => c.reporterId !== me?.id && (!hh || c.householdId !== hh));
  if (!items.length) return null;
  return (
    <section aria-labelledby="h-following">
      <h2 id="h-following" className="xz-section">
        我关注的事
      </h2>
      {items.map((c) => (
        <CaseLinkCard key={c.id} c={c} meta={caseMeta(c.placeName, c.reportedAt, '反映')} />
      ))}
    </section>
  );
}
