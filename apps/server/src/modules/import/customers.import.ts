import { randomUUID } from 'node:crypto';
import {
  CUSTOMER_CHARACTERISTICS,
  CustomerLifecycle,
  CustomerNature,
  CustomerTier,
  customerLifecycleLabels,
  customerNatureLabels,
  customerTierLabels,
} from '@dossier/domain';
import { currentClock } from '../../core/clock/current-clock.js';
import { Customer } from '../customer/customer.entity.js';
import { CUSTOMER_CODE } from '../customer/customer.service.js';
import { characteristicColumn } from '../customer/customer-characteristics.js';
import { reserveCustomerCodes } from '../customer/customer-code.js';
import { recordCreates } from '../history/history.writer.js';
import { choices, type RowReader } from './import.cells.js';
import { staffByKey, staffIdOf, takenCustomerCodes } from './import.lookups.js';
import {
  flagRepeats,
  type ImportPlan,
  type PlanContext,
  parseRows,
  present,
  problemsOf,
} from './import.plan.js';
import { columnsOf, inChunks, unnest } from './import.sql.js';

const NATURES = choices(customerNatureLabels);
const TIERS = choices(customerTierLabels);
const LIFECYCLES = choices(customerLifecycleLabels);

const CHARACTERISTIC_CHOICES = new Map(
  CUSTOMER_CHARACTERISTICS.map((c) => [c.field, choices(c.kind === 'enum' ? c.labels : {})]),
);

/** A row's characteristics: levels by value or label in either language, text as long as the API allows. */
function readCharacteristics(r: RowReader): Record<string, string | null> {
  return Object.fromEntries(
    CUSTOMER_CHARACTERISTICS.map((c) => [
      c.field,
      c.kind === 'text'
        ? r.text(c.field, c.maxLength)
        : r.choice(c.field, CHARACTERISTIC_CHOICES.get(c.field) ?? new Map(), null),
    ]),
  );
}

/** The characteristics' insert columns, named as the customer table names them. */
const characteristicColumns = Object.fromEntries(
  CUSTOMER_CHARACTERISTICS.map((c) => [
    characteristicColumn(c.field),
    [
      'text',
      (record: { characteristics: Record<string, string | null> }) => record.characteristics[c.field] ?? null,
    ],
  ]),
) as Record<string, ['text', (record: { characteristics: Record<string, string | null> }) => string | null]>;

/** A customer sheet (客户基本情况表) row by row: new customers only; a code already taken is refused. */
export async function planCustomers(context: PlanContext): Promise<ImportPlan> {
  const parsed = parseRows(context, (r) => {
    const code = r.required('code', 32);
    if (code !== null && !CUSTOMER_CODE.test(code))
      r.fail('code', 'must be 1–32 letters, digits, ".", "_" or "-"');
    return {
      id: randomUUID(),
      code,
      name: r.required('name', 200),
      // Spreadsheets seldom say; an ordinary company is what most customers are.
      nature: r.choice('nature', NATURES, CustomerNature.COMPANY),
      tier: r.choice('tier', TIERS, CustomerTier.GENERAL),
      lifecycle: r.choice('lifecycle', LIFECYCLES, CustomerLifecycle.PROSPECT),
      industry: r.text('industry', 100),
      region: r.text('region', 100),
      city: r.text('city', 100),
      address: r.text('address', 300),
      phone: r.phone('phone'),
      website: r.website('website'),
      legalRepresentative: r.text('legalRepresentative', 100),
      foundedOn: r.date('foundedOn', false),
      creditLimit: r.amount('creditLimit'),
      owner: r.text('owner', 254),
      ownerId: null as string | null,
      characteristics: readCharacteristics(r),
    };
  });
  flagRepeats(parsed, 'code', (record) => record.code);
  const taken = await takenCustomerCodes(context.em, present(parsed.map(({ record }) => record.code)));
  const staff = await staffByKey(context.em, present(parsed.map(({ record }) => record.owner)));
  const today = currentClock().today();
  for (const { reader, record } of parsed) {
    if (record.foundedOn && record.foundedOn > today) reader.fail('foundedOn', 'must not be in the future');
    if (record.code !== null && taken.has(record.code))
      reader.fail('code', `"${record.code}" already exists`);
    if (record.owner !== null) record.ownerId = staffIdOf(reader, 'owner', staff.get(record.owner), true);
  }
  const customers = parsed.map(({ record }) => record);
  return {
    problems: problemsOf(parsed),
    counts: { customers: customers.length },
    write: async (em, batch, progress) => {
      // Codes of the generated pattern (C000123) must not be handed out again by createCustomer.
      await reserveCustomerCodes(
        em,
        customers.map((c) => c.code),
      );
      progress.phase('writing customers', customers.length);
      return inChunks(customers, progress, async (chunk) => {
        const rows = unnest(
          columnsOf(chunk, {
            id: ['uuid', (c) => c.id],
            code: ['text', (c) => c.code],
            name: ['text', (c) => c.name],
            nature: ['text', (c) => c.nature],
            tier: ['text', (c) => c.tier],
            lifecycle: ['text', (c) => c.lifecycle],
            industry: ['text', (c) => c.industry],
            region: ['text', (c) => c.region],
            city: ['text', (c) => c.city],
            address: ['text', (c) => c.address],
            phone: ['text', (c) => c.phone],
            website: ['text', (c) => c.website],
            legal_representative: ['text', (c) => c.legalRepresentative],
            founded_on: ['date', (c) => c.foundedOn],
            credit_limit: ['numeric', (c) => c.creditLimit],
            owner_id: ['uuid', (c) => c.ownerId],
            ...characteristicColumns,
          }),
        );
        const insert = `insert into customer (${rows.columns}) select * from ${rows.from}
            returning *, id as customer_id`;
        await recordCreates(em, batch, { entity: Customer, created: insert, params: rows.params });
      });
    },
  };
}
