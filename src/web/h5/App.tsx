// 乡治 H5: villagers get 首页 (我家的事), 随手拍, 我的 and a case's detail with rating; grid workers and village cadres
// land on 今日 and get 走访 and 巡查 (plan, visit log, checklist, 转为事件) instead. Offline (sw.ts, outbox.ts): the pages
// show the phone's copy of their data with a bar saying so, and visits and patrols wait in 待同步 until the network is back.
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, Navigate, NavLink, Route, Routes, useLocation, useNavigate, useNavigationType } from 'react-router-dom';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { ConfigProvider, DotLoading } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { AppOutline, CameraOutline, CalendarOutline, CheckShieldOutline, GiftOutline, TeamOutline, UserOutline } from 'antd-mobile-icons';
import { setUnauthorizedHandler, ApiError } from '../shared/api-client';
import { ElderProvider } from './elder';
import { useMe } from './data';
import { NetworkBar } from './offline';
import { useAutoSync } from './sync';
import { isWorker } from './work';
// The sign-in page comes with the shell: a phone's very first visit shows it, and it should not wait for a second fetch.
import { LoginPage } from './pages/Login';

/** A page's code is fetched when it is first shown, so a first load brings only the shell (the service worker keeps them all). */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
const HomePage = page(() => import('./pages/Home'), 'HomePage');
const CasePage = page(() => import('./pages/CaseDetail'), 'CasePage');
const ReportPage = page(() => import('./pages/Report'), 'ReportPage');
const MinePage = page(() => import('./pages/Mine'), 'MinePage');
const TodayPage = page(() => import('./pages/Today'), 'TodayPage');
const VisitsPage = page(() => import('./pages/Visits'), 'VisitsPage');
const VisitFormPage = page(() => import('./pages/VisitForm'), 'VisitFormPage');
const VisitDetailPage = page(() => import('./pages/VisitDetail'), 'VisitDetailPage');
const PatrolsPage = page(() => import('./pages/Patrols'), 'PatrolsPage');
const PatrolFormPage = page(() => import('./pages/PatrolForm'), 'PatrolFormPage');
const PatrolDetailPage = page(() => import('./pages/PatrolDetail'), 'PatrolDetailPage');
const TodoPage = page(() => import('./pages/Todo'), 'TodoPage');
const OutboxPage = page(() => import('./pages/Outbox'), 'OutboxPage');
const PointsHomePage = page(() => import('./pages/PointsHome'), 'PointsHomePage');
const StorePage = page(() => import('./pages/StorePage'), 'StorePage');
const MyRedemptionsPage = page(() => import('./pages/RedemptionPages'), 'MyRedemptionsPage');
const RedemptionCodePage = page(() => import('./pages/RedemptionPages'), 'RedemptionCodePage');
const PointsBoardPage = page(() => import('./pages/PointsPublic'), 'PointsBoardPage');
const PointsRankingPage = page(() => import('./pages/PointsPublic'), 'PointsRankingPage');
const PointsClaimPage = page(() => import('./pages/PointsClaim'), 'PointsClaimPage');
const VolunteerPage = page(() => import('./pages/Volunteer'), 'VolunteerPage');

const queryClient = new QueryClient({
  // networkMode 'always': without a network the request still goes out, to the service worker, which has the copy.
  defaultOptions: { queries: { networkMode: 'always', refetchOnWindowFocus: false, retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2 } },
});

