import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MapCompetitorsDocument,
  MapTabDocument,
  SetFavoursCompetitorDocument,
} from '../../../apollo/generated';
import { ErrorMessage } from '../../../ui/ErrorMessage';

interface FavoursFormProps {
  id: string;
  customerId: string;
  person: { id: string; version: number };
  /** The competitor the person favours now, or null. */
  current: { id: string; name: string } | null;
  onSaved: () => void;
}

/**
 * Which competitor a key person leans towards, from the company-wide list. Saved at the version read;
 * the map is read again so the card's chip and the version follow.
 */
export function FavoursForm({ id, customerId, person, current, onSaved }: FavoursFormProps) {
  const { t } = useTranslation();
  const { data } = useQuery(MapCompetitorsDocument);
  const [choice, setChoice] = useState(current?.id ?? '');
  const [save, saving] = useMutation(SetFavoursCompetitorDocument, {
    refetchQueries: [{ query: MapTabDocument, variables: { customerId } }],
  });
  // A retired competitor is off the list but still what the person favours: it stays a choice.
  const options = data?.competitors ?? [];
  const shown = current && !options.some((c) => c.id === current.id) ? [current, ...options] : options;

  function submit(event: FormEvent) {
    event.preventDefault();
    save({ variables: { id: person.id, expectedVersion: person.version, competitorId: choice || null } })
      .then(onSaved)
      .catch(() => undefined);
  }

  return (
    <form className="popover-form" onSubmit={submit}>
      <label htmlFor={id}>{t('map.favoursLabel')}</label>
      <select id={id} value={choice} onChange={(event) => setChoice(event.target.value)}>
        <option value="">{t('map.favoursNone')}</option>
        {shown.map((competitor) => (
          <option key={competitor.id} value={competitor.id}>
            {competitor.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={saving.loading || choice === (current?.id ?? '')}>
        {t('map.save')}
      </button>
      {saving.error && <ErrorMessage error={saving.error} />}
    </form>
  );
}
