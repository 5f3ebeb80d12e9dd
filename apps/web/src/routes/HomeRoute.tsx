import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { StaffRole } from '../apollo/schema-types';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { useT } from '../i18n';

interface HomeRouteData {
  me: { id: string; name: string; role: StaffRole; title: string | null } | null;
}

export const HOME_ROUTE_QUERY: TypedDocumentNode<HomeRouteData, Record<string, never>> = gql`
  query HomeRoute {
    me {
      id
      name
      role
      title
    }
  }
`;

/** Placeholder start page: the customer list replaces it in a later issue. */
export function HomeRoute() {
  const t = useT();
  const { data, loading, error, refetch } = useQuery(HOME_ROUTE_QUERY);
  if (loading) return <Loading />;
  if (error) return <ErrorMessage error={error} onRetry={() => refetch().catch(() => undefined)} />;
  const me = data?.me;
  if (!me) return null;
  return (
    <section className="card">
      <h1>{t('home.greeting', { name: me.name })}</h1>
      <p>{t('home.role', { role: t(`role.${me.role}`) })}</p>
      {me.title && <p>{t('home.title', { title: me.title })}</p>}
      <p className="muted">{t('home.placeholder')}</p>
    </section>
  );
}