export function H5Root() {
  useEffect(() => {
    // The service worker took over after this page loaded its data: ask again through it, so the copy is kept —
    // now for what is on screen, and for everything else (e.g. /api/me, read at sign-in while a lazy page was still
    // loading) as soon as a page uses it again.
    const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
    const again = () => {
      void queryClient.invalidateQueries();
    };
    sw?.addEventListener('controllerchange', again);
    return () => sw?.removeEventListener('controllerchange', again);
  }, []);
  return (
    <ConfigProvider locale={zhCN}>
      <QueryClientProvider client={queryClient}>
        <ElderProvider>
          <BrowserRouter>
            <ScrollToTop />
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/h5/login" element={<LoginPage />} />
                <Route
                  path="/h5"
                  element={
                    <Authed tabs>
                      <VillagerHome />
                    </Authed>
                  }
                />
                <Route
                  path="/h5/home"
                  element={
                    <Authed tabs>
                      <HomePage />
                    </Authed>
                  }
                />
                <Route
                  path="/h5/today"
                  element={
                    <Authed tabs>
                      <WorkerOnly>
                        <TodayPage />
                      </WorkerOnly>
                    </Authed>
                  }
                />
                <Route
                  path="/h5/visits"
                  element={
                    <Authed tabs>
                      <WorkerOnly>
                        <VisitsPage />
                      </WorkerOnly>
                    </Authed>
                  }
                />
                <Route
                  path="/h5/visits/new"
                  element={
                    <Authed>
                      <WorkerOnly>
                        <VisitFormPage />
                      </WorkerOnly>
                    </Authed>
                  }
                />
                <Route
                  path="/h5/visits/:id"
                  element={
                    <Authed>
                      <WorkerOnly>
                        <VisitDetailPage />
                      </WorkerOnly>
                    </Authed>
                  }
                />
                <Route
                  path="/h5/patrols"
                  element={
                    <Authed tabs>
                      <WorkerOnly>
                        <PatrolsPage />
                      </WorkerOnly>
                    </Authed>
                  }
                />
                <Route
                  path="/h5/patrols/new"
                  element={
                    <Authed>
                      <WorkerOnly>
                        <PatrolFormPage />
                      </WorkerOnly>
                    </Authed>
                  }
                />
                <Route
                  path="/h5/patrols/:id"
                  element={
                    <Authed>
                      <WorkerOnly>
                        <PatrolDetailPage />
                      </WorkerOnly>
                    </Authed>
                  }
                />
                <Route
                  path="/h5/outbox"
                  element={
                    <Authed>
                      <WorkerOnly>
                        <OutboxPage />
                      </WorkerOnly>
                    </Authed>
                  }
                />
                <Route
                  path="/h5/todo"
                  element={
                    <Authed>
                      <WorkerOnly>
                        <TodoPage />
                      </WorkerOnly>
                    </Authed>
                  }
                />
                <Route
                  path="/h5/report"
                  element={
                    <Authed tabs>
                      <ReportPage />
                    </Authed>
                  }
                />
                <Route
                  path="/h5/me"
                  element={
                    <Authed tabs>
                      <MinePage />
                    </Authed>
                  }
                />
                <Route
                  path="/h5/points"
                  element={
                    <Authed tabs>
                      <PointsHomePage />
                    </Authed>
                  }
                />
                <Route
                  path="/h5/points/board"
                  element={
                    <Authed>
                      <PointsBoardPage />
                    </Authed>
                  }
                />
                <Route
                  path="/h5/points/ranking"
                  element={
                    <Authed>
                      <PointsRankingPage />
                    </Authed>
                  }
                />
                <Route
                  path="/h5/points/claim"
                  element={
                    <Authed>
                      <PointsClaimPage />
                    </Authed>
                  }
                />
                <Route
                  path="/h5/volunteer"
                  element={
                    <Authed>
                      <VolunteerPage />
                    </Authed>
                  }
                />
                <Route
                  path="/h5/store"
                  element={
                    <Authed>
                      <StorePage />
                    </Authed>
                  }
                />
                <Route
                  path="/h5/store/mine"
                  element={
                    <Authed>
                      <MyRedemptionsPage />
                    </Authed>
                  }
                />
                <Route
                  path="/h5/store/r/:id"
                  element={
                    <Authed>
                      <RedemptionCodePage />
                    </Authed>
                  }
                />
                <Route
                  path="/h5/cases/:id"
                  element={
                    <Authed>
                      <CasePage />
                    </Authed>
                  }
                />
                <Route path="*" element={<Navigate to="/h5" replace />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </ElderProvider>
      </QueryClientProvider>
    </ConfigProvider>
  );
}

/** /h5 is the villager's home; a grid worker or cadre starts on 今日 (their own household's cases stay at /h5/home). */
function VillagerHome() {
  const me = useMe().data;
  return isWorker(me) ? <Navigate to="/h5/today" replace /> : <HomePage />;
}

/** A new page starts at its top (going back keeps where the browser was). */
function ScrollToTop() {
  const { pathname } = useLocation();
  const type = useNavigationType();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new path is what scrolls to the top
  useEffect(() => {
    if (type !== 'POP' && !window.location.hash) window.scrollTo(0, 0);
  }, [pathname, type]);
  return null;
}

/** The worker's pages; anyone else goes to the villager home. */
function WorkerOnly({ children }: { children: ReactNode }) {
  const me = useMe().data;
  return isWorker(me) ? children : <Navigate to="/h5" replace />;
}

/** Pages behind sign-in; an expired session goes back to /h5/login and returns afterwards. */
function Authed({ children, tabs }: { children: ReactNode; tabs?: boolean }) {
  const me = useMe();
  const navigate = useNavigate();
  const loc = useLocation();
  const qc = useQueryClient();
  useAutoSync(me.data);
  useEffect(() => {
    setUnauthorizedHandler(() => {
      qc.clear();
      navigate(`/h5/login?next=${encodeURIComponent(window.location.pathname)}`, { replace: true });
    });
  }, [navigate, qc]);
  if (me.isPending) return <Loading />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={`/h5/login?next=${encodeURIComponent(loc.pathname)}`} replace />;
    return (
      <div className="xz-center xz-col">
        <p>暂时连不上服务器，请检查网络。</p>
        <button type="button" className="xz-link-btn" onClick={() => me.refetch()}>
          重新加载
        </button>
      </div>
    );
  }
  return (
    <div className={tabs ? 'xz-shell xz-shell-tabs' : 'xz-shell'}>
      <NetworkBar />
      <main className="xz-main">
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
      {tabs && <TabBar tabs={isWorker(me.data) ? WORKER_TABS : TABS} />}
    </div>
  );
}

