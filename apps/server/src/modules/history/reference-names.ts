import { historyFieldOf } from '@dossier/domain';
import type { Context } from '../../core/context.js';
import { isUuid, parseGlobalId } from '../../core/graphql/global-id.js';
import { competitorById } from '../competitor/competitor.loaders.js';
import { customerById } from '../customer/customer.loaders.js';
import { documentById } from '../document/document.loaders.js';
import { keyPersonById } from '../key-person/key-person.loaders.js';
import { projectById } from '../project/project.loaders.js';
import { staffById } from '../staff/staff.loaders.js';
import { orderById } from '../trade/trade.loaders.js';

type NameOf = (ctx: Context, id: string) => Promise<string | null>;

/**
 * How a record a history value points at is named, by its type. Each goes through that type's per-request
 * loader, so the names of a whole history page cost one statement per referenced type, and a customer or
 * key person the viewer may not see (or a deleted record) has no name.
 */
const NAMES: Readonly<Record<string, NameOf>> = {
  Competitor: async (ctx, id) => (await ctx.loaders.get(competitorById).load(id))?.name ?? null,
  Customer: async (ctx, id) => (await ctx.loaders.get(customerById).load(id))?.name ?? null,
  Document: async (ctx, id) => (await ctx.loaders.get(documentById).load(id))?.title ?? null,
  KeyPerson: async (ctx, id) => (await ctx.loaders.get(keyPersonById).load(id))?.displayName ?? null,
  Order: async (ctx, id) => (await ctx.loaders.get(orderById).load(id))?.number ?? null,
  Project: async (ctx, id) => (await ctx.loaders.get(projectById).load(id))?.name ?? null,
  Staff: async (ctx, id) => (await ctx.loaders.get(staffById).load(id))?.name ?? null,
};

/** The uuid a stored reference holds: a global id of the type, or a plain uuid copied beside one. */
function referencedId(value: string, type: string): string | null {
  const parsed = parseGlobalId(value);
  if (parsed) return parsed.type === type ? parsed.id : null;
  return isUuid(value) ? value : null;
}

/**
 * The name of the record a history value of `entityType.field` refers to; null for a value that is no
 * reference, refers to a type without names (a merged relationship), or to a record gone or out of sight.
 */
export async function referenceName(
  ctx: Context,
  entityType: string,
  field: string,
  value: string | null,
): Promise<string | null> {
  const kind = historyFieldOf(entityType, field)?.value;
  if (value === null || kind?.kind !== 'reference' || !Object.hasOwn(NAMES, kind.type)) return null;
  const id = referencedId(value, kind.type);
  return id ? (NAMES[kind.type] as NameOf)(ctx, id) : null;
}
