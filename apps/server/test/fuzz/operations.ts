import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import type { Draw } from './draw.js';
import {
  dateTime,
  decimal,
  EnumName,
  float,
  id,
  int,
  localDate,
  namedString,
  type Pools,
  plainString,
  wrongValue,
} from './values.js';

/** One generated GraphQL request: its body, and what a refused write is judged by. */
export interface Operation {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
  mutation: boolean;
  /** The root fields asked for, to tell failures apart. */
  fields: string[];
  /** Built with deliberate mistakes (wrong types, missing arguments, unknown fields). */
  faulty: boolean;
  /** Aliases of the root fields: a write is refused when every one of them answers no data. */
  roots: string[];
}

/** Signing out would end the caller's session mid-run. */
const NEVER_GENERATED = new Set(['logout']);

const MAX_DEPTH = 3;

/** Fields whose bare `id` argument names a type other than what they return. */
const RETURNS: Record<string, string> = {
  removeDecisionRole: 'DecisionRoleAssignment',
  destroyDocument: 'Document',
  node: '',
};

class Builder {
  private readonly definitions: string[] = [];
  readonly variables: Record<string, unknown> = {};

  constructor(
    private readonly d: Draw,
    private readonly schema: GraphQLSchema,
    private readonly pools: Pools,
    /** Off, the document is valid and its values have the right types: the request reaches the resolvers. */
    private readonly faulty: boolean,
  ) {}

  /** A deliberate mistake, with probability `p`, in faulty operations only. */
  private fault(p: number): boolean {
    return this.faulty && this.d.chance(p);
  }

  get variableDefinitions(): string {
    return this.definitions.length > 0 ? `(${this.definitions.join(', ')})` : '';
  }

  /** Arguments of one field: right and wrong types, missing required ones, nulls; inline or as variables. */
  args(field: GraphQLField<unknown, unknown>): string {
    const returns = RETURNS[field.name] ?? getNamedType(field.type).name;
    const given: string[] = [];
    for (const arg of field.args) {
      const required = isNonNullType(arg.type);
      if (required ? this.fault(0.1) : this.d.chance(0.5)) continue;
      const value = this.fault(0.1) ? null : this.value(arg.type, arg.name, 0, returns);
      given.push(`${arg.name}: ${this.d.chance(0.5) ? this.variable(arg.type, value) : literal(value)}`);
    }
    if (this.fault(0.05)) given.push('bogus: 1');
    return given.length > 0 ? `(${given.join(', ')})` : '';
  }

  private variable(type: GraphQLInputType, value: unknown): string {
    const name = `v${this.definitions.length}`;
    const declared = this.fault(0.1) ? this.d.pick(['String', 'Int!', '[ID!]', 'Boolean']) : String(type);
    this.definitions.push(`$${name}: ${declared}`);
    // An omitted variable exercises "required variable not provided" the way a null does not.
    if (!this.fault(0.05)) this.variables[name] = toJson(value);
    return `$${name}`;
  }

  value(type: GraphQLInputType, name: string, depth: number, returns: string): unknown {
    if (this.fault(0.1)) return wrongValue(this.d);
    if (isNonNullType(type)) return this.value(type.ofType, name, depth, returns);
    if (isListType(type)) {
      if (this.d.chance(0.15)) return this.value(type.ofType, name, depth, returns);
      return Array.from({ length: this.d.int(0, 3) }, () => this.value(type.ofType, name, depth, returns));
    }
    if (isEnumType(type)) {
      if (this.fault(0.1)) return new EnumName(this.d.pick(['NOPE', 'null', 'true']));
      return new EnumName(this.d.pick(type.getValues()).name);
    }
    if (isInputObjectType(type)) {
      const fields: Record<string, unknown> = {};
      if (depth > MAX_DEPTH) return fields;
      for (const field of Object.values(type.getFields())) {
        if (isNonNullType(field.type) ? this.fault(0.1) : this.d.chance(0.5)) continue;
        fields[field.name] = this.fault(0.1) ? null : this.value(field.type, field.name, depth + 1, returns);
      }
      if (this.fault(0.05)) fields.bogus = 1;
      return fields;
    }
    return this.scalar(type.name, name, returns);
  }

