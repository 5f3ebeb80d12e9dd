import { CUSTOMER_CHARACTERISTICS, type CustomerCharacteristic } from '@dossier/domain';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CharacteristicsSheet_CustomerFragment,
  CustomerCharacteristicsInput,
} from '../../../apollo/generated';
import { useLabel, useLanguage } from '../../../i18n';
import { Field } from '../forms/Field';
import { MutationError } from '../forms/MutationError';
import { useMayEdit } from '../forms/mayEdit';
import { useSubmit } from '../forms/useSubmit';
import { CHARACTERISTICS_SECTION } from './characteristicsSection';
import { useUpdateCharacteristics } from './useUpdateCharacteristics';

type Values = Record<string, string>;

const valuesOf = (customer: CharacteristicsSheet_CustomerFragment): Values => {
  const saved = customer.characteristics as unknown as Record<string, string | null>;
  return Object.fromEntries(CUSTOMER_CHARACTERISTICS.map(({ field }) => [field, saved[field] ?? '']));
};

/** Only what the rep changed, '' clearing it: a save never overwrites someone else's other changes. */
function changes(base: Values, draft: Values): CustomerCharacteristicsInput {
  const input: Record<string, string | null> = {};
  for (const { field } of CUSTOMER_CHARACTERISTICS) {
    if (base[field] !== draft[field])
      input[field] = draft[field]?.trim() ? (draft[field]?.trim() ?? null) : null;
  }
  return input as CustomerCharacteristicsInput;
}

/** Customer characteristics (客户特征), driven by CUSTOMER_CHARACTERISTICS: read them, or edit and save. */
export function CharacteristicsSheet({ customer }: { customer: CharacteristicsSheet_CustomerFragment }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const mayEdit = useMayEdit();
  const id = useId();
  const [editing, setEditing] = useState<{ base: Values; draft: Values } | null>(null);
  const update = useUpdateCharacteristics();
  const { submit, error, fieldError } = useSubmit(() => setEditing(null));
  const show = useShow();

  if (!editing) {
    const values = valuesOf(customer);
    return (
      <section className="panel" id={CHARACTERISTICS_SECTION} aria-labelledby={`${id}-title`}>
        <div className="panel__head">
          <h2 id={`${id}-title`}>{t('characteristics.title')}</h2>
          {mayEdit && (
            <button
              type="button"
              className="button"
              onClick={() => setEditing({ base: values, draft: values })}
            >
              {t('characteristics.edit')}
            </button>
          )}
        </div>
        <dl className="sheet">
          {CUSTOMER_CHARACTERISTICS.map((c) => (
            <div key={c.field} className="sheet__row">
              <dt>{c.label[language]}</dt>
              <dd>{show(c, values[c.field] ?? '')}</dd>
            </div>
          ))}
        </dl>
      </section>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // After a VERSION_CONFLICT the customer was read again: the same changes go out at the new version.
    submit(() => update(customer, changes(editing.base, editing.draft)));
  };
  const set = (field: string, value: string) =>
    setEditing({ ...editing, draft: { ...editing.draft, [field]: value } });

  return (
    <form className="panel" id={CHARACTERISTICS_SECTION} aria-labelledby={`${id}-title`} onSubmit={onSubmit}>
      <h2 id={`${id}-title`}>{t('characteristics.editTitle')}</h2>
      <div className="sheet sheet--form">
        {CUSTOMER_CHARACTERISTICS.map((c) => (
          <Field key={c.field} label={c.label[language]} error={fieldError(`characteristics.${c.field}`)}>
            {(control) =>
              c.kind === 'enum' ? (
                <select
                  {...control}
                  value={editing.draft[c.field]}
                  onChange={(e) => set(c.field, e.target.value)}
                >
                  <option value="">{t('characteristics.notSet')}</option>
                  {Object.keys(c.labels).map((value) => (
                    <option key={value} value={value}>
                      {c.labels[value]?.[language]}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...control}
                  value={editing.draft[c.field]}
                  maxLength={c.maxLength}
                  onChange={(e) => set(c.field, e.target.value)}
                />
              )
            }
          </Field>
        ))}
      </div>
      <MutationError
        error={error}
        fields={CUSTOMER_CHARACTERISTICS.map((c) => `characteristics.${c.field}`)}
      />
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={() => setEditing(null)}>
          {t('basic.cancel')}
        </button>
        <button type="submit" className="button">
          {t('basic.save')}
        </button>
      </div>
    </form>
  );
}

/** A value as the sheet shows it: a level's label in the current language, '—' when not filled in. */
function useShow() {
  const label = useLabel();
  return (characteristic: CustomerCharacteristic, value: string) => {
    if (value === '') return '—';
    return characteristic.kind === 'enum' ? label(characteristic.labels, value) : value;
  };
}
