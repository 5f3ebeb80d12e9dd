import { SheetFieldKind } from '@dossier/domain';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CustomerSheetLink } from './customer-sheet-link.entity.js';

registerEnumType(SheetFieldKind, {
  name: 'SheetFieldKind',
  description: 'How a sheet field is filled in / 资料表字段类型',
  valuesConfig: {
    TEXT: { description: 'Free text / 文本' },
    ENUM: { description: 'One of `options` / 选项之一' },
    PHONE: { description: 'A phone number / 电话号码' },
    WEBSITE: { description: 'A web address / 网址' },
    DATE: { description: 'A calendar date, YYYY-MM-DD / 日期' },
  },
});

@ObjectType({ description: 'A field of the customer’s own sheet, with its current value / 资料表字段' })
export class CustomerSheetField {
  @Field({ description: 'Field name, as in the API and the history / 字段' })
  field!: string;

  @Field(() => SheetFieldKind, { description: 'How it is filled in / 类型' })
  kind!: SheetFieldKind;

  @Field({ description: 'Whether it may not be left empty / 必填' })
  required!: boolean;

  @Field(() => Int, { description: 'At most this many characters / 最大长度' })
  maxLength!: number;

  @Field(() => [String], { description: 'For ENUM: the values to choose from / 可选值' })
  options!: string[];

  @Field(() => String, { nullable: true, description: 'The value on file, to confirm or correct / 当前值' })
  value!: string | null;
}

@ObjectType({
  description:
    'The basic sheet a customer fills in through a link: that customer’s sheet fields only / 客户资料表',
})
export class CustomerSheet {
  @Field({ description: 'After this instant the link no longer opens (UTC) / 链接有效期至' })
  expiresAt!: Date;

  @Field(() => [CustomerSheetField], { description: 'The fields, in the sheet’s order / 字段' })
  fields!: CustomerSheetField[];
}

@InputType({ description: 'A sheet field as the customer fills it in / 资料表字段取值' })
export class SheetFieldValueInput {
  @Field({ description: 'Field name / 字段' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'The value; null or empty clears it / 取值' })
  value?: string | null;
}

@ObjectType({ description: 'A field the customer proposes to change / 客户建议修改的字段' })
export class CustomerSheetChange {
  @Field({ description: 'Field name / 字段' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'The value on file now / 当前值' })
  current!: string | null;

  @Field(() => String, { nullable: true, description: 'The value the customer proposes / 客户建议值' })
  proposed!: string | null;
}

@ObjectType({ description: 'A new customer sheet link with its secret, shown this once / 新建的资料表链接' })
export class CustomerSheetLinkCreated {
  @Field({
    description:
      'The address to send the customer, on this server’s origin; it is not stored and cannot be shown ' +
      'again / 发给客户的链接（仅显示一次）',
  })
  url!: string;

  @Field(() => CustomerSheetLink, { description: 'The link as listed from now on / 链接' })
  link!: CustomerSheetLink;
}
