import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { DASHBOARD, DOSSIER, DOSSIER_LIST, SET_RELATIONSHIP_STATE } from './documents.js';
import type { Fixtures, WrittenRelationship } from './fixtures.js';
import { PG_DOSSIER, PG_DOSSIER_LIST } from './postgraphile-documents.js';

/**
 * The servers of a run, in the order they run: the read-only baselines first (their answers are compared
 * with ours before our server writes anything), then ours, then ours with DataLoader batching off.
 */
export const KINDS = ['raw', 'postgraphile', 'dossier', 'unbatched'] as const;
export type Kind = (typeof KINDS)[number];

/** One request: its body, and what to do with the answer (the writes learn their next version from it). */
export interface Call {
  body: string;
  answered?: (status: number, body: string) => void;
}

export interface Scenario {
  key: number;
  name: string;
  /** The servers that answer it. */
  kinds: Kind[];
  connections: number;
  next(kind: Kind): Call;
}

export const PAGE_SIZE = 50;

/** The mixed scenario (5): reads (scenarios 1–3, a third each) and writes (scenario 4), as the issue sets it. */
export const READ_SHARE = 0.8;
export const MIXED_CONNECTIONS = 32;
/** Each scenario's share of the mixed scenario's requests. */
export const MIX: Record<number, number> = {
  1: READ_SHARE / 3,
  2: READ_SHARE / 3,
  3: READ_SHARE / 3,
  4: 1 - READ_SHARE,
};

/** mulberry32: the same sequence of picks on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const body = (query: string, variables: Record<string, unknown>, operationName?: string) =>
  JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) });

const NEXT_STATE: Record<string, string> = {
  POSITIVE: 'NEUTRAL',
  NEUTRAL: 'NEGATIVE',
  NEGATIVE: 'NONE',
  NONE: 'POSITIVE',
};

/**
 * Writes on relationships, each held by one request at a time (taken from the queue, put back with the
 * version the answer reports), so that every write sends the version it last read and none conflicts.
 */
function relationshipWrites(relationships: WrittenRelationship[]) {
  const idle = relationships.map((r) => ({ ...r }));
  return (): Call => {
    const link = idle.shift();
    if (!link) throw new Error('more concurrent writes than relationships to write');
    const state = NEXT_STATE[link.state] ?? 'NEUTRAL';
    return {
      body: body(SET_RELATIONSHIP_STATE, {
        input: {
          keyPersonId: toGlobalId('KeyPerson', link.keyPersonId),
          staffId: toGlobalId('Staff', link.staffId),
          state,
          expectedVersion: link.version,
        },
      }),
      answered: (_status, text) => {
        try {
          const written = (JSON.parse(text) as { data?: { setRelationshipState?: { version: number } } }).data
            ?.setRelationshipState;
          if (written) Object.assign(link, { version: written.version, state });
        } finally {
          idle.push(link);
        }
      },
    };
  };
}

/** Scenario 1's request to a server for a page of `first` customers. */
export const dossierListBody = (fixtures: Fixtures, kind: Kind, first: number) =>
  kind === 'postgraphile'
    ? body(PG_DOSSIER_LIST, { manager: fixtures.managerId, first })
    : body(DOSSIER_LIST, { first }, 'DossierList');

export function scenarios(fixtures: Fixtures, connections: number): Scenario[] {
  const random = seeded(11);
  const customer = () => fixtures.customerIds[Math.floor(random() * fixtures.customerIds.length)] as string;
  const list = (kind: Kind): Call => ({ body: dossierListBody(fixtures, kind, PAGE_SIZE) });
  const dossier = (kind: Kind): Call => {
    const id = customer();
    return kind === 'postgraphile'
      ? { body: body(PG_DOSSIER, { id }) }
      : { body: body(DOSSIER, { id: toGlobalId('Customer', id) }, 'Dossier') };
  };
  const dashboard = (): Call => ({ body: body(DASHBOARD, {}) });
  const write = relationshipWrites(fixtures.relationships);
  const reads = [list, dossier, dashboard];
  const ours: Kind[] = ['dossier', 'unbatched'];
  return [
    { key: 1, name: 'dossier list', kinds: [...ours, 'raw', 'postgraphile'], connections, next: list },
    { key: 2, name: 'one dossier', kinds: [...ours, 'raw', 'postgraphile'], connections, next: dossier },
    { key: 3, name: 'manager dashboard', kinds: ours, connections, next: dashboard },
    { key: 4, name: 'writes', kinds: ours, connections, next: () => write() },
    {
      key: 5,
      name: 'mixed 80/20',
      kinds: ours,
      connections: MIXED_CONNECTIONS,
      next: (kind) => (random() < READ_SHARE ? (reads[Math.floor(random() * 3)] ?? list)(kind) : write()),
    },
  ];
}
