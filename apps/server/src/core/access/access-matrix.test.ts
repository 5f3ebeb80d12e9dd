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
import { type Aim, mutationArgs, optionalIds } from '../../../test/access-matrix/arguments.js';
import {
  OTHERS_DATA,
  type Outcome,
  OWN_BOOK_WRITES,
  ROLES,
  ROOT_KINDS,
  unclassified,
  writesOwnBook,
} from '../../../test/access-matrix/rules.js';
import { reachableFields, rootVariants, selectAll } from '../../../test/access-matrix/walk.js';
import {
  type Book,
  buildBook,
  buildStaff,
  OUTSIDERS,
  plannedGlobalIds,
  plannedKeeperIds,
} from '../../../test/access-matrix/world.js';
import { changedTables, checksummer } from '../../../test/fuzz/checksum.js';
import { testDatabase } from '../../../test/harness.js';
import type { Staff } from '../../modules/staff/staff.entity.js';
import { fixedClock } from '../clock/clock.js';
import { parseGlobalId, toGlobalId } from '../graphql/global-id.js';
import { buildDossierSchema } from '../graphql/schema.js';

// The access matrix (issue 10, acceptance 1): every root field of the schema, and every path below it, for
// each role (and two viewers close to the owner yet outside the line: a teammate of the owner, a manager
// beside the owner's), against a customer owned by a rep outside the viewer's line, with its archive of
// documents, loans and destructions. What each role should get comes
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
/** Who asks: the five roles, then the outsiders (world.ts), each with the rules of their role. */
interface Viewer {
  label: string;
  role: StaffRole;
  staff: Staff;
}
const VIEWERS: Viewer[] = [
  ...ROLES.map((role) => ({ label: role, role, staff: world.viewers[role] })),
  ...Object.entries(OUTSIDERS).map(([label, role]) => ({
    label,
    role,
    staff: world.outsiders[label as keyof typeof OUTSIDERS],
  })),
];
const viewerOf = (label: string) => VIEWERS.find((viewer) => viewer.label === label) as Viewer;
/** In every name, code and phone of the other's book: what a search for it types. */
const OTHERS_TAG = '0001';
const other = plannedGlobalIds(world.planned);
/** Cases by viewer label. */
const cases: Record<string, number> = {};
const count = (label: string, n = 1) => {
  cases[label] = (cases[label] ?? 0) + n;
};

const queryFields = Object.values(schema.getQueryType()?.getFields() ?? {});
const mutationFields = Object.values(schema.getMutationType()?.getFields() ?? {});

const keepersOwn = plannedKeeperIds(world.planned);
const idsOf = (type: string) => {
  if (type === '*') return Object.values(other);
  const id = other[type] ?? keepersOwn[type];
  return id ? [id] : [];
};
/** Filters and arguments aimed at the other's rows, by the name of the argument or filter field. */
const probes: Record<string, string> = {
  customerId: other.Customer as string,
  keyPersonId: other.KeyPerson as string,
  ownerId: toGlobalId('Staff', world.other.id),
  staffId: toGlobalId('Staff', world.other.id),
  actorId: toGlobalId('Staff', world.other.id),
  search: OTHERS_TAG,
};

/**
 * One request per root query field, each variant an alias; `paths` counts the fields (`Type.field`) it asks
 * below the root, each variant asking all of them.
 */
function readRequests() {
  const visited = new Set<string>();
  const requests = queryFields.map((field) => {
    const asked = new Set<string>();
    const selection = selectAll(schema, field.type, asked);
    for (const path of asked) visited.add(path);
    const variants = rootVariants(field, idsOf, probes);
    // Every variant asks the same selection: written once, as a fragment, the document stays under the
    // parser's token limit (DOSSIER_MAX_TOKENS) however many kinds of id the node probe grows to.
    const fragment = selection && ` fragment all on ${getNamedType(field.type).name} ${selection}`;
    const spread = selection && '{ ...all }';
    const body = variants.map((args, i) => `v${i}: ${field.name}${args} ${spread}`).join(' ');
    return { field, query: `{ ${body} }${fragment}`, variants: variants.length, paths: asked.size };
  });
  return { requests, visited };
}

const { requests, visited } = readRequests();

