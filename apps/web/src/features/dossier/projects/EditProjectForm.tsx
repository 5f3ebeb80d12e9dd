import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectCard_ProjectFragment } from '../../../apollo/generated';
import { Field } from '../forms/Field';
import { FormDialog } from '../forms/FormDialog';
import { MutationError } from '../forms/MutationError';
import { useFormat } from '../forms/useFormat';
import { useSubmit } from '../forms/useSubmit';
import { useUpdateProject } from './useUpdateProject';

const FIELDS = ['name', 'amount', 'expectedCloseDate'] as const;

export function EditProjectForm({
  project,
  customerId,
  onClose,
}: {
  project: ProjectCard_ProjectFragment;
  customerId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [update, { loading }] = useUpdateProject(project, customerId);
  const format = useFormat();
  const { submit, error, fieldError } = useSubmit(onClose);
  const [name, setName] = useState(project.name);
  const [amount, setAmount] = useState(project.amount ?? '');
  const [expectedCloseDate, setExpectedCloseDate] = useState(project.expectedCloseDate ?? '');
  // After a conflict `project` is what is saved now; saving again goes out at its version.
  const save = () =>
    submit(() =>
      update({
        name: name.trim(),
        // An emptied field clears the value.
        amount: amount.trim() || null,
        expectedCloseDate: expectedCloseDate || null,
      }),
    );
  const money = (value: string | null) => (value ? format.money(value) : '—');
  const day = (value: string | null) => (value ? format.date(value) : '—');
  const compared = [
    { label: t('projects.name'), theirs: project.name, yours: name.trim() },
    { label: t('projects.amount'), theirs: money(project.amount), yours: money(amount.trim() || null) },
    {
      label: t('projects.expectedCloseDate'),
      theirs: day(project.expectedCloseDate),
      yours: day(expectedCloseDate || null),
    },
  ].filter((field) => field.theirs !== field.yours);

  return (
    <FormDialog title={t('projects.edit')} submitting={loading} onClose={onClose} onSubmit={save}>
      <Field label={t('projects.name')} error={fieldError('name')}>
        {(control) => <input {...control} required value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('projects.amount')} error={fieldError('amount')}>
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('projects.expectedCloseDate')} error={fieldError('expectedCloseDate')}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={expectedCloseDate}
            onChange={(e) => setExpectedCloseDate(e.target.value)}
          />
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
