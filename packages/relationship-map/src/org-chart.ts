import type { MapPerson } from './model.js';

export interface OrgChart {
  /** The persons drawn, in the order given. */
  readonly persons: MapPerson[];
  /** Reports-to lines between drawn persons: each person to its nearest drawn superior. */
  readonly lines: { readonly from: string; readonly to: string }[];
  /** For each drawn person with collapsed or filtered-out people below: how many are hidden. */
  readonly hiddenBelow: ReadonlyMap<string, number>;
}

export interface OrgChartOptions {
  /** Persons whose subtree is folded away. */
  readonly collapsed?: ReadonlySet<string>;
  /** When given, only these persons are drawn (the key-players-only filter); lines skip the others. */
  readonly only?: ReadonlySet<string>;
}

/**
 * The superior of each person as drawn: a reports-to pointing outside the list (a departed manager
 * filtered away by the caller, another customer's person) makes the person a root, and a cycle is cut
 * above the first person listed in it, so a bad row never hides anybody.
 */
export function superiors(persons: readonly MapPerson[]): Map<string, string | null> {
  const ids = new Set(persons.map((p) => p.id));
  const parent = new Map<string, string | null>();
  for (const p of persons) parent.set(p.id, p.reportsToId && ids.has(p.reportsToId) ? p.reportsToId : null);
  for (const p of persons) {
    const seen = new Set<string>([p.id]);
    let up = parent.get(p.id) ?? null;
    while (up !== null) {
      if (seen.has(up)) {
        parent.set(p.id, null);
        break;
      }
      seen.add(up);
      up = parent.get(up) ?? null;
    }
  }
  return parent;
}

/** The chain of superiors of one person, nearest first. */
export function ancestorsOf(parent: ReadonlyMap<string, string | null>, id: string): string[] {
  const chain: string[] = [];
  let up = parent.get(id) ?? null;
  while (up !== null) {
    chain.push(up);
    up = parent.get(up) ?? null;
  }
  return chain;
}

/**
 * Whether `personId` may report to `managerId`, given the superiors of `superiors()`: never to themself,
 * to someone who is not a key person on the map (a staff member, a departed one), or to one of their own
 * reports, which would close a loop the server refuses as well.
 */
export function canReportTo(
  parent: ReadonlyMap<string, string | null>,
  personId: string,
  managerId: string,
): boolean {
  if (personId === managerId || !parent.has(personId) || !parent.has(managerId)) return false;
  return !ancestorsOf(parent, managerId).includes(personId);
}

/** Which persons are drawn and which reports-to lines join them, given folded subtrees and a filter. */
export function visibleOrgChart(persons: readonly MapPerson[], options: OrgChartOptions = {}): OrgChart {
  const collapsed = options.collapsed ?? new Set<string>();
  const parent = superiors(persons);
  const drawn: MapPerson[] = [];
  const lines: { from: string; to: string }[] = [];
  const hiddenBelow = new Map<string, number>();
  const drawnIds = new Set<string>();
  // First pass: who is drawn (not under a folded superior, and kept by the filter).
  for (const p of persons) {
    if (ancestorsOf(parent, p.id).some((a) => collapsed.has(a))) continue;
    if (options.only && !options.only.has(p.id)) continue;
    drawn.push(p);
    drawnIds.add(p.id);
  }
  for (const p of persons) {
    const ancestors = ancestorsOf(parent, p.id);
    if (drawnIds.has(p.id)) {
      const superior = ancestors.find((a) => drawnIds.has(a));
      if (superior) lines.push({ from: superior, to: p.id });
      continue;
    }
    // A hidden person is counted on the nearest drawn superior, where the reader can unfold it.
    const holder = ancestors.find((a) => drawnIds.has(a));
    if (holder) hiddenBelow.set(holder, (hiddenBelow.get(holder) ?? 0) + 1);
  }
  return { persons: drawn, lines, hiddenBelow };
}

/** Persons with somebody reporting to them: the ones a subtree can be folded under. */
export function personsWithReports(persons: readonly MapPerson[]): Set<string> {
  const parent = superiors(persons);
  const heads = new Set<string>();
  for (const up of parent.values()) if (up !== null) heads.add(up);
  return heads;
}

/**
 * The subtrees folded when a map opens: a big account shows its top levels, as many whole levels as fit
 * in `budget` cards (at least the first), and folds the level below, so 150 persons open readable.
 */
export function initialCollapsed(persons: readonly MapPerson[], budget: number): Set<string> {
  const parent = superiors(persons);
  const depth = new Map<string, number>();
  for (const p of persons) depth.set(p.id, ancestorsOf(parent, p.id).length);
  const perDepth: number[] = [];
  for (const d of depth.values()) perDepth[d] = (perDepth[d] ?? 0) + 1;
  let shown = 0;
  let deepest = -1;
  for (const [d, count] of perDepth.entries()) {
    if (d > 0 && shown + (count ?? 0) > budget) break;
    shown += count ?? 0;
    deepest = d;
  }
  if (deepest === perDepth.length - 1) return new Set();
  const heads = personsWithReports(persons);
  return new Set(persons.filter((p) => depth.get(p.id) === deepest && heads.has(p.id)).map((p) => p.id));
}