  private scalar(scalar: string, name: string, returns: string): unknown {
    switch (scalar) {
      case 'ID':
        return id(this.d, name, returns, this.pools);
      case 'Int':
        return int(this.d, name, this.faulty);
      case 'Float':
        return float(this.d);
      case 'Boolean':
        return this.d.chance(0.5);
      case 'Decimal':
        return decimal(this.d);
      case 'LocalDate':
        return localDate(this.d);
      case 'DateTimeISO':
        return dateTime(this.d);
      default:
        return namedString(this.d, name, this.pools) ?? plainString(this.d, this.pools);
    }
  }

  /** A random selection set: a few fields, nested up to MAX_DEPTH, fragments on abstract types. */
  selection(type: GraphQLOutputType, depth: number): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return '';
    if (isAbstractType(named)) {
      const possible = this.schema.getPossibleTypes(named);
      const fragments = this.d
        .some(possible, 1, 2)
        .map((object) => `... on ${object.name} ${this.objectSelection(object, depth)}`);
      return `{ __typename ${fragments.join(' ')} }`;
    }
    if (isObjectType(named)) return this.objectSelection(named, depth);
    return '';
  }

  private objectSelection(object: GraphQLObjectType, depth: number): string {
    const fields = Object.values(object.getFields());
    const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)));
    const candidates = depth >= MAX_DEPTH ? leaves : fields;
    const chosen = this.d.some(candidates, 1, 4).map((field) => this.field(field, depth + 1));
    if (this.d.chance(0.3) || chosen.length === 0) chosen.push('__typename');
    if (this.fault(0.03)) chosen.push('nope');
    return `{ ${chosen.join(' ')} }`;
  }

  field(field: GraphQLField<unknown, unknown>, depth: number, alias = ''): string {
    return `${alias}${field.name}${this.args(field)} ${this.selection(field.type, depth)}`.trim();
  }
}

/** A JSON value for variables: enum names become strings. */
function toJson(value: unknown): unknown {
  if (value instanceof EnumName) return value.name;
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item)]));
  }
  return value;
}

/** The same value written inline in the document. */
export function literal(value: unknown): string {
  if (value instanceof EnumName) return value.name;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as object)
      .map(([key, item]) => `${key}: ${literal(item)}`)
      .join(', ')}}`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** A query or mutation over one or two root fields (never `logout`), aliased r0, r1. */
export function drawOperation(d: Draw, schema: GraphQLSchema, pools: Pools): Operation {
  const mutation = d.chance(0.5);
  const root = (mutation ? schema.getMutationType() : schema.getQueryType()) as GraphQLNamedType &
    GraphQLObjectType;
  const fields = Object.values(root.getFields()).filter((field) => !NEVER_GENERATED.has(field.name));
  const faulty = d.chance(0.3);
  const builder = new Builder(d, schema, pools, faulty);
  const chosen = Array.from({ length: d.chance(0.85) ? 1 : 2 }, () => d.pick(fields));
  const roots = chosen.map((_, i) => `r${i}`);
  const body = chosen.map((field, i) => builder.field(field, 0, `${roots[i]}: `)).join(' ');
  const named = d.chance(0.3);
  const name = named ? 'Fuzz' : '';
  const query = `${mutation ? 'mutation' : 'query'} ${name}${builder.variableDefinitions} { ${body} }`;
  const operationName = named ? (d.chance(0.05) ? 'Unknown' : name) : undefined;
  return {
    query,
    variables: builder.variables,
    mutation,
    fields: chosen.map((field) => field.name),
    faulty,
    roots,
    ...(operationName ? { operationName } : {}),
  };
}
