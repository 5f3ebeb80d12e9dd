import {
  customerLifecycleLabels,
  customerNatureLabels,
  customerTierLabels,
  type LabelTable,
} from '@dossier/domain';
import type { BasicSheet_CustomerFragment, UpdateCustomerInput } from '../../../apollo/generated';
import type { PlainMessageKey } from '../../../i18n';

/** The editable fields of the basic sheet, in the order shown, with their label and kind. */
export const BASIC_FIELDS = [
  { name: 'name', label: 'basic.name', required: true },
  { name: 'nature', label: 'basic.nature', options: customerNatureLabels },
  { name: 'tier', label: 'basic.tier', options: customerTierLabels },
  { name: 'lifecycle', label: 'basic.lifecycle', options: customerLifecycleLabels },
  { name: 'industry', label: 'basic.industry' },
  { name: 'region', label: 'basic.region' },
  { name: 'city', label: 'basic.city' },
  { name: 'address', label: 'basic.address' },
  { name: 'phone', label: 'basic.phone' },
  { name: 'website', label: 'basic.website' },
  { name: 'legalRepresentative', label: 'basic.legalRepresentative' },
  { name: 'foundedOn', label: 'basic.foundedOn', date: true },
  { name: 'creditLimit', label: 'basic.creditLimit', decimal: true },
] as const satisfies ReadonlyArray<{
  name: keyof UpdateCustomerInput & keyof BasicSheet_CustomerFragment;
  label: PlainMessageKey;
  required?: boolean;
  decimal?: boolean;
  /** A calendar day (YYYY-MM-DD), picked with the device's date picker. */
  date?: boolean;
  options?: LabelTable<string>;
}>;

export type BasicField = (typeof BASIC_FIELDS)[number];
export type BasicFieldName = BasicField['name'];

/** The sheet as the form edits it: every field a string, '' for empty. */
export type BasicDraft = Record<BasicFieldName, string>;

export function draftOf(customer: BasicSheet_CustomerFragment): BasicDraft {
  return Object.fromEntries(BASIC_FIELDS.map(({ name }) => [name, customer[name] ?? ''])) as BasicDraft;
}

/** The fields whose value differs between two drafts. */
export function changedFields(before: BasicDraft, after: BasicDraft): BasicFieldName[] {
  return BASIC_FIELDS.map((f) => f.name).filter((name) => before[name] !== after[name]);
}

/**
 * The mutation input for what the user changed since `base`: only those fields, so a re-applied
 * edit does not overwrite what someone else changed in the meantime; '' clears a field.
 */
export function inputOf(base: BasicDraft, draft: BasicDraft): UpdateCustomerInput {
  const input: Record<string, string | null> = {};
  for (const name of changedFields(base, draft))
    input[name] = draft[name].trim() === '' ? null : draft[name].trim();
  return input as UpdateCustomerInput;
}
