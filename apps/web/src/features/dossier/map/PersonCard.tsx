import {
  closenessLabels,
  decisionRoleLabels,
  influenceLevelLabels,
  relationshipStateLabels,
} from '@dossier/domain';
import { type CardBadges, edgeStyle } from '@dossier/relationship-map';
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapEdge_RelationshipFragment } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { useMayEdit } from '../forms/mayEdit';
import { anchorOf, useMapActions } from './mapActions';
import type { Suggestion } from './mapModel';

export type PersonNode = Node<
  {
    name: string;
    title: string | null;
    /** The name of the competitor the person favours, or null. */
    favours: string | null;
    badges: CardBadges;
    links: MapEdge_RelationshipFragment[];
    suggestions: Suggestion[];
    /** People folded or filtered away below this card; null when nobody reports to it. */
    hiddenBelow: number | null;
    collapsed: boolean;
    hasReports: boolean;
    focused: boolean;
  },
  'person'
>;

const MAX_CHIPS = 3;

/** The card's grip dragged onto the manager: the handle a reports-to drag starts from. */
export const REPORTS_GRIP = 'reports';
/** The handle covering the card that a drag (a staff member's or a card's grip) is dropped onto. */
export const DROP_TARGET = 'drop';

/** A key person's card: who they are, their roles, how well we know them, and the staff who do. */
export const PersonCard = memo(function PersonCard({ id, data }: NodeProps<PersonNode>) {
  const { t } = useTranslation();
  const mayEdit = useMayEdit();
  const label = useLabel();
  const actions = useMapActions();
  const { badges } = data;
  const classes = ['person-card'];
  if (badges.uncovered) classes.push('person-card--uncovered');
  if (badges.placeholder) classes.push('person-card--placeholder');
  if (data.focused) classes.push('person-card--focused');
  return (
    <article className={classes.join(' ')} aria-label={data.name}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <Handle type="target" id="link" position={Position.Left} isConnectable={false} />
      {/* Before the grip: the reports-to lines name no handle, so they leave from the first source one. */}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
      <header className="person-card__head">
        <div className="person-card__who">
          <strong className="person-card__name">
            {badges.keyPlayer && (
              <span
                className="key-player"
                title={t('map.keyPlayer')}
                role="img"
                aria-label={t('map.keyPlayer')}
              >
                ★
              </span>
            )}
            {data.name}
          </strong>
          {data.title && <span className="person-card__title">{data.title}</span>}
        </div>
        <Handle
          type="source"
          id={REPORTS_GRIP}
          position={Position.Top}
          isConnectable={mayEdit}
          className="map-grip person-card__grip"
          role="img"
          aria-label={t('map.dragReportsTo', { name: data.name })}
          title={t('map.dragReportsTo', { name: data.name })}
        >
          ⤒
        </Handle>
        <button
          type="button"
          className="icon-button nodrag"
          aria-label={t('map.cardMenu', { name: data.name })}
          onClick={(event) => {
            event.stopPropagation();
            actions.openMenu(id, anchorOf(event));
          }}
        >
          ⋯
        </button>
      </header>
      <div className="person-card__badges">
        {badges.roles.map((role) => (
          <span key={role} className="chip chip--role">
            {label(decisionRoleLabels, role)}
          </span>
        ))}
        {badges.influence && (
          <span className="chip chip--influence">
            {t('map.influence', { level: label(influenceLevelLabels, badges.influence) })}
          </span>
        )}
        {badges.best && (
          <span className="chip" style={{ borderColor: edgeStyle(badges.best).stroke }}>
            {t('map.best', { state: label(relationshipStateLabels, badges.best) })}
          </span>
        )}
        {badges.placeholder && <span className="chip chip--gap">{t('map.placeholder')}</span>}
        {data.favours && (
          <span className="chip chip--competitor">{t('map.favours', { name: data.favours })}</span>
        )}
      </div>
      {badges.uncovered && (
        <p className="person-card__gap">
          {t('map.uncovered')}
          {data.suggestions[0]
            ? ` ${t('map.suggestion', {
                staff: data.suggestions[0].staffName,
                via: data.suggestions[0].viaName,
                closeness: label(closenessLabels, data.suggestions[0].closeness),
              })}`
            : ` ${t('map.noSuggestion')}`}
        </p>
      )}
      <div className="person-card__staff">
        {data.links.slice(0, MAX_CHIPS).map((link) => (
          <button
            key={link.id}
            type="button"
            className="staff-chip nodrag"
            style={{
              borderColor: edgeStyle(link.state).stroke,
              borderStyle: edgeStyle(link.state).dash ? 'dashed' : 'solid',
            }}
            aria-label={t('map.linkLabel', {
              staff: link.staff.name,
              person: data.name,
              state: label(relationshipStateLabels, link.state),
            })}
            onClick={(event) => {
              event.stopPropagation();
              actions.openLink(link.id, anchorOf(event));
            }}
          >
            {link.staff.name}
          </button>
        ))}
        {data.links.length > MAX_CHIPS && (
          <button
            type="button"
            className="staff-chip nodrag"
            onClick={(event) => {
              event.stopPropagation();
              actions.openMenu(id, anchorOf(event));
            }}
          >
            {t('map.moreStaff', { count: data.links.length - MAX_CHIPS })}
          </button>
        )}
      </div>
      {data.hasReports && (
        <button
          type="button"
          className="person-card__fold nodrag"
          aria-expanded={!data.collapsed}
          aria-label={t(data.collapsed ? 'map.unfold' : 'map.fold', { name: data.name })}
          onClick={(event) => {
            event.stopPropagation();
            actions.toggle(id);
          }}
        >
          {data.collapsed ? `▸ ${data.hiddenBelow ?? 0}` : '▾'}
        </button>
      )}
      {/* The whole card is where a drag ends; React Flow lets it take the pointer only while one is drawn. */}
      <Handle
        type="target"
        id={DROP_TARGET}
        position={Position.Top}
        isConnectableStart={false}
        className="person-card__drop"
      />
    </article>
  );
});
