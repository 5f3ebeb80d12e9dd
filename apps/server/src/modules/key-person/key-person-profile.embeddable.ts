import { Embeddable, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** Personal profile of a key person (关键人物的个人情况资料): personal data, shown on a need-to-know basis. */
@ObjectType({ description: 'Personal profile of a key person / 关键人物个人情况' })
@Embeddable()
export class KeyPersonProfile {
  @Field(() => String, { nullable: true, description: 'Personality / 性格' })
  @Property({ type: 'text', nullable: true })
  personality: string | null = null;

  @Field(() => String, { nullable: true, description: 'Interests and hobbies / 兴趣爱好' })
  @Property({ type: 'text', nullable: true })
  interests: string | null = null;

  @Field(() => String, { nullable: true, description: 'Family / 家庭' })
  @Property({ type: 'text', nullable: true })
  family: string | null = null;

  @Field(() => String, { nullable: true, description: 'Education / 学历' })
  @Property({ type: 'text', nullable: true })
  education: string | null = null;

  @Field(() => Int, { nullable: true, description: 'Year of birth / 出生年份' })
  @Property({ type: 'int', nullable: true })
  birthYear: number | null = null;

  /** Month and day only: many know a birthday without the year, and the care reminders need no more. */
  @Field(() => String, {
    nullable: true,
    description: 'Birthday as month-day MM-DD; the year is birthYear / 生日（月-日）',
  })
  @Property({ type: 'varchar', length: 5, nullable: true })
  birthday: string | null = null;

  @Field(() => String, { nullable: true, description: 'Career and experience / 经历背景' })
  @Property({ type: 'text', nullable: true })
  background: string | null = null;

  @Field(() => String, { nullable: true, description: 'Other notes / 备注' })
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;
}