async function ask(query: string, viewer: Staff): Promise<Answer> {
  const result = await db.execute(query, {}, { viewer, env });
  return { data: (result.data ?? null) as Record<string, unknown> | null, errors: result.errors ?? [] };
}

async function readAll(viewer: Staff, asked = requests): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  for (const request of asked) answers.set(request.field.name, await ask(request.query, viewer));
  return answers;
}

const before = new Map<string, Map<string, Answer>>();
const after = new Map<string, Map<string, Answer>>();
let othersBook: Book;
const books = {} as Record<StaffRole, Book>;

/** Whether an answer is compared with the one before the other's customer existed: wherever it is denied. */
const comparedBefore = (viewer: Viewer, name: string) =>
  viewer.role === StaffRole.ADMIN || !readsOthers(viewer.role) || expected(name, viewer.role) !== 'sees';

beforeAll(async () => {
  const { viewers } = world;
  books.SALES_REP = await buildBook(db, viewers.SALES_REP, world, '0002');
  books.SALES_MANAGER = await buildBook(db, viewers.SALES_MANAGER, world, '0003');
  // Before the other's customer exists: what a deny is compared with, and the admin's ids, to tell its rows.
  // The viewers read side by side: reads change nothing another viewer gets, and it halves the wait.
  await Promise.all(
    VIEWERS.map(async (viewer) => {
      const denied = requests.filter((request) => comparedBefore(viewer, request.field.name));
      before.set(viewer.label, await readAll(viewer.staff, denied));
    }),
  );
  othersBook = await buildBook(db, world.other, world, OTHERS_TAG, world.planned, world.holder);
  await Promise.all(VIEWERS.map(async (viewer) => after.set(viewer.label, await readAll(viewer.staff))));
}, 180_000);

const expected = (name: string, role: StaffRole): Outcome => {
  const kind = ROOT_KINDS[name];
  if (!kind) throw new Error(`${name} has no kind in the rule table`);
  return OTHERS_DATA[kind][role];
};
/** Whether the role reads the other's dossier at all (its personal data is another matter: admins only). */
const readsOthers = (role: StaffRole) => expected('customer', role) === 'sees';

