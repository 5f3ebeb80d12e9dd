import type { PreloadQueryFunction } from '@apollo/client/react';
import type { ComponentType } from 'react';
import { type RouteObject, useParams } from 'react-router';
import type { PlainMessageKey } from '../../i18n';

/** The dossier's sections (DOMAIN.md), in the order of its tab bar; each is a URL segment. */
export const DOSSIER_TABS = [
  'basic',
  'people',
  'map',
  'roles',
  'projects',
  'trade',
  'credit',
  'documents',
  'feedback',
  'competitors',
  'history',
] as const;
export type DossierTab = (typeof DOSSIER_TABS)[number];

export const TAB_LABELS: Record<DossierTab, PlainMessageKey> = {
  basic: 'tabs.basic',
  people: 'tabs.people',
  map: 'tabs.map',
  roles: 'tabs.roles',
  projects: 'tabs.projects',
  trade: 'tabs.trade',
  credit: 'tabs.credit',
  documents: 'tabs.documents',
  feedback: 'tabs.feedback',
  competitors: 'tabs.competitors',
  history: 'tabs.history',
};

/**
 * The contract every tab module keeps: `<Name>Tab({ customerId })` reads its query with
 * `useSuspenseQuery`, and `preload<Name>Tab(preloadQuery, customerId, search)` starts that same query
 * (a tab whose query depends on the URL's search parameters, such as History's section, reads `search`).
 */
interface TabModule {
  Tab: ComponentType<{ customerId: string }>;
  preload: (preloadQuery: PreloadQueryFunction, customerId: string, search: URLSearchParams) => unknown;
}

// One dynamic import per tab: each is its own chunk, fetched when the tab is first opened.
const tabModules: Record<DossierTab, () => Promise<TabModule>> = {
  basic: () => import('./basic/BasicTab').then((m) => ({ Tab: m.BasicTab, preload: m.preloadBasicTab })),
  people: () => import('./people/PeopleTab').then((m) => ({ Tab: m.PeopleTab, preload: m.preloadPeopleTab })),
  map: () => import('./map/MapTab').then((m) => ({ Tab: m.MapTab, preload: m.preloadMapTab })),
  roles: () => import('./roles/RolesTab').then((m) => ({ Tab: m.RolesTab, preload: m.preloadRolesTab })),
  projects: () =>
    import('./projects/ProjectsTab').then((m) => ({ Tab: m.ProjectsTab, preload: m.preloadProjectsTab })),
  trade: () => import('./trade/TradeTab').then((m) => ({ Tab: m.TradeTab, preload: m.preloadTradeTab })),
  credit: () => import('./credit/CreditTab').then((m) => ({ Tab: m.CreditTab, preload: m.preloadCreditTab })),
  documents: () =>
    import('./documents/DocumentsTab').then((m) => ({ Tab: m.DocumentsTab, preload: m.preloadDocumentsTab })),
  feedback: () =>
    import('./feedback/FeedbackTab').then((m) => ({ Tab: m.FeedbackTab, preload: m.preloadFeedbackTab })),
  competitors: () =>
    import('./competitors/CompetitorsTab').then((m) => ({
      Tab: m.CompetitorsTab,
      preload: m.preloadCompetitorsTab,
    })),
  history: () =>
    import('./history/HistoryTab').then((m) => ({ Tab: m.HistoryTab, preload: m.preloadHistoryTab })),
};

/** `/customers/:id/<tab>`: the route loads the tab's code, then its loader starts the tab's query. */
export function dossierTabRoutes(preloadQuery: PreloadQueryFunction): RouteObject[] {
  return DOSSIER_TABS.map((tab) => ({
    path: tab,
    lazy: async () => {
      const { Tab, preload } = await tabModules[tab]();
      function TabRoute() {
        const { id = '' } = useParams();
        // Keyed by customer: moving to another dossier starts the tab afresh (drafts, open cards).
        return <Tab key={id} customerId={id} />;
      }
      return {
        loader: ({ params, request }) => {
          preload(preloadQuery, params.id ?? '', new URL(request.url).searchParams);
          return null;
        },
        Component: TabRoute,
      };
    },
  }));
}
