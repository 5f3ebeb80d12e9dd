import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapActions } from './mapActions';

export type StaffNodeType = Node<{ name: string; linking: boolean }, 'staff'>;

/**
 * One of our staff in the column beside the org chart; tap it, then a key person, to link the two, or
 * drag its grip onto the key person.
 */
export const StaffNode = memo(function StaffNode({ id, data }: NodeProps<StaffNodeType>) {
  const { t } = useTranslation();
  const actions = useMapActions();
  return (
    <div className={`staff-node${data.linking ? ' staff-node--linking' : ''}`}>
      <button
        type="button"
        className="staff-node__button nodrag"
        aria-pressed={data.linking}
        aria-label={t('map.startLink', { name: data.name })}
        onClick={(event) => {
          event.stopPropagation();
          actions.startLink(id);
        }}
      >
        {data.name}
      </button>
      <Handle
        type="source"
        position={Position.Right}
        className="map-grip staff-node__handle"
        role="img"
        aria-label={t('map.dragLink', { name: data.name })}
        title={t('map.dragLink', { name: data.name })}
      >
        ⠿
      </Handle>
    </div>
  );
});
