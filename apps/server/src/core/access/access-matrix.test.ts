import { randomUUID } from 'node:crypto';
import { StaffRole } from '@dossier/domain';
import { type GraphQLField, getNamedType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  codesOf,
  findLeaks,
  harvestIds,
  pageCountProblems,
  withoutCompanyRanks,
} from '../../../test/access-matrix/answers.js';
import { mutationArgs } from '../../../test/access-matrix/arguments.js';
import {
  NOT_WALKED,
  OTHERS_DATA,
  type Outcome,
  ROLES,
  ROOT_KINDS,
  unclassified,
  writesOwnBook,
} from '../../../test/access-matrix/rules.js';
import { reachableFields, rootVariants, selectAll } from '../../../test/access-matrix/walk.js';
import { type Book, buildBook, buildStaff, plannedGlobalIds } from '../../../test/access-matrix/world.js';
import { changedTables, checksummer } from '../../../test/fuzz/checksum.js';
import { testDatabase } from '../../../test/harness.js';
import type { Staff } from '../../modules/staff/staff.entity.js';
import { fixedClock } from '../clock/clock.js';
import { parseGlobalId, toGlobalId } from '../graphql/global-id.js';
import { buildDossierSchema } from '../graphql/schema.js';

// The access matrix (issue 10, acceptance 1): every root field of the schema, and every path below it, for
// each role, against a customer owned by a rep outside the viewer's line. What each role should get comes
// from the rule table (test/access-matrix/rules.ts); a deny must leak nothing: the answers of a rep and a
// manager are the same before and after the other's customer exists (no row, count, sum or error tells it
// apart), node(id) of its rows answers as for an id that never existed, personal data and its history
// values show to the owner's line and admins only, and a refused write leaves every table as it was.

const db = await testDatabase({ clock: fixedClock('2026-11-29T02:00:00Z') });
const schema = await buildDossierSchema();
const checksum = await checksummer(db.orm);
/** The matrix asks for everything at once: the size limits have their own tests. */
const env = { DOSSIER_MAX_DEPTH: 1_000, DOSSIER_MAX_ALIASES: 10_000, DOSSIER_MAX_COST: 1e12 };

const world = await buildStaff(db);
/** In every name, code and phone of the other's book: what a search for it types. */
const OTHERS_TAG = '0001';
const other = plannedGlobalIds(world.planned);
const cases: Record<string, number> = {};
const count = (role: StaffRole, n = 1) => {
  cases[role] = (cases[role] ?? 0) + n;
};

const walked = (field: GraphQLField<unknown, unknown>) => {
  const kind = ROOT_KINDS[field.name];
  return !kind || !NOT_WALKED.has(kind);
};
const queryFields = Object.values(schema.getQueryType()?.getFields() ?? {}).filter(walked);
const mutationFields = Object.values(schema.getMutationType()?.getFields() ?? {}).filter(walked);

const idsOf = (type: string) => (type === '*' ? Object.values(other) : other[type] ? [other[type]] : []);
/** Filters and arguments aimed at the other's rows, by the name of the argument or filter field. */
const probes: Record<string, string> = {
  customerId: other.Customer as string,
  keyPersonId: other.KeyPerson as string,
  ownerId: toGlobalId('Staff', world.other.id),
  staffId: toGlobalId('Staff', world.other.id),
  actorId: toGlobalId('Staff', world.other.id),
  search: OTHERS_TAG,
};

/** One request per root query field, each variant an alias; `paths` counts the field paths it asks. */
function readRequests() {
  const visited = new Set<string>();
  const requests = queryFields.map((field) => {
    const before = visited.size;
    const selection = selectAll(schema, field.type, visited);
    const variants = rootVariants(field, idsOf, probes);
    const body = variants.map((args, i) => `v${i}: ${field.name}${args} ${selection}`).join(' ');
    return { field, query: `{ ${body} }`, variants: variants.length, paths: visited.size - before };
  });
  return { requests, visited };
}

const { requests, visited } = readRequests();

async function ask(query: string, viewer: Staff): Promise<Answer> {
  const result = await db.execute(query, {}, { viewer, env });
  return { data: (result.data ?? null) as Record<string, unknown> | null, errors: result.errors ?? [] };
}

async function readAll(viewer: Staff): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  for (const request of requests) answers.set(request.field.name, await ask(request.query, viewer));
  return answers;
}

const before = new Map<StaffRole, Map<string, Answer>>();
const after = new Map<StaffRole, Map<string, Answer>>();
let othersBook: Book;
const books = {} as Record<StaffRole, Book>;

