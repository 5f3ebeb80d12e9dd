import { badInput } from '../errors.js';
import { isLocalDate } from '../graphql/scalars.js';

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
      // PostgreSQL stores no U+0000, so no issued cursor holds one; sent on, it breaks the wire protocol.
      const validValue =
        value === null ||
        (typeof value === 'string' && !value.includes('\u0000')) ||
        (typeof value === 'number' && Number.isFinite(value));
      if (validValue && typeof id === 'string' && UUID.test(id)) return { value, id };
    }
  } catch {
    // fall through: a cursor that does not parse is the caller's mistake
  }
  throw badInput(field, 'is not a cursor this API issued');
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const INT4 = 2 ** 31 - 1;

/**
 * The positions a keyset column can hold, one check per column type. A decoded cursor is only well-formed
 * JSON: its value must be checked against the column it is compared with, or a forged one (a name where a
 * score goes, 1e308 for an int) makes PostgreSQL refuse the comparison.
 */
export const positions = {
  text: (value: CursorValue) => typeof value === 'string',
  /** A timestamptz as cursors carry it: ISO with milliseconds, in the years a dossier holds. */
  isoTime: (value: CursorValue) =>
    typeof value === 'string' &&
    ISO_TIME.test(value) &&
    isLocalDate(value.slice(0, 10)) &&
    new Date(value).toISOString() === value,
  localDate: (value: CursorValue) => typeof value === 'string' && isLocalDate(value),
  int: (value: CursorValue) => Number.isSafeInteger(value) && Math.abs(value as number) <= INT4,
  /** numeric(16, 2), as PostgreSQL prints it. */
  decimal: (value: CursorValue) => typeof value === 'string' && /^-?\d{1,14}(\.\d{1,2})?$/.test(value),
} satisfies Record<string, (value: CursorValue) => boolean>;

/**
 * A timestamptz column as `positions.isoTime` takes it: the driver hands raw rows' times over as PostgreSQL
 * prints them in the session's zone, so SQL formats them for a cursor.
 */
export const isoTimeSql = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The cursor's position, when `accepts` it; else the cursor was not issued for this list. */
export function positionOf(cursor: Cursor, accepts: (value: CursorValue) => boolean): CursorValue {
  if (!accepts(cursor.value)) throw badInput('after', 'is not a cursor this API issued');
  return cursor.value;
}
