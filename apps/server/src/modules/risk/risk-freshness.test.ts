import {
  DEFAULT_RISK_THRESHOLDS,
  InfluenceLevel,
  RiskLevel as L,
  RiskCode as R,
  RelationshipState as S,
  StaffRole,
} from '@dossier/domain';
import { MikroORM } from '@mikro-orm/postgresql';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { ormConfig } from '../../core/database/orm.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Relationship } from '../relationship/relationship.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { ON_TODAY, riskFixtures, riskThroughApi, shiftDays, TODAY } from './risk.fixtures.js';
import { refreshRiskAssessments, riskIsStale, thresholdsOf } from './risk.refresh.js';

const db = await testDatabase({ clock: ON_TODAY });
const fx = riskFixtures(db.orm);
const em = () => db.orm.em.fork();
const now = ON_TODAY.now();
const hundredDaysAgo = new Date(`${shiftDays(TODAY, -100)}T04:00:00Z`);

let viewer: Staff;
beforeAll(async () => {
  viewer = await fx.build.staff({}, StaffRole.ADMIN);
});

const codesOf = async (customer: { id: string }) =>
  (await riskThroughApi(db, viewer, customer))?.signals.map((s) => [s.code, s.level]);

const SET_STATE = `mutation ($input: SetRelationshipStateInput!) { setRelationshipState(input: $input) { version } }`;

describe('freshness after dossier writes, without a manual refresh', () => {
  it('a relationship with a decision maker turned NEGATIVE raises NEGATIVE_DECISION_MAKER at once', async () => {
    const customer = await fx.build.customer();
    const boss = await fx.build.keyPerson(customer, { name: '王总' });
    await fx.build.role(boss, undefined, InfluenceLevel.HIGH);
    const link = await fx.build.relationship(boss, viewer, S.POSITIVE);
    expect(await codesOf(customer)).toEqual([]);

    const input = { keyPersonId: toGlobalId('KeyPerson', boss.id), staffId: toGlobalId('Staff', viewer.id) };
    const statements = await db.captureSql(async () => {
      const result = await db.execute(
        SET_STATE,
        { input: { ...input, state: S.NEGATIVE, expectedVersion: link.version } },
        { viewer },
      );
      expect(result.errors).toBeUndefined();
    });
    expect(await codesOf(customer)).toEqual([
      [R.NEGATIVE_DECISION_MAKER, L.HIGH],
      [R.UNCOVERED_DECISION_MAKER, L.MEDIUM],
    ]);
    // One set-wise statement re-evaluates the customer inside the mutation's transaction.
    expect(statements.filter((sql) => sql.includes('update risk_assessment'))).toHaveLength(1);

    await db.execute(
      SET_STATE,
      { input: { ...input, state: S.POSITIVE, expectedVersion: link.version + 1 } },
      { viewer },
    );
    expect(await codesOf(customer)).toEqual([]);
  });

  it('a staff member who leaves no longer covers the decision makers they knew', async () => {
    const leaving = await fx.build.staff();
    const customer = await fx.build.customer();
    const boss = await fx.build.keyPerson(customer, { name: 'Zhou' });
    await fx.build.role(boss);
    await fx.build.relationship(boss, leaving, S.POSITIVE);
    expect(await codesOf(customer)).toEqual([]);

    const fork = em();
    (await fork.findOneOrFail(Staff, leaving.id)).active = false;
    await fork.flush();
    expect(await codesOf(customer)).toEqual([[R.UNCOVERED_DECISION_MAKER, L.MEDIUM]]);
  });

  it('markCustomerReviewed clears STALE_DOSSIER', async () => {
    const customer = await fx.build.customer({ createdAt: hundredDaysAgo });
    expect(await codesOf(customer)).toEqual([[R.STALE_DOSSIER, L.LOW]]);
    const result = await db.execute(
      'mutation ($id: ID!) { markCustomerReviewed(id: $id) { id } }',
      { id: toGlobalId('Customer', customer.id) },
      { viewer },
    );
    expect(result.errors).toBeUndefined();
    expect(await codesOf(customer)).toEqual([]);
  });

  it('rolls back with the write that raised it', async () => {
    const customer = await fx.build.customer();
    const boss = await fx.build.keyPerson(customer, { name: 'Han' });
    await fx.build.role(boss);
    const link = await fx.build.relationship(boss, viewer, S.POSITIVE);
    const refused = em().transactional(async (tx) => {
      (await tx.findOneOrFail(Relationship, link.id, { populate: ['keyPerson'] })).state = S.NEGATIVE;
      await tx.flush();
      const [row] = await tx.execute('select level from risk_assessment where customer_id = ?', [
        customer.id,
      ]);
      expect(row).toEqual({ level: L.HIGH });
      throw new Error('refused after the flush');
    });
    await expect(refused).rejects.toThrow('refused after the flush');
    expect(await codesOf(customer)).toEqual([]);
  });

  it('a relationship deleted through the ORM is re-evaluated too', async () => {
    const customer = await fx.build.customer();
    const boss = await fx.build.keyPerson(customer, { name: 'Qin' });
    await fx.build.role(boss);
    const link = await fx.build.relationship(boss, viewer, S.POSITIVE);
    const fork = em();
    await fork.findOneOrFail(Relationship, link.id, { populate: ['keyPerson'] });
    fork.remove(fork.getReference(Relationship, link.id));
    await fork.flush();
    expect(await codesOf(customer)).toEqual([[R.UNCOVERED_DECISION_MAKER, L.MEDIUM]]);
  });
});

