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
import { REPORT_MONTH } from './walk.js';

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
  /** A competitor of the company-wide list: shared by every book, as the staff directory is. */
  competitor: string;
  /** The current version of a row, by its global id. */
  version: (globalId: string) => Promise<number>;
  /** The version of a dossier's weekly-check verdict of a week; null while it has none. */
  verdictVersion: (customerId: string, weekStart: string) => Promise<number | null>;
  /** An optional argument or input field (`input.ownerId`) given this value besides the usual ones. */
  probe?: { path: string; value: string };
}

/** Ids named by their argument: whose rows they are follows from the name. */
const ROW_IDS: Record<string, string> = {
  customerId: 'Customer',
  keyPersonId: 'KeyPerson',
  projectId: 'Project',
  orderId: 'Order',
  documentId: 'Document',
};

/**
 * Mutations whose bare `id` names another type than they return, or a row in a given state (the book's
 * keys, world.ts): a loan awaiting its decision, a loan out, a document approved for destruction.
 */
const ID_NAMES: Record<string, string> = {
  removeDecisionRole: 'DecisionRoleAssignment',
  removeCustomerCompetitor: 'CustomerCompetitor',
  decideDocumentLoan: 'DocumentLoan:requested',
  returnDocumentLoan: 'DocumentLoan:granted',
  destroyDocument: 'Document:approved',
  reviewCustomerSheet: 'CustomerSheetLink:submitted',
  deleteSatisfactionSurvey: 'SatisfactionSurvey',
};

/** The type of the row an optional id names, by its name: rows of a dossier, or a member of staff. */
export const OPTIONAL_ID_TYPES: Readonly<Record<string, string>> = {
  reportsToId: 'KeyPerson',
  keyPersonId: 'KeyPerson',
  projectId: 'Project',
  parentId: 'Customer',
  ownerId: 'Staff',
  managerId: 'Staff',
  teamManagerId: 'Staff',
};

/** Optional ids naming a row of a company-wide list, which no dossier owns: no other's row to aim at. */
const COMPANY_WIDE_IDS: ReadonlySet<string> = new Set(['favoursCompetitorId']);

/**
 * The paths (`input.role.projectId`) of every optional id a mutation takes, with the type each names: the
 * values a write could slip past its target's check, each given on its own by `Aim.probe`.
 */
export function optionalIds(field: GraphQLField<unknown, unknown>): Array<{ path: string; type: string }> {
  const found: Array<{ path: string; type: string }> = [];
  const walk = (inputs: ReadonlyArray<{ name: string; type: GraphQLInputType }>, prefix: string) => {
    for (const input of inputs) {
      const named = getNamedType(input.type);
      const path = `${prefix}${input.name}`;
      if (isInputObjectType(named)) walk(Object.values(named.getFields()), `${path}.`);
      else if (named.name === 'ID' && !isNonNullType(input.type) && !COMPANY_WIDE_IDS.has(input.name)) {
        const type = OPTIONAL_ID_TYPES[input.name];
        if (!type) throw new Error(`${field.name}(${path}): which rows does this optional id name?`);
        found.push({ path, type });
      }
    }
  };
  walk(field.args, '');
  return found;
}

export const PASSWORD = 'Matrix-pass-2026!';

/**
 * Optional arguments given a value anyway: a rename, a phone (personal data to write), and the version of
 * the row changed, which a change of an existing row (e.g. a relationship already recorded) requires, and
 * the version of a weekly-check verdict the dossier already has (a second verdict names it).
 */
const OPTIONAL = new Set(['name', 'title', 'mobile', 'expectedVersion', 'version']);

let serial = 0;

/**
 * Valid arguments for a mutation aimed at `aim`'s rows: required arguments only (plus a name and a mobile
 * where an input has them, and the probed optional one), each chosen by its name and type, so the
 * mutation's outcome turns on access alone. Versions are the rows' current ones: a stale version must not tell a hidden row from a missing one.
 */
