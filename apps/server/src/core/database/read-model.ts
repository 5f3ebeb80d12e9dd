import {
  type EntityClass,
  type EntityMetadata,
  type EntityProperty,
  ReferenceKind,
  Type,
} from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * Read copies: what GraphQL reads of the database, without MikroORM's entities.
 *
 * Creating an entity means an identity-map lookup, a Reference per many-to-one, relation propagation and a
 * change-tracking snapshot: for the thousands of rows one nested list reads, that cost more than the SQL
 * and graphql-js together (issue 11's profile: 31% of busy time, plus 21% garbage collection). A read copy
 * is a plain object on a prototype that inherits the entity's getters and methods (`globalId`,
 * `displayName`, `dossierId()`), so resolvers and `instanceof` treat both alike; it is never managed, so a
 * write still loads its entity through `em` — with its version, history and validation.
 */

type Row = Record<string, unknown>;
type Copy = { id: string };

/** A many-to-one declared `ref: true`, on a read copy: the target's id, and its copy when it was read too. */
export class ReadRef<T extends Copy> {
  constructor(private readonly target: T) {}

  get id(): string {
    return this.target.id;
  }

  getEntity(): T {
    return this.target;
  }

  unwrap(): T {
    return this.target;
  }

  /** True when the statement read the target's row, not just its id. */
  isInitialized(): boolean {
    return Object.keys(this.target).length > 1;
  }
}

interface Mapper {
  meta: EntityMetadata;
  /** Inherits the entity's prototype, with plain data slots over the setters MikroORM puts there. */
  prototype: object;
  fill: Array<(copy: Row, row: Row, joined: Joined) => void>;
}

/** Read copies of related rows selected by the same statement, by relation property name. */
export type Joined = Record<string, Copy | null | undefined>;

const mappers = new WeakMap<EntityMetadata, Mapper>();

function mapperOf(em: EntityManager, meta: EntityMetadata): Mapper {
  let mapper = mappers.get(meta);
  if (mapper) return mapper;
  const prototype = Object.create(meta.prototype) as object;
  // MikroORM defines a setter per property on the entity's prototype that turns an assignment into
  // change tracking; a data slot of our own shadows it, so assigning a copy's fields stays plain.
  for (const name of Object.getOwnPropertyNames(meta.prototype)) {
    const descriptor = Object.getOwnPropertyDescriptor(meta.prototype, name);
    if (descriptor?.set && !descriptor.get) {
      Object.defineProperty(prototype, name, { value: undefined, writable: true, enumerable: false });
    }
  }
  mapper = { meta, prototype, fill: [] };
  mappers.set(meta, mapper);
  mapper.fill = meta.props.flatMap((prop) => filler(em, prop));
  return mapper;
}

function scalarValue(em: EntityManager, prop: EntityProperty, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (prop.runtimeType === 'Date') return value instanceof Date ? value : new Date(value as string);
  if (prop.customType) return prop.customType.convertToJSValue(value, em.getPlatform());
  return value;
}

/**
 * scalarValue, decided once per property rather than per row (a dossier list copies about 1,000 rows): most
 * columns (text, uuid, enums, integers) are read as they come, since their type's conversion is
 * MikroORM's identity (`Type.convertToJSValue` not overridden).
 */
function scalarReader(em: EntityManager, prop: EntityProperty): (value: unknown) => unknown {
  const converts =
    prop.runtimeType === 'Date' ||
    (prop.customType !== undefined && prop.customType.convertToJSValue !== Type.prototype.convertToJSValue);
  if (converts) return (value) => scalarValue(em, prop, value);
  return (value) => (value === undefined ? null : value);
}

function filler(em: EntityManager, prop: EntityProperty): Mapper['fill'] {
  const name = prop.name;
  const field = prop.fieldNames?.[0] ?? name;
  if (prop.kind === ReferenceKind.SCALAR) {
    // An embeddable's columns are read by the embeddable's own property, below.
    if (prop.lazy || prop.embedded || (prop.persist === false && !prop.formula)) return [];
    const read = scalarReader(em, prop);
    return [
      (copy, row) => {
        copy[name] = read(row[field]);
      },
    ];
  }
  if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
    if (!prop.fieldNames?.length) return [];
    const target = () => mapperOf(em, em.getMetadata().get(prop.type));
    return [
      (copy, row, joined) => {
        const id = row[field] as string | null;
        const related = id === null ? null : (joined[name] ?? stub(target(), id));
        copy[name] = related && prop.ref ? new ReadRef(related) : related;
      },
    ];
  }
  if (prop.kind === ReferenceKind.EMBEDDED && prop.embeddedProps) {
    const parts = Object.values(prop.embeddedProps);
    const embeddable = prop.embeddable as EntityClass<object>;
    return [
      (copy, row) => {
        const value = Object.create(embeddable.prototype) as Row;
        for (const part of parts)
          value[part.embedded?.[1] ?? part.name] = scalarValue(em, part, row[part.fieldNames[0] ?? '']);
        copy[name] = value;
      },
    ];
  }
  return [];
}

