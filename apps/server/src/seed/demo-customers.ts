import { CustomerLifecycle, CustomerNature, CustomerTier, StaffRole } from '@dossier/domain';
import type { Row } from './bulk-insert.js';
import {
  AGENCIES,
  BRANDS,
  type City,
  DISTRICTS,
  INDIVIDUAL_TRADES,
  LEGAL_FORMS,
  PARTNER_TRADES,
  REGIONS,
  SPECIAL_ENTERPRISES,
  TRADES,
} from './demo-places.js';
import { type Demo, latest } from './demo-random.js';
import type { DemoStaff } from './demo-staff.js';

export const DEMO_CUSTOMERS = 300;
const GROUPS = 12;

export interface DemoCustomer {
  id: string;
  name: string;
  nature: CustomerNature;
  industry: string;
  lifecycle: CustomerLifecycle;
  ownerId: string | null;
  /** Web and e-mail domain; individuals have none. */
  domain: string | null;
  phone: string;
  /** For an individual customer: the person, who heads its key persons. */
  personName: string | null;
  createdAt: Date;
  /** Set from the latest credit report. */
  creditLimit: string | null;
  row: Row;
}

const { GOVERNMENT, SPECIAL, COMPANY, INDIVIDUAL, PARTNER } = CustomerNature;

interface Identity {
  name: string;
  industry: string;
  domain: string | null;
  personName: string | null;
}

function identity(demo: Demo, nature: CustomerNature, city: City, group: boolean): Identity {
  const [brand, brandPinyin] = demo.pick(BRANDS);
  const company = (domain: string) => `${domain}-${city.pinyin}.com.cn`;
  if (nature === GOVERNMENT) {
    const [agency, prefix, industry] = demo.pick(AGENCIES);
    return {
      name: `${city.name}市${agency}`,
      industry,
      domain: `${prefix}.${city.pinyin}.gov.cn`,
      personName: null,
    };
  }
  if (nature === SPECIAL) {
    const [enterprise, prefix, industry] = demo.pick(SPECIAL_ENTERPRISES);
    return { name: `${city.name}${enterprise}`, industry, domain: company(prefix), personName: null };
  }
  if (nature === PARTNER) {
    const [trade, industry] = demo.pick(PARTNER_TRADES);
    return {
      name: `${city.name}${brand}${trade}有限公司`,
      industry,
      domain: company(brandPinyin),
      personName: null,
    };
  }
  if (nature === INDIVIDUAL) {
    const person = demo.faker.person.fullName();
    const trade = demo.pick(INDIVIDUAL_TRADES);
    return { name: `${person}（${trade}）`, industry: trade, domain: null, personName: person };
  }
  const [trade, industry] = demo.pick(TRADES);
  const legal = group ? '集团有限公司' : demo.pick(LEGAL_FORMS);
  return {
    name: `${city.name}${brand}${trade}${legal}`,
    industry,
    domain: company(brandPinyin),
    personName: null,
  };
}

const branchOf = (head: DemoCustomer, city: City): Identity => ({
  name: `${head.name}${city.name}分公司`,
  industry: head.industry,
  domain: head.domain,
  personName: null,
});

/**
 * The book of 300 customers across the seven regions. A dozen groups come with branches (分支机构) in
 * other cities. Each customer belongs to the rep of its region; in 华东 a fifth still sit with the rep
 * who left, and a few prospects have nobody yet.
 */
export function planCustomers(demo: Demo, staff: DemoStaff[]): DemoCustomer[] {
  const reps = staff.filter((s) => s.role === StaffRole.SALES_REP);
  const ownerOf = (region: string, lifecycle: CustomerLifecycle) => {
    if (lifecycle === CustomerLifecycle.PROSPECT && demo.chance(0.04)) return null;
    const [current, former] = [
      reps.find((r) => r.active && r.region === region),
      reps.find((r) => !r.active && r.region === region),
    ];
    return (former && demo.chance(0.2) ? former : current)?.id ?? null;
  };
  const regionTable = REGIONS.map((region) => [region, region.weight] as const);
  const names = new Set<string>();
  const customers: DemoCustomer[] = [];

  const add = (
    nature: CustomerNature,
    tier: CustomerTier,
    lifecycle: CustomerLifecycle,
    parent: DemoCustomer | null,
  ) => {
    const region = demo.weighted(regionTable);
    const city = demo.pick(region.cities);
    const who = parent
      ? branchOf(parent, city)
      : identity(demo, nature, city, tier === CustomerTier.IMPORTANT && nature === COMPANY);
    if (names.has(who.name)) return null;
    names.add(who.name);
    const id = demo.id();
    const code = `C${String(customers.length + 1).padStart(6, '0')}`;
    const createdAt = parent ? latest(parent.createdAt, demo.daysAgo(60, 900)) : demo.daysAgo(60, 1500);
    const phone = `${city.areaCode}-${demo.digits(city.areaCode.length === 3 ? 8 : 7)}`;
    const ownerId = ownerOf(region.name, lifecycle);
    const customer: DemoCustomer = {
      id,
      name: who.name,
      nature,
      industry: who.industry,
      lifecycle,
      ownerId,
      domain: who.domain,
      phone,
      personName: who.personName,
      createdAt,
      creditLimit: null,
      row: {
        id,
        code,
        name: who.name,
        nature,
        tier,
        lifecycle,
        industry: who.industry,
        region: region.name,
        city: city.name,
        address: `${city.name}市${demo.pick(DISTRICTS)}${demo.faker.location.street()}${demo.int(1, 399)}号`,
        phone,
        website: who.domain && nature !== INDIVIDUAL ? `https://www.${who.domain}` : null,
        legal_representative: nature === GOVERNMENT ? null : (who.personName ?? demo.faker.person.fullName()),
        parent_id: parent?.id ?? null,
        owner_id: ownerId,
        credit_limit: null,
        reviewed_at: demo.chance(0.95) ? latest(createdAt, demo.daysAgo(0, 120)) : null,
        created_at: createdAt,
        updated_at: latest(createdAt, demo.daysAgo(0, 90)),
      },
    };
    customers.push(customer);
    return customer;
  };

  let groups = 0;
  while (customers.length < DEMO_CUSTOMERS) {
    const nature = demo.weighted([
      [COMPANY, 55],
      [GOVERNMENT, 12],
      [SPECIAL, 10],
      [PARTNER, 13],
      [INDIVIDUAL, 10],
    ] as const);
    const tier = demo.weighted([
      [CustomerTier.IMPORTANT, 15],
      [CustomerTier.SPECIAL, 15],
      [CustomerTier.GENERAL, 70],
    ] as const);
    const lifecycle = demo.weighted([
      [CustomerLifecycle.PROSPECT, 25],
      [CustomerLifecycle.ACTIVE, 55],
      [CustomerLifecycle.DORMANT, 20],
    ] as const);
    const head = add(nature, tier, lifecycle, null);
    if (!head || groups >= GROUPS || tier !== CustomerTier.IMPORTANT || ![COMPANY, SPECIAL].includes(nature))
      continue;
    groups += 1;
    for (let branch = demo.int(2, 4); branch > 0 && customers.length < DEMO_CUSTOMERS; branch -= 1) {
      add(nature, demo.pick([CustomerTier.SPECIAL, CustomerTier.GENERAL]), CustomerLifecycle.ACTIVE, head);
    }
  }
  return customers;
}

export function customerRow(customer: DemoCustomer): Row {
  return { ...customer.row, credit_limit: customer.creditLimit };
}
