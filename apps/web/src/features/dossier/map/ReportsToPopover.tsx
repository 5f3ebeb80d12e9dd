import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import type { MapModel } from './mapModel';
import { type Anchor, Popover } from './Popover';
import { useSetReportsTo } from './useSetReportsTo';

interface ReportsToPopoverProps {
  customerId: string;
  model: MapModel;
  /** The person whose card was dragged, at the version read. */
  person: { id: string; version: number };
  managerId: string;
  anchor: Anchor;
  onClose: () => void;
}

/** A card dropped onto another asks before it moves: a drag that ends on the wrong card is easy to make. */
export function ReportsToPopover({
  customerId,
  model,
  person,
  managerId,
  anchor,
  onClose,
}: ReportsToPopoverProps) {
  const { t } = useTranslation();
  const [save, saving] = useSetReportsTo(customerId);
  const name = (id: string) => model.persons.find((p) => p.id === id)?.name ?? '';
  const question = t('map.confirmReportsTo', { person: name(person.id), manager: name(managerId) });
  return (
    <Popover anchor={anchor} label={question} onClose={onClose}>
      <p className="state-popover__title">{question}</p>
      <div className="popover-actions">
        <button
          type="button"
          className="button"
          data-autofocus
          disabled={saving.loading}
          onClick={() =>
            save(person, managerId)
              .then(onClose)
              .catch(() => undefined)
          }
        >
          {t('map.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('map.cancel')}
        </button>
      </div>
      {saving.error && <ErrorMessage error={saving.error} />}
    </Popover>
  );
}