/** A target known only by its id, as an unloaded MikroORM reference is. */
function stub(mapper: Mapper, id: string): Copy {
  const copy = Object.create(mapper.prototype) as Copy;
  copy.id = id;
  return copy;
}

/** The read copy of one row of `entity`'s table, selected with `readColumns`; `joined`: related copies. */
export function readCopy<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  row: Row,
  joined: Joined = {},
): T {
  const mapper = mapperOf(em, em.getMetadata().get(entity.name));
  const copy = Object.create(mapper.prototype) as Row;
  for (const fill of mapper.fill) fill(copy, row, joined);
  return copy as T;
}

/**
 * Column types `pg` hands over as strings but JSON would turn into numbers: a decimal's scale (12.50) and
 * a bigint beyond 2^53 would be lost. Read as text into JSON, they come back as `pg` returns them.
 */
const JSON_AS_TEXT = /^(numeric|decimal|bigint|int8)\b/i;

/**
 * The columns an entity load reads: stored scalars and references, and formulas (an order's payment sums)
 * under their field names, lazy ones left out, so a page of staff never reads a password hash. `prefix`
 * renames each column (`kp.name as kp__name`) for a statement that reads a joined entity too; `json`: for
 * a part of a JSON read (json-read.ts), decimals and bigints as text.
 */
export function readColumns(
  em: EntityManager,
  entity: EntityClass<object> | EntityMetadata,
  alias: string,
  prefix = '',
  json = false,
): Array<string | Knex.Raw> {
  const meta = 'props' in entity ? entity : em.getMetadata().get(entity.name);
  const knex = em.getKnex();
  return meta.props
    .filter(
      (prop) => (prop.kind === 'scalar' || prop.kind === 'm:1' || prop.kind === 'embedded') && !prop.lazy,
    )
    .flatMap((prop): Array<string | Knex.Raw> => {
      if (prop.formula) {
        const table = { alias, name: meta.tableName, qualifiedName: meta.tableName, toString: () => alias };
        const sql = prop.formula(table, meta.createColumnMappingObject());
        return [knex.raw(`${sql} as ??`, [prefix + (prop.fieldNames[0] ?? prop.name)])];
      }
      if (prop.persist === false || prop.embedded) return [];
      const fields =
        prop.kind === 'embedded'
          ? Object.values(prop.embeddedProps ?? {}).flatMap((part) => part.fieldNames)
          : prop.fieldNames;
      if (json && JSON_AS_TEXT.test(prop.columnTypes?.[0] ?? '')) {
        return fields.map((field) => knex.raw('??.??::text as ??', [alias, field, prefix + field]));
      }
      return fields.map((field) =>
        prefix ? knex.raw('??.?? as ??', [alias, field, prefix + field]) : `${alias}.${field}`,
      );
    });
}

/** The columns of a joined entity, read back from a row under their `prefix`. */
export function unprefixed(row: Row, prefix: string): Row | null {
  const own: Row = {};
  let found = false;
  for (const key in row) {
    if (key.startsWith(prefix)) {
      own[key.slice(prefix.length)] = row[key];
      found ||= row[key] !== null;
    }
  }
  return found ? own : null;
}

/** An order as an entity load takes it: property → direction, or a many-to-one → its target's order. */
export type ReadOrder = Record<string, 'asc' | 'desc' | Record<string, 'asc' | 'desc'>>;

/**
 * Orders a read of `meta`'s table under `alias`; a many-to-one in the order is joined (left, as entity
 * loads do) unless `joined` names the alias the statement already reads it under.
 */
export function orderRead(
  em: EntityManager,
  query: Knex.QueryBuilder,
  meta: EntityMetadata,
  alias: string,
  order: ReadOrder,
  joined: Record<string, string> = {},
): void {
  for (const [name, direction] of Object.entries(order)) {
    const prop = meta.properties[name as never] as EntityProperty;
    const column = `${alias}.${prop.fieldNames[0]}`;
    if (typeof direction === 'string') {
      query.orderBy(column, direction);
      continue;
    }
    const target = em.getMetadata().get(prop.type);
    let targetAlias = joined[name];
    if (!targetAlias) {
      targetAlias = `${alias}_${name}`;
      query.leftJoin(`${target.tableName} as ${targetAlias}`, `${targetAlias}.id`, column);
    }
    for (const [field, way] of Object.entries(direction)) {
      const targetProp = target.properties[field as never] as EntityProperty;
      query.orderBy(`${targetAlias}.${targetProp.fieldNames[0]}`, way);
    }
  }
}

