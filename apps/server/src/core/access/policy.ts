import { mayHoldApiTokens, StaffRole } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { GraphQLError, OperationTypeNode } from 'graphql';
import type { Staff } from '../../modules/staff/staff.entity.js';
import type { Context } from '../context.js';
import { forbidden, unauthenticated } from '../errors.js';
import type { LoaderFactory } from '../loaders.js';
import { visibleCustomers } from './scope.js';

/**
 * What a role may do, beside which rows it sees (scope.ts). A write first finds its target through the
 * visibility rule (NOT_FOUND when the viewer may not see it: no existence leak), then asks here whether
 * the viewer may make that change (FORBIDDEN), before anything is written.
 */
export function requireRole(ctx: Context, ...roles: StaffRole[]): Staff {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  if (!roles.includes(viewer.role)) throw forbidden();
  return viewer;
}

export const requireAdmin = (ctx: Context) => requireRole(ctx, StaffRole.ADMIN);

export const isAdmin = (viewer: Staff) => viewer.role === StaffRole.ADMIN;

/** Personal API tokens are for those who query the API directly. */
export function requireApiTokenHolder(ctx: Context): Staff {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  if (!mayHoldApiTokens(viewer.role)) throw forbidden('Your role has no personal API tokens');
  return viewer;
}

/** A personal API token reads and never writes: the auth gate refuses its mutations before they run. */
export function refusedOperation(ctx: Context, operation: OperationTypeNode): GraphQLError | null {
  return ctx.credential === 'api-token' && operation !== 'query'
    ? forbidden('API tokens are read-only: sign in to change anything')
    : null;
}

/** Roles that change dossiers; analysts read, archivists keep the documents archive, neither edits a dossier. */
const DOSSIER_WRITERS = [StaffRole.SALES_REP, StaffRole.SALES_MANAGER, StaffRole.ADMIN];

/**
 * Every change to a dossier (customer, key person, relationship, project, decision role, trade, credit
 * report): a rep or manager changes what they can see (their book, scope.ts), an admin anything.
 */
export function requireDossierWriter(ctx: Context): Staff {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  if (!DOSSIER_WRITERS.includes(viewer.role)) throw forbidden('Your role reads dossiers and changes none');
  return viewer;
}

/** Whether `staffId` is below the manager on the reporting line (staff_line, transitive). */
async function manages(em: EntityManager, managerId: string, staffId: string): Promise<boolean> {
  const rows = await em.execute('select 1 from staff_line where manager_id = ? and staff_id = ?', [
    managerId,
    staffId,
  ]);
  return rows.length > 0;
}

/** Whether the viewer's role changes dossiers at all: requireDossierWriter's rule, as a flag for the client. */
export const writesDossiers = (viewer: Staff | null): boolean =>
  viewer !== null && DOSSIER_WRITERS.includes(viewer.role);

/**
 * Of `staffIds`, those whose book the viewer may put work into: an admin anyone's, a manager their own or
 * that of someone below them (staff_line, transitive), a rep only their own. One statement at most.
 */
async function actableStaff(em: EntityManager, viewer: Staff, staffIds: readonly string[]) {
  if (viewer.role === StaffRole.ADMIN) return new Set(staffIds);
  const actable = new Set(staffIds.filter((id) => id === viewer.id));
  const others = staffIds.filter((id) => id !== viewer.id);
  if (viewer.role !== StaffRole.SALES_MANAGER || others.length === 0) return actable;
  const rows = await em.execute<Array<{ staff_id: string }>>(
    'select staff_id from staff_line where manager_id = ? and staff_id in (?)',
    [viewer.id, others],
  );
  for (const row of rows) actable.add(row.staff_id);
  return actable;
}

/** Whose book the viewer may put work into (actableStaff): recording a relationship, naming an owner. */
export async function mayActFor(em: EntityManager, viewer: Staff, staffId: string): Promise<boolean> {
  return (await actableStaff(em, viewer, [staffId])).has(staffId);
}

/**
 * Per staff member, whether the viewer may record their relationships and give them customers: a dossier
 * writer (requireDossierWriter) acting for them (mayActFor). The same two rules as the mutations, batched,
 * so the client shows exactly the actions that will be accepted.
 */
export const mayActForStaff: LoaderFactory<DataLoader<string, boolean>> = (em, viewer) =>
  new DataLoader(async (staffIds) => {
    if (!viewer || !writesDossiers(viewer)) return staffIds.map(() => false);
    const actable = await actableStaff(em, viewer, staffIds);
    return staffIds.map((id) => actable.has(id));
  });

/**
 * `setRelationshipState`: a relationship is the staff member's own account of a contact, so a rep records
 * only their own; a manager their own and, as the reporting line's head, their reps'; an admin anyone's.
 */
export async function assertMayRecordRelationshipOf(em: EntityManager, viewer: Staff, staffId: string) {
  if (!(await mayActFor(em, viewer, staffId))) throw forbidden('You record only your own relationships');
}

/**
 * Naming a customer's owner moves the dossier into someone's book: a rep may only take it themselves
 * (e.g. a customer they created), a manager give it to themselves or one of their reps, an admin anyone.
 */
export async function assertMayAssignOwner(em: EntityManager, viewer: Staff, staffId: string) {
  if (!(await mayActFor(em, viewer, staffId)))
    throw forbidden('You may assign customers only within your team');
}

/**
 * `transferCustomers`: handing a whole book over is an admin's call, or a manager's between two reps they
 * manage (transitively); nobody else's.
 */
