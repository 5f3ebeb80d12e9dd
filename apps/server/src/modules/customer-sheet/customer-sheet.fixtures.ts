import type { testDatabase } from '../../../test/harness.js';
import type { Staff } from '../staff/staff.entity.js';

type Db = Awaited<ReturnType<typeof testDatabase>>;

export const CREATE_LINK = `mutation ($c: ID!, $d: Int) {
  createCustomerSheetLink(customerId: $c, expiresInDays: $d) { url link { id version state expiresAt } }
}`;
export const OPEN = `query ($t: String!) {
  sheetByToken(token: $t) { expiresAt fields { field kind required maxLength options value } }
}`;
export const SUBMIT = `mutation ($t: String!, $v: [SheetFieldValueInput!]!) {
  submitCustomerSheet(token: $t, values: $v)
}`;
export const REVIEW = `mutation ($id: ID!, $v: Int!, $a: [String!]!) {
  reviewCustomerSheet(id: $id, expectedVersion: $v, accept: $a) { id version state acceptedFields reviewedBy { name } }
}`;

export interface CreatedLink {
  url: string;
  token: string;
  id: string;
  version: number;
}

/** A new link for the customer, by `viewer`; the secret is the last segment of its address. */
export async function createLink(
  db: Db,
  viewer: Staff,
  customerId: string,
  days?: number,
): Promise<CreatedLink> {
  const result = await db.execute<{
    createCustomerSheetLink: { url: string; link: { id: string; version: number } };
  }>(CREATE_LINK, { c: customerId, d: days ?? null }, { viewer });
  const created = result.data?.createCustomerSheetLink;
  if (!created) throw new Error(JSON.stringify(result.errors));
  return { url: created.url, token: created.url.split('/').pop() ?? '', ...created.link };
}

/** The customer submits `values` through the link, anonymously. */
export async function submit(
  db: Db,
  token: string,
  values: Record<string, string | null>,
  address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
) {
  const v = Object.entries(values).map(([field, value]) => ({ field, value }));
  return db.execute<{ submitCustomerSheet: boolean }>(SUBMIT, { t: token, v }, { address });
}
