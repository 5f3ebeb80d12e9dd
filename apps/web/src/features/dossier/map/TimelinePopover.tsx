import { useTranslation } from 'react-i18next';
import { type Anchor, Popover } from './Popover';

/** The states a link went through, newest first, from the change history. */
export function TimelinePopover({
  relationshipId,
  anchor,
  onClose,
}: {
  relationshipId: string;
  anchor: Anchor;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Popover anchor={anchor} label={t('map.timeline')} onClose={onClose}>
      <p data-relationship={relationshipId}>{t('map.timeline')}</p>
    </Popover>
  );
}
