import { CUSTOMER_CHARACTERISTICS } from './customer-characteristics.js';
import { type BilingualLabel, customerNatureLabels, type LabelTable } from './labels.js';

/**
 * The customer's own sheet (客户资料表): the basic-information fields a customer may fill in or confirm
 * through a link, without an account. One list drives the server's validation and write, the public page's
 * form and the rep's review diff: a field appended here (e.g. a customer characteristic) needs no other
 * change, provided the customer record has a property of that name.
 *
 * Left out on purpose: what the company decides about the customer (tier, lifecycle, credit limit, sales
 * region, owner, head office) and its customer number.
 */
export enum SheetFieldKind {
  /** free text up to `maxLength` characters */
  TEXT = 'TEXT',
  /** one of `options` */
  ENUM = 'ENUM',
  /** a phone number (digits, spaces, + - ( ) and an extension) */
  PHONE = 'PHONE',
  /** a website address */
  WEBSITE = 'WEBSITE',
  /** a calendar date, YYYY-MM-DD */
  DATE = 'DATE',
}

export interface SheetField {
  /** The customer's property and its name in the API and the history. */
  field: string;
  kind: SheetFieldKind;
  label: BilingualLabel;
  maxLength: number;
  /** A required field may not be emptied. */
  required: boolean;
  /** For `enum`: the values and their labels. */
  options?: LabelTable<string>;
}

const text = (field: string, zh: string, en: string, maxLength: number, required = false): SheetField => ({
  field,
  kind: SheetFieldKind.TEXT,
  label: { 'zh-CN': zh, en },
  maxLength,
  required,
});

export const CUSTOMER_SHEET_FIELDS: readonly SheetField[] = [
  text('name', '客户名称', 'Company name', 200, true),
  {
    field: 'nature',
    kind: SheetFieldKind.ENUM,
    label: { 'zh-CN': '客户性质', en: 'Nature' },
    maxLength: 20,
    required: true,
    options: customerNatureLabels as LabelTable<string>,
  },
  text('industry', '行业', 'Industry', 100),
  text('city', '城市', 'City', 100),
  text('address', '地址', 'Address', 300),
  {
    field: 'phone',
    kind: SheetFieldKind.PHONE,
    label: { 'zh-CN': '电话', en: 'Phone' },
    maxLength: 50,
    required: false,
  },
  {
    field: 'website',
    kind: SheetFieldKind.WEBSITE,
    label: { 'zh-CN': '网址', en: 'Website' },
    maxLength: 300,
    required: false,
  },
  text('legalRepresentative', '法定代表人', 'Legal representative', 100),
  // The founding anniversary the company greets the customer on (relationship care): theirs to tell.
  {
    field: 'foundedOn',
    kind: SheetFieldKind.DATE,
    label: { 'zh-CN': '成立日期', en: 'Founded on' },
    maxLength: 10,
    required: false,
  },
  ...describedCharacteristics(),
];

/**
 * The characteristics the customer describes in their own words (service area, business scope, philosophy,
 * style), named by their path on the customer as its history names them. The graded ones (capacity,
 * potential, standing, reputation, intent…) are our assessment of the customer: a commercial secret the
 * sheet would show them pre-filled, so they stay off it.
 */
function describedCharacteristics(): SheetField[] {
  return CUSTOMER_CHARACTERISTICS.flatMap((characteristic) =>
    characteristic.kind === 'text'
      ? [
          {
            field: `characteristics.${characteristic.field}`,
            kind: SheetFieldKind.TEXT,
            label: characteristic.label,
            maxLength: characteristic.maxLength,
            required: false,
          },
        ]
      : [],
  );
}

export const sheetFieldOf = (field: string): SheetField | undefined =>
  CUSTOMER_SHEET_FIELDS.find((candidate) => candidate.field === field);

/** A link lives at most this long: long enough for a customer's office to get round to it, no longer. */
export const SHEET_LINK_MAX_DAYS = 14;

/**
 * Requests on the public sheet per client address in a fixed window, counted in PostgreSQL as the API's
 * rate limit is: opening and submitting a sheet takes two or three, guessing tokens takes millions.
 */
export const SHEET_LIMITS = { windowMinutes: 15, perAddress: 30 } as const;

/** Where a link stands, as the rep's list shows it. */
export enum CustomerSheetLinkState {
  OPEN = 'OPEN',
  SUBMITTED = 'SUBMITTED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

export const customerSheetLinkStateLabels: LabelTable<CustomerSheetLinkState> = {
  [CustomerSheetLinkState.OPEN]: { 'zh-CN': '待填写', en: 'Open' },
  [CustomerSheetLinkState.SUBMITTED]: { 'zh-CN': '已提交', en: 'Submitted' },
  [CustomerSheetLinkState.EXPIRED]: { 'zh-CN': '已过期', en: 'Expired' },
  [CustomerSheetLinkState.REVOKED]: { 'zh-CN': '已撤销', en: 'Revoked' },
};

export interface SheetLinkMoments {
  expiresAt: Date;
  submittedAt: Date | null;
  revokedAt: Date | null;
}

/** A submitted sheet stays submitted; otherwise a revocation, then the expiry, closes the link. */
export function sheetLinkState(link: SheetLinkMoments, now: Date): CustomerSheetLinkState {
  if (link.submittedAt) return CustomerSheetLinkState.SUBMITTED;
  if (link.revokedAt) return CustomerSheetLinkState.REVOKED;
  if (link.expiresAt.getTime() <= now.getTime()) return CustomerSheetLinkState.EXPIRED;
  return CustomerSheetLinkState.OPEN;
}

/** How a change came about besides who made it: the history's attribution. */
export enum ChangeVia {
  /** proposed by the customer through a sheet link; the actor is the staff member who accepted it */
  CUSTOMER_LINK = 'CUSTOMER_LINK',
}

export const changeViaLabels: LabelTable<ChangeVia> = {
  [ChangeVia.CUSTOMER_LINK]: { 'zh-CN': '客户通过资料表链接填写', en: 'by the customer, via link' },
};

export interface SheetFieldDiff {
  field: string;
  current: string | null;
  proposed: string | null;
}

/** The fields whose proposed value differs from the current one, in the sheet's order. */
export function sheetDiff(
  current: Readonly<Record<string, string | null>>,
  proposed: Readonly<Record<string, string | null>>,
): SheetFieldDiff[] {
  return CUSTOMER_SHEET_FIELDS.filter(({ field }) => field in proposed)
    .map(({ field }) => ({ field, current: current[field] ?? null, proposed: proposed[field] ?? null }))
    .filter((diff) => diff.current !== diff.proposed);
}

/** Whether a value is one the enum field offers. */
export const isSheetOption = (field: SheetField, value: string) =>
  field.options !== undefined && Object.hasOwn(field.options, value);
