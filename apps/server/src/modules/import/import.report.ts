import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportKind } from './import.columns.js';

registerEnumType(ImportKind, {
  name: 'ImportKind',
  description: 'What an imported file holds / 导入文件的内容类型',
  valuesConfig: {
    CUSTOMERS: { description: 'Customers / 客户' },
    KEY_PERSONS: { description: 'Key persons of existing customers / 关键人物' },
    ORDERS: { description: 'Orders, optionally one row per line / 订单（可含明细）' },
    ORDER_LINES: { description: 'Lines of existing orders / 订单明细' },
    PAYMENTS: { description: 'Payments received for existing orders / 付款记录' },
  },
});

/** A reason a row (or the header, line 1) cannot be imported. */
export interface ImportProblem {
  line: number;
  column: string | null;
  message: string;
}

@ObjectType('ImportError', { description: 'Why a row cannot be imported / 导入错误' })
export class ImportError implements ImportProblem {
  @Field(() => Int, { description: 'Line in the file as shown to the user; the header is line 1 / 行号' })
  line!: number;

  @Field(() => String, { nullable: true, description: 'Header of the column at fault / 列名' })
  column!: string | null;

  @Field({ description: 'Reason / 原因' })
  message!: string;
}

@ObjectType('ImportCounts', { description: 'Records created per kind / 各类记录数' })
export class ImportCounts {
  @Field(() => Int, { description: 'Customers / 客户' })
  customers = 0;

  @Field(() => Int, { description: 'Key persons / 关键人物' })
  keyPersons = 0;

  @Field(() => Int, { description: 'Orders / 订单' })
  orders = 0;

  @Field(() => Int, { description: 'Order lines / 订单明细' })
  orderLines = 0;

  @Field(() => Int, { description: 'Products created for unknown SKUs / 新建商品' })
  products = 0;

  @Field(() => Int, { description: 'Payments / 付款记录' })
  payments = 0;
}

@ObjectType('ImportReport', { description: 'Outcome of an import or of its dry run / 导入结果' })
export class ImportReport {
  @Field(() => ImportKind, {
    nullable: true,
    description: 'Kind read; null when it could not be told / 类型',
  })
  kind!: ImportKind | null;

  @Field({ description: 'True when nothing was meant to be written / 是否试运行' })
  dryRun!: boolean;

  @Field(() => Int, { description: 'Data rows in the file, header excluded / 数据行数' })
  rows!: number;

  @Field(() => ImportCounts, {
    description: 'Created, or in a clean dry run what would be; all zero when any row is bad / 导入数量',
  })
  imported!: ImportCounts;

  @Field(() => [ImportError], { description: 'Every bad row; any one means nothing was written / 错误' })
  errors!: ImportError[];

  @Field(() => [String], { description: 'Headers that name no known column, not imported / 未识别的列' })
  ignoredColumns!: string[];
}

@InputType('ImportRecordsInput', { description: 'A spreadsheet to import / 导入文件' })
export class ImportRecordsInput {
  @Field(() => ImportKind, {
    nullable: true,
    description: 'What the file holds; told from the headers when omitted / 类型',
  })
  kind?: ImportKind | null;

  @Field({ description: 'File name; .csv or .xlsx tells the format / 文件名' })
  fileName!: string;

  @Field({ description: 'The file content, base64 / 文件内容（base64）' })
  contentBase64!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Check every row, write nothing (default false) / 试运行',
  })
  dryRun?: boolean | null;
}
