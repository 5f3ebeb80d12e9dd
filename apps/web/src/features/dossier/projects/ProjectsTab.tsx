import { type PreloadQueryFunction, useSuspenseQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ProjectsTabDocument } from '../../../apollo/generated';

export function preloadProjectsTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(ProjectsTabDocument, { variables: { customerId } });
}

/** A first cut of the tab: what the server holds, as a plain list. */
export function ProjectsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(ProjectsTabDocument, { variables: { customerId } });
  return (
    <section className="tab">
      <h2>{t('tabs.projects')}</h2>
      <ul>
        {(data.customer?.projects.nodes ?? []).map((item) => (
          <li key={item.id}>{item.name}</li>
        ))}
      </ul>
    </section>
  );
}
