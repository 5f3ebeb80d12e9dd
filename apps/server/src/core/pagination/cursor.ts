import { badInput } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type CursorValue = string | number | null;

/** A keyset position: the sort value and the id of the last row seen. Opaque to clients. */
export interface Cursor {
  value: CursorValue;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [value, id] = parsed as [unknown, unknown];
      const validValue = value === null || typeof value === 'string' || typeof value === 'number';
      if (validValue && typeof id === 'string' && UUID.test(id)) return { value, id };
    }
  } catch {
    // fall through: a cursor that does not parse is the caller's mistake
  }
  throw badInput(field, 'is not a cursor this API issued');
}
