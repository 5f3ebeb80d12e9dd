import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../harness.js';
import {
  browserHarness,
  DESKTOP,
  expectNoSeriousAxeViolations,
  hasChromium,
  screenshot,
  signIn,
} from './browser-harness.js';

const db = await testDatabase();

interface Link {
  id: string;
  state: string;
  staff: { id: string; name: string; active: boolean };
  keyPerson: { id: string; name: string; active: boolean };
}

/** The rep's customers and their links, read over the API the page itself signed in to. */
async function customersWithLinks(page: Page) {
  const response = await page.request.post('/graphql', {
    data: {
      query: `{ me { id name } customers(first: 200) { nodes { id name keyPersons { id name active }
        relationshipMap { relationships { id state staff { id name active } keyPerson { id name active } } } } } }`,
    },
  });
  const body = (await response.json()) as {
    data: {
      me: { id: string; name: string };
      customers: {
        nodes: {
          id: string;
          name: string;
          keyPersons: { id: string; name: string; active: boolean }[];
          relationshipMap: { relationships: Link[] };
        }[];
      };
    };
  };
  return body.data;
}

/**
 * The rep's own neutral links the map draws (active key person), of one customer with at least `count`:
 * a rep records only their own relationships.
 */
function neutralLinks(data: Awaited<ReturnType<typeof customersWithLinks>>, count: number) {
  for (const customer of data.customers.nodes) {
    const links = customer.relationshipMap.relationships.filter(
      (l) => l.state === 'NEUTRAL' && l.staff.id === data.me.id && l.keyPerson.active,
    );
    if (links.length >= count) return { customer, links };
  }
  throw new Error(`no customer of the rep has ${count} neutral links`);
}

/** A colleague's link the map draws, on one of the rep's customers: the rep reads it and records none. */
function colleagueLink(data: Awaited<ReturnType<typeof customersWithLinks>>) {
  for (const customer of data.customers.nodes) {
    const link = customer.relationshipMap.relationships.find(
      (l) => l.staff.id !== data.me.id && l.staff.active && l.keyPerson.active,
    );
    if (link) return { customer, link };
  }
  throw new Error('no customer of the rep has a colleague’s link');
}

/**
 * Counts what a person does: each tap, and each text typed, is one interaction. The test fails if the
 * change takes more than the issue allows, so the number is measured, not claimed.
 */
class Interactions {
  count = 0;
  constructor(private readonly page: Page) {}

  /** Taps the edge where a finger would: a point on its line that nothing else covers. */
  async tapEdge(relationshipId: string) {
    const edge = this.page.locator(`.react-flow__edge[data-id="${relationshipId}"]`);
    await edge.waitFor({ state: 'attached' });
    const point = await edge.locator('path.react-flow__edge-path').evaluate((path: unknown, id: string) => {
      interface Geometry {
        getTotalLength(): number;
        getPointAtLength(length: number): { x: number; y: number };
        getScreenCTM(): { a: number; b: number; c: number; d: number; e: number; f: number };
      }
      const doc = (globalThis as unknown as { document: { elementFromPoint(x: number, y: number): unknown } })
        .document;
      const geometry = path as Geometry;
      const m = geometry.getScreenCTM();
      const total = geometry.getTotalLength();
      for (const fraction of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
        const p = geometry.getPointAtLength(total * fraction);
        const x = p.x * m.a + p.y * m.c + m.e;
        const y = p.x * m.b + p.y * m.d + m.f;
        const hit = doc.elementFromPoint(x, y) as { closest(selector: string): unknown } | null;
        if (hit?.closest(`.react-flow__edge[data-id="${id}"]`)) return { x, y };
      }
      return null;
    }, relationshipId);
    if (!point) throw new Error(`edge ${relationshipId} is hidden under other elements`);
    this.count += 1;
    await this.page.touchscreen.tap(point.x, point.y);
  }

  async tap(locator: ReturnType<Page['locator']>) {
    this.count += 1;
    await locator.tap();
  }

  async type(locator: ReturnType<Page['locator']>, text: string) {
    this.count += 1;
    await locator.fill(text);
  }
}

