import { describe, expect, it } from 'vitest';
import { type Box, openingViewport } from './viewport.js';

const options = { minZoom: 0.85, maxZoom: 1, padding: 16 };
const screen = { width: 1000, height: 400 };
const card = (x: number, y: number): Box => ({ x, y, width: 240, height: 200 });
const staff = (y: number): Box => ({ x: -400, y, width: 152, height: 48 });

/** Where a flow box lands on screen. */
const onScreen = (box: Box, view: { x: number; y: number; zoom: number }) => ({
  left: view.x + box.x * view.zoom,
  right: view.x + (box.x + box.width) * view.zoom,
  top: view.y + box.y * view.zoom,
});

describe('openingViewport', () => {
  it.each([
    // name, boxes, head, expected viewport
    ['an empty map opens at zoom 1', [], undefined, { x: 0, y: 0, zoom: 1 }],
    // 240×200 fits at zoom 1 (capped: a small map is not blown up): centred.
    ['one card, centred at zoom 1', [card(0, 0)], card(0, 0), { x: 380, y: 100, zoom: 1 }],
    // 1000 wide needs 0.968 to fit the 968 px between the paddings: shown whole, centred.
    [
      'a picture a little too big is zoomed to fit',
      [card(0, 0), card(760, 0)],
      card(0, 0),
      { x: 16, y: (400 - 200 * 0.968) / 2, zoom: 0.968 },
    ],
  ])('%s', (_name, boxes, head, expected) => {
    const view = openingViewport(boxes, head, screen, options);
    expect(view.zoom).toBeCloseTo(expected.zoom, 6);
    expect(view.x).toBeCloseTo(expected.x, 6);
    expect(view.y).toBeCloseTo(expected.y, 6);
  });

  it('opens a wide chart at the smallest readable zoom, on its top, with the staff column in view', () => {
    // Staff at x -400; head at x 0; the chart runs on to the right well past the screen.
    const head = card(0, 0);
    const boxes = [staff(0), staff(64), head, card(-120, 256), card(300, 256), card(3000, 256)];
    const view = openingViewport(boxes, head, screen, options);
    expect(view.zoom).toBe(0.85);
    expect(onScreen(staff(0), view).left).toBeCloseTo(16);
    expect(onScreen(head, view).top).toBeCloseTo(16);
    expect(onScreen(head, view).right).toBeLessThanOrEqual(1000 - 16);
  });

  it('centres the head when it sits too far right of the staff column to show both', () => {
    // A broad chart whose top card is centred 2000 px right of the staff column.
    const head = card(2000, 0);
    const view = openingViewport([staff(0), card(0, 256), head, card(4000, 256)], head, screen, options);
    expect(view.zoom).toBe(0.85);
    expect(onScreen(head, view).left).toBeCloseTo((1000 - 240 * 0.85) / 2);
    expect(onScreen(head, view).top).toBeCloseTo(16);
    expect(onScreen(staff(0), view).right).toBeLessThan(0);
  });

  it('opens a tall, narrow chart centred across and on its top', () => {
    const head = card(0, 0);
    const boxes = [head, card(0, 256), card(0, 512), card(0, 768)];
    const view = openingViewport(boxes, head, screen, options);
    expect(view.zoom).toBe(0.85);
    expect(onScreen(head, view).top).toBeCloseTo(16);
    expect(onScreen(head, view).left).toBeCloseTo((1000 - 240 * 0.85) / 2);
  });
});
