import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field';
import { FormDialog } from '../forms/FormDialog';
import { MutationError } from '../forms/MutationError';
import { useSubmit } from '../forms/useSubmit';
import { useAddProjectEvent } from './useAddProjectEvent';

const FIELDS = ['title', 'occurredAt', 'description', 'outcome', 'nextStep'] as const;

/** The device's current minute as a `datetime-local` value. */
function nowLocal(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function AddEventForm({
  projectId,
  customerId,
  onClose,
}: {
  projectId: string;
  customerId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [add, { loading }] = useAddProjectEvent(customerId);
  const { submit, error, fieldError } = useSubmit(onClose);
  const [title, setTitle] = useState('');
  const [occurredAt, setOccurredAt] = useState(nowLocal);
  const [description, setDescription] = useState('');
  const [outcome, setOutcome] = useState('');
  const [nextStep, setNextStep] = useState('');
  const optional = (text: string) => text.trim() || null;

  return (
    <FormDialog
      title={t('projects.addEvent')}
      submitting={loading}
      onClose={onClose}
      onSubmit={() =>
        submit(() =>
          add({
            projectId,
            title: title.trim(),
            // `datetime-local` is the rep's wall clock; the API takes the instant.
            occurredAt: new Date(occurredAt).toISOString(),
            description: optional(description),
            outcome: optional(outcome),
            nextStep: optional(nextStep),
          }),
        )
      }
    >
      <Field label={t('projects.eventTitle')} error={fieldError('title')}>
        {(control) => (
          <input {...control} required value={title} onChange={(e) => setTitle(e.target.value)} />
        )}
      </Field>
      <Field label={t('projects.occurredAt')} error={fieldError('occurredAt')}>
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            required
            value={occurredAt}
            onChange={(e) => setOccurredAt(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('projects.description')} error={fieldError('description')}>
        {(control) => (
          <textarea {...control} value={description} onChange={(e) => setDescription(e.target.value)} />
        )}
      </Field>
      <Field label={t('projects.outcome')} error={fieldError('outcome')}>
        {(control) => <textarea {...control} value={outcome} onChange={(e) => setOutcome(e.target.value)} />}
      </Field>
      <Field label={t('projects.nextStep')} error={fieldError('nextStep')}>
        {(control) => (
          <textarea {...control} value={nextStep} onChange={(e) => setNextStep(e.target.value)} />
        )}
      </Field>
      <MutationError error={error} fields={FIELDS} />
    </FormDialog>
  );
}