/** The demo's group customer with ~150 key persons, and the name of someone at the bottom of its chart. */
async function groupCustomer(page: Page) {
  const response = await page.request.post('/graphql', {
    data: {
      query: `{ customers(first: 1, filter: { search: "长江智造" }) { nodes { id
        keyPersons { id name active reportsTo { id } } } } }`,
    },
  });
  const body = (await response.json()) as {
    data: {
      customers: {
        nodes: { id: string; keyPersons: { id: string; name: string; reportsTo: { id: string } | null }[] }[];
      };
    };
  };
  const customer = body.data.customers.nodes[0];
  if (!customer) throw new Error('the demo has no group customer');
  const up = new Map(customer.keyPersons.map((p) => [p.id, p.reportsTo?.id ?? null]));
  const depth = (id: string | null): number => (id === null ? 0 : 1 + depth(up.get(id) ?? null));
  const byDepth = [...customer.keyPersons].sort((a, b) => depth(b.id) - depth(a.id));
  return { id: customer.id, deepest: byDepth[0]?.name ?? '', head: byDepth.at(-1)?.name ?? '' };
}

/** Every control on a card that shows in the map's canvas, with its on-screen size. */
async function controlsOnCanvas(page: Page) {
  const canvas = await page.locator('.map-canvas').boundingBox();
  if (!canvas) throw new Error('map not laid out');
  const controls = [];
  for (const control of await page.locator('.react-flow__node button').all()) {
    const box = await control.boundingBox();
    if (!box) continue;
    const shows =
      box.x + box.width > canvas.x &&
      box.x < canvas.x + canvas.width &&
      box.y + box.height > canvas.y &&
      box.y < canvas.y + canvas.height;
    if (shows) controls.push({ name: await control.getAttribute('aria-label'), ...box });
  }
  return controls;
}

/** The map's zoom, from the transform React Flow puts on its viewport. */
async function zoom(page: Page): Promise<number> {
  const transform = await page
    .locator('.react-flow__viewport')
    .evaluate((node) => (node as unknown as { style: { transform: string } }).style.transform);
  return Number(transform.match(/scale\(([\d.]+)\)/)?.[1]);
}

/** The map's pan, from the same transform. */
async function translation(page: Page): Promise<{ x: number; y: number }> {
  const transform = await page
    .locator('.react-flow__viewport')
    .evaluate((node) => (node as unknown as { style: { transform: string } }).style.transform);
  const [, x, y] = transform.match(/translate\(([-\d.]+)px, ([-\d.]+)px\)/) ?? [];
  return { x: Number(x), y: Number(y) };
}

const edgeClass = (page: Page, id: string) =>
  page.locator(`.react-flow__edge[data-id="${id}"]`).getAttribute('class');

async function openMap(page: Page, customerId: string) {
  await page.goto(`/customers/${customerId}/map`);
  await page.locator('.react-flow__node').first().waitFor();
  await page.locator('.map-canvas').scrollIntoViewIfNeeded();
}

/**
 * Drags with the mouse as a person does: press on `from`, move in steps onto the middle of `to`, look
 * (`beforeRelease`) and release.
 */
async function drag(page: Page, from: Locator, to: Locator, beforeRelease?: () => Promise<void>) {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('drag source or target not laid out');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 12, start.y + start.height / 2 + 12, { steps: 3 });
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  await beforeRelease?.();
  await page.mouse.up();
}

/** Where a drawn line starts and ends on screen. */
async function lineEnds(page: Page, edgeId: string) {
  return page
    .locator(`.react-flow__edge[data-id="${edgeId}"] path.react-flow__edge-path`)
    .evaluate((path: unknown) => {
      const geometry = path as {
        getTotalLength(): number;
        getPointAtLength(length: number): { x: number; y: number };
        getScreenCTM(): { a: number; b: number; c: number; d: number; e: number; f: number };
      };
      const m = geometry.getScreenCTM();
      const screen = (p: { x: number; y: number }) => ({
        x: p.x * m.a + p.y * m.c + m.e,
        y: p.x * m.b + p.y * m.d + m.f,
      });
      return {
        from: screen(geometry.getPointAtLength(0)),
        to: screen(geometry.getPointAtLength(geometry.getTotalLength())),
      };
    });
}

/** The middle of a card's bottom edge: where the lines to the people reporting to it leave. */
async function bottomMiddle(card: Locator) {
  const box = await card.boundingBox();
  if (!box) throw new Error('card not laid out');
  return { x: box.x + box.width / 2, y: box.y + box.height };
}

