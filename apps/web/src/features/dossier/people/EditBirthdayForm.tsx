import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileCard_KeyPersonFragment } from '../../../apollo/generated';
import { useLanguage } from '../../../i18n';
import { Field } from '../forms/Field';
import { FormDialog } from '../forms/FormDialog';
import { MutationError } from '../forms/MutationError';
import { useSubmit } from '../forms/useSubmit';
import { daysIn, formatMonthDay, monthDayOf, monthNames, partsOf } from './birthday';
import { useUpdateProfile } from './useUpdateProfile';

const FIELDS = ['profile.birthday', 'profile.birthYear'] as const;

/**
 * The birthday of a key person: month and day picked from lists (a tablet's finger finds them easier
 * than a typed date), the year optional, as many know the day but not the age.
 */
export function EditBirthdayForm({
  person,
  customerId,
  onClose,
}: {
  person: ProfileCard_KeyPersonFragment;
  customerId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [update, { loading }] = useUpdateProfile(person, customerId);
  const { submit, error, fieldError } = useSubmit(onClose);
  const saved = partsOf(person.profile?.birthday);
  const [month, setMonth] = useState(saved.month);
  const [day, setDay] = useState(saved.day);
  const [year, setYear] = useState(person.profile?.birthYear?.toString() ?? '');
  const birthday = monthDayOf(month, Math.min(day, daysIn(month)));
  const birthYear = year.trim() === '' ? null : Number(year.trim());
  const save = () => submit(() => update({ birthday, birthYear }));
  const shown = (value: string | null | undefined) =>
    value ? formatMonthDay(value, language) : t('people.notKnown');
  const compared = [
    { label: t('people.birthday'), theirs: shown(person.profile?.birthday), yours: shown(birthday) },
    {
      label: t('people.birthYear'),
      theirs: person.profile?.birthYear?.toString() ?? '—',
      yours: birthYear?.toString() ?? '—',
    },
  ].filter((field) => field.theirs !== field.yours);

  return (
    <FormDialog title={t('people.editBirthday')} submitting={loading} onClose={onClose} onSubmit={save}>
      <Field label={t('people.birthMonth')} error={fieldError('profile.birthday')}>
        {(control) => (
          <select {...control} value={month} onChange={(e) => setMonth(Number(e.target.value))}>
            <option value={0}>{t('people.notKnown')}</option>
            {monthNames(language).map((name, index) => (
              <option key={name} value={index + 1}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('people.birthDay')} error={undefined}>
        {(control) => (
          <select {...control} value={day} onChange={(e) => setDay(Number(e.target.value))}>
            <option value={0}>{t('people.notKnown')}</option>
            {Array.from({ length: daysIn(month) }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('people.birthYear')} error={fieldError('profile.birthYear')}>
        {(control) => (
          <input {...control} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
        )}
      </Field>
      <MutationError
        error={error}
        fields={FIELDS}
        conflict={{ fields: compared, onReload: onClose, onReapply: save }}
      />
    </FormDialog>
  );
}
