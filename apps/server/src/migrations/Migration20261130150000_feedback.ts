import { Migration } from '@mikro-orm/migrations';

const audited = `
  id uuid primary key,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1`;

const oneOf = (column: string, values: string[]) =>
  `${column} text not null check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`;

const score = (aspect: string) => `${aspect}_score smallint not null check (${aspect}_score between 1 and 5)`;

/**
 * Customer feedback (客户意见反馈, issue 13): complaints and opinions with their handling, and satisfaction
 * surveys (客户满意度调查), one per customer and day. A closed feedback has its result and closing time.
 */
export class Migration20261130150000_feedback extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table feedback (${audited},
      customer_id uuid not null references customer (id) on delete cascade,
      ${oneOf('kind', ['COMPLAINT', 'OPINION'])},
      ${oneOf('channel', ['PHONE', 'EMAIL', 'VISIT', 'WECHAT', 'OTHER'])},
      ${oneOf('category', ['PRODUCT', 'DELIVERY', 'SERVICE', 'PRICE', 'OTHER'])},
      ${oneOf('severity', ['LOW', 'MEDIUM', 'HIGH'])},
      received_at timestamptz(3) not null,
      key_person_id uuid references key_person (id) on delete set null,
      description text not null,
      ${oneOf('status', ['OPEN', 'CLOSED'])} default 'OPEN',
      handler_id uuid references staff (id) on delete set null,
      handling_plan text,
      result text,
      closed_at timestamptz,
      recorded_by_id uuid references staff (id) on delete set null,
      check ((status = 'CLOSED') = (closed_at is not null)),
      check (status = 'OPEN' or result is not null)
    )`);
    // The dossier's list, newest first (newestFirstLoaders), and the risk rule's open complaints.
    this.addSql(
      'create index feedback_customer_id_index on feedback (customer_id, received_at desc, id desc)',
    );
    this.addSql(
      `create index feedback_open_complaint on feedback (customer_id, received_at)
       where kind = 'COMPLAINT' and status = 'OPEN'`,
    );
    this.addSql(`create table satisfaction_survey (${audited},
      customer_id uuid not null references customer (id) on delete cascade,
      surveyed_on date not null,
      ${score('product')},
      ${score('delivery')},
      ${score('service')},
      ${score('price')},
      comment text,
      recorded_by_id uuid references staff (id) on delete set null,
      constraint satisfaction_survey_day_unique unique (customer_id, surveyed_on)
    )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table satisfaction_survey');
    this.addSql('drop table feedback');
  }
}
