import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapActions } from './mapActions';

export type StaffNodeType = Node<{ name: string; linking: boolean; recordable: boolean }, 'staff'>;

/**
 * One of our staff in the column beside the org chart; tap it, then a key person, to link the two, or
 * drag its grip onto the key person. Only someone whose relationships the viewer may record starts a link:
 * anyone else is a name the links hang from.
 */
export const StaffNode = memo(function StaffNode({ id, data }: NodeProps<StaffNodeType>) {
  const { t } = useTranslation();
  const actions = useMapActions();
  const startLink = (event: React.MouseEvent) => {
    event.stopPropagation();
    actions.startLink(id);
  };
  if (!data.recordable)
    return (
      <div className="staff-node">
        <span className="staff-node__button staff-node__name">{data.name}</span>
        <Handle
          type="source"
          position={Position.Right}
          isConnectable={false}
          className="staff-node__anchor"
        />
      </div>
    );
  return (
    <div className={`staff-node${data.linking ? ' staff-node--linking' : ''}`}>
      <button
        type="button"
        className="staff-node__button nodrag"
        aria-pressed={data.linking}
        aria-label={t('map.startLink', { name: data.name })}
        onClick={startLink}
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
        // A tap on the grip is a tap on the staff member: the grip covers the end of the button.
        onClick={startLink}
      >
        ⠿
      </Handle>
    </div>
  );
});