export async function mutationArgs(field: GraphQLField<unknown, unknown>, aim: Aim): Promise<string> {
  serial += 1;
  const idType = ID_NAMES[field.name] ?? getNamedType(field.type).name;
  const idOf = (name: string): string | undefined => {
    if (name === 'id') {
      if (idType === 'Staff') return aim.staff;
      if (idType === 'ApiToken') return aim.token;
      if (idType === 'Competitor') return aim.competitor;
      return aim.rows[idType];
    }
    // A feedback's handler: the viewer takes it on.
    if (name === 'staffId' || name === 'toStaffId' || name === 'handlerId') return aim.viewer;
    if (name === 'fromStaffId') return aim.owner;
    if (name === 'competitorId') return aim.competitor;
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
    // The weekly check names a week by its Monday: the matrix's week, in which the books were written.
    if (type === 'LocalDate' && name === 'weekStart') return '2026-11-23';
    if (type === 'LocalDate') return name === 'validUntil' ? '2027-11-20' : '2026-11-20';
    if (type === 'DateTimeISO') return name === 'expiresAt' ? daysFromNow(20) : '2026-11-20T02:00:00Z';
    if (type === 'Boolean') return false;
    // Survey scores run 1–5.
    if (type === 'Int') return 3;
    if (type === 'String') return text(name);
    throw new Error(`no value for ${field.name}(${name}: ${type})`);
  };
  const text = (name: string): string => {
    if (name === 'email') return field.name === 'login' ? aim.viewerEmail : `matrix-${serial}@example.com`;
    if (name === 'password') return PASSWORD;
    if (name === 'mobile') return '13700000000';
    if (name === 'fileName') return 'customers.csv';
    // The archive inspection's period under way on the matrix's day (29 November 2026).
    if (name === 'period') return '2026-09';
    // The field of a submitted customer sheet a review accepts (world.ts: the customer proposed a city).
    if (name === 'accept') return 'city';
    if (name === 'month') return REPORT_MONTH;
    if (name === 'contentBase64')
      return Buffer.from(`name,nature\n矩阵导入${serial},COMPANY\n`).toString('base64');
    return `矩阵${serial}`;
  };
  const value = async (
    type: GraphQLInputType,
    name: string,
    siblings: Record<string, unknown>,
    path: string,
  ): Promise<unknown> => {
    if (path === aim.probe?.path) return aim.probe.value;
    if (isNonNullType(type)) return value(type.ofType, name, siblings, path);
    if (isListType(type)) return [await value(type.ofType, name, siblings, path)];
    if (name === 'expectedVersion') return aim.version(String(siblings.id ?? idOf('id')));
    if (name === 'version')
      return aim.verdictVersion(String(siblings.customerId), String(siblings.weekStart));
    if (isEnumType(type)) {
      const values = type.getValues().map((v) => v.name);
      return new EnumName(values.includes('SALES_REP') ? 'SALES_REP' : (values[0] as string));
    }
    if (isInputObjectType(type)) return object(Object.values(type.getFields()), `${path}.`);
    return scalar(type.name, name);
  };
  const probed = (path: string) =>
    aim.probe !== undefined && (aim.probe.path === path || aim.probe.path.startsWith(`${path}.`));
  async function object(fields: ReadonlyArray<{ name: string; type: GraphQLInputType }>, prefix = '') {
    const given: Record<string, unknown> = {};
    // Ids first: a version follows the id beside it; a verdict's version the dossier and week it is of.
    const rank = (name: string) => (name === 'id' ? 0 : name === 'version' ? 2 : 1);
    const ordered = [...fields].sort((a, b) => rank(a.name) - rank(b.name));
    for (const input of ordered) {
      const path = `${prefix}${input.name}`;
      if (!isNonNullType(input.type) && !OPTIONAL.has(input.name) && !probed(path)) continue;
      given[input.name] = await value(input.type, input.name, given, path);
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
