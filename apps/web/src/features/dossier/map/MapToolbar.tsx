import { relationshipStateLabels } from '@dossier/domain';
import { legendEntries } from '@dossier/relationship-map';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n';
import { useMayEdit } from '../forms/mayEdit';

interface MapToolbarProps {
  keyPlayersOnly: boolean;
  onKeyPlayersOnly: (on: boolean) => void;
  onFit: () => void;
  /** Returns false when nobody matches, so the field can say so. */
  onSearch: (query: string) => boolean;
  onAdd: (placeholder: boolean) => void;
  counts: { persons: number; gaps: number };
}

/** Fit, search-and-focus, the key-players filter, adding people, and the legend of the link colours. */
export function MapToolbar({
  keyPlayersOnly,
  onKeyPlayersOnly,
  onFit,
  onSearch,
  onAdd,
  counts,
}: MapToolbarProps) {
  const { t } = useTranslation();
  const mayEdit = useMayEdit();
  const id = useId();
  const [query, setQuery] = useState('');
  const [missed, setMissed] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    setMissed(!onSearch(query));
  }
  return (
    <div className="map-toolbar">
      <search>
        <form className="map-toolbar__search" onSubmit={submit}>
          <label htmlFor={`${id}-q`} className="visually-hidden">
            {t('map.search')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            placeholder={t('map.search')}
            value={query}
            aria-invalid={missed}
            onChange={(event) => {
              setQuery(event.target.value);
              setMissed(false);
            }}
          />
          <button type="submit" className="button button--secondary">
            {t('map.find')}
          </button>
          {missed && (
            <span role="status" className="muted">
              {t('map.notFound')}
            </span>
          )}
        </form>
      </search>
      <label className="map-toolbar__toggle">
        <input
          type="checkbox"
          checked={keyPlayersOnly}
          onChange={(event) => onKeyPlayersOnly(event.target.checked)}
        />
        {t('map.keyPlayersOnly')}
      </label>
      <button type="button" className="button button--secondary" onClick={onFit}>
        {t('map.fit')}
      </button>
      {mayEdit && (
        <>
          <button type="button" className="button button--secondary" onClick={() => onAdd(false)}>
            {t('map.addPerson')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onAdd(true)}>
            {t('map.addPlaceholder')}
          </button>
        </>
      )}
      <p className="map-toolbar__counts" role="status">
        {t('map.counts', { persons: counts.persons, gaps: counts.gaps })}
      </p>
      <Legend />
    </div>
  );
}

function Legend() {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <ul className="map-legend" aria-label={t('map.legend')}>
      {legendEntries().map(({ state, style }) => (
        <li key={state}>
          <svg width="28" height="10" aria-hidden="true">
            <line
              x1="0"
              y1="5"
              x2="28"
              y2="5"
              stroke={style.stroke}
              strokeWidth={style.width}
              strokeDasharray={style.dash ?? undefined}
            />
          </svg>
          {label(relationshipStateLabels, state)}
        </li>
      ))}
    </ul>
  );
}