beforeAll(async () => {
  const { viewers, product } = world;
  books.SALES_REP = await buildBook(db, viewers.SALES_REP, product, '0002');
  books.SALES_MANAGER = await buildBook(db, viewers.SALES_MANAGER, product, '0003');
  // Before the other's customer exists: what a deny is compared with, and the admin's ids, to tell its rows.
  for (const role of ROLES.filter((role) => role === StaffRole.ADMIN || !readsOthers(role))) {
    before.set(role, await readAll(viewers[role]));
  }
  othersBook = await buildBook(db, world.other, product, OTHERS_TAG, world.planned);
  for (const role of ROLES) after.set(role, await readAll(viewers[role]));
}, 120_000);

const expected = (name: string, role: StaffRole): Outcome => {
  const kind = ROOT_KINDS[name];
  if (!kind) throw new Error(`${name} has no kind in the rule table`);
  return OTHERS_DATA[kind][role];
};
/** Whether the role reads the other's dossier at all (its personal data is another matter: admins only). */
const readsOthers = (role: StaffRole) => expected('customer', role) === 'sees';

/** The rows of the other's customer: ids that appear in the admin's answers only once it exists. */
function othersRowIds(): string[] {
  const known = harvestIds([...(before.get(StaffRole.ADMIN)?.values() ?? [])]);
  return [...harvestIds([...(after.get(StaffRole.ADMIN)?.values() ?? [])])].filter((id) => !known.has(id));
}

describe('the rule table', () => {
  it('classifies every root field, and every field that looks like personal data', () => {
    expect(unclassified(schema)).toEqual([]);
  });

  it('the walks together ask every field reachable from the query root', () => {
    const reachable = reachableFields(schema, queryFields);
    expect([...reachable].filter((field) => !visited.has(field))).toEqual([]);
    // The floor: every reachable field once per role at least; the walks ask many paths more than once.
    const paths = requests.reduce((sum, request) => sum + request.paths * request.variants, 0);
    expect(paths).toBeGreaterThanOrEqual(reachable.size);
  });
});

describe.each(ROLES)('%s reads the other’s data', (role) => {
  it.each(queryFields.map((field) => field.name))('%s', (name) => {
    const request = requests.find((candidate) => candidate.field.name === name);
    const answer = after.get(role)?.get(name);
    if (!request || !answer) throw new Error(`no answer of ${name}`);
    count(role, request.variants * Math.max(1, request.paths));
    const aliases = Object.values(answer.data ?? {});
    const outcome = expected(name, role);
    if (outcome === 'refused') {
      expect(codesOf(answer).length).toBeGreaterThan(0);
      expect(new Set(codesOf(answer))).toEqual(new Set(['FORBIDDEN']));
      expect(aliases.every((value) => value === null)).toBe(true);
    } else {
      expect(answer.errors).toEqual([]);
      // Allowed: the data is there, for a lookup of the other's rows too.
      if (outcome === 'sees') expect(aliases.every((value) => value !== null)).toBe(true);
    }
    expect(pageCountProblems(answer.data)).toEqual([]);
    if (!readsOthers(role)) {
      // Nothing the viewer gets changes when the other's customer comes into being: no row, count, sum.
      expect(withoutCompanyRanks(answer)).toEqual(withoutCompanyRanks(before.get(role)?.get(name)));
      expect(findLeaks(answer, [...othersBook.names, ...othersRowIds()], request.query)).toEqual([]);
    }
    if (role !== StaffRole.ADMIN) expect(findLeaks(answer, othersBook.personal)).toEqual([]);
  });
});

describe('allowed reads show the data', () => {
  const everything = (role: StaffRole) => [...(after.get(role)?.values() ?? [])];

  it.each(ROLES)('%s: its own book in full, the other’s dossier as the rules say', (role) => {
    const own = role === StaffRole.SALES_MANAGER ? [books.SALES_MANAGER, books.SALES_REP] : [];
    if (role === StaffRole.SALES_REP) own.push(books.SALES_REP);
    const mine = own.flatMap((book) => [...book.names, ...book.personal]);
    expect(findLeaks({ data: { everything: everything(role) }, errors: [] }, mine)).toEqual(mine);
    const others = [...othersBook.names, ...(role === StaffRole.ADMIN ? othersBook.personal : [])];
    const shown = findLeaks({ data: { everything: everything(role) }, errors: [] }, others);
    expect(shown).toEqual(readsOthers(role) ? others : []);
  });
});

