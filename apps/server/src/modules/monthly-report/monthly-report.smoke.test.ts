import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { seedDemoCompany } from '../../seed/demo-company.js';
import { generateReport } from './monthly-report.service.js';

const clock = fixedClock('2027-03-01T02:00:00Z');
const db = await testDatabase({ clock });

it('smoke', async () => {
  await seedDemoCompany(db.orm.em.fork(), clock);
  const t0 = Date.now();
  const report = await generateReport(db.orm.em.fork(), '2027-02', null, null, clock);
  console.log(Date.now() - t0, JSON.stringify(report.figures, null, 1).slice(0, 3000));
  const [row] = await db.orm.em.fork().execute('select pdf, xlsx from monthly_report');
  writeFileSync('/tmp/report-smoke.pdf', row.pdf);
  writeFileSync('/tmp/report-smoke.xlsx', row.xlsx);
  expect(report.version).toBe(1);
}, 120_000);
