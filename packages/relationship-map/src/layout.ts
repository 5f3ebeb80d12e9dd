import { Graph, layout } from '@dagrejs/dagre';
import type { MapLink, MapStaff } from './model.js';
import type { OrgChart } from './org-chart.js';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface MapLayoutOptions {
  readonly card: Size;
  readonly staff: Size;
  /** Horizontal gap between the staff column and the org chart. */
  readonly columnGap: number;
}

export const DEFAULT_LAYOUT: MapLayoutOptions = {
  card: { width: 240, height: 208 },
  staff: { width: 152, height: 48 },
  columnGap: 160,
};

/** Top-left corners, as React Flow positions nodes. */
export type Positions = Map<string, { x: number; y: number }>;

/**
 * Positions of both layers: the org chart top-down by reports-to (dagre), and our staff in one column to
 * its left. Staff are ordered by the mean height, then the mean left, of the persons they know, so each
 * one sits near their contacts and the coloured links cross as little as a column allows.
 */
export function layoutMap(
  chart: OrgChart,
  staff: readonly MapStaff[],
  links: readonly MapLink[],
  options: MapLayoutOptions = DEFAULT_LAYOUT,
): Positions {
  const positions: Positions = new Map();
  const g = new Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 56, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const p of chart.persons) g.setNode(p.id, { width: options.card.width, height: options.card.height });
  for (const line of chart.lines) g.setEdge(line.from, line.to);
  layout(g);
  let minX = 0;
  for (const p of chart.persons) {
    // dagre gives centres; React Flow wants top-left corners.
    const { x, y } = g.node(p.id) as { x: number; y: number };
    const corner = { x: x - options.card.width / 2, y: y - options.card.height / 2 };
    positions.set(p.id, corner);
    minX = Math.min(minX, corner.x);
  }
  const columnX = minX - options.columnGap - options.staff.width;
  const rowHeight = options.staff.height + 16;
  const anchored = staff.map((member, index) => {
    const known = links
      .filter((l) => l.staffId === member.id)
      .map((l) => positions.get(l.keyPersonId))
      .filter((p): p is { x: number; y: number } => p !== undefined);
    const mean = (pick: (p: { x: number; y: number }) => number) =>
      known.length ? known.reduce((sum, p) => sum + pick(p), 0) / known.length : Number.POSITIVE_INFINITY;
    return { member, y: mean((p) => p.y), x: mean((p) => p.x), index };
  });
  anchored.sort((a, b) => a.y - b.y || a.x - b.x || a.index - b.index);
  anchored.forEach(({ member }, row) => {
    positions.set(member.id, { x: columnX, y: row * rowHeight });
  });
  return positions;
}
