import { HistorySection, historySectionOf } from '@dossier/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import type { WeekChanges } from './weekly-check.query.js';

/** One dossier on a checker's list: what their reps did to it in the week, and the week's verdict. */
@ObjectType({ description: "A dossier on the weekly check's list / 每周检查清单中的档案" })
export class WeeklyCheckRow {
  readonly source!: WeekChanges;

  @Field(() => Int, { description: 'Changes recorded that week by the reps / 本周变更次数' })
  changes!: number;

  @Field({ description: 'The dossier was created that week / 本周新建' })
  created!: boolean;

  @Field(() => [HistorySection], { description: 'The sections changed / 变更的档案分区' })
  sections!: HistorySection[];

  @Field({ description: 'The latest of those changes (UTC) / 最后变更时间' })
  lastChangedAt!: Date;
}

/** The checker's list for one business week, with its counts. */
@ObjectType({ description: 'The weekly check of one week / 每周档案检查' })
export class WeeklyCheckList {
  @Field(() => LocalDateScalar, { description: 'Monday of the week / 周一' })
  weekStart!: string;

  @Field(() => LocalDateScalar, { description: 'Sunday of the week / 周日' })
  weekEnd!: string;

  @Field(() => [WeeklyCheckRow], {
    description: 'The dossiers, unchecked first, then returned, then checked / 档案（未检查在前）',
  })
  rows!: WeeklyCheckRow[];

  @Field(() => Int, { description: 'Dossiers on the list / 档案数' })
  total!: number;

  @Field(() => Int, { description: 'Not checked yet / 未检查' })
  unchecked!: number;

  @Field(() => Int, { description: 'Checked / 已检查' })
  checked!: number;

  @Field(() => Int, { description: 'Sent back to the rep / 已退回' })
  returned!: number;
}

/** A list row as GraphQL answers it: the sections from the changed record types (history-sections.ts). */
export function rowOf(source: WeekChanges): WeeklyCheckRow {
  const sections = new Set(
    source.entityTypes.map(historySectionOf).filter((section) => section !== undefined),
  );
  return Object.assign(new WeeklyCheckRow(), {
    source,
    changes: source.changes,
    created: source.created,
    sections: Object.values(HistorySection).filter((section) => sections.has(section)),
    lastChangedAt: source.lastChangedAt,
  });
}