/** The rows of the other's customer: ids that appear in the admin's answers only once it exists. */
let othersRows: string[] | undefined;
function othersRowIds(): string[] {
  if (othersRows) return othersRows;
  // From the data only: a NOT_FOUND before it existed names an id too.
  const idsIn = (answers?: Map<string, Answer>) =>
    harvestIds([...(answers?.values() ?? [])].map((answer) => answer.data));
  const known = idsIn(before.get(StaffRole.ADMIN));
  othersRows = [...idsIn(after.get(StaffRole.ADMIN))].filter((id) => !known.has(id));
  return othersRows;
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

describe.each(VIEWERS.map((viewer) => viewer.label))('%s reads the other’s data', (label) => {
  const viewer = viewerOf(label);
  const { role } = viewer;
  it.each(queryFields.map((field) => field.name))('%s', (name) => {
    const request = requests.find((candidate) => candidate.field.name === name);
    const answer = after.get(label)?.get(name);
    if (!request || !answer) throw new Error(`no answer of ${name}`);
    count(label, request.variants * Math.max(1, request.paths));
    const aliases = Object.values(answer.data ?? {});
    const outcome = expected(name, role);
    if (outcome === 'refused') {
      expect(codesOf(answer).length).toBeGreaterThan(0);
      expect(new Set(codesOf(answer))).toEqual(new Set(['FORBIDDEN']));
      expect(aliases.every((value) => value === null)).toBe(true);
    } else if (outcome === 'hidden') {
      // As for an id that never existed: null, or NOT_FOUND where the field may not be null.
      expect(codesOf(answer).filter((code) => code !== 'NOT_FOUND')).toEqual([]);
    } else {
      // Allowed: the data is there, for a lookup of the other's rows too.
      expect(answer.errors).toEqual([]);
      expect(aliases.every((value) => value !== null)).toBe(true);
    }
    expect(pageCountProblems(answer.data)).toEqual([]);
    if (comparedBefore(viewer, name) && role !== StaffRole.ADMIN) {
      // Nothing the viewer gets changes when the other's customer comes into being: no row, count, sum,
      // error; and nothing of it shows.
      expect(withoutCompanyRanks(answer)).toEqual(withoutCompanyRanks(before.get(label)?.get(name)));
      const markers = [...othersBook.names, ...othersBook.destroyed, ...othersRowIds()];
      expect(findLeaks(answer, markers, request.query)).toEqual([]);
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

/** A global id of the same type as `id` that names no row. */
const unknown = (id: string) => toGlobalId(parseGlobalId(id)?.type ?? 'Customer', randomUUID());

describe('node(id) of the other’s rows answers as for an id that never existed', () => {
  const blind = VIEWERS.filter((viewer) => !readsOthers(viewer.role)).map((viewer) => viewer.label);
  it.each(blind)('%s', async (label) => {
    const rows = othersRowIds();
    const planted = [...Object.entries(othersBook.ids), ...Object.entries(othersBook.second)];
    expect(planted.filter(([, id]) => !rows.includes(id)).map(([key]) => key)).toEqual([]);
    const query = `{ ${rows
      .map((id, i) => `k${i}: node(id: "${id}") { id } u${i}: node(id: "${unknown(id)}") { id }`)
      .join(' ')} }`;
    const answer = await ask(query, viewerOf(label).staff);
    count(label, rows.length);
    expect(answer.errors).toEqual([]);
    expect(Object.values(answer.data ?? {}).every((value) => value === null)).toBe(true);
    expect(Object.keys(answer.data ?? {})).toHaveLength(rows.length * 2);
  });
});

/** Writes whose success removes what a later case aims at, or ends something: done last. */
const LAST = [
  'removeDecisionRole',
  'deleteSatisfactionSurvey',
  'removeCustomerCompetitor',
  'deactivateStaff',
  'transferCustomers',
  'logout',
];
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

async function verdictVersion(customerGlobalId: string, weekStart: string): Promise<number | null> {
  const [row] = await db.orm.em
    .fork()
    .execute<Array<{ version: number }>>(
      'select version from weekly_check where customer_id = ? and week_start = ?',
      [parseGlobalId(customerGlobalId)?.id, weekStart],
    );
  return row?.version ?? null;
}

/** A mutation aimed at `rows`, as `viewer`; the request text, to tell an echo from a leak. */
async function write(
  field: GraphQLField<unknown, unknown>,
  viewer: Staff,
  rows: Aim['rows'],
  owner: Staff,
  probe?: Aim['probe'],
) {
  const args = await mutationArgs(field, {
    rows,
    viewer: toGlobalId('Staff', viewer.id),
    viewerEmail: viewer.email,
    owner: toGlobalId('Staff', owner.id),
    staff: toGlobalId('Staff', world.leaver.id),
    token: world.otherToken,
    competitor: toGlobalId('Competitor', world.competitors.listed.id),
    version,
    verdictVersion,
    probe,
  });
  const returned = getNamedType(field.type);
  const selection = 'getFields' in returned ? `{ __typename }` : '';
  const query = `mutation { w: ${field.name}${args} ${selection} }`;
  return { query, answer: await ask(query, viewer) };
}

const mutation = (name: string) =>
  mutationFields.find((field) => field.name === name) as GraphQLField<unknown, unknown>;

const denied = VIEWERS.flatMap((viewer) =>
  mutationFields
    .filter((field) => expected(field.name, viewer.role) !== 'sees')
    .map((field) => [viewer.label, field.name] as const),
);

describe('refused writes to the other’s data change nothing and tell nothing', () => {
  it.each(denied)('%s %s', async (label, name) => {
    const { role, staff } = viewerOf(label);
    count(label);
    const tables = await checksum();
    // The other's own rows too (their inbox item): nobody else reaches them.
    const rows = { ...othersBook.ids, ...othersBook.own };
    const { query, answer } = await write(mutation(name), staff, rows, world.other);
    expect(changedTables(tables, await checksum())).toEqual([]);
    expect(codesOf(answer)).toEqual([expected(name, role) === 'hidden' ? 'NOT_FOUND' : 'FORBIDDEN']);
    expect(answer.data?.w ?? null).toBeNull();
    const markers = [...othersBook.names, ...othersBook.destroyed, ...othersBook.personal, ...othersRowIds()];
    expect(findLeaks(answer, markers, query)).toEqual([]);
  });
});

/** Allowed writes: the admin's to the other's data, and every writer's to their own book. */
type Whose = 'own' | 'other';
const allowed = ROLES.flatMap((role) =>
  inOrder(mutationFields).flatMap((field): Array<readonly [StaffRole, string, Whose]> => {
    const kind = ROOT_KINDS[field.name];
    const own = writesOwnBook(role) && role !== StaffRole.ADMIN && kind && OWN_BOOK_WRITES.has(kind);
    if (own) return [[role, field.name, 'own']];
    return expected(field.name, role) === 'sees' ? [[role, field.name, 'other']] : [];
  }),
);

describe('allowed writes succeed', () => {
  it.each(allowed)('%s %s (%s book)', async (role, name, whose) => {
    count(role);
    const book = whose === 'own' ? books[role] : othersBook;
    const owner = whose === 'own' ? world.viewers[role] : world.other;
    // Both keepers decide, return and destroy: the admin, second, takes the second of such targets.
    const rows = role === StaffRole.ADMIN ? { ...book.ids, ...book.second } : book.ids;
    const { answer } = await write(mutation(name), world.viewers[role], rows, owner);
    expect(answer.errors).toEqual([]);
    expect(answer.data?.w).not.toBeNull();
  });
});

/**
 * Every optional id a write takes, pointed at the other's rows or the other rep, in a write the rep or the
 * manager aims at their own book: the deny must hold whatever field names the other's data. A member of
 * staff outside the line is refused (FORBIDDEN; the staff directory is public); a row of the other's answers
 * exactly as an id that never existed (code and field), and nothing is written.
 */
const optionalProbes = [StaffRole.SALES_REP, StaffRole.SALES_MANAGER].flatMap((role) =>
  mutationFields.flatMap((field) =>
    optionalIds(field).map(({ path, type }) => [role, field.name, path, type] as const),
  ),
);

describe('optional ids aimed at the other’s data do not get a write past its deny', () => {
  it.each(optionalProbes)('%s %s(%s)', async (role, name, path, type) => {
    count(role);
    const viewer = world.viewers[role];
    const aimed = async (value: string) => {
      const tables = await checksum();
      const result = await write(mutation(name), viewer, books[role].ids, viewer, { path, value });
      expect(changedTables(tables, await checksum())).toEqual([]);
      expect(result.answer.data?.w ?? null).toBeNull();
      return result;
    };
    if (type === 'Staff') {
      const { answer } = await aimed(toGlobalId('Staff', world.other.id));
      expect(codesOf(answer)).toEqual(['FORBIDDEN']);
      return;
    }
    const target = othersBook.ids[type];
    if (!target) throw new Error(`the other's book has no ${type}`);
    const { query, answer } = await aimed(target);
    const { answer: missing } = await aimed(unknown(target));
    const shape = (errors: Answer['errors']) => errors.map((e) => [e.extensions?.code, e.extensions?.field]);
    expect(codesOf(answer).length).toBeGreaterThan(0);
    expect(shape(answer.errors)).toEqual(shape(missing.errors));
    const markers = [...othersBook.names, ...othersBook.destroyed, ...othersBook.personal, ...othersRowIds()];
    expect(findLeaks(answer, markers, query)).toEqual([]);
  });
});

describe('the number of cases', () => {
  it('is reported, and every role walked the whole schema', () => {
    const total = Object.values(cases).reduce((sum, n) => sum + n, 0);
    const byViewer = VIEWERS.map(({ label }) => `${label} ${cases[label]}`).join(', ');
    console.info(`access matrix: ${total} cases (${byViewer})`);
    const floor = reachableFields(schema, queryFields).size + mutationFields.length;
    for (const role of ROLES) expect(cases[role]).toBeGreaterThanOrEqual(floor);
    // The outsiders read every path and try every write they may not make.
    for (const label of Object.keys(OUTSIDERS)) {
      expect(cases[label]).toBeGreaterThanOrEqual(reachableFields(schema, queryFields).size);
    }
  });
});
