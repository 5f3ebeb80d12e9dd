import {
  CUSTOMER_SHEET_FIELDS,
  isSheetOption,
  type SheetField,
  SheetFieldKind,
  sheetFieldOf,
} from '@dossier/domain';
import { badInput } from '../../core/errors.js';
import {
  optionalDate,
  optionalPhone,
  optionalText,
  optionalWebsite,
  requiredText,
} from '../../core/validation.js';
import type { Customer } from '../customer/customer.entity.js';
import type { SheetValues } from './customer-sheet-link.entity.js';

/**
 * The customer's sheet fields read and written generically, by the names of CUSTOMER_SHEET_FIELDS: a field
 * appended there (a customer characteristic) is read, validated, proposed and accepted with no change here.
 */
type SheetHolder = Record<string, unknown>;

const asText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** The object holding a sheet field on the customer, and the property's name there: `characteristics.x`. */
function holderOf(customer: Customer, field: string): [SheetHolder, string] {
  const path = field.split('.');
  const property = path.pop() as string;
  let holder = customer as unknown as SheetHolder;
  for (const step of path) holder = holder[step] as SheetHolder;
  return [holder, property];
}

/** The customer's current values of every sheet field. */
export function sheetValuesOf(customer: Customer): SheetValues {
  return Object.fromEntries(
    CUSTOMER_SHEET_FIELDS.map(({ field }) => {
      const [holder, property] = holderOf(customer, field);
      return [field, asText(holder[property])];
    }),
  );
}

/** A value as the customer record takes it, checked by the field's kind; `path` names it in an error. */
export function sheetValue(sheetField: SheetField, value: string | null, path: string): string | null {
  const { kind, maxLength, required } = sheetField;
  if (kind === SheetFieldKind.PHONE) return optionalPhone(path, value);
  if (kind === SheetFieldKind.WEBSITE) return optionalWebsite(path, value);
  if (kind === SheetFieldKind.DATE) return optionalDate(path, value);
  const text = required ? requiredText(path, value, maxLength) : optionalText(path, value, maxLength);
  if (kind === SheetFieldKind.ENUM && text !== null && !isSheetOption(sheetField, text)) {
    throw badInput(path, `must be one of ${Object.keys(sheetField.options ?? {}).join(', ')}`);
  }
  if (required && text === null) throw badInput(path, 'must not be empty');
  return text;
}

/** The sheet field named `field`, or BAD_USER_INPUT on `path`: nothing off the sheet is ever written. */
export function sheetFieldNamed(field: string, path: string): SheetField {
  const sheetField = sheetFieldOf(field);
  if (!sheetField) throw badInput(path, `${JSON.stringify(field)} is not a field of the customer's sheet`);
  return sheetField;
}

/** Writes accepted values onto the customer (the flush records them in its history). */
export function applySheetValues(customer: Customer, values: SheetValues): void {
  for (const [field, value] of Object.entries(values)) {
    const [holder, property] = holderOf(customer, field);
    holder[property] = value;
  }
}
