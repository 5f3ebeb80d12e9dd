import { badInput } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isUuid = (value: string): boolean => UUID.test(value);

/** Relay global id: opaque to clients, "<Type>:<uuid>" inside. */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function parseGlobalId(globalId: string): { type: string; id: string } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const [type, id, ...rest] = decoded.split(':');
  if (!type || !id || rest.length > 0 || !UUID.test(id)) return null;
  return { type, id };
}

/** The uuid behind a global id of `type`; anything else is the caller's mistake, named by `field`. */
export function idOf(globalId: string, type: string, field: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed || parsed.type !== type) throw badInput(field, `is not a ${type} id`);
  return parsed.id;
}
