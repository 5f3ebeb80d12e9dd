import { useTranslation } from 'react-i18next';
import type { ProfileCard_KeyPersonFragment } from '../../../apollo/generated';
import type { PlainMessageKey } from '../../../i18n';

type Profile = NonNullable<ProfileCard_KeyPersonFragment['profile']>;

const CONTACT: Array<
  [
    keyof ProfileCard_KeyPersonFragment & ('department' | 'title' | 'mobile' | 'officePhone' | 'email'),
    PlainMessageKey,
  ]
> = [
  ['department', 'people.department'],
  ['title', 'people.title'],
  ['mobile', 'people.mobile'],
  ['officePhone', 'people.officePhone'],
  ['email', 'people.email'],
];

const PROFILE: Array<[keyof Omit<Profile, '__typename'>, PlainMessageKey]> = [
  ['birthYear', 'people.birthYear'],
  ['education', 'people.education'],
  ['background', 'people.background'],
  ['family', 'people.family'],
  ['personality', 'people.personality'],
  ['interests', 'people.interests'],
  ['notes', 'people.notes'],
];

/**
 * A key person's card. Phones, e-mail and the profile come only to viewers allowed to see personal details;
 * anyone else is told they are not shown, so an empty field never reads as missing data to be filled in.
 */
export function ProfileCard({ person }: { person: ProfileCard_KeyPersonFragment }) {
  const { t } = useTranslation();
  return (
    <article className="panel profile-card" aria-labelledby={`person-${person.id}`}>
      <h3 id={`person-${person.id}`}>
        {person.name} {!person.active && <span className="chip">{t('people.former')}</span>}
      </h3>
      <dl className="sheet">
        {CONTACT.filter(([field]) => person[field]).map(([field, label]) => (
          <div key={field} className="sheet__row">
            <dt>{t(label)}</dt>
            <dd>{person[field]}</dd>
          </div>
        ))}
        {!person.personalDataVisible && (
          <div className="sheet__row">
            <dt>{t('people.profile')}</dt>
            <dd>{t('people.personalHidden')}</dd>
          </div>
        )}
        {person.reportsTo && (
          <div className="sheet__row">
            <dt>{t('people.reportsTo')}</dt>
            <dd>{person.reportsTo.name}</dd>
          </div>
        )}
      </dl>
      {person.profile && (
        <section aria-labelledby={`profile-${person.id}`}>
          <h4 id={`profile-${person.id}`}>{t('people.profile')}</h4>
          <dl className="sheet">
            {PROFILE.filter(([field]) => person.profile?.[field] != null).map(([field, label]) => (
              <div key={field} className="sheet__row">
                <dt>{t(label)}</dt>
                <dd>{person.profile?.[field]}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </article>
  );
}
