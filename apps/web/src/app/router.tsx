import type { ApolloClient } from '@apollo/client';
import { createQueryPreloader } from '@apollo/client/react';
import { createBrowserRouter, Navigate, type RouteObject, redirect } from 'react-router';
import { ApiTokensRoute, apiTokensLoader } from '../features/api-tokens/ApiTokensRoute';
import {
  ArchiveInspectionRoute,
  archiveInspectionLoader,
} from '../features/archive-inspection/ArchiveInspectionRoute';
import {
  ArchiveInspectionsRoute,
  archiveInspectionsLoader,
} from '../features/archive-inspection/ArchiveInspectionsRoute';
import { AuditLogRoute, auditLogLoader } from '../features/audit-log/AuditLogRoute';
import { CustomersRoute, customersLoader } from '../features/customers/CustomersRoute';
import { LoanRegisterRoute, loanRegisterLoader } from '../features/documents/LoanRegisterRoute';
import { RetentionRoute, retentionLoader } from '../features/documents/RetentionRoute';
import { DossierRoute, dossierLoader } from '../features/dossier/DossierRoute';
import { dossierTabRoutes } from '../features/dossier/tabs';
import { InboxRoute, inboxLoader } from '../features/inbox/InboxRoute';
import { StaffAdminRoute, staffAdminLoader } from '../features/staff-admin/StaffAdminRoute';
import { Loading } from '../ui/Loading';
import { NotFound } from './NotFound';
import { RouteError } from './RouteError';
import { Shell, shellLoader } from './Shell';

/**
 * Every screen of the app. Each route's loader starts its query before the component renders
 * (Apollo's query preloader), so data and the lazily loaded code of a tab arrive together.
 */
export function appRoutes(client: ApolloClient): RouteObject[] {
  const preloadQuery = createQueryPreloader(client);
  return [
    {
      // The customer's own sheet: outside the shell and sign-in, its own light chunk.
      path: '/sheet/:token',
      HydrateFallback: Loading,
      lazy: () =>
        import('../features/customer-sheet/PublicSheetRoute').then((m) => ({
          Component: m.PublicSheetRoute,
        })),
    },
    {
      id: 'root',
      path: '/',
      loader: shellLoader(preloadQuery),
      Component: Shell,
      HydrateFallback: Loading,
      ErrorBoundary: RouteError,
      children: [
        // The loaders redirect before anything renders; the elements cover a render before they ran.
        { index: true, loader: () => redirect('/customers'), element: <Navigate to="/customers" replace /> },
        { path: 'customers', loader: customersLoader(client, preloadQuery), Component: CustomersRoute },
        { path: 'inbox', loader: inboxLoader(preloadQuery), Component: InboxRoute },
        {
          path: 'dashboard',
          // Its own chunk with ECharts: the first screen a rep opens does not carry the charts.
          lazy: async () => {
            const { DashboardRoute, dashboardLoader } = await import('../features/dashboard/DashboardRoute');
            return { loader: dashboardLoader(preloadQuery), Component: DashboardRoute };
          },
        },
        {
          path: 'customers/:id',
          loader: dossierLoader(preloadQuery),
          Component: DossierRoute,
          ErrorBoundary: RouteError,
          children: [
            {
              index: true,
              loader: ({ params }) => redirect(`/customers/${encodeURIComponent(params.id ?? '')}/basic`),
              element: <Navigate to="basic" replace />,
            },
            ...dossierTabRoutes(preloadQuery),
          ],
        },
        {
          // GraphiQL and its Monaco editor are an analyst's tool: their chunks load only on this route.
          path: 'graphiql',
          lazy: () =>
            import('../features/graphiql/GraphiQLRoute').then((m) => ({ Component: m.GraphiQLRoute })),
        },
        { path: 'staff', loader: staffAdminLoader(preloadQuery), Component: StaffAdminRoute },
        { path: 'api-tokens', loader: apiTokensLoader(preloadQuery), Component: ApiTokensRoute },
        // Not under /documents: the server owns that path (uploads and content).
        { path: 'loans', loader: loanRegisterLoader(preloadQuery), Component: LoanRegisterRoute },
        { path: 'retention', loader: retentionLoader(preloadQuery), Component: RetentionRoute },
        {
          path: 'archive-inspections',
          loader: archiveInspectionsLoader(preloadQuery),
          Component: ArchiveInspectionsRoute,
        },
        {
          path: 'archive-inspections/:id',
          loader: archiveInspectionLoader(preloadQuery),
          Component: ArchiveInspectionRoute,
        },
        { path: 'audit-log', loader: auditLogLoader(preloadQuery), Component: AuditLogRoute },
        {
          path: 'weekly-check',
          // A manager's Monday page: its own chunk, out of a rep's first screen.
          lazy: async () => {
            const { WeeklyCheckRoute, weeklyCheckLoader } = await import(
              '../features/weekly-check/WeeklyCheckRoute'
            );
            return { loader: weeklyCheckLoader(preloadQuery), Component: WeeklyCheckRoute };
          },
        },
        {
          path: 'reports',
          // A monthly visit of managers and leaders: its own chunk, out of a rep's first screen.
          lazy: async () => {
            const { ReportsRoute, reportsLoader } = await import('../features/reports/ReportsRoute');
            return { loader: reportsLoader(preloadQuery), Component: ReportsRoute };
          },
        },
        { path: '*', Component: NotFound },
      ],
    },
  ];
}

export function createAppRouter(client: ApolloClient) {
  return createBrowserRouter(appRoutes(client));
}
