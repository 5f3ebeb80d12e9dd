import { useQuery } from '@apollo/client/react';
import { staffRoleLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import { HomeRouteDocument } from '../apollo/generated';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { useLabel } from '../i18n';

/** Placeholder start page: the customer list replaces it in a later issue. */
export function HomeRoute() {
  const { t } = useTranslation();
  const label = useLabel();
  const { data, loading, error, refetch } = useQuery(HomeRouteDocument);
  if (loading) return <Loading />;
  if (error) return <ErrorMessage error={error} onRetry={() => refetch().catch(() => undefined)} />;
  const me = data?.me;
  if (!me) return null;
  return (
    <section className="card">
      <h1>{t('home.greeting', { name: me.name })}</h1>
      <p>{t('home.role', { role: label(staffRoleLabels, me.role) })}</p>
      {me.title && <p>{t('home.title', { title: me.title })}</p>}
      <p className="muted">{t('home.placeholder')}</p>
    </section>
  );
}
