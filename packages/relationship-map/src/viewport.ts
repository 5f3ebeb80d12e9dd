import type { Size } from './layout.js';

/** A node's box in flow coordinates. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** React Flow's viewport: the flow point (0, 0) is drawn at (x, y) on screen, scaled by zoom. */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface OpeningViewOptions {
  /**
   * The smallest zoom the map opens at: card text must still read and every control on a card must
   * measure at least a finger's width (40 px) on screen; wider charts open on a part of themselves.
   */
  readonly minZoom: number;
  readonly maxZoom: number;
  /** Screen pixels kept free around the picture. */
  readonly padding: number;
}

const union = (boxes: readonly Box[]): Box => {
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
};

/** Where the screen's edge goes along one axis: centred when the span fits, else from its start. */
const place = (start: number, span: number, screen: number, zoom: number, padding: number) =>
  span * zoom <= screen - 2 * padding ? (screen - span * zoom) / 2 - start * zoom : padding - start * zoom;

/**
 * The view a map opens with. A picture that fits the screen at a readable zoom is shown whole and
 * centred. A bigger one opens at the smallest readable zoom on its top: with our staff column on the
 * left, because the coloured lines from staff to cards are what the map is opened for, if the head of
 * the org chart (`head`, the top card) still shows whole beside it; else centred on the head.
 */
export function openingViewport(
  boxes: readonly Box[],
  head: Box | undefined,
  screen: Size,
  { minZoom, maxZoom, padding }: OpeningViewOptions,
): Viewport {
  if (!boxes.length) return { x: 0, y: 0, zoom: maxZoom };
  const all = union(boxes);
  const fit = Math.min((screen.width - 2 * padding) / all.width, (screen.height - 2 * padding) / all.height);
  const zoom = Math.min(maxZoom, Math.max(minZoom, fit));
  const y = place(all.y, all.height, screen.height, zoom, padding);
  let x = place(all.x, all.width, screen.width, zoom, padding);
  // With the staff column's left edge at the padding, does the head fit? If not, the chart is too wide
  // to show both: the head goes to the middle, its subtree around it, our staff a swipe to the left.
  if (head && x + (head.x + head.width) * zoom > screen.width - padding) {
    x = screen.width / 2 - (head.x + head.width / 2) * zoom;
  }
  return { x, y, zoom };
}
