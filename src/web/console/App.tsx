import { lazy, Suspense, useEffect, useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zh_CN from 'antd/locale/zh_CN';
import en_US from 'antd/locale/en_US';
import { I18nProvider, useI18n } from './i18n';
import { ApiError, setUnauthorizedHandler } from './api/client';
import { theme } from './theme';
import { RequireAuth } from './layout/RequireAuth';
import { HomeRedirect } from './layout/HomeRedirect';
import { PageSkeleton } from './components/PageSkeleton';

const LoginPage = lazy(() => import('./pages/login/LoginPage'));
const ConsoleLayout = lazy(() => import('./layout/ConsoleLayout'));
const HouseholdListPage = lazy(() => import('./pages/households/HouseholdListPage'));
const HouseholdDetailPage = lazy(() => import('./pages/households/HouseholdDetailPage'));
const RegionsPage = lazy(() => import('./pages/regions/RegionsPage'));
const UsersPage = lazy(() => import('./pages/users/UsersPage'));
const CaseListPage = lazy(() => import('./pages/cases/CaseListPage'));
const CaseReportPage = lazy(() => import('./pages/cases/CaseReportPage'));
const CaseDetailPage = lazy(() => import('./pages/cases/CaseDetailPage'));
const CategorySettingsPage = lazy(() => import('./pages/cases/CategorySettingsPage'));
const ChoicesPage = lazy(() => import('./pages/cases/ChoicesPage'));
const ConsultationPage = lazy(() => import('./pages/consultations/ConsultationPage'));
const VisitPlanPage = lazy(() => import('./pages/visits/VisitPlanPage'));
const VisitLogPage = lazy(() => import('./pages/visits/VisitLogPage'));
const VisitSettingsPage = lazy(() => import('./pages/visits/VisitSettingsPage'));
const PatrolListPage = lazy(() => import('./pages/patrols/PatrolListPage'));
const PointRulesPage = lazy(() => import('./pages/pts/RulesPage'));
const AwardQueuePage = lazy(() => import('./pages/pts/AwardsPage'));
const PointBoardPage = lazy(() => import('./pages/pts/BoardPage'));
const LedgerPage = lazy(() => import('./pages/pts/HouseholdLedgerPage'));
const RankingPage = lazy(() => import('./pages/pts/RankPage'));
const VolunteerPage = lazy(() => import('./pages/pts/VolunteerAdminPage'));
const StoreItemsPage = lazy(() => import('./pages/store/StoreItemsPage'));
const CounterPage = lazy(() => import('./pages/store/CounterPage'));
const RedemptionsPage = lazy(() => import('./pages/store/RedemptionsPage'));
const WorkCalendarPage = lazy(() => import('./pages/calendar/WorkCalendarPage'));
const PasswordPage = lazy(() => import('./pages/account/PasswordPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      },
    },
  });
}

/** A 401 from any request sends the user to the login page, remembering where they were. */
function UnauthorizedRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (location.pathname === '/login') return;
      qc.removeQueries();
      navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    });
  }, [navigate, location, qc]);
  return null;
}

function Localized({ children }: { children: React.ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zh_CN : en_US} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  const queryClient = useMemo(makeQueryClient, []);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Localized>
          <BrowserRouter>
            <UnauthorizedRedirect />
            <Suspense fallback={<PageSkeleton />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  element={
                    <RequireAuth>
                      <ConsoleLayout />
                    </RequireAuth>
                  }
                >
                  <Route index element={<HomeRedirect />} />
                  <Route path="registry/households" element={<HouseholdListPage />} />
                  <Route path="registry/households/:id" element={<HouseholdDetailPage />} />
                  <Route path="registry/regions" element={<RegionsPage />} />
                  <Route path="cases" element={<CaseListPage />} />
                  <Route path="cases/report" element={<CaseReportPage />} />
                  <Route path="cases/categories" element={<CategorySettingsPage />} />
                  <Route path="cases/choices" element={<ChoicesPage />} />
                  <Route path="cases/consultations" element={<ConsultationPage />} />
                  <Route path="cases/:id" element={<CaseDetailPage />} />
                  <Route path="visits" element={<Navigate to="/visits/plan" replace />} />
                  <Route path="visits/plan" element={<VisitPlanPage />} />
                  <Route path="visits/log" element={<VisitLogPage />} />
                  <Route path="visits/settings" element={<VisitSettingsPage />} />
                  <Route path="patrols" element={<PatrolListPage />} />
                  <Route path="points" element={<Navigate to="/points/awards" replace />} />
                  <Route path="points/rules" element={<PointRulesPage />} />
                  <Route path="points/awards" element={<AwardQueuePage />} />
                  <Route path="points/board" element={<PointBoardPage />} />
                  <Route path="points/ledger" element={<LedgerPage />} />
                  <Route path="points/ranking" element={<RankingPage />} />
                  <Route path="points/volunteer" element={<VolunteerPage />} />
                  <Route path="store" element={<Navigate to="/store/counter" replace />} />
                  <Route path="store/items" element={<StoreItemsPage />} />
                  <Route path="store/counter" element={<CounterPage />} />
                  <Route path="store/redemptions" element={<RedemptionsPage />} />
                  <Route path="system/users" element={<UsersPage />} />
                  <Route path="system/calendar" element={<WorkCalendarPage />} />
                  <Route path="system/password" element={<PasswordPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </Localized>
      </I18nProvider>
    </QueryClientProvider>
  );
}
