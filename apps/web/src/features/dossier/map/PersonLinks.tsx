import { closenessLabels, relationshipStateLabels } from '@dossier/domain';
import { edgeStyle } from '@dossier/relationship-map';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n';
import type { OpenPopover } from './MapPopovers';
import type { MapModel } from './mapModel';
import type { Anchor } from './Popover';

interface PersonLinksProps {
  model: MapModel;
  keyPersonId: string;
  anchor: Anchor;
  onOpen: (popover: OpenPopover) => void;
}

/**
 * Everything about our links to one person in one place, reachable from the keyboard: every link (the
 * card shows three), a new link from any of our staff on the map, and who could open the door.
 */
export function PersonLinks({ model, keyPersonId, anchor, onOpen }: PersonLinksProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const id = useId();
  const links = [...model.relationships.values()].filter((r) => r.keyPerson.id === keyPersonId);
  const linked = new Set(links.map((r) => r.staff.id));
  const others = model.staff.filter((s) => !linked.has(s.id) && model.recordable.has(s.id));
  const [staffId, setStaffId] = useState(others[0]?.id ?? '');
  const suggestions = model.suggestions.get(keyPersonId) ?? [];
  return (
    <div className="popover-form">
      {links.length > 0 && (
        <ul className="held-roles">
          {links.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="staff-chip"
                style={{ borderColor: edgeStyle(r.state).stroke }}
                onClick={() => onOpen({ kind: 'link', relationshipId: r.id, anchor })}
              >
                {r.staff.name} · {label(relationshipStateLabels, r.state)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <form
          className="popover-actions"
          onSubmit={(event) => {
            event.preventDefault();
            if (staffId) onOpen({ kind: 'new', staffId, keyPersonId, anchor });
          }}
        >
          <label htmlFor={`${id}-staff`} className="visually-hidden">
            {t('map.newLinkFrom')}
          </label>
          <select id={`${id}-staff`} value={staffId} onChange={(event) => setStaffId(event.target.value)}>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary">
            {t('map.newLinkFrom')}
          </button>
        </form>
      )}
      {suggestions.length > 0 && (
        <>
          <p className="state-popover__title">{t('map.openTheDoor')}</p>
          <ul className="timeline">
            {suggestions.map((s) => (
              <li key={`${s.staffName}-${s.viaName}`}>
                {t('map.suggestion', {
                  staff: s.staffName,
                  via: s.viaName,
                  closeness: label(closenessLabels, s.closeness),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
