import { mayHoldApiTokens, StaffRole } from '@dossier/domain';
import type { GraphQLError, OperationTypeNode } from 'graphql';
import type { Staff } from '../../modules/staff/staff.entity.js';
import type { Context } from '../context.js';
import { forbidden, unauthenticated } from '../errors.js';

/**
 * What a role may do, beside which rows it sees (scope.ts). The access-control issue grows this into the
 * full policy; for now staff administration and the audit log are the administrators' alone.
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
