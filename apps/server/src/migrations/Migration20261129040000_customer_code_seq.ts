import { Migration } from '@mikro-orm/migrations';

/**
 * Imports used to leave customer_code_seq behind the codes they wrote, so createCustomer could generate a
 * code already taken. Imports now move the sequence themselves; this moves it once past the codes of the
 * generated pattern ("C" and at least six digits, as customer-code.ts writes them) already stored.
 */
export class Migration20261129040000_customer_code_seq extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      select setval('customer_code_seq', taken.highest)
      from (select max(substring(code from 2)::bigint) as highest from customer
            where code ~ '^C([0-9]{6}|[1-9][0-9]{6,17})$') taken, customer_code_seq seq
      where taken.highest >= seq.last_value + seq.is_called::int`);
  }

  override async down(): Promise<void> {
    // Nothing to undo: a sequence ahead of the codes only leaves a gap in the generated numbers.
  }
}
