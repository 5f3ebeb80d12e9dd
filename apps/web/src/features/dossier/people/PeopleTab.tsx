import { type PreloadQueryFunction, useSuspenseQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PeopleTabDocument } from '../../../apollo/generated';
import { ProfileCard } from './ProfileCard';

export function preloadPeopleTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(PeopleTabDocument, { variables: { customerId } });
}

/** The customer's key persons, active first, and the card of the one picked. */
export function PeopleTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(PeopleTabDocument, { variables: { customerId } });
  const people = [...(data.customer?.keyPersons ?? [])].sort((a, b) => Number(b.active) - Number(a.active));
  const [pickedId, setPickedId] = useState<string | null>(null);
  const picked = people.find((p) => p.id === pickedId) ?? people[0];

  if (!picked) return <p className="muted">{t('people.empty')}</p>;
  return (
    <div className="tab tab--columns">
      <section className="panel" aria-labelledby="people-title">
        <h2 id="people-title">{t('tabs.people')}</h2>
        <ul className="pick-list">
          {people.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                className="pick-list__item"
                aria-pressed={person.id === picked.id}
                onClick={() => setPickedId(person.id)}
              >
                <span>{person.name}</span>
                <span className="muted">
                  {[person.title, person.department].filter(Boolean).join(' · ')}
                  {!person.active && ` · ${t('people.former')}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <ProfileCard person={picked} customerId={customerId} />
    </div>
  );
}