/**
 * Reads the many-to-ones `names` of the rows under `alias` in the same statement (left joins, their columns
 * prefixed `<name>__`). Returns the aliases they are joined under (for orderRead) and, per row, their read
 * copies for readCopy's `joined`.
 */
export function populateRead(
  em: EntityManager,
  query: Knex.QueryBuilder,
  meta: EntityMetadata,
  alias: string,
  names: readonly string[],
): { aliases: Record<string, string>; related: (row: Row) => Joined } {
  const targets = populatedTargets(em, meta, alias, names);
  for (const { prop, target, joinedAs, name } of targets) {
    query
      .leftJoin(`${target.tableName} as ${joinedAs}`, `${joinedAs}.id`, `${alias}.${prop.fieldNames[0]}`)
      .select(readColumns(em, target, joinedAs, `${name}__`));
  }
  return {
    aliases: Object.fromEntries(targets.map((target) => [target.name, target.joinedAs])),
    related: populatedCopies(em, meta, alias, names),
  };
}

function populatedTargets(em: EntityManager, meta: EntityMetadata, alias: string, names: readonly string[]) {
  return names.map((name) => {
    const prop = meta.properties[name as never] as EntityProperty;
    return { name, prop, target: em.getMetadata().get(prop.type), joinedAs: `${alias}_${name}` };
  });
}

/** Per row of a statement built with populateRead(em, …, meta, alias, names): the joined rows' read copies. */
export function populatedCopies(
  em: EntityManager,
  meta: EntityMetadata,
  alias: string,
  names: readonly string[],
): (row: Row) => Joined {
  const targets = populatedTargets(em, meta, alias, names);
  return (row) => {
    const joined: Joined = {};
    for (const { name, target } of targets) {
      const own = unprefixed(row, `${name}__`);
      joined[name] = own && readCopy(em, target.class, own);
    }
    return joined;
  };
}

/** Prepared statements' names by their text: one name per text, the same on every pooled connection. */
const statementNames = new Map<string, string>();

/**
 * Runs `text` (parameters `$1`, `$2`, …) as a named prepared statement straight through the `pg` driver:
 * PostgreSQL parses and plans it once per connection, not on every call, and the values travel apart from
 * the text (an array of a thousand ids is one parameter, not a thousand literals). `em.execute` cannot do
 * this: MikroORM inlines the parameters into the text and sends it by the simple protocol.
 *
 * The statement runs where `em.execute` would run it: on the connection of `em`'s transaction when it has
 * one (it must see that transaction's writes), else on a pooled connection. It is logged as MikroORM logs
 * its own (tests count statements from that log) and fails with MikroORM's exceptions.
 */
export async function runPrepared(
  em: EntityManager,
  text: string,
  values: readonly unknown[],
): Promise<Row[]> {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `dossier_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  const { client } = em.getTransactionContext<Knex.Transaction>() ?? em.getConnection().getKnex();
  const started = Date.now();
  const connection = await client.acquireConnection();
  try {
    const { rows } = await connection.query({ name, text, values });
    em.config.getLogger().logQuery({ query: text, took: Date.now() - started, results: rows.length });
    return rows;
  } catch (error) {
    em.config.getLogger().logQuery({ query: text, took: Date.now() - started, level: 'error' });
    throw em
      .getPlatform()
      .getExceptionConverter()
      .convertException(error as Error);
  } finally {
    await client.releaseConnection(connection);
  }
}

/**
 * A read whose SQL depends on its shape only (entity, columns, joins, order), the keys being its one
 * parameter `$1`: knex builds the text on first use, and every call after runs it prepared (runPrepared).
 */
export function preparedRead(
  build: (em: EntityManager) => Knex.QueryBuilder,
): (em: EntityManager, values: readonly unknown[]) => Promise<Row[]> {
  let text: string | undefined;
  return (em, values) => {
    if (text === undefined) {
      const { sql, bindings } = build(em).toSQL();
      // A value knex would inline differs from call to call; the statement's values are `values` alone.
      if (bindings.length > 0) throw new Error(`a prepared read takes its values as $n: ${sql}`);
      text = sql;
    }
    return runPrepared(em, text, values);
  };
}
