import { useMutation } from '@apollo/client/react';
import { DecisionRole, decisionRoleLabels, InfluenceLevel } from '@dossier/domain';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AddMapKeyPersonDocument,
  AddMapPlaceholderDocument,
  MapTabDocument,
} from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { headerQuery } from '../headerQuery';
import type { MapModel } from './mapModel';

interface AddPersonFormProps {
  customerId: string;
  model: MapModel;
  placeholder: boolean;
  onClose: () => void;
}

/**
 * A new key person, or a placeholder: a role we know exists (财务总监) whose holder we have not met, named
 * by its title until the name is known.
 */
export function AddPersonForm({ customerId, model, placeholder, onClose }: AddPersonFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const refetchQueries = [{ query: MapTabDocument, variables: { customerId } }, headerQuery(customerId)];
  const label = useLabel();
  const options = { refetchQueries, awaitRefetchQueries: true };
  const [addPerson, added] = useMutation(AddMapKeyPersonDocument, options);
  const [addPlaceholder, addedPlaceholder] = useMutation(AddMapPlaceholderDocument, options);
  const error = added.error ?? addedPlaceholder.error;
  const loading = added.loading || addedPlaceholder.loading;
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [department, setDepartment] = useState('');
  const [reportsToId, setReportsToId] = useState('');
  // A placeholder usually stands for a decision maker we have not met: the role makes it count as a gap.
  const [role, setRole] = useState<DecisionRole | ''>(DecisionRole.ECONOMIC_BUYER);

  function submit(event: FormEvent) {
    event.preventDefault();
    const common = {
      customerId,
      title: title.trim(),
      ...(department.trim() ? { department: department.trim() } : {}),
      ...(reportsToId ? { reportsToId } : {}),
    };
    const saved = placeholder
      ? addPlaceholder({
          variables: {
            input: { ...common, ...(role ? { role: { role, influence: InfluenceLevel.HIGH } } : {}) },
          },
        })
      : addPerson({ variables: { input: { ...common, name: name.trim() } } });
    saved.then(onClose).catch(() => undefined);
  }

  return (
    <form className="popover-form" onSubmit={submit}>
      {!placeholder && (
        <>
          <label htmlFor={`${id}-name`}>{t('map.name')}</label>
          <input
            id={`${id}-name`}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </>
      )}
      <label htmlFor={`${id}-title`}>{t('map.title')}</label>
      <input
        id={`${id}-title`}
        required={placeholder}
        maxLength={100}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor={`${id}-dept`}>{t('map.department')}</label>
      <input
        id={`${id}-dept`}
        maxLength={100}
        value={department}
        onChange={(e) => setDepartment(e.target.value)}
      />
      <label htmlFor={`${id}-up`}>{t('map.reportsTo')}</label>
      <select id={`${id}-up`} value={reportsToId} onChange={(e) => setReportsToId(e.target.value)}>
        <option value="">{t('map.nobody')}</option>
        {model.persons.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title ? `${p.name} · ${p.title}` : p.name}
          </option>
        ))}
      </select>
      {placeholder && (
        <>
          <label htmlFor={`${id}-role`}>{t('map.role')}</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(e) => setRole(e.target.value as DecisionRole | '')}
          >
            <option value="">{t('map.noRole')}</option>
            {Object.values(DecisionRole).map((value) => (
              <option key={value} value={value}>
                {label(decisionRoleLabels, value)}
              </option>
            ))}
          </select>
        </>
      )}
      {error && <ErrorMessage error={error} />}
      <div className="popover-actions">
        <button type="submit" className="button" disabled={loading}>
          {t('map.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('map.cancel')}
        </button>
      </div>
    </form>
  );
}