describe('node(id) of the other’s rows answers as for an id that never existed', () => {
  it.each(ROLES.filter((role) => !readsOthers(role)))('%s', async (role) => {
    const rows = othersRowIds();
    expect(rows.length).toBeGreaterThanOrEqual(Object.keys(othersBook.ids).length);
    const unknown = (id: string) => toGlobalId(parseGlobalId(id)?.type ?? 'Customer', randomUUID());
    const query = `{ ${rows
      .map((id, i) => `k${i}: node(id: "${id}") { id } u${i}: node(id: "${unknown(id)}") { id }`)
      .join(' ')} }`;
    const answer = await ask(query, world.viewers[role]);
    count(role, rows.length);
    expect(answer.errors).toEqual([]);
    expect(Object.values(answer.data ?? {}).every((value) => value === null)).toBe(true);
    expect(Object.keys(answer.data ?? {})).toHaveLength(rows.length * 2);
  });
});

/** Writes whose success removes what a later case aims at, or ends something: done last. */
const LAST = ['removeDecisionRole', 'deactivateStaff', 'transferCustomers', 'logout'];
const inOrder = (fields: GraphQLField<unknown, unknown>[]) => [
  ...fields.filter((field) => !LAST.includes(field.name)),
  ...LAST.flatMap((name) => fields.filter((field) => field.name === name)),
];

async function version(globalId: string): Promise<number> {
  const parsed = parseGlobalId(globalId);
  const table = parsed && db.orm.getMetadata().find(parsed.type)?.tableName;
  if (!parsed || !table) throw new Error(`no table for ${globalId}`);
  const [row] = await db.orm.em
    .fork()
    .execute<Array<{ version: number }>>(`select version from "${table}" where id = ?`, [parsed.id]);
  return row?.version ?? 1;
}

/** A mutation aimed at `book`'s rows, as `role`; the request text, to tell an echo from a leak. */
async function write(field: GraphQLField<unknown, unknown>, role: StaffRole, book: Book, owner: Staff) {
  const viewer = world.viewers[role];
  const args = await mutationArgs(field, {
    rows: book.ids,
    viewer: toGlobalId('Staff', viewer.id),
    viewerEmail: viewer.email,
    owner: toGlobalId('Staff', owner.id),
    staff: toGlobalId('Staff', world.leaver.id),
    token: world.otherToken,
    version,
  });
  const returned = getNamedType(field.type);
  const selection = 'getFields' in returned ? `{ __typename }` : '';
  const query = `mutation { w: ${field.name}${args} ${selection} }`;
  return { query, answer: await ask(query, viewer) };
}

const mutation = (name: string) =>
  mutationFields.find((field) => field.name === name) as GraphQLField<unknown, unknown>;

const denied = ROLES.flatMap((role) =>
  mutationFields
    .filter((field) => expected(field.name, role) !== 'sees')
    .map((field) => [role, field.name] as const),
);

describe('refused writes to the other’s data change nothing and tell nothing', () => {
  it.each(denied)('%s %s', async (role, name) => {
    count(role);
    const tables = await checksum();
    const { query, answer } = await write(mutation(name), role, othersBook, world.other);
    expect(changedTables(tables, await checksum())).toEqual([]);
    expect(codesOf(answer)).toEqual([expected(name, role) === 'hidden' ? 'NOT_FOUND' : 'FORBIDDEN']);
    expect(answer.data?.w ?? null).toBeNull();
    const markers = [...othersBook.names, ...othersBook.personal, ...othersRowIds()];
    expect(findLeaks(answer, markers, query)).toEqual([]);
  });
});

/** Allowed writes: the admin's to the other's data, and every writer's to their own book. */
type Whose = 'own' | 'other';
const allowed = ROLES.flatMap((role) =>
  inOrder(mutationFields).flatMap((field): Array<readonly [StaffRole, string, Whose]> => {
    const kind = ROOT_KINDS[field.name];
    const own =
      writesOwnBook(role) &&
      role !== StaffRole.ADMIN &&
      (kind === 'dossier-write' || kind === 'relationship-write');
    if (own) return [[role, field.name, 'own']];
    return expected(field.name, role) === 'sees' ? [[role, field.name, 'other']] : [];
  }),
);

describe('allowed writes succeed', () => {
  it.each(allowed)('%s %s (%s book)', async (role, name, whose) => {
    count(role);
    const book = whose === 'own' ? books[role] : othersBook;
    const owner = whose === 'own' ? world.viewers[role] : world.other;
    const { answer } = await write(mutation(name), role, book, owner);
    expect(answer.errors).toEqual([]);
    expect(answer.data?.w).not.toBeNull();
  });
});

describe('the number of cases', () => {
  it('is reported, and every role walked the whole schema', () => {
    const total = Object.values(cases).reduce((sum, n) => sum + n, 0);
    console.info(
      `access matrix: ${total} cases (${ROLES.map((role) => `${role} ${cases[role]}`).join(', ')})`,
    );
    const floor = reachableFields(schema, queryFields).size + mutationFields.length;
    for (const role of ROLES) expect(cases[role]).toBeGreaterThanOrEqual(floor);
  });
});
