import type { RelationshipState } from '@dossier/domain';
import {
  cardBadges,
  DEFAULT_LAYOUT,
  edgeStyle,
  keyPlayerIds,
  layoutMap,
  personsWithReports,
  REPORTS_TO_STYLE,
  visibleOrgChart,
} from '@dossier/relationship-map';
import type { Edge } from '@xyflow/react';
import type { MapModel } from './mapModel';
import type { PersonNode } from './PersonCard';
import type { StaffNodeType } from './StaffNode';

export interface ViewState {
  readonly collapsed: ReadonlySet<string>;
  readonly keyPlayersOnly: boolean;
  readonly linkingStaffId: string | null;
  readonly focusId: string | null;
}

export interface MapGraph {
  readonly nodes: (PersonNode | StaffNodeType)[];
  readonly edges: Edge[];
}

/** Touch: an edge reacts to a finger within 28 px of its line, a 47 px target at the smallest opening zoom. */
export const EDGE_HIT_WIDTH = 56;

/** The React Flow nodes and edges of the map as the rep currently looks at it. */
export function buildMapGraph(
  model: MapModel,
  view: ViewState,
  describeLink: (staffName: string, personName: string, state: RelationshipState) => string,
): MapGraph {
  const badges = cardBadges(model.persons, model.roles, model.links, model.uncovered);
  const chart = visibleOrgChart(model.persons, {
    collapsed: view.collapsed,
    ...(view.keyPlayersOnly ? { only: keyPlayerIds(badges) } : {}),
  });
  const drawn = new Set(chart.persons.map((p) => p.id));
  const links = model.links.filter((l) => drawn.has(l.keyPersonId));
  const positions = layoutMap(chart, model.staff, links);
  const heads = personsWithReports(model.persons);
  const nodes: (PersonNode | StaffNodeType)[] = [];
  for (const person of chart.persons) {
    const ownBadges = badges.get(person.id);
    if (!ownBadges) continue;
    nodes.push({
      id: person.id,
      type: 'person',
      position: positions.get(person.id) ?? { x: 0, y: 0 },
      width: DEFAULT_LAYOUT.card.width,
      height: DEFAULT_LAYOUT.card.height,
      data: {
        name: person.name,
        title: person.title ?? null,
        favours: model.favours.get(person.id)?.name ?? null,
        badges: ownBadges,
        links: links
          .filter((l) => l.keyPersonId === person.id)
          .flatMap((l) => model.relationships.get(l.id) ?? []),
        suggestions: model.suggestions.get(person.id) ?? [],
        hiddenBelow: chart.hiddenBelow.get(person.id) ?? null,
        collapsed: view.collapsed.has(person.id),
        hasReports: heads.has(person.id),
        focused: view.focusId === person.id,
      },
    });
  }
  for (const member of model.staff) {
    nodes.push({
      id: member.id,
      type: 'staff',
      position: positions.get(member.id) ?? { x: 0, y: 0 },
      width: DEFAULT_LAYOUT.staff.width,
      height: DEFAULT_LAYOUT.staff.height,
      data: {
        name: member.name,
        linking: view.linkingStaffId === member.id,
        recordable: model.recordable.has(member.id),
      },
    });
  }
  const names = new Map([...model.persons, ...model.staff].map((x) => [x.id, x.name]));
  const edges: Edge[] = chart.lines.map((line) => ({
    id: `reports:${line.to}`,
    source: line.from,
    target: line.to,
    type: 'smoothstep',
    selectable: false,
    focusable: false,
    interactionWidth: 0,
    className: 'reports-to',
    style: { stroke: REPORTS_TO_STYLE.stroke, strokeWidth: REPORTS_TO_STYLE.width },
  }));
  for (const link of links) {
    const style = edgeStyle(link.state);
    edges.push({
      id: link.id,
      source: link.staffId,
      target: link.keyPersonId,
      targetHandle: 'link',
      interactionWidth: EDGE_HIT_WIDTH,
      ariaLabel: describeLink(names.get(link.staffId) ?? '', names.get(link.keyPersonId) ?? '', link.state),
      className: `link link--${link.state.toLowerCase()}`,
      data: { state: link.state },
      style: {
        stroke: style.stroke,
        strokeWidth: style.width,
        ...(style.dash ? { strokeDasharray: style.dash } : {}),
      },
    });
  }
  return { nodes, edges };
}
