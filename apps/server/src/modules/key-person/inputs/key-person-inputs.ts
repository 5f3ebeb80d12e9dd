import { Field, ID, InputType, Int } from 'type-graphql';
import { DecisionRoleInput } from '../../decision-role/inputs/assign-decision-role.input.js';

@InputType({
  description: 'Personal profile; omitted fields stay, null clears / 个人情况（省略不变，null 清空）',
})
export class KeyPersonProfileInput {
  @Field(() => String, { nullable: true, description: 'Personality, ≤2000 characters / 性格' })
  personality?: string | null;

  @Field(() => String, { nullable: true, description: 'Interests and hobbies, ≤2000 characters / 兴趣爱好' })
  interests?: string | null;

  @Field(() => String, { nullable: true, description: 'Family, ≤2000 characters / 家庭' })
  family?: string | null;

  @Field(() => String, { nullable: true, description: 'Education, ≤2000 characters / 学历' })
  education?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of birth, 1900 to this year / 出生年份' })
  birthYear?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Birthday as month-day MM-DD (02-29 allowed) / 生日（月-日）',
  })
  birthday?: string | null;

  @Field(() => String, { nullable: true, description: 'Career and experience, ≤2000 characters / 经历背景' })
  background?: string | null;

  @Field(() => String, { nullable: true, description: 'Other notes, ≤2000 characters / 备注' })
  notes?: string | null;
}

/** Fields both adding and updating accept. */
@InputType()
class KeyPersonFields {
  @Field(() => String, { nullable: true, description: 'Title, ≤100 characters / 职务' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Department, ≤100 characters / 部门' })
  department?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Superior at the same customer; must not make a reporting cycle / 直属上级',
  })
  reportsToId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The competitor the person favours, from the company-wide list; null: none / 倾向的竞争对手',
  })
  favoursCompetitorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Mobile phone / 手机' })
  mobile?: string | null;

  @Field(() => String, { nullable: true, description: 'Office phone / 办公电话' })
  officePhone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail / 邮箱' })
  email?: string | null;

  @Field(() => KeyPersonProfileInput, {
    nullable: true,
    description: 'Personal profile; null clears all of it / 个人情况（null 全部清空）',
  })
  profile?: KeyPersonProfileInput | null;
}

@InputType({ description: 'A new key person at a customer / 新增关键人物' })
export class AddKeyPersonInput extends KeyPersonFields {
  @Field(() => ID, { description: 'The customer the person works at / 所属客户' })
  customerId!: string;

  @Field({ description: 'Name, ≤100 characters / 姓名' })
  name!: string;
}

@InputType({ description: 'Changes to a key person; omitted fields stay, null clears / 修改关键人物' })
export class UpdateKeyPersonInput extends KeyPersonFields {
  @Field(() => String, {
    nullable: true,
    description:
      "Name, ≤100 characters; giving a placeholder's name fills it in (it becomes an ordinary key person) / 姓名",
  })
  name?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False once the person has left the customer / 是否仍在职',
  })
  active?: boolean | null;
}

@InputType({
  description:
    'A placeholder: a role we know exists at the customer, held by someone we have not met (e.g. 财务总监) / 新增占位人物',
})
export class AddPlaceholderInput {
  @Field(() => ID, { description: 'The customer / 所属客户' })
  customerId!: string;

  @Field({ description: 'Title, ≤100 characters: what names the placeholder until its name is known / 职务' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Department, ≤100 characters / 部门' })
  department?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Superior at the same customer / 直属上级',
  })
  reportsToId?: string | null;

  @Field(() => DecisionRoleInput, {
    nullable: true,
    description:
      'A role the placeholder holds; a decision role makes it a coverage gap until filled in and covered / 决策角色',
  })
  role?: DecisionRoleInput | null;
}
