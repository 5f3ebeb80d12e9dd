import { type PreloadQueryFunction, useSuspenseQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PeopleTabDocument } from '../../../apollo/generated';

export function preloadPeopleTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(PeopleTabDocument, { variables: { customerId } });
}

/** A first cut of the tab: what the server holds, as a plain list. */
export function PeopleTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(PeopleTabDocument, { variables: { customerId } });
  return (
    <section className="tab">
      <h2>{t('tabs.people')}</h2>
      <ul>
        {(data.customer?.keyPersons ?? []).map((item) => (
          <li key={item.id}>{item.name}</li>
        ))}
      </ul>
    </section>
  );
}
