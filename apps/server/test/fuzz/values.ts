import fc from 'fast-check';
import { parseGlobalId, toGlobalId } from '../../src/core/graphql/global-id.js';
import type { Draw } from './draw.js';

/** Ids and cursors seen so far: the dataset's, then every one harvested from an answer. */
export class Pools {
  readonly ids: string[] = [];
  readonly idsByType = new Map<string, string[]>();
  readonly cursors: string[] = [];
  private readonly seen = new Set<string>();

  constructor(
    ids: readonly string[],
    /** Texts a valid request would carry, e.g. the dataset's e-mails and names. */
    readonly texts: readonly string[],
  ) {
    for (const id of ids) this.addId(id);
  }

  private addId(id: string) {
    const type = parseGlobalId(id)?.type;
    if (!type || this.seen.has(id) || this.ids.length >= 2_000) return;
    this.seen.add(id);
    this.ids.push(id);
    this.idsByType.set(type, [...(this.idsByType.get(type) ?? []), id]);
  }

  private addCursor(cursor: string) {
    if (this.seen.has(cursor) || this.cursors.length >= 500) return;
    this.seen.add(cursor);
    this.cursors.push(cursor);
  }

  /** Collects every `id` and cursor of an answer, so later requests can name real rows and pages. */
  harvest(value: unknown, key = ''): void {
    if (typeof value === 'string') {
      if (key === 'id') this.addId(value);
      if (key === 'cursor' || key === 'endCursor' || key === 'startCursor') this.addCursor(value);
    } else if (Array.isArray(value)) {
      for (const item of value) this.harvest(item, key);
    } else if (value && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) this.harvest(item, name);
    }
  }
}

/** A GraphQL enum value: a bare name in a literal, a string in variables. */
export class EnumName {
  constructor(readonly name: string) {}
}

const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i));
const C1 = Array.from({ length: 33 }, (_, i) => String.fromCharCode(0x7f + i));

const NASTY_PIECES = [
  '\u0000',
  ...C0,
  ...C1,
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\uffff',
  'مرحبا بالعالم',
  'שָׁלוֹם',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '客户档案系统',
  '𠜎𠜱𠝹',
  "' or 1=1 --",
  '"; drop table customer; --',
  '%_\\',
  '$' + '{}{{}}',
  '<script>alert(1)</script>',
  '',
  '   ',
];

const LONG = ['x'.repeat(20_000), '客'.repeat(20_000), '😀'.repeat(10_000), 'a\u0000'.repeat(10_000)];

/** Strings that break naive code: control characters, lone surrogates, bidi, huge, injection-shaped. */
export function nastyString(d: Draw): string {
  switch (d.int(0, 5)) {
    case 0:
      return d.pick(LONG);
    case 1:
      return d.value(fc.string({ unit: 'binary', maxLength: 30 }));
    case 2:
      return d.value(fc.string({ unit: 'grapheme', maxLength: 30 }));
    default:
      return `${d.pick(['', 'a', '客户'])}${d.pick(NASTY_PIECES)}${d.pick(['', 'b', ' 档案'])}`;
  }
}

/** Ints GraphQL's Int accepts that a naive column or check would not. */
const INT_EDGES = [2 ** 31 - 1, -(2 ** 31), -1, -200, 201, 1_000_000, 32_767, 32_768, -32_769];

/** Numbers GraphQL's Int itself refuses: beyond 32 bits, or not integers. */
const NOT_INT = [2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, -1e308, 0.5];

export function int(d: Draw, name: string, faulty: boolean): number {
  if (faulty && d.chance(0.2)) return d.pick(NOT_INT);
  if (d.chance(0.25)) return d.pick(INT_EDGES);
  if (name === 'first' || name === 'last') return d.pick([0, 1, 2, 5, 50, 200]);
  if (name === 'birthYear') return d.pick([1950, 1975, 1990, 2000, 0, 1, 9999, 10_000]);
  return d.int(0, 5);
}

const FLOATS = [0, 0.1, 0.15, 0.5, 0.8, 1, 1.5, -0.1, 1e308, -1e308, 5e-324, 2 ** 53];

export const float = (d: Draw) => d.pick(FLOATS);

const DECIMALS = ['0', '0.00', '0.01', '100.00', '1234.50', '80000.00', '999999999999.99', '-5.00', '-0'];

const MALFORMED_DECIMALS = [
  '1000000000000.00',
  '0.001',
  '1e5',
  '1,000.00',
  '.5',
  '5.',
  '０１２',
  ' 12 ',
  'NaN',
  'Infinity',
  '0x10',
  '9'.repeat(40),
  '+1.00',
];

const DATES = [
  '2026-11-01',
  '2026-11-29',
  '2026-06-30',
  '2025-12-31',
  '2027-03-01',
  '1900-01-01',
  '2999-12-31',
];

const MALFORMED_DATES = [
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '1900-01-01',
  '2026-1-1',
  '20261101',
  '2026-11-01T00:00:00Z',
  '+275760-09-13',
  '-004713-01-01',
];

const DATE_TIMES = ['2026-11-01T08:30:00.000Z', '2026-11-20T12:00:00+08:00', '2026-11-29T01:00:00Z'];

