import { type RelationshipState, relationshipStateLabels } from '@dossier/domain';
import {
  canReportTo,
  DEFAULT_LAYOUT,
  initialCollapsed,
  searchTarget,
  superiors,
} from '@dossier/relationship-map';
import { type Connection, type Edge, Panel, ReactFlow, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n';
import { MapPopovers, type OpenPopover } from './MapPopovers';
import { MapToolbar } from './MapToolbar';
import { type MapActions, MapActionsContext } from './mapActions';
import { buildMapGraph } from './mapGraph';
import type { MapModel } from './mapModel';
import { DROP_TARGET, PersonCard, REPORTS_GRIP } from './PersonCard';
import { StaffNode } from './StaffNode';
import { useFillViewport } from './useFillViewport';
import { useOpeningView } from './useOpeningView';

const nodeTypes = { person: PersonCard, staff: StaffNode };

/**
 * How many cards a map opens with before it folds the next level: about what 1024×768 shows legibly
 * (a row of cards at a zoom where their text still reads). A small customer opens whole.
 */
const OPENING_CARDS = 12;

/** Below this the canvas shows too little of a chart to work in; a shorter window scrolls instead. */
const MIN_CANVAS_HEIGHT = 320;

interface RelationshipMapProps {
  customerId: string;
  model: MapModel;
  persons: { id: string; version: number }[];
}

/** The map with its view state (folds, filter, focus, the link being drawn) and its popovers. */
export function RelationshipMap({ customerId, model, persons }: RelationshipMapProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const flow = useReactFlow();
  const [collapsed, setCollapsed] = useState(() => initialCollapsed(model.persons, OPENING_CARDS));
  const [keyPlayersOnly, setKeyPlayersOnly] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  // The card to keep in view after the layout moves (a fold opened, a search): at this zoom, or as is.
  const [centre, setCentre] = useState<{ id: string; zoom?: number } | null>(null);
  const [linkingStaffId, setLinkingStaffId] = useState<string | null>(null);
  const [popover, setPopover] = useState<OpenPopover | null>(null);
  // Counts wholesale changes of the set of cards (the filter): each shows the new picture's opening view.
  const [reopen, setReopen] = useState(0);

  const describeLink = useCallback(
    (staff: string, person: string, state: RelationshipState) =>
      t('map.linkLabel', { staff, person, state: label(relationshipStateLabels, state) }),
    [t, label],
  );
  const graph = useMemo(
    () => buildMapGraph(model, { collapsed, keyPlayersOnly, linkingStaffId, focusId }, describeLink),
    [model, collapsed, keyPlayersOnly, linkingStaffId, focusId, describeLink],
  );

  const actions = useMemo<MapActions>(
    () => ({
      openLink: (relationshipId, anchor) => setPopover({ kind: 'link', relationshipId, anchor }),
      openMenu: (keyPersonId, anchor) => setPopover({ kind: 'menu', keyPersonId, anchor }),
      toggle: (id) => {
        setCollapsed((previous) => {
          const next = new Set(previous);
          if (!next.delete(id)) next.add(id);
          return next;
        });
        setCentre({ id });
      },
      startLink: (staffId) => setLinkingStaffId((current) => (current === staffId ? null : staffId)),
    }),
    [],
  );

  useEffect(() => {
    if (!centre) return;
    const node = graph.nodes.find((n) => n.id === centre.id);
    if (!node) return;
    const { width, height } = DEFAULT_LAYOUT.card;
    const zoom = centre.zoom ?? flow.getZoom();
    flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom, duration: 300 });
  }, [centre, graph.nodes, flow]);

  useOpeningView(graph.nodes, reopen);
  const canvas = useFillViewport<HTMLDivElement>(MIN_CANVAS_HEIGHT);

  function filterKeyPlayers(on: boolean) {
    setKeyPlayersOnly(on);
    setReopen((n) => n + 1);
  }

  function search(query: string): boolean {
    const target = searchTarget(model.persons, query, collapsed);
    if (!target) return false;
    if (target.unfold.length) {
      setCollapsed((previous) => new Set([...previous].filter((id) => !target.unfold.includes(id))));
    }
    setKeyPlayersOnly(false);
    setFocusId(target.id);
    setCentre({ id: target.id, zoom: 1 });
    return true;
  }

  /** The link's state popover, or the new-link one when this staff member does not know the person yet. */
  function openLinkBetween(staffId: string, keyPersonId: string, anchor: { x: number; y: number }) {
    const existing = model.links.find((l) => l.staffId === staffId && l.keyPersonId === keyPersonId);
    setPopover(
      existing
        ? { kind: 'link', relationshipId: existing.id, anchor }
        : { kind: 'new', staffId, keyPersonId, anchor },
    );
  }

  function linkTo(keyPersonId: string, anchor: { x: number; y: number }) {
    if (!linkingStaffId) return;
    openLinkBetween(linkingStaffId, keyPersonId, anchor);
    setLinkingStaffId(null);
  }

  const parent = useMemo(() => superiors(model.persons), [model.persons]);
  // Which drops React Flow accepts (and colours the card under the pointer for): a staff member's grip on a
  // key person's card, a card's grip on the card of a possible manager.
  const isValidConnection = useCallback(
    (connection: Connection | Edge) => {
      if (connection.targetHandle !== DROP_TARGET) return false;
      if (connection.sourceHandle === REPORTS_GRIP)
        return canReportTo(parent, connection.source, connection.target);
      return model.recordable.has(connection.source) && parent.has(connection.target);
    },
    [parent, model.recordable],
  );

  return (
    <MapActionsContext.Provider value={actions}>
      <MapToolbar
        keyPlayersOnly={keyPlayersOnly}
        onKeyPlayersOnly={filterKeyPlayers}
        onFit={() => flow.fitView({ duration: 300 })}
        onSearch={search}
        onAdd={(placeholder) => setPopover({ kind: 'add', placeholder })}
        counts={{ persons: model.persons.length, gaps: model.uncovered.size }}
      />
      <div className="map-canvas" ref={canvas}>
        <ReactFlow
          nodes={graph.nodes}
          edges={graph.edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable
          connectOnClick={false}
          elementsSelectable
          minZoom={0.1}
          maxZoom={2}
          onEdgeClick={(event, edge) => {
            if (edge.id.startsWith('reports:')) return;
            setPopover({
              kind: 'link',
              relationshipId: edge.id,
              anchor: { x: event.clientX, y: event.clientY },
            });
          }}
          onNodeClick={(event, node) => {
            if (node.type === 'person') linkTo(node.id, { x: event.clientX, y: event.clientY });
          }}
          isValidConnection={isValidConnection}
          onConnectEnd={(event, state) => {
            const point = 'changedTouches' in event ? event.changedTouches[0] : event;
            if (!state.isValid || !state.fromNode || !state.toNode || !point) return;
            const anchor = { x: point.clientX, y: point.clientY };
            if (state.fromHandle?.id === REPORTS_GRIP) {
              setPopover({
                kind: 'reportsTo',
                keyPersonId: state.fromNode.id,
                managerId: state.toNode.id,
                anchor,
              });
            } else openLinkBetween(state.fromNode.id, state.toNode.id, anchor);
          }}
          onPaneClick={() => setLinkingStaffId(null)}
        >
          {linkingStaffId && (
            <Panel position="top-center" className="map-banner" role="status">
              {t('map.linkHint', { name: model.staff.find((s) => s.id === linkingStaffId)?.name ?? '' })}{' '}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setLinkingStaffId(null)}
              >
                {t('map.cancel')}
              </button>
            </Panel>
          )}
        </ReactFlow>
      </div>
      {popover && (
        <MapPopovers
          customerId={customerId}
          model={model}
          persons={persons}
          popover={popover}
          onOpen={setPopover}
          onClose={() => setPopover(null)}
        />
      )}
    </MapActionsContext.Provider>
  );
}
