import { StaffRole } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenceRow_PresenceFragment } from '../../../apollo/generated';
import type { PlainMessageKey } from '../../../i18n';
import { Field } from '../forms/Field';
import { FormDialog } from '../forms/FormDialog';
import { MutationError } from '../forms/MutationError';
import { useSubmit } from '../forms/useSubmit';
import { useViewerRole } from '../forms/useViewer';
import {
  type PresenceFields,
  useCreateCompetitor,
  useRecordPresence,
  useUpdatePresence,
} from './usePresenceMutations';

const FIELDS = [
  'competitorId',
  'name',
  'sharePercent',
  'since',
  'supplies',
  'strengths',
  'weaknesses',
  'notes',
] as const;
/** The select's value for "a competitor not on the list yet", offered to those who keep the list. */
const NEW = '__new__';
const TEXTS = ['supplies', 'strengths', 'weaknesses', 'notes'] as const;
const TEXT_LABELS: Record<(typeof TEXTS)[number], PlainMessageKey> = {
  supplies: 'competitors.supplies',
  strengths: 'competitors.strengths',
  weaknesses: 'competitors.weaknesses',
  notes: 'competitors.notes',
};

interface PresenceFormProps {
  customerId: string;
  /** The company-wide list, to pick from; those already at the customer are left out by the caller. */
  choices: ReadonlyArray<{ id: string; name: string }>;
  /** The presence changed; undefined to record a new one. */
  presence?: PresenceRow_PresenceFragment;
  onClose: () => void;
}

/** Records a competitor at the customer, or changes what is recorded of it. */
export function PresenceForm({ customerId, choices, presence, onClose }: PresenceFormProps) {
  const { t } = useTranslation();
  const role = useViewerRole();
  const keepsList = role === StaffRole.SALES_MANAGER || role === StaffRole.ADMIN;
  const [record, recording] = useRecordPresence(customerId);
  const [update, updating] = useUpdatePresence(customerId);
  const [create, creating] = useCreateCompetitor(customerId);
  const { submit, error, fieldError } = useSubmit(onClose);
  const [competitorId, setCompetitorId] = useState(choices[0]?.id ?? (keepsList ? NEW : ''));
  const [newName, setNewName] = useState('');
  const [share, setShare] = useState(presence?.sharePercent ?? '');
  const [since, setSince] = useState(presence?.since ?? '');
  const [texts, setTexts] = useState<Record<(typeof TEXTS)[number], string>>({
    supplies: presence?.supplies ?? '',
    strengths: presence?.strengths ?? '',
    weaknesses: presence?.weaknesses ?? '',
    notes: presence?.notes ?? '',
  });

  const fields = (): PresenceFields => ({
    sharePercent: share.trim() || null,
    since: since || null,
    ...Object.fromEntries(TEXTS.map((name) => [name, texts[name].trim() || null])),
  });

  async function save() {
    if (presence) return update(presence, fields());
    let competitor = choices.find((c) => c.id === competitorId);
    if (competitorId === NEW) {
      const created = await create(newName);
      const made = created.data?.createCompetitor;
      if (!made) return;
      competitor = made;
    }
    if (!competitor) return;
    return record({ customerId, competitorId: competitor.id, ...fields() }, competitor);
  }

  return (
    <FormDialog
      title={presence ? t('competitors.editNamed', { name: presence.competitor.name }) : t('competitors.add')}
      submitting={recording.loading || updating.loading || creating.loading}
      onClose={onClose}
      onSubmit={() => submit(save)}
    >
      {!presence && (
        <Field label={t('competitors.competitor')} error={fieldError('competitorId')}>
          {(control) => (
            <select {...control} value={competitorId} onChange={(e) => setCompetitorId(e.target.value)}>
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
              {keepsList && <option value={NEW}>{t('competitors.newCompetitor')}</option>}
            </select>
          )}
        </Field>
      )}
      {!presence && competitorId === NEW && (
        <Field label={t('competitors.newName')} error={fieldError('name')}>
          {(control) => <input {...control} value={newName} onChange={(e) => setNewName(e.target.value)} />}
        </Field>
      )}
      <Field label={t('competitors.sharePercent')} error={fieldError('sharePercent')}>
        {(control) => (
          <input {...control} inputMode="decimal" value={share} onChange={(e) => setShare(e.target.value)} />
        )}
      </Field>
      <Field label={t('competitors.since')} error={fieldError('since')}>
        {(control) => (
          <input {...control} type="date" value={since} onChange={(e) => setSince(e.target.value)} />
        )}
      </Field>
      {TEXTS.map((name) => (
        <Field key={name} label={t(TEXT_LABELS[name])} error={fieldError(name)}>
          {(control) => (
            <textarea
              {...control}
              value={texts[name]}
              onChange={(e) => setTexts((all) => ({ ...all, [name]: e.target.value }))}
            />
          )}
        </Field>
      ))}
      <MutationError error={error} fields={FIELDS} />
    </FormDialog>
  );
}