describe('thresholds are settings', () => {
  const strict = {
    overdueHighDays: 30,
    revenueDeclinePercent: 10,
    reviewIntervalDays: 7,
    complaintMaxAgeDays: 3,
  };

  it('every refresh uses the thresholds the ORM was configured with', async () => {
    const customer = await fx.build.customer({ reviewedAt: new Date(`${TODAY}T08:00:00Z`) });
    await fx.order(customer, {
      total: '10.00',
      orderedAt: shiftDays(TODAY, -31),
      dueDate: shiftDays(TODAY, -31),
    });
    expect(thresholdsOf(em())).toEqual(DEFAULT_RISK_THRESHOLDS);
    await refreshRiskAssessments(em(), [customer.id], { clock: ON_TODAY });
    expect(await codesOf(customer)).toEqual([[R.OVERDUE_RECEIVABLE, L.MEDIUM]]);

    const configured = await MikroORM.init(ormConfig(db.url, {}, strict));
    try {
      expect(thresholdsOf(configured.em.fork())).toEqual(strict);
      expect(await refreshRiskAssessments(configured.em.fork(), [customer.id], { clock: ON_TODAY })).toBe(1);
    } finally {
      await configured.close();
    }
    expect(await codesOf(customer)).toEqual([[R.OVERDUE_RECEIVABLE, L.HIGH]]);
  });
});

describe('full refresh', () => {
  it('is stale until done, then once 50 minutes passed, the ABC snapshot moved or the thresholds changed', async () => {
    expect(await riskIsStale(em(), ON_TODAY)).toBe(true);
    await refreshRiskAssessments(em());
    expect(await riskIsStale(em(), ON_TODAY)).toBe(false);
    expect(await riskIsStale(em(), ON_TODAY, { ...DEFAULT_RISK_THRESHOLDS, reviewIntervalDays: 30 })).toBe(
      true,
    );

    await fx.sql(
      `insert into analytics_snapshot (period_from, period_to, a_share, b_share, total_revenue, as_of)
                  values ('2025-11-23', '2026-11-22', 0.8, 0.15, 0, ?::timestamptz + interval '1 second')`,
      [now],
    );
    expect(await riskIsStale(em(), ON_TODAY)).toBe(true);
    await fx.sql(`update analytics_snapshot set as_of = ?::timestamptz - interval '2 hours'`, [now]);
    expect(await riskIsStale(em(), ON_TODAY)).toBe(false);

    await fx.sql(`update risk_refresh set as_of = ?::timestamptz - interval '49 minutes'`, [now]);
    expect(await riskIsStale(em(), ON_TODAY)).toBe(false);
    await fx.sql(`update risk_refresh set as_of = ?::timestamptz - interval '51 minutes'`, [now]);
    expect(await riskIsStale(em(), ON_TODAY)).toBe(true);
  });

  it('writes only the assessments that changed, and skips a row a running transaction holds', async () => {
    await refreshRiskAssessments(em());
    expect(await refreshRiskAssessments(em())).toBe(0);

    const held = await fx.build.customer({ createdAt: hundredDaysAgo });
    const other = await fx.build.customer({ createdAt: hundredDaysAgo });
    await fx.sql(
      `update risk_assessment set level = 'NONE', score = 0, signals = '[]' where customer_id in (?, ?)`,
      [held.id, other.id],
    );
    const holder = em();
    await holder.begin();
    try {
      await holder.execute('select 1 from risk_assessment where customer_id = ? for update', [held.id]);
      expect(await refreshRiskAssessments(em())).toBe(1);
    } finally {
      await holder.rollback();
    }
    expect(await codesOf(held)).toEqual([]);
    expect(await codesOf(other)).toEqual([[R.STALE_DOSSIER, L.LOW]]);
    expect(await refreshRiskAssessments(em())).toBe(1);
    expect(await codesOf(held)).toEqual([[R.STALE_DOSSIER, L.LOW]]);
  });
});
