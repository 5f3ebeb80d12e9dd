import { CUSTOMER_CHARACTERISTICS } from '@dossier/domain';
import type { Knex } from '@mikro-orm/postgresql';
import { containsPattern } from '../../core/pagination/keyset.js';
import { optionalText } from '../../core/validation.js';
import type { Customer } from './customer.entity.js';
import { CustomerCharacteristics } from './customer-characteristics.embeddable.js';
import type {
  CustomerCharacteristicsFilter,
  CustomerCharacteristicsInput,
} from './inputs/characteristics-inputs.js';

type Values = Record<string, string | null>;

/** The column of a characteristic: its field in snake case, as the embeddable maps it without a prefix. */
export const characteristicColumn = (field: string) =>
  field.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);

/**
 * Writes the characteristics `input` names onto the customer (null clears them all). Text is trimmed and
 * checked against the descriptor's length, BAD_USER_INPUT naming `<path>.<field>`; levels arrive checked
 * by their GraphQL enum (or the import's reading of them).
 */
export function applyCharacteristics(
  customer: Customer,
  input: CustomerCharacteristicsInput | null,
  path = 'input.characteristics',
): void {
  const next = input === null ? new CustomerCharacteristics() : customer.characteristics;
  const values = next as unknown as Values;
  const given = (input ?? {}) as Values;
  for (const characteristic of CUSTOMER_CHARACTERISTICS) {
    const value = given[characteristic.field];
    if (value === undefined) continue;
    values[characteristic.field] =
      characteristic.kind === 'text'
        ? optionalText(`${path}.${characteristic.field}`, value, characteristic.maxLength)
        : value;
  }
  customer.characteristics = next;
}

/** The characteristics conditions of the customer list, on `customer as c`. */
export function applyCharacteristicsFilter(query: Knex.QueryBuilder, filter: CustomerCharacteristicsFilter) {
  const given = filter as Record<string, string | readonly string[] | null | undefined>;
  for (const characteristic of CUSTOMER_CHARACTERISTICS) {
    const value = given[characteristic.field];
    const column = `c.${characteristicColumn(characteristic.field)}`;
    if (characteristic.kind === 'enum' && Array.isArray(value) && value.length > 0) {
      query.whereIn(column, value);
    } else if (characteristic.kind === 'text' && typeof value === 'string' && value.trim() !== '') {
      query.where(column, 'ilike', containsPattern(value.trim()));
    }
  }
}
