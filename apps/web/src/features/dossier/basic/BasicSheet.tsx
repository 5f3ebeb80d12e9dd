import { useApolloClient } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BasicSheet_CustomerFragment, BasicTabDocument } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { isVersionConflict, VersionConflict } from '../../../ui/VersionConflict';
import { useMayEdit } from '../forms/mayEdit';
import { useFormat } from '../forms/useFormat';
import {
  BASIC_FIELDS,
  type BasicDraft,
  type BasicField,
  changedFields,
  draftOf,
  inputOf,
} from './basicFields';
import { useUpdateCustomer } from './useUpdateCustomer';

interface Editing {
  /** The sheet as it was when editing began: what "changed" is measured against. */
  base: BasicDraft;
  draft: BasicDraft;
  /** Set when the server refused the save because someone else changed the customer first. */
  conflict: boolean;
  error?: unknown;
}

/** The basic information sheet: read it, or edit it and save at the version read. */
export function BasicSheet({ customer }: { customer: BasicSheet_CustomerFragment }) {
  const { t } = useTranslation();
  const mayEdit = useMayEdit();
  const id = useId();
  const client = useApolloClient();
  const [update, saving] = useUpdateCustomer();
  const [editing, setEditing] = useState<Editing | null>(null);
  const show = useDisplay();

  async function save(current: Editing) {
    try {
      await update(customer, inputOf(current.base, current.draft));
      setEditing(null);
    } catch (error) {
      if (!isVersionConflict(error)) return setEditing({ ...current, error });
      // Fetch what is saved now: the notice shows it beside this user's values.
      await client.query({
        query: BasicTabDocument,
        variables: { customerId: customer.id },
        fetchPolicy: 'network-only',
      });
      setEditing({ ...current, conflict: true, error: undefined });
    }
  }

  if (!editing)
    return (
      <section className="panel" aria-labelledby={`${id}-title`}>
        <div className="panel__head">
          <h2 id={`${id}-title`}>{t('tabs.basic')}</h2>
          {mayEdit && (
            <button type="button" className="button" onClick={() => setEditing(fresh(draftOf(customer)))}>
              {t('basic.edit')}
            </button>
          )}
        </div>
        <dl className="sheet">
          {BASIC_FIELDS.map((field) => (
            <div key={field.name} className="sheet__row">
              <dt>{t(field.label)}</dt>
              <dd>{show(field, customer[field.name] ?? '')}</dd>
            </div>
          ))}
        </dl>
      </section>
    );

  const saved = draftOf(customer);
  const conflictFields = editing.conflict
    ? [...new Set([...changedFields(editing.base, saved), ...changedFields(editing.base, editing.draft)])]
    : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // After a conflict the user's changes are re-applied over what is saved now.
    save(
      editing.conflict ? { ...editing, base: saved, draft: { ...saved, ...changesOnly(editing) } } : editing,
    );
  };

  return (
    <form className="panel" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>{t('basic.editTitle')}</h2>
      {editing.conflict && (
        <VersionConflict
          busy={saving}
          fields={BASIC_FIELDS.filter((f) => conflictFields.includes(f.name)).map((field) => ({
            label: t(field.label),
            theirs: show(field, saved[field.name]),
            yours: show(field, editing.draft[field.name]),
          }))}
          onReload={() => setEditing(null)}
          onReapply={() => save({ ...editing, base: saved, draft: { ...saved, ...changesOnly(editing) } })}
        />
      )}
      <div className="sheet sheet--form">
        {BASIC_FIELDS.map((field) => (
          <FieldInput
            key={field.name}
            id={`${id}-${field.name}`}
            field={field}
            value={editing.draft[field.name]}
            onChange={(value) => setEditing({ ...editing, draft: { ...editing.draft, [field.name]: value } })}
          />
        ))}
      </div>
      {editing.error !== undefined && <ErrorMessage error={editing.error} />}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={() => setEditing(null)}>
          {t('basic.cancel')}
        </button>
        <button type="submit" className="button" disabled={saving}>
          {t('basic.save')}
        </button>
      </div>
    </form>
  );
}

const fresh = (base: BasicDraft): Editing => ({ base, draft: base, conflict: false });

/** The fields this user changed, with their values. */
function changesOnly({ base, draft }: Editing): Partial<BasicDraft> {
  return Object.fromEntries(changedFields(base, draft).map((name) => [name, draft[name]]));
}

/** A field's value as the sheet shows it: enum labels in the current language, '—' for empty. */
function useDisplay() {
  const label = useLabel();
  const format = useFormat();
  return (field: BasicField, value: string) => {
    if (value === '') return '—';
    if ('date' in field) return format.date(value);
    return 'options' in field ? label<string>(field.options, value) : value;
  };
}

interface FieldInputProps {
  id: string;
  field: BasicField;
  value: string;
  onChange: (value: string) => void;
}

function FieldInput({ id, field, value, onChange }: FieldInputProps) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <div className="field">
      <label htmlFor={id}>{t(field.label)}</label>
      {'options' in field ? (
        <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
          {Object.keys(field.options).map((option) => (
            <option key={option} value={option}>
              {label<string>(field.options, option)}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          value={value}
          required={'required' in field}
          type={'date' in field ? 'date' : undefined}
          inputMode={'decimal' in field ? 'decimal' : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