describe.skipIf(!hasChromium)('the relationship map in Chromium, on a 1024×768 touch tablet', () => {
  const harness = browserHarness(db.url);
  let data: Awaited<ReturnType<typeof customersWithLinks>>;
  let customerId: string;
  let links: Link[];

  beforeAll(async () => {
    const page = await harness.newPage();
    await page.goto('/customers');
    await signIn(page);
    await page.locator('input[type=password]').waitFor({ state: 'detached' });
    data = await customersWithLinks(page);
    ({
      customer: { id: customerId },
      links,
    } = neutralLinks(data, 3));
    await page.context().close();
  });

  async function signedIn(locale = 'zh-CN', options: BrowserContextOptions = {}) {
    const page = await harness.newPage({ locale, ...options });
    await page.goto(`/customers/${customerId}/map`);
    await signIn(page);
    await page.locator('.react-flow__node').first().waitFor();
    await page.locator('.map-canvas').scrollIntoViewIfNeeded();
    return page;
  }

  it('changes a NEUTRAL link to POSITIVE in two taps; after a reload it is still POSITIVE, with the change in its timeline', async () => {
    const page = await signedIn();
    const link = links[0] as Link;
    expect(await edgeClass(page, link.id)).toContain('link--neutral');

    const act = new Interactions(page);
    await act.tapEdge(link.id);
    await act.tap(page.getByRole('dialog').getByRole('button', { name: '积极的' }));
    expect(act.count).toBeLessThanOrEqual(2);
    expect(act.count).toBe(2);
    expect(await edgeClass(page, link.id)).toContain('link--positive');

    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    expect(await edgeClass(page, link.id)).toContain('link--positive');
    expect(await page.locator(`.react-flow__edge[data-id="${link.id}"]`).getAttribute('aria-label')).toBe(
      `${link.staff.name} → ${link.keyPerson.name}：积极的`,
    );

    await page.locator('.map-canvas').scrollIntoViewIfNeeded();
    await new Interactions(page).tapEdge(link.id);
    await page.getByRole('dialog').getByRole('button', { name: '关系变化记录' }).tap();
    const timeline = page.getByRole('dialog', { name: '关系变化记录' });
    await timeline.getByRole('listitem').first().waitFor();
    expect(await timeline.getByRole('listitem').first().textContent()).toContain(
      `积极的（原为中立的） · ${data.me.name} · `,
    );
  });

  it('opens a colleague’s link read-only: its state, whose it is and its timeline, no state to choose', async () => {
    const { customer, link } = colleagueLink(data);
    const page = await harness.newPage({ locale: 'zh-CN' });
    await page.goto(`/customers/${customer.id}/map`);
    await signIn(page);
    await page.locator('.react-flow__node').first().waitFor();
    await page.locator('.map-canvas').scrollIntoViewIfNeeded();

    await new Interactions(page).tapEdge(link.id);
    const popover = page.getByRole('dialog', { name: `${link.staff.name} → ${link.keyPerson.name}` });
    await popover.getByText(`只有${link.staff.name}本人或其上级可以记录。`).waitFor();
    expect(await popover.getByRole('button', { name: '积极的' }).count()).toBe(0);
    expect(await popover.getByRole('textbox').count()).toBe(0);
    const timelineButton = popover.getByRole('button', { name: '关系变化记录' });
    expect((await timelineButton.boundingBox())?.height).toBeGreaterThanOrEqual(40);
    await timelineButton.tap();
    await page.getByRole('dialog', { name: '关系变化记录' }).waitFor();
    // Nor does a link start from the colleague's row in the staff column.
    expect(await page.getByRole('button', { name: `为${link.staff.name}建立关系` }).count()).toBe(0);
  });

  it('with a note, takes three interactions: tap the link, type the note, tap the state', async () => {
    const page = await signedIn();
    const link = links[1] as Link;
    const act = new Interactions(page);
    await act.tapEdge(link.id);
    const popover = page.getByRole('dialog');
    await act.type(popover.getByLabel('备注（选填）'), '拜访后态度好转');
    await act.tap(popover.getByRole('button', { name: '积极的' }));
    expect(act.count).toBe(3);
    expect(await edgeClass(page, link.id)).toContain('link--positive');

    await page.reload();
    await page.locator('.map-canvas').scrollIntoViewIfNeeded();
    await new Interactions(page).tapEdge(link.id);
    await page.getByRole('dialog').getByRole('button', { name: '关系变化记录' }).tap();
    const entry = page.getByRole('dialog', { name: '关系变化记录' }).getByRole('listitem').first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain('拜访后态度好转');
  });

  it('when two reps change the same link, the second sees the first one’s change and can reapply theirs', async () => {
    const link = links[2] as Link;
    const first = await signedIn();
    const second = await signedIn();

    await new Interactions(first).tapEdge(link.id);
    await first.getByRole('dialog').getByRole('button', { name: '积极的' }).tap();
    await first.waitForResponse(
      (r) =>
        r.url().endsWith('/graphql') && r.request().postData()?.includes('SetRelationshipState') === true,
    );

    await new Interactions(second).tapEdge(link.id);
    await second.getByRole('dialog').getByRole('button', { name: '消极的' }).tap();
    const conflict = second.getByRole('dialog', { name: '他人已修改此内容：请刷新后重新提交。' });
    await conflict.waitFor();
    await conflict.getByText(`积极的（原为中立的） · ${data.me.name}`).waitFor();
    expect(await conflict.getByRole('row', { name: /关系状况/ }).textContent()).toMatch(
      /^关系状况积极的（原为中立的） · .+消极的$/,
    );

    await conflict.getByRole('button', { name: '重新提交我的修改' }).tap();
    await second.locator(`.react-flow__edge[data-id="${link.id}"].link--negative`).waitFor();
    await first.reload();
    await first.locator(`.react-flow__edge[data-id="${link.id}"].link--negative`).waitFor();
  });

  it('links a staff member to a key person by tapping one, then the other, then the state', async () => {
    const page = await signedIn();
    const customer = data.customers.nodes.find((c) => c.id === customerId);
    const known = new Set(
      customer?.relationshipMap.relationships
        .filter((l) => l.staff.name === data.me.name)
        .map((l) => l.keyPerson.id),
    );
    const stranger = customer?.keyPersons.find((p) => p.active && !known.has(p.id));
    if (!stranger) throw new Error('the rep knows everybody at this customer');
    const label = `${data.me.name} → ${stranger.name}：中立的`;
    expect(await page.locator(`.react-flow__edge[aria-label="${label}"]`).count()).toBe(0);

    // The map opens on its top at a readable zoom; the stranger may sit lower: show the whole map.
    await page.getByRole('button', { name: '适应屏幕' }).tap();
    await page.waitForTimeout(400); // the 300 ms zoom-out
    await page.getByRole('button', { name: `为${data.me.name}建立关系` }).tap();
    await page
      .getByRole('status')
      .filter({ hasText: `请点选${data.me.name}认识的关键人物。` })
      .waitFor();
    await page
      .locator('.react-flow__node-person', { hasText: stranger.name })
      .locator('.person-card__title, .person-card__name')
      .first()
      .tap();
    await page
      .getByRole('dialog', { name: `${data.me.name} → ${stranger.name}` })
      .getByRole('button', { name: '中立的' })
      .tap();
    await page.locator(`.react-flow__edge[aria-label="${label}"]`).waitFor();
  });

  it('sets whom a person reports to from the card’s menu', async () => {
    const page = await signedIn();
    const customer = data.customers.nodes.find((c) => c.id === customerId);
    const [moved, superior] = (customer?.keyPersons ?? []).filter((p) => p.active).slice(-2);
    if (!moved || !superior) throw new Error('the customer has fewer than two key persons');
    // Off the map's fold state: find the card by name, which also unfolds its superiors.
    await page.getByPlaceholder('查找关键人物').fill(moved.name);
    await page.getByRole('button', { name: '查找', exact: true }).tap();
    await page.getByRole('button', { name: `编辑${moved.name}` }).tap();
    const menu = page.getByRole('dialog', { name: `编辑${moved.name}` });
    await menu.getByLabel('直属上级').selectOption(superior.id);
    await menu.getByRole('button', { name: '保存' }).first().tap();
    await menu.waitFor({ state: 'detached' });

    const response = await page.request.post('/graphql', {
      data: { query: `{ keyPerson(id: "${moved.id}") { reportsTo { id } } }` },
    });
    const body = (await response.json()) as { data: { keyPerson: { reportsTo: { id: string } | null } } };
    expect(body.data.keyPerson.reportsTo?.id).toBe(superior.id);
  });

  it('adds a placeholder: a dashed card that counts as a coverage gap', async () => {
    const page = await signedIn();
    const counts = page.locator('.map-toolbar__counts');
    const gapsBefore = Number((await counts.textContent())?.match(/覆盖缺口 (\d+) 个/)?.[1]);

    await page.getByRole('button', { name: '新增占位人物' }).tap();
    const form = page.getByRole('dialog', { name: '新增占位人物' });
    await form.getByLabel('职务').fill('财务总监');
    await form.getByLabel('决策角色').selectOption('ECONOMIC_BUYER');
    await form.getByRole('button', { name: '保存' }).tap();
    await form.waitFor({ state: 'detached' });

    await page.getByText(`覆盖缺口 ${gapsBefore + 1} 个`).waitFor();
    const card = page.locator('.person-card--placeholder', { hasText: '财务总监' });
    expect(await card.count()).toBe(1);
    expect(await card.getAttribute('class')).toContain('person-card--uncovered');
    expect(await card.textContent()).toContain('尚未结识');
  });

  it('has no serious or critical accessibility violation on the map', async () => {
    const page = await signedIn();
    await expectNoSeriousAxeViolations(page);
  });

  it('keeps a 150-person group readable at 1024×768: top levels first, search-and-focus, key players only', async () => {
    const page = await harness.newPage();
    await page.goto('/customers');
    await signIn(page);
    await page.locator('input[type=password]').waitFor({ state: 'detached' });
    const group = await groupCustomer(page);
    await openMap(page, group.id);

    await page.getByText('关键人物 150 人').waitFor();
    const cards = page.locator('.react-flow__node-person');
    expect(await cards.count()).toBeLessThanOrEqual(12);
    // Opens on the head of the chart, at a zoom where text reads and every control takes a finger.
    expect(await zoom(page)).toBeGreaterThanOrEqual(0.85);
    const canvas = await page.locator('.map-canvas').boundingBox();
    const head = await page
      .locator('.person-card')
      .filter({ has: page.locator('.person-card__name', { hasText: group.head }) })
      .boundingBox();
    if (!canvas || !head) throw new Error('map or its head card not laid out');
    expect(head.x).toBeGreaterThanOrEqual(canvas.x);
    expect(head.x + head.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(head.y).toBeGreaterThanOrEqual(canvas.y);
    expect(head.y + head.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    // The canvas is one screen: its bottom edge shows on the 768 px tablet without scrolling.
    expect(canvas.y + canvas.height).toBeLessThanOrEqual(768);
    const controls = await controlsOnCanvas(page);
    expect(controls.length).toBeGreaterThan(2);
    expect(controls.filter((c) => Math.min(c.width, c.height) < 40)).toEqual([]);
    await screenshot(page, 'map-group');

    await page.getByPlaceholder('查找关键人物').fill(group.deepest);
    await page.getByRole('button', { name: '查找', exact: true }).tap();
    const focused = page.locator('.person-card--focused');
    await focused.waitFor();
    expect(await focused.locator('.person-card__name').textContent()).toContain(group.deepest);
    await page.waitForTimeout(500); // the 300 ms pan to the card
    expect(await zoom(page)).toBe(1);
    const card = await focused.boundingBox();
    if (!card) throw new Error('card not laid out');
    expect(card.x).toBeGreaterThanOrEqual(canvas.x);
    expect(card.x + card.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    for (const button of await focused.getByRole('button').all()) {
      const box = await button.boundingBox();
      expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(40);
    }

    await page.getByLabel('只看关键角色').tap();
    await page.waitForTimeout(300);
    const kept = await cards.evaluateAll((nodes) =>
      nodes.map((node) => {
        const el = node as unknown as { querySelector(s: string): unknown; textContent: string };
        return Boolean(
          el.querySelector('.key-player') ||
            el.querySelector('.person-card--uncovered') ||
            el.querySelector('.person-card--placeholder'),
        );
      }),
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every(Boolean)).toBe(true);
    // The view follows the filter: some of the cards kept are on screen.
    await page.waitForTimeout(400);
    const onScreen = await cards.evaluateAll((nodes) =>
      nodes.some((node) => {
        const box = (
          node as unknown as { getBoundingClientRect(): { left: number; top: number } }
        ).getBoundingClientRect();
        return box.left >= 0 && box.left < 1024 && box.top >= 0 && box.top < 768;
      }),
    );
    expect(onScreen).toBe(true);
  });

  it('pans under a finger dragged across a card: the drop targets of the desktop drag stay out of the way', async () => {
    const page = await signedIn();
    const canvas = await page.locator('.map-canvas').boundingBox();
    const names = await page.locator('.react-flow__node-person .person-card__name').all();
    const boxes = await Promise.all(names.map((n) => n.boundingBox()));
    // A card's name on screen inside the canvas, with room left of it and below it for the swipe.
    const screen = page.viewportSize() ?? { width: 0, height: 0 };
    const right = Math.min(canvas ? canvas.x + canvas.width : 0, screen.width);
    const bottom = Math.min(canvas ? canvas.y + canvas.height : 0, screen.height);
    const name = boxes.find(
      (b) =>
        b && canvas && b.x - 150 > canvas.x && b.x + b.width < right && b.y > canvas.y && b.y + 60 < bottom,
    );
    if (!name) throw new Error('no card name in sight');
    const before = await translation(page);
    // Playwright taps but does not swipe: the swipe goes through the DevTools protocol, as real touches.
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
      });
    const start = { x: name.x + name.width / 2, y: name.y + name.height / 2 };
    await touch('touchStart', start.x, start.y);
    for (let step = 1; step <= 10; step += 1)
      await touch('touchMove', start.x - 15 * step, start.y + 5 * step);
    await touch('touchEnd', start.x - 150, start.y + 50);
    const after = await translation(page);
    expect(Math.round(after.x - before.x)).toBe(-150);
    expect(Math.round(after.y - before.y)).toBe(50);
    expect(await page.locator('.react-flow__connection-path').count()).toBe(0);
  });

  describe('on a desktop with a mouse (1280×800, no touch)', () => {
    /** The rep's map fitted to the screen, and the ids of the cards drawn on it. */
    async function desktopMap() {
      const page = await signedIn('zh-CN', DESKTOP);
      await page.getByRole('button', { name: '适应屏幕' }).click();
      await page.waitForTimeout(400); // the 300 ms fit
      const drawn = await page
        .locator('.react-flow__node-person')
        .evaluateAll((nodes) => nodes.map((n) => (n as unknown as { dataset: { id: string } }).dataset.id));
      return { page, drawn };
    }

    it('links a staff member to a key person by dragging the staff member’s grip onto the card', async () => {
      const { page, drawn } = await desktopMap();
      const now = (await customersWithLinks(page)).customers.nodes.find((c) => c.id === customerId);
      const known = new Set(
        now?.relationshipMap.relationships
          .filter((l) => l.staff.name === data.me.name)
          .map((l) => l.keyPerson.id),
      );
      const stranger = now?.keyPersons.find((p) => p.active && drawn.includes(p.id) && !known.has(p.id));
      if (!stranger) throw new Error('the rep knows everybody drawn at this customer');
      const label = `${data.me.name} → ${stranger.name}：积极的`;

      await drag(
        page,
        page.getByRole('img', { name: `拖到${data.me.name}认识的关键人物上` }),
        page.locator(`.react-flow__node-person[data-id="${stranger.id}"]`),
        () => screenshot(page, 'map-drag-link').then(() => undefined),
      );
      await page
        .getByRole('dialog', { name: `${data.me.name} → ${stranger.name}` })
        .getByRole('button', { name: '积极的' })
        .click();
      await page.locator(`.react-flow__edge[aria-label="${label}"]`).waitFor();

      await page.reload();
      await page.locator(`.react-flow__edge[aria-label="${label}"]`).waitFor({ state: 'attached' });
    });

    it('does nothing when the staff member is dropped on the empty map', async () => {
      const { page } = await desktopMap();
      const edges = await page.locator('.react-flow__edge').count();
      const grip = page.getByRole('img', { name: `拖到${data.me.name}认识的关键人物上` });
      const box = await grip.boundingBox();
      if (!box) throw new Error('grip not laid out');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + 40, box.y + 300, { steps: 8 });
      // While dragging, the line follows the pointer.
      expect(await page.locator('.react-flow__connection-path').count()).toBe(1);
      await page.mouse.move(box.x + 60, box.y + 700, { steps: 8 });
      await page.mouse.up();
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(await page.locator('.react-flow__connection-path').count()).toBe(0);
      expect(await page.locator('.react-flow__edge').count()).toBe(edges);
    });

    /** The drawn persons with their superiors, read over the API, and who is above whom. */
    async function drawnChart(page: Page, drawn: string[]) {
      const response = await page.request.post('/graphql', {
        data: {
          query: `{ customer(id: "${customerId}") { relationshipMap { keyPersons { id name reportsTo { id } } } } }`,
        },
      });
      const body = (await response.json()) as {
        data: {
          customer: {
            relationshipMap: { keyPersons: { id: string; name: string; reportsTo: { id: string } | null }[] };
          };
        };
      };
      const everyone = body.data.customer.relationshipMap.keyPersons;
      const up = new Map(everyone.map((p) => [p.id, p.reportsTo?.id ?? null]));
      const above = (id: string): string[] => {
        const superior = up.get(id) ?? null;
        return superior ? [superior, ...above(superior)] : [];
      };
      // Heads of a team, drawn or folded away.
      const heads = new Set(everyone.flatMap((p) => (p.reportsTo ? [p.reportsTo.id] : [])));
      return { persons: everyone.filter((p) => drawn.includes(p.id)), above, heads };
    }

    const card = (page: Page, id: string) => page.locator(`.react-flow__node-person[data-id="${id}"]`);

    it('moves a person under another manager by dragging the card’s grip onto the manager, after a confirmation', async () => {
      const { page, drawn } = await desktopMap();
      const { persons, above, heads } = await drawnChart(page, drawn);
      // Someone with a manager, moved outside their own team under a person nobody reports to yet (so the
      // new manager's card is not folded and the moved card stays in sight).
      const moved = persons.find((p) => p.reportsTo);
      const manager = persons.find(
        (p) =>
          moved &&
          !heads.has(p.id) &&
          p.id !== moved.id &&
          p.id !== moved.reportsTo?.id &&
          !above(p.id).includes(moved.id),
      );
      if (!moved || !manager) throw new Error('the drawn chart has no one to move');

      await drag(
        page,
        page.getByRole('img', { name: `把${moved.name}拖到其直属上级上` }),
        card(page, manager.id),
        () => screenshot(page, 'map-drag-reports-to').then(() => undefined),
      );
      const confirm = page.getByRole('dialog', { name: `将${moved.name}的直属上级设为${manager.name}？` });
      await confirm.getByRole('button', { name: '保存' }).click();
      await confirm.waitFor({ state: 'detached' });

      // The reports-to line into the moved card now leaves from the bottom of the new manager's card.
      const expectLineFromManager = async () => {
        const start = (await lineEnds(page, `reports:${moved.id}`)).from;
        const under = await bottomMiddle(card(page, manager.id));
        expect(Math.abs(start.x - under.x)).toBeLessThan(8);
        expect(Math.abs(start.y - under.y)).toBeLessThan(8);
      };
      await expectLineFromManager();
      await page.reload();
      await card(page, moved.id).waitFor();
      await expectLineFromManager();
    });

    it('refuses to put a manager under one of their own reports: the drop opens nothing', async () => {
      const { page, drawn } = await desktopMap();
      const { persons } = await drawnChart(page, drawn);
      const report = persons.find((p) => p.reportsTo && drawn.includes(p.reportsTo.id));
      const manager = persons.find((p) => p.id === report?.reportsTo?.id);
      if (!report || !manager) throw new Error('no reports-to line drawn');

      const grip = page.getByRole('img', { name: `把${manager.name}拖到其直属上级上` });
      for (const target of [report.id, manager.id]) {
        // While the pointer is over the card, the card shows that the drop is refused.
        await drag(page, grip, card(page, target), async () => {
          const drop = card(page, target).locator('.person-card__drop');
          const classes = (await drop.getAttribute('class'))?.split(' ');
          expect(classes).toContain('connectingto');
          expect(classes).not.toContain('valid');
        });
        expect(await page.getByRole('dialog').count()).toBe(0);
      }
    });
  });

  it('speaks English to an English rep', async () => {
    const page = await signedIn('en-US');
    await page.getByRole('button', { name: 'Fit to screen' }).waitFor();
    expect(await page.getByRole('list', { name: 'Relationship states' }).textContent()).toBe(
      'PositiveNeutralNegativeNo relationship yet',
    );
  });
});
