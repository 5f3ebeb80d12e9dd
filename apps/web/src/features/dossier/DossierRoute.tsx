import { type PreloadedQueryRef, type PreloadQueryFunction, useReadQuery } from '@apollo/client/react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { type LoaderFunctionArgs, NavLink, Outlet, useLoaderData } from 'react-router';
import { DossierRouteDocument, type DossierRouteQuery } from '../../apollo/generated';
import { NotFound } from '../../app/NotFound';
import { Loading } from '../../ui/Loading';
import { DossierHeader } from './DossierHeader';
import { MayEditContext } from './forms/mayEdit';
import { DOSSIER_TABS, TAB_LABELS } from './tabs';

export const dossierLoader =
  (preloadQuery: PreloadQueryFunction) =>
  ({ params }: LoaderFunctionArgs) =>
    preloadQuery(DossierRouteDocument, { variables: { id: params.id ?? '' } });

/** `/customers/:id/*`: the dossier's header and tab bar around the open tab. */
export function DossierRoute() {
  const { t } = useTranslation();
  const { data } = useReadQuery(useLoaderData<PreloadedQueryRef<DossierRouteQuery>>());
  const customer = data.customer;
  if (!customer) return <NotFound />;
  return (
    <article className="dossier">
      <DossierHeader customer={customer} />
      <nav className="tabs" aria-label={t('dossierPage.sections')}>
        {DOSSIER_TABS.map((tab) => (
          <NavLink key={tab} to={tab} className="tabs__tab">
            {t(TAB_LABELS[tab])}
          </NavLink>
        ))}
      </nav>
      <MayEditContext.Provider value={customer.mayEdit}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </MayEditContext.Provider>
    </article>
  );
}