function Loading() {
  return (
    <div className="xz-center" role="status">
      <DotLoading color="primary" /> 正在加载
    </div>
  );
}

const TABS = [
  { to: '/h5', label: '首页', icon: <AppOutline aria-hidden />, end: true },
  { to: '/h5/report', label: '随手拍', icon: <CameraOutline aria-hidden />, end: false },
  { to: '/h5/points', label: '积分', icon: <GiftOutline aria-hidden />, end: false },
  { to: '/h5/me', label: '我的', icon: <UserOutline aria-hidden />, end: false },
];

const WORKER_TABS = [
  { to: '/h5/today', label: '今日', icon: <CalendarOutline aria-hidden />, end: true },
  { to: '/h5/visits', label: '走访', icon: <TeamOutline aria-hidden />, end: false },
  { to: '/h5/patrols', label: '巡查', icon: <CheckShieldOutline aria-hidden />, end: false },
  { to: '/h5/me', label: '我的', icon: <UserOutline aria-hidden />, end: false },
];

function TabBar({ tabs }: { tabs: typeof TABS }) {
  return (
    <nav className="xz-tabbar" aria-label="底部导航">
      {tabs.map((t) => (
        <NavLink key={t.to} to={t.to} end={t.end} className={({ isActive }) => (isActive ? 'xz-tab xz-tab-on' : 'xz-tab')}>
          <span className="xz-tab-icon">{t.icon}</span>
          <span className="xz-tab-label">{t.label}</span>
        </NavLink>
      ))}
    </nav>
  );
}
