import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Staff } from '../staff/staff.entity.js';
import { csv, xlsx } from './import.fixtures.js';

const db = await testDatabase();
const build = builders(db.orm);
let importer: Staff;

beforeAll(async () => {
  importer = await build.staff({}, StaffRole.ADMIN);
});

const IMPORT = `mutation ($input: ImportRecordsInput!) {
  importRecords(input: $input) { kind rows ignoredColumns imported { customers } errors { line column message } }
}`;

async function importFile(fileName: string, content: Buffer, dryRun = false) {
  const result = await db.execute<{ importRecords: Record<string, unknown> }>(
    IMPORT,
    { input: { fileName, contentBase64: content.toString('base64'), dryRun } },
    { viewer: importer },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.importRecords;
}

const characteristicsOf = (code: string) =>
  db.orm.em.fork().execute(
    `select service_area, business_scope, sales_capacity, growth_potential, business_philosophy, business_style,
            industry_standing, market_influence, distribution_capability, capital_strength, reputation,
            cooperation_intent,
            (select string_agg(f.field || '=' || f.after, ',' order by f.field) from change ch
             join field_change f on f.change_id = ch.id
             where ch.entity_id = c.id and ch.action = 'CREATE' and f.field like 'characteristics.%') as history
     from customer c where code = ?`,
    [code],
  );

describe('importing customer characteristics', () => {
  it('reads every characteristic from English headers in a CSV, levels by value or label', async () => {
    const done = await importFile(
      'customers.csv',
      csv([
        [
          'Customer Code',
          'Name',
          'Service Area',
          'Sales Capacity',
          'Industry Standing',
          'Reputation',
          'Intent to cooperate',
          'Business Style',
          'Market Influence',
        ],
        ['CHAR-1', 'Char Ltd', 'East China', 'high', 'Niche player', 'GOOD', 'Moderate', 'Steady', '一般'],
        ['CHAR-2', 'Bare Ltd', '', '', '', '', '', '', ''],
      ]),
    );
    expect(done).toEqual({
      kind: 'CUSTOMERS',
      rows: 2,
      ignoredColumns: [],
      imported: { customers: 2 },
      errors: [],
    });
    expect(await characteristicsOf('CHAR-1')).toEqual([
      {
        service_area: 'East China',
        business_scope: null,
        sales_capacity: 'HIGH',
        growth_potential: null,
        business_philosophy: null,
        business_style: 'Steady',
        industry_standing: 'NICHE',
        market_influence: 'MEDIUM',
        distribution_capability: null,
        capital_strength: null,
        reputation: 'GOOD',
        cooperation_intent: 'MODERATE',
        history:
          'characteristics.businessStyle=Steady,characteristics.cooperationIntent=MODERATE,' +
          'characteristics.industryStanding=NICHE,characteristics.marketInfluence=MEDIUM,' +
          'characteristics.reputation=GOOD,characteristics.salesCapacity=HIGH,characteristics.serviceArea=East China',
      },
    ]);
  });

  it('reads Chinese headers and labels from an XLSX', async () => {
    const workbook = await xlsx([
      [
        '客户编号',
        '客户名称',
        '经营范围',
        '发展潜力',
        '经营方针',
        '分销能力',
        '资金实力',
        '信誉',
        '合作意向',
        '经营理念',
      ],
      ['CHAR-3', '特征公司', '电力设备', '强', '稳健', '弱', '一般', '较差', '无意向', '客户至上'],
    ]);
    expect(await importFile('客户.xlsx', workbook)).toMatchObject({ imported: { customers: 1 }, errors: [] });
    expect(await characteristicsOf('CHAR-3')).toEqual([
      expect.objectContaining({
        business_scope: '电力设备',
        growth_potential: 'HIGH',
        business_style: '稳健',
        distribution_capability: 'LOW',
        capital_strength: 'MEDIUM',
        reputation: 'POOR',
        cooperation_intent: 'NONE',
        business_philosophy: '客户至上',
      }),
    ]);
  });

  it('refuses an unknown level and an overlong text with their columns, writing nothing', async () => {
    const before = await tableCounts(db.orm);
    const done = await importFile(
      'customers.csv',
      csv([
        ['客户编号', '客户名称', '销售能力', '服务区域'],
        ['CHAR-4', 'Bad Ltd', '很强', 'x'.repeat(301)],
      ]),
    );
    expect(done).toMatchObject({
      imported: { customers: 0 },
      errors: [
        { line: 2, column: '服务区域', message: '服务区域 must be at most 300 characters' },
        { line: 2, column: '销售能力', message: '销售能力 must be one of HIGH, MEDIUM, LOW' },
      ],
    });
    expect(await tableCounts(db.orm)).toEqual(before);
  });
});
