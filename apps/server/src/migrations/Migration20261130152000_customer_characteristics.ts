import { Migration } from '@mikro-orm/migrations';

const LEVEL = "in ('HIGH', 'MEDIUM', 'LOW')";

/**
 * Customer characteristics (客户特征, issue 13): nullable columns on the customer, each level checked against
 * its enum so a set-based import cannot store a value the API would not answer. Spelled out rather than
 * generated from CUSTOMER_CHARACTERISTICS: a migration must not change when the descriptor does.
 */
export class Migration20261130152000_customer_characteristics extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table customer
      add column service_area text,
      add column business_scope text,
      add column sales_capacity text check (sales_capacity ${LEVEL}),
      add column growth_potential text check (growth_potential ${LEVEL}),
      add column business_philosophy text,
      add column business_style text,
      add column industry_standing text check (industry_standing in ('LEADER', 'MAJOR', 'FOLLOWER', 'NICHE')),
      add column market_influence text check (market_influence ${LEVEL}),
      add column distribution_capability text check (distribution_capability ${LEVEL}),
      add column capital_strength text check (capital_strength ${LEVEL}),
      add column reputation text check (reputation in ('GOOD', 'FAIR', 'POOR')),
      add column cooperation_intent text check (cooperation_intent in ('STRONG', 'MODERATE', 'WEAK', 'NONE'))`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table customer
      drop column service_area, drop column business_scope, drop column sales_capacity,
      drop column growth_potential, drop column business_philosophy, drop column business_style,
      drop column industry_standing, drop column market_influence, drop column distribution_capability,
      drop column capital_strength, drop column reputation, drop column cooperation_intent`);
  }
}
