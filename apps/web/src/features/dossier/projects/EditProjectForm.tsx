import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectCard_ProjectFragment } from '../../../apollo/generated';
import { Field } from '../forms/Field';
import { FormDialog } from '../forms/FormDialog';
import { MutationError } from '../forms/MutationError';
import { useSubmit } from '../forms/useSubmit';
import { useUpdateProject } from './useUpdateProject';

const FIELDS = ['name', 'amount', 'expectedCloseDate'] as const;

export function EditProjectForm({
  project,
  onClose,
}: {
  project: ProjectCard_ProjectFragment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [update, { loading }] = useUpdateProject(project);
  const { submit, error, fieldError } = useSubmit(onClose);
  const [name, setName] = useState(project.name);
  const [amount, setAmount] = useState(project.amount ?? '');
  const [expectedCloseDate, setExpectedCloseDate] = useState(project.expectedCloseDate ?? '');

  return (
    <FormDialog
      title={t('projects.edit')}
      submitting={loading}
      onClose={onClose}
      onSubmit={() =>
        submit(() =>
          update({
            name: name.trim(),
            // An emptied field clears the value.
            amount: amount.trim() || null,
            expectedCloseDate: expectedCloseDate || null,
          }),
        )
      }
    >
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
      <MutationError error={error} fields={FIELDS} />
    </FormDialog>
  );
}