const MALFORMED_DATE_TIMES = [
  '2026-11-01',
  '2026-02-30T00:00:00Z',
  '0000-01-01T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '1899-12-31T23:59:59.999Z',
  'yesterday',
  '2026-11-01T25:00:00Z',
];

const TYPES = [
  'Customer',
  'KeyPerson',
  'Staff',
  'Project',
  'Order',
  'Relationship',
  'Document',
  'DocumentLoan',
  'Nope',
];

/** The type an id argument names, e.g. `ownerId` a Staff id; a bare `id` names none. */
const ID_TYPES: Record<string, string> = {
  customerId: 'Customer',
  parentId: 'Customer',
  keyPersonId: 'KeyPerson',
  reportsToId: 'KeyPerson',
  staffId: 'Staff',
  ownerId: 'Staff',
  managerId: 'Staff',
  borrowerId: 'Staff',
  actorId: 'Staff',
  fromStaffId: 'Staff',
  toStaffId: 'Staff',
  projectId: 'Project',
  orderId: 'Order',
  productId: 'Product',
  documentId: 'Document',
};

/**
 * Global ids: real ones (mostly of the type the argument names, or for a bare `id` of the type the field
 * returns, else of another), forged, malformed.
 */
export function id(d: Draw, name: string, returns: string, pools: Pools): string {
  const ofType = pools.idsByType.get(ID_TYPES[name] ?? returns) ?? [];
  if (ofType.length > 0 && d.chance(0.6)) return d.pick(ofType);
  if (pools.ids.length > 0 && d.chance(0.6)) return d.pick(pools.ids);
  switch (d.int(0, 6)) {
    case 0:
      return toGlobalId(d.pick(TYPES), randomUuid(d));
    case 1:
      return toGlobalId(d.pick(TYPES), d.pick(['1', 'not-a-uuid', '', `${randomUuid(d)}:extra`]));
    case 2:
      return d.value(fc.base64String({ maxLength: 60 }));
    case 3:
      return Buffer.from(d.value(fc.string({ unit: 'binary', maxLength: 40 }))).toString('base64url');
    case 4:
      return randomUuid(d);
    default:
      return nastyString(d);
  }
}

/** A uuid drawn from the seed, so a run replays. */
const randomUuid = (d: Draw) => d.value(fc.uuid());

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** Cursors: issued ones, well-formed ones with impossible positions, and garbage. */
export function cursor(d: Draw, pools: Pools): string {
  if (pools.cursors.length > 0 && d.chance(0.4)) return d.pick(pools.cursors);
  const uuid = d.value(fc.uuid());
  switch (d.int(0, 4)) {
    case 0:
      return encode([
        d.pick([1e308, -1, 'x', null, '2026-13-45', '0000-01-01', '+275760-09-13T00:00:00.000Z', {}, []]),
        uuid,
      ]);
    case 1:
      return encode(d.pick([[], [1], ['a', 'b', 'c'], { value: 1, id: uuid }, null, 'text']));
    case 2:
      return d.value(fc.base64String({ maxLength: 60 }));
    case 3:
      return encode([d.pick(['客户', '\u0000', 'a'.repeat(5000), 'Z']), uuid]);
    default:
      return nastyString(d);
  }
}

const CSV_SAMPLES = [
  'name,nature\n上海远航物流,COMPANY\n',
  'code,name,nature\nX1,Fuzz Co,COMPANY\nX1,Fuzz Co,COMPANY\n',
  'name\n\u0000\n',
  'a,b\n"unterminated\n',
  '',
];

/** Strings chosen by the field's name where a plausible value reaches deeper than a random one. */
export function namedString(d: Draw, name: string, pools: Pools): string | undefined {
  if (name === 'contentBase64') {
    return d.chance(0.7) ? Buffer.from(d.pick(CSV_SAMPLES)).toString('base64') : nastyString(d);
  }
  if (name === 'fileName')
    return d.pick(['customers.csv', 'x.xlsx', 'x.txt', 'noextension', '../../etc/passwd']);
  if (name === 'after' || name === 'before') return cursor(d, pools);
  if (name === 'email' && d.chance(0.5)) return d.pick(pools.texts.filter((text) => text.includes('@')));
  return undefined;
}

export function plainString(d: Draw, pools: Pools): string {
  if (d.chance(0.35)) return nastyString(d);
  return d.pick([...pools.texts, 'T', 'Fuzz 客户', 'https://example.com', '+86 21 1234 5678', 'a@b.cn']);
}

/** A well-formed value mostly, so the request goes on to the resolver; else a malformed one. */
const mostlyWellFormed = (d: Draw, good: readonly string[], bad: readonly string[]) =>
  d.chance(0.7) ? d.pick(good) : d.pick(bad);

export const decimal = (d: Draw) => mostlyWellFormed(d, DECIMALS, MALFORMED_DECIMALS);
export const localDate = (d: Draw) => mostlyWellFormed(d, DATES, MALFORMED_DATES);
export const dateTime = (d: Draw) => mostlyWellFormed(d, DATE_TIMES, MALFORMED_DATE_TIMES);

/** A value of another type than the slot wants. */
export function wrongValue(d: Draw): unknown {
  return d.pick(['text', 42, 3.5, true, { a: 1 }, [1, 2], new EnumName('WRONG'), -1, '']);
}
