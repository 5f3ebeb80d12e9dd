import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileCard_KeyPersonFragment } from '../../../apollo/generated';
import { type PlainMessageKey, useLanguage } from '../../../i18n';
import { useMayEdit } from '../forms/mayEdit';
import { formatMonthDay } from './birthday';
import { EditBirthdayForm } from './EditBirthdayForm';

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

// The birthday has a row of its own: a month-day, written as the language writes dates.
const PROFILE: Array<[keyof Omit<Profile, '__typename' | 'birthday'>, PlainMessageKey]> = [
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
export function ProfileCard({
  person,
  customerId,
}: {
  person: ProfileCard_KeyPersonFragment;
  customerId: string;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const mayEdit = useMayEdit();
  const [editing, setEditing] = useState(false);
  const birthday = person.profile?.birthday;
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
            {birthday && (
              <div className="sheet__row">
                <dt>{t('people.birthday')}</dt>
                <dd>{formatMonthDay(birthday, language)}</dd>
              </div>
            )}
            {PROFILE.filter(([field]) => person.profile?.[field] != null).map(([field, label]) => (
              <div key={field} className="sheet__row">
                <dt>{t(label)}</dt>
                <dd>{person.profile?.[field]}</dd>
              </div>
            ))}
          </dl>
          {mayEdit &&
            (editing ? (
              <EditBirthdayForm person={person} customerId={customerId} onClose={() => setEditing(false)} />
            ) : (
              <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                {t('people.editBirthday')}
              </button>
            ))}
        </section>
      )}
    </article>
  );
}
