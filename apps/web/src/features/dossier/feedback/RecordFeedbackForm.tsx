import {
  FeedbackCategory,
  FeedbackChannel,
  type FeedbackKind,
  FeedbackSeverity,
  feedbackCategoryLabels,
  feedbackChannelLabels,
  feedbackSeverityLabels,
} from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n';
import { Field } from '../forms/Field';
import { FormDialog } from '../forms/FormDialog';
import { MutationError } from '../forms/MutationError';
import { useSubmit } from '../forms/useSubmit';
import { ChoiceButtons } from './ChoiceButtons';
import { useRecordFeedback } from './useFeedbackMutations';

const FIELDS = ['receivedAt', 'description', 'keyPersonId', 'category', 'channel', 'severity'] as const;

/** `datetime-local` value of this moment on the device. */
function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

interface Props {
  customerId: string;
  kind: FeedbackKind;
  people: ReadonlyArray<{ id: string; name: string }>;
  onClose: () => void;
}

/**
 * The quick entry: opened by one tap on "Record a complaint", everything but what the customer said is
 * preset (received now, by phone, medium) and changed with a tap on big choice buttons.
 */
export function RecordFeedbackForm({ customerId, kind, people, onClose }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [record, { loading }] = useRecordFeedback();
  const { submit, error, fieldError } = useSubmit(onClose);
  const [category, setCategory] = useState(FeedbackCategory.PRODUCT);
  const [channel, setChannel] = useState(FeedbackChannel.PHONE);
  const [severity, setSeverity] = useState(FeedbackSeverity.MEDIUM);
  const [receivedAt, setReceivedAt] = useState(localNow);
  const [keyPersonId, setKeyPersonId] = useState('');
  const [description, setDescription] = useState('');
  const title = t(kind === 'COMPLAINT' ? 'feedback.recordComplaint' : 'feedback.recordOpinion');

  return (
    <FormDialog
      title={title}
      submitting={loading}
      onClose={onClose}
      onSubmit={() =>
        submit(() =>
          record({
            customerId,
            kind,
            category,
            channel,
            severity,
            receivedAt: new Date(receivedAt).toISOString(),
            description,
            keyPersonId: keyPersonId || null,
          }),
        )
      }
    >
      <Field label={t('feedback.description')} error={fieldError('description')}>
        {(control) => (
          <textarea
            {...control}
            required
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <ChoiceButtons
        legend={t('feedback.category')}
        values={Object.values(FeedbackCategory)}
        labelOf={(value) => label(feedbackCategoryLabels, value)}
        value={category}
        onChange={setCategory}
      />
      <ChoiceButtons
        legend={t('feedback.severity')}
        values={Object.values(FeedbackSeverity)}
        labelOf={(value) => label(feedbackSeverityLabels, value)}
        value={severity}
        onChange={setSeverity}
      />
      <ChoiceButtons
        legend={t('feedback.channel')}
        values={Object.values(FeedbackChannel)}
        labelOf={(value) => label(feedbackChannelLabels, value)}
        value={channel}
        onChange={setChannel}
      />
      <Field label={t('feedback.receivedAt')} error={fieldError('receivedAt')}>
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            required
            value={receivedAt}
            onChange={(e) => setReceivedAt(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('feedback.keyPerson')} error={fieldError('keyPersonId')}>
        {(control) => (
          <select {...control} value={keyPersonId} onChange={(e) => setKeyPersonId(e.target.value)}>
            <option value="">{t('feedback.nobody')}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <MutationError error={error} fields={FIELDS} />
    </FormDialog>
  );
}
