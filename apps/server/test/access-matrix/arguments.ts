import {
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { literal } from '../fuzz/operations.js';
import { EnumName } from '../fuzz/values.js';

/** Whose rows a mutation is aimed at, and the people it names. */
export interface Aim {
  /** Global ids of the target book's rows, by type. */
  rows: Record<string, string>;
  /** Global ids: the viewer, the owner of the target book, the staff member staff administration changes. */
  viewer: string;
  viewerEmail: string;
  owner: string;
  staff: string;
  token: string;
  /** The current version of a row, by its global id. */
  version: (globalId: string) => Promise<number>;
}

/** Ids named by their argument: whose rows they are follows from the name. */
const ROW_IDS: Record<string, string> = {
  customerId: 'Customer',
  keyPersonId: 'KeyPerson',
  projectId: 'Project',
  orderId: 'Order',
};

/** Mutations whose bare `id` names a type other than what they return. */
const ID_NAMES: Record<string, string> = { removeDecisionRole: 'DecisionRoleAssignment' };

export const PASSWORD = 'Matrix-pass-2026!';

/**
 * Optional arguments given a value anyway: a rename, a phone (personal data to write), and the version of
 * the row changed, which a change of an existing row (e.g. a relationship already recorded) requires.
 */
const OPTIONAL = new Set(['name', 'title', 'mobile', 'expectedVersion']);

let serial = 0;

/**
 * Valid arguments for a mutation aimed at `aim`'s rows: required arguments only (plus a name and a mobile
 * where an input has them), each chosen by its name and type, so the mutation's outcome turns on access
 * alone. Versions are the rows' current ones: a stale version must not tell a hidden row from a missing one.
 */
export async function mutationArgs(field: GraphQLField<unknown, unknown>, aim: Aim): Promise<string> {
  serial += 1;
  const idType = ID_NAMES[field.name] ?? getNamedType(field.type).name;
  const idOf = (name: string): string | undefined => {
    if (name === 'id') {
      if (idType === 'Staff') return aim.staff;
      if (idType === 'ApiToken') return aim.token;
      return aim.rows[idType];
    }
    if (name === 'staffId' || name === 'toStaffId') return aim.viewer;
    if (name === 'fromStaffId') return aim.owner;
    const type = ROW_IDS[name];
    return type ? aim.rows[type] : undefined;
  };
  const scalar = (type: string, name: string): unknown => {
    if (type === 'ID') {
      const id = idOf(name);
      if (!id) throw new Error(`no id for ${field.name}(${name})`);
      return id;
    }
    if (type === 'Decimal') return '1.00';
    // Business dates and times sit before the matrix's fixed clock (29 November 2026); a token's expiry
    // is checked against real time, as sessions are, so it is set from the real clock.
    if (type === 'LocalDate') return name === 'validUntil' ? '2027-11-20' : '2026-11-20';
    if (type === 'DateTimeISO') return name === 'expiresAt' ? daysFromNow(20) : '2026-11-20T02:00:00Z';
    if (type === 'Boolean') return false;
    if (type === 'String') return text(name);
    throw new Error(`no value for ${field.name}(${name}: ${type})`);
  };
  const text = (name: string): string => {
    if (name === 'email') return field.name === 'login' ? aim.viewerEmail : `matrix-${serial}@example.com`;
    if (name === 'password') return PASSWORD;
    if (name === 'mobile') return '13700000000';
    if (name === 'fileName') return 'customers.csv';
    if (name === 'contentBase64')
      return Buffer.from(`name,nature\n矩阵导入${serial},COMPANY\n`).toString('base64');
    return `矩阵${serial}`;
  };
  const value = async (
    type: GraphQLInputType,
    name: string,
    siblings: Record<string, unknown>,
  ): Promise<unknown> => {
    if (isNonNullType(type)) return value(type.ofType, name, siblings);
    if (isListType(type)) return [await value(type.ofType, name, siblings)];
    if (name === 'expectedVersion') return aim.version(String(siblings.id ?? idOf('id')));
    if (isEnumType(type)) {
      const values = type.getValues().map((v) => v.name);
      return new EnumName(values.includes('SALES_REP') ? 'SALES_REP' : (values[0] as string));
    }
    if (isInputObjectType(type)) return object(Object.values(type.getFields()));
    return scalar(type.name, name);
  };
  async function object(fields: ReadonlyArray<{ name: string; type: GraphQLInputType }>) {
    const given: Record<string, unknown> = {};
    // Ids first: a version follows the id beside it.
    const ordered = [...fields].sort((a, b) => Number(b.name === 'id') - Number(a.name === 'id'));
    for (const input of ordered) {
      if (!isNonNullType(input.type) && !OPTIONAL.has(input.name)) continue;
      given[input.name] = await value(input.type, input.name, given);
    }
    return given;
  }
  const args = await object(field.args);
  const list = Object.entries(args).map(([name, item]) => `${name}: ${literal(item)}`);
  return list.length > 0 ? `(${list.join(', ')})` : '';
}

/** An ISO instant `days` days from now. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}
