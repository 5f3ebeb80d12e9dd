import { SatisfactionGrouping, SurveyAspect, satisfactionGroupingLabels } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { visibleCustomers } from '../../core/access/scope.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import type { Staff } from '../staff/staff.entity.js';

registerEnumType(SatisfactionGrouping, {
  name: 'SatisfactionGrouping',
  description: 'How the satisfaction summary groups surveys / 满意度汇总分组',
  valuesConfig: describedBy(satisfactionGroupingLabels),
});

@ObjectType({ description: 'Satisfaction of one group of visible customers / 满意度汇总行' })
export class SatisfactionGroupRow {
  /** The rep's id, grouped by owner; the resolver reads the Staff through its loader. */
  ownerId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The region, grouped by region; null: customers without one (or grouped by owner) / 区域',
  })
  region!: string | null;

  @Field(() => Int, { description: 'Surveys in the range / 调查份数' })
  surveys!: number;

  @Field(() => Float, { description: 'Mean score 1–5 of the scores counted, two decimals / 平均分' })
  average!: number;

  @Field(() => [Int], { description: 'How many scores were 1, 2, 3, 4 and 5 (five numbers) / 各分值次数' })
  distribution!: number[];
}

export interface SatisfactionRequest {
  grouping: SatisfactionGrouping;
  from: string | null;
  to: string | null;
  /** Only this aspect's scores; null counts every aspect's. */
  aspect: SurveyAspect | null;
}

interface Row {
  key: string | null;
  surveys: number;
  average: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
}

const KEY: Record<SatisfactionGrouping, string> = {
  [SatisfactionGrouping.OWNER]: 'c.owner_id',
  [SatisfactionGrouping.REGION]: 'c.region',
};

/**
 * Average and distribution of survey scores per rep or region in ONE statement, over the surveys of the
 * customers the viewer reads (need-to-know, scope.ts): each survey's four scores unpivoted, so an average
 * over every aspect weighs each score once. Most surveys first, then by key.
 */
export async function satisfactionSummary(
  em: EntityManager,
  viewer: Staff,
  request: SatisfactionRequest,
): Promise<SatisfactionGroupRow[]> {
  const knex = em.getKnex();
  const key = KEY[request.grouping];
  const query = knex
    .queryBuilder()
    .from('satisfaction_survey as s')
    .join('customer as c', 'c.id', 's.customer_id')
    .joinRaw(
      `cross join lateral (values (?, s.product_score), (?, s.delivery_score), (?, s.service_score),
        (?, s.price_score)) as v(aspect, score)`,
      [SurveyAspect.PRODUCT, SurveyAspect.DELIVERY, SurveyAspect.SERVICE, SurveyAspect.PRICE],
    )
    .select(
      knex.raw(`${key}::text as key, count(distinct s.id)::int as surveys,
        round(avg(v.score), 2)::float8 as average,
        ${[1, 2, 3, 4, 5].map((n) => `count(*) filter (where v.score = ${n})::int as s${n}`).join(', ')}`),
    )
    .groupByRaw(key)
    .orderByRaw('2 desc, 1 nulls last');
  visibleCustomers(query, 'c', viewer, 'set');
  if (request.from) query.where('s.surveyed_on', '>=', request.from);
  if (request.to) query.where('s.surveyed_on', '<=', request.to);
  if (request.aspect) query.where('v.aspect', request.aspect);
  const rows = await em.execute<Row[]>(query as unknown as Knex.QueryBuilder);
  return rows.map((row) =>
    Object.assign(new SatisfactionGroupRow(), {
      ownerId: request.grouping === SatisfactionGrouping.OWNER ? row.key : null,
      region: request.grouping === SatisfactionGrouping.REGION ? row.key : null,
      surveys: row.surveys,
      average: row.average,
      distribution: [row.s1, row.s2, row.s3, row.s4, row.s5],
    }),
  );
}
