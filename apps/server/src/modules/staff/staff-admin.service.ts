import { AuditEvent, passwordProblem, type StaffRole } from '@dossier/domain';
import type { Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLError } from 'graphql';
import { requireAdmin } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { expectVersion, writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { revokeTokensOf } from '../api-token/api-token.store.js';
import { audit } from '../audit/audit.writer.js';
import { hashPassword } from '../auth/passwords.js';
import { closeSessionsOf } from '../auth/session.store.js';
import type { CreateStaffInput } from './inputs/staff-admin-inputs.js';
import { Staff } from './staff.entity.js';
import { activeStaff } from './staff.service.js';

/** Who performs an administration step: the admin's id (null from the command line) and address. */
export interface AdminActor {
  actorId: string | null;
  address: string | null;
}

const E_MAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(value: string | null | undefined, field: string, required: boolean): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    if (required) throw badInput(field, 'must not be empty');
    return null;
  }
  if (trimmed.length > 100) throw badInput(field, 'must be at most 100 characters');
  return trimmed;
}

function checkPassword(password: string, owner: { email: string; name: string }, field: string): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw badInput(field, problem);
}

/**
 * Creates a staff member with an initial password, in the caller's transaction: shared by the `createStaff`
 * mutation and `pnpm dossier staff:create`, which makes the first admin of a production install.
 */
export async function createStaffMember(
  em: EntityManager,
  input: Omit<CreateStaffInput, 'managerId'> & { manager?: Ref<Staff> | null },
  actor: AdminActor,
): Promise<Staff> {
  const name = text(input.name, 'input.name', true) as string;
  const email = input.email.trim();
  if (email.length > 254 || !E_MAIL.test(email)) throw badInput('input.email', 'must be an e-mail address');
  checkPassword(input.password, { email, name }, 'input.password');
  const [taken] = await em.execute('select 1 from staff where lower(email) = lower(?)', [email]);
  if (taken) throw badInput('input.email', 'is already used by another staff member');

  const staff = new Staff(name, email, input.role);
  staff.title = text(input.title, 'input.title', false);
  staff.department = text(input.department, 'input.department', false);
  staff.manager = input.manager ?? null;
  staff.passwordHash = await hashPassword(input.password);
  await em.persist(staff).flush();
  await audit(em, {
    event: AuditEvent.STAFF_CREATED,
    ...actor,
    subjectId: staff.id,
    detail: { role: staff.role, email },
  });
  return staff;
}

const adminOf = (ctx: Context): AdminActor => ({ actorId: requireAdmin(ctx).id, address: ctx.address });

export function createStaff(ctx: Context, input: CreateStaffInput) {
  const actor = adminOf(ctx);
  return writeTransaction(ctx, async (em) => {
    const manager = input.managerId ? await activeStaff(em, input.managerId, 'input.managerId') : null;
    return createStaffMember(em, { ...input, manager }, actor);
  });
}

/** The staff member an administration step is about, at the version the admin read. */
async function target(em: EntityManager, globalId: string, expectedVersion: number | null): Promise<Staff> {
  const staff = await em.findOne(Staff, { id: idOf(globalId, 'Staff', 'id') });
  if (!staff) throw notFound('Staff', globalId, 'id');
  if (expectedVersion !== null) expectVersion(staff, expectedVersion);
  return staff;
}

/** An admin who demoted or deactivated themselves could leave the company with no admin at all. */
function notSelf(actor: AdminActor, staff: Staff, what: string): void {
  if (actor.actorId === staff.id) throw badInput('id', `is you: ask another admin to ${what}`);
}

export function setStaffRole(ctx: Context, id: string, expectedVersion: number, role: StaffRole) {
  const actor = adminOf(ctx);
  return writeTransaction(ctx, async (em) => {
    const staff = await target(em, id, expectedVersion);
    if (staff.role === role) return staff;
    notSelf(actor, staff, 'change your role');
    const before = staff.role;
    staff.role = role;
    await em.flush();
    await audit(em, {
      event: AuditEvent.ROLE_CHANGED,
      ...actor,
      subjectId: staff.id,
      detail: { before, after: role },
    });
    return staff;
  });
}

