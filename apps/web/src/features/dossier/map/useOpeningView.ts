import { type Box, openingViewport } from '@dossier/relationship-map';
import { type Node, useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/**
 * The zoom range a map opens in. At 0.85 a card's 48 px controls measure 40.8 px on screen, a finger's
 * width, and its 14 px text reads at 12 px; a chart too big for that opens on its top instead.
 */
export const OPENING_VIEW = { minZoom: 0.85, maxZoom: 1, padding: 16 };

const boxOf = (node: Node): Box => ({
  x: node.position.x,
  y: node.position.y,
  width: node.width ?? 0,
  height: node.height ?? 0,
});

/** The top card of the org chart, leftmost among equals: where a reader of the chart starts. */
function headOf(nodes: readonly Node[]): Box | undefined {
  const cards = nodes.filter((n) => n.type === 'person');
  cards.sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
  return cards[0] && boxOf(cards[0]);
}

/**
 * Shows the map's opening view once the canvas has a size, and again (animated) each time `reopen`
 * changes: a filter that swaps the set of cards wholesale.
 */
export function useOpeningView(nodes: readonly Node[], reopen: number) {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // The `reopen` last shown; null until the first view.
  const shown = useRef<number | null>(null);

  useEffect(() => {
    if (!width || !height || shown.current === reopen) return;
    const viewport = openingViewport(nodes.map(boxOf), headOf(nodes), { width, height }, OPENING_VIEW);
    flow.setViewport(viewport, { duration: shown.current === null ? 0 : 300 });
    shown.current = reopen;
  }, [flow, nodes, reopen, width, height]);
}
