import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';

/** How deep below a root field the walk goes; every object type is expanded once per root anyway. */
const MAX_DEPTH = 8;

/** Page size asked of every list: the matrix's data is small, so one page holds all of it. */
export const PAGE = 200;

/**
 * A selection of everything reachable from a root field: each object type's fields in full the first time
 * the walk meets it below this root, only its id (or __typename) after that, so the document stays finite
 * and every field path is asked once. `visited` collects `Type.field` of every field selected.
 */
export function selectAll(schema: GraphQLSchema, type: GraphQLOutputType, visited: Set<string>): string {
  const expanded = new Set<string>();
  const walk = (output: GraphQLOutputType, depth: number): string => {
    const named = getNamedType(output);
    if (isLeafType(named)) return '';
    const objects = isAbstractType(named) ? schema.getPossibleTypes(named) : [named as GraphQLObjectType];
    // In the fragments of an abstract type, fields are aliased by type: two types' fields of one name and
    // different types may not share a response key.
    const parts = objects.map((object) =>
      isAbstractType(named)
        ? `... on ${object.name} { ${objectFields(object, depth, `${object.name}_`)} }`
        : objectFields(object, depth),
    );
    return `{ __typename ${parts.join(' ')} }`;
  };
  const objectFields = (object: GraphQLObjectType, depth: number, alias = ''): string => {
    const fields = Object.values(object.getFields());
    if (expanded.has(object.name) || depth >= MAX_DEPTH) {
      return fields.some((field) => field.name === 'id') ? 'id' : '';
    }
    expanded.add(object.name);
    return fields
      .map((field) => {
        visited.add(`${object.name}.${field.name}`);
        const key = alias ? `${alias}${field.name}: ` : '';
        return `${key}${field.name}${pageArgs(field)} ${walk(field.type, depth + 1)}`.trim();
      })
      .join(' ');
  };
  return walk(type, 0);
}

/** Nested lists get a full page; their other arguments are optional and left to their defaults. */
function pageArgs(field: GraphQLField<unknown, unknown>): string {
  return field.args.some((arg) => arg.name === 'first') ? `(first: ${PAGE})` : '';
}

/** Every `Type.field` reachable from the root fields walked: what the walks together must cover. */
export function reachableFields(
  schema: GraphQLSchema,
  roots: ReadonlyArray<GraphQLField<unknown, unknown>>,
): Set<string> {
  const fields = new Set<string>();
  const seen = new Set<string>();
  const queue: GraphQLObjectType[] = [];
  for (const root of roots) {
    const named = getNamedType(root.type);
    if (isObjectType(named)) queue.push(named);
    if (isAbstractType(named)) queue.push(...schema.getPossibleTypes(named));
  }
  while (queue.length > 0) {
    const type = queue.shift() as GraphQLObjectType;
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      fields.add(`${type.name}.${field.name}`);
      const named = getNamedType(field.type);
      if (isObjectType(named)) queue.push(named);
      if (isAbstractType(named)) queue.push(...schema.getPossibleTypes(named));
    }
  }
  return fields;
}

/**
 * The variants of a root query: one per value of each required enum argument (every grouping of a summary),
 * one per id for a required id (the other's rows), and one per optional argument or filter field that
 * `probes` names (e.g. `filter: { customerId: <the other's customer> }`): a filter aimed at hidden rows must
 * count nothing. Always a full page. Each is an argument list.
 */
/** The month the matrix asks monthly reports of. */
export const REPORT_MONTH = '2026-10';

export function rootVariants(
  field: GraphQLField<unknown, unknown>,
  ids: (type: string) => string[],
  probes: Readonly<Record<string, string>>,
): string[] {
  const page = field.args.some((arg) => arg.name === 'first') ? [`first: ${PAGE}`] : [];
  let variants = [page];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type)) continue;
    const type = getNamedType(arg.type);
    let values: string[];
    if (isEnumType(type)) values = type.getValues().map((value) => value.name);
    else if (type.name === 'ID') {
      const returned = getNamedType(field.type);
      values = (isAbstractType(returned) ? ids('*') : ids(returned.name)).map((id) => JSON.stringify(id));
    } else if (type.name === 'String' && arg.name === 'month') {
      // A month before the matrix's fixed clock (29 November 2026): one a report may be asked for.
      values = [JSON.stringify(REPORT_MONTH)];
    } else if (type.name === 'String' && arg.name === 'token') {
      // A secret nobody was given: what a staff member without the link holds.
      values = [JSON.stringify('dcs_not-a-link-secret')];
    } else throw new Error(`no value for the required argument ${field.name}(${arg.name}: ${arg.type})`);
    variants = variants.flatMap((given) => values.map((value) => [...given, `${arg.name}: ${value}`]));
  }
  const probing = field.args.flatMap((arg) => {
    if (isNonNullType(arg.type)) return [];
    const type = getNamedType(arg.type);
    const probe = probes[arg.name];
    if (probe) return [`${arg.name}: ${JSON.stringify(probe)}`];
    if (!isInputObjectType(type)) return [];
    return Object.keys(type.getFields()).flatMap((name) => {
      const value = probes[name];
      return value ? [`${arg.name}: { ${name}: ${JSON.stringify(value)} }`] : [];
    });
  });
  // Probes go with the first variant's required arguments (e.g. the first grouping of a summary).
  const base = variants[0] ?? page;
  variants.push(...probing.map((probe) => [...base, probe]));
  return variants.map((given) => (given.length > 0 ? `(${given.join(', ')})` : ''));
}