/** Whether `staffId` is `managerId` or above it in the reporting line: then the new line would be a loop. */
async function wouldLoop(em: EntityManager, staffId: string, managerId: string): Promise<boolean> {
  const [row] = await em.execute<Array<{ loop: boolean }>>(
    `with recursive line (id, manager_id) as (
       select id, manager_id from staff where id = ?
       union
       select s.id, s.manager_id from staff s join line l on s.id = l.manager_id
     )
     select exists (select 1 from line where id = ?) as loop`,
    [managerId, staffId],
  );
  return row?.loop ?? false;
}

export function setStaffManager(ctx: Context, id: string, expectedVersion: number, managerId: string | null) {
  const actor = adminOf(ctx);
  return writeTransaction(ctx, async (em) => {
    const staff = await target(em, id, expectedVersion);
    const manager = managerId ? await activeStaff(em, managerId, 'managerId') : null;
    if (manager && (await wouldLoop(em, staff.id, manager.id))) {
      throw badInput('managerId', 'reports to this staff member already: a manager line cannot loop');
    }
    if ((staff.manager?.id ?? null) === (manager?.id ?? null)) return staff;
    const before = staff.manager?.id ?? null;
    staff.manager = manager;
    await em.flush();
    await audit(em, {
      event: AuditEvent.MANAGER_CHANGED,
      ...actor,
      subjectId: staff.id,
      detail: { before, after: manager?.id ?? null },
    });
    return staff;
  });
}

/** Sets a new password and signs the staff member out everywhere; the password is in no history or log. */
export function resetStaffPassword(ctx: Context, id: string, password: string) {
  const actor = adminOf(ctx);
  return writeTransaction(ctx, async (em) => {
    const staff = await target(em, id, null);
    checkPassword(password, staff, 'password');
    staff.passwordHash = await hashPassword(password);
    await em.flush();
    await closeSessionsOf(em, staff.id);
    await audit(em, { event: AuditEvent.PASSWORD_RESET, ...actor, subjectId: staff.id });
    return staff;
  });
}

/** What transferCustomers hands over: the customers, projects and relationships on someone's book. */
interface Book {
  customers: number;
  projects: number;
  relationships: number;
}

async function bookOf(em: EntityManager, staffId: string): Promise<Book> {
  const [book] = await em.execute<Book[]>(
    `select (select count(*)::int from customer where owner_id = ?) as customers,
            (select count(*)::int from project where owner_id = ?) as projects,
            (select count(*)::int from relationship where staff_id = ?) as relationships`,
    [staffId, staffId, staffId],
  );
  return book ?? { customers: 0, projects: 0, relationships: 0 };
}

function bookNotEmpty(book: Book): GraphQLError {
  const error = badInput(
    'id',
    `still holds ${book.customers} customer(s), ${book.projects} project(s) and ${book.relationships} relationship(s): hand them over with transferCustomers before deactivating`,
  );
  Object.assign(error.extensions, { book });
  return error;
}

/**
 * Marks a staff member as having left: only once their book is empty (customers, projects and relationships
 * are the company's, and need someone active behind them), ending their sessions and revoking their API tokens. Nothing is deleted:
 * their name stays on every change they made.
 */
export function deactivateStaff(ctx: Context, id: string, expectedVersion: number) {
  const actor = adminOf(ctx);
  return writeTransaction(ctx, async (em) => {
    const staff = await target(em, id, expectedVersion);
    if (!staff.active) return staff;
    notSelf(actor, staff, 'deactivate you');
    const book = await bookOf(em, staff.id);
    if (book.customers + book.projects + book.relationships > 0) throw bookNotEmpty(book);
    staff.active = false;
    await em.flush();
    await closeSessionsOf(em, staff.id);
    const tokensRevoked = await revokeTokensOf(em, staff.id);
    await audit(em, {
      event: AuditEvent.STAFF_DEACTIVATED,
      ...actor,
      subjectId: staff.id,
      detail: { tokensRevoked },
    });
    return staff;
  });
}