export async function assertMayHandOver(em: EntityManager, viewer: Staff, fromId: string, toId: string) {
  if (viewer.role === StaffRole.ADMIN) return;
  if (viewer.role === StaffRole.SALES_MANAGER) {
    if ((await manages(em, viewer.id, fromId)) && (await manages(em, viewer.id, toId))) return;
    throw forbidden('You hand over only between the reps you manage');
  }
  throw forbidden('Handing over customers is for sales managers and admins');
}

/**
 * Who may read the personal data (profile, phones, e-mail) of a customer's key persons: an admin, the
 * customer's owner, and every manager above the owner (staff_line, transitive). One statement per batch of
 * customers; analysts and archivists never, without asking the database.
 */
export const personalDataAllowed: LoaderFactory<DataLoader<string, boolean>> = (em, viewer) =>
  new DataLoader(async (customerIds) => {
    if (!viewer || !PERSONAL_DATA_ROLES.has(viewer.role)) return customerIds.map(() => false);
    if (isAdmin(viewer)) return customerIds.map(() => true);
    const rows = await em.execute<Array<{ id: string }>>(
      `select c.id from customer c where c.id in (?) and (c.owner_id = ? or exists (
         select 1 from staff_line l where l.staff_id = c.owner_id and l.manager_id = ?))`,
      [[...customerIds], viewer.id, viewer.id],
    );
    const allowed = new Set(rows.map((row) => row.id));
    return customerIds.map((id) => allowed.has(id));
  });

const PERSONAL_DATA_ROLES: ReadonlySet<StaffRole> = new Set([
  StaffRole.ADMIN,
  StaffRole.SALES_MANAGER,
  StaffRole.SALES_REP,
]);

/**
 * The same rule as `personalDataAllowed`, as an SQL condition on a staff member (`staffAlias`) and a
 * customer (`customerAlias`), for statements that pick recipients rather than check one viewer (the care
 * reminders: a birthday is personal data).
 */
export const personalDataReaderSql = (staffAlias: string, customerAlias: string): string =>
  `(${staffAlias}.role in (${[...PERSONAL_DATA_ROLES].map((role) => `'${role}'`).join(', ')})
    and (${staffAlias}.role = '${StaffRole.ADMIN}' or ${customerAlias}.owner_id = ${staffAlias}.id
      or exists (select 1 from staff_line l where l.staff_id = ${customerAlias}.owner_id and l.manager_id = ${staffAlias}.id)))`;

/** Whether the viewer may read (and so change) the personal data of the key persons of `customerId`. */
export function mayReadPersonalData(ctx: Context, customerId: string): Promise<boolean> {
  return ctx.loaders.get(personalDataAllowed).load(customerId);
}

/** Changing personal data is for those who may read it; anyone else is refused before anything is written. */
export async function requirePersonalDataAccess(ctx: Context, customerId: string): Promise<void> {
  if (!(await mayReadPersonalData(ctx, customerId))) {
    throw forbidden('Only the owner, their managers and admins may change personal data');
  }
}

/** Key person fields that are personal data: its phones, e-mail and every part of its profile. */
export const PERSONAL_KEY_PERSON_FIELDS: ReadonlySet<string> = new Set(['mobile', 'officePhone', 'email']);

/** Whether a history field (as FieldChange.field names it) holds personal data. */
export function isPersonalField(entityType: string, field: string): boolean {
  return (
    entityType === 'KeyPerson' && (PERSONAL_KEY_PERSON_FIELDS.has(field) || field.startsWith('profile.'))
  );
}

/**
 * The documents (aliased `documentAlias`) the viewer may see a row of: those filed in a dossier they may
 * read. Every list and lookup of documents and of their loans passes through here, so a finer rule (per
 * level, per role) has one place to go; the customer's own rule stays in scope.ts.
 */
export function visibleDocuments(
  query: Knex.QueryBuilder,
  documentAlias: string,
  viewer: Staff,
): Knex.QueryBuilder {
  return query.whereExists(function dossierReadable(this: Knex.QueryBuilder) {
    const dossier = this.select(1)
      .from('customer as dossier')
      .whereRaw('dossier.id = ??', [`${documentAlias}.customer_id`]);
    visibleCustomers(dossier, 'dossier', viewer);
  });
}

/**
 * The weekly check (客服部主管每周一检查): a sales manager checks the dossiers their own reps changed, an admin
 * anyone's; nobody else gives a verdict. Which dossiers: the list (weekly-check.query.ts), visibility-scoped.
 */
export const requireWeeklyChecker = (ctx: Context): Staff =>
  requireRole(ctx, StaffRole.SALES_MANAGER, StaffRole.ADMIN);

/** Who reads the managers' verdicts: the sales line (of the dossiers they read) and admins; analysts and archivists not. */
const WEEKLY_CHECK_READERS: ReadonlySet<StaffRole> = new Set([
  StaffRole.SALES_REP,
  StaffRole.SALES_MANAGER,
  StaffRole.ADMIN,
]);

export const readsWeeklyChecks = (viewer: Staff | null): boolean =>
  viewer !== null && WEEKLY_CHECK_READERS.has(viewer.role);

/** The verdicts' lists (returned dossiers): refused outright to the roles that read none. */
export function requireWeeklyCheckReader(ctx: Context): Staff {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  if (!readsWeeklyChecks(viewer)) throw forbidden('Your role reads no weekly checks');
  return viewer;
}
