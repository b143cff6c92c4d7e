// 兑换核销: the counter clerk's page — check a pick-up code and hand the goods over, redeem for a villager
// without a phone (柜台代兑), and see what was handed over today. Works on the header's jurisdiction.
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { useSession } from '../../layout/session';
import { CodeDesk } from './CodeDesk';
import { CounterRedeem } from './CounterRedeem';
import { TodayFulfilled } from './TodayFulfilled';
import './store.css';

export default function CounterPage() {
  const t = useT();
  const { current } = useSession();
  const regionId = current?.regionId;
  return (
    <PageContainer title={t('menu.storeCounter')} subTitle={t('store.counter.sub', { place: current?.name ?? '' })}>
      <div className="xz-counter">
        <CodeDesk />
        <CounterRedeem key={regionId} regionId={regionId} />
      </div>
      <TodayFulfilled regionId={regionId} />
    </PageContainer>
  );
}
