import { DEFAULT_RISK_THRESHOLDS, type RiskThresholds } from '@dossier/domain';
import { type ChangeSet, ChangeSetType, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Staff } from '../staff/staff.entity.js';
import { OrderLine } from '../trade/order-line.entity.js';
import { refreshRiskAssessments, refreshRiskOfStaffContacts } from './risk.refresh.js';

/** Records the rules read; a change to any of them can change the customer's signals. */
const RISK_FACTS = new Set([
  'Customer',
  'KeyPerson',
  'Relationship',
  'DecisionRoleAssignment',
  'CreditReport',
  'Order',
  'Payment',
  'OrderReturn',
  'Feedback',
]);

interface DossierRecord {
  dossierId(): string;
}

function customerOf(changeSet: ChangeSet<object>): string | null {
  const entity = changeSet.entity;
  if (entity instanceof OrderLine) return entity.customerId;
  return RISK_FACTS.has(changeSet.meta.className) ? (entity as DossierRecord).dossierId() : null;
}

/** Staff whose leaving or return changes which relationships count. */
const activeChanged = (changeSet: ChangeSet<object>) =>
  changeSet.entity instanceof Staff &&
  changeSet.type === ChangeSetType.UPDATE &&
  'active' in changeSet.payload;

/**
 * Keeps the risk snapshot fresh for dossier writes: after a flush, the customers it touched are
 * re-evaluated in the same transaction (a mutation's writeTransaction), so a relationship turned NEGATIVE
 * shows as a signal at once, and the assessment commits or rolls back with the write. Rules that move
 * with the calendar (days past due, days since review) and class changes are caught by the scheduled
 * full refresh. It carries the process's thresholds, which every other refresh reads from it.
 */
export class RiskSubscriber implements EventSubscriber {
  constructor(readonly riskThresholds: RiskThresholds = DEFAULT_RISK_THRESHOLDS) {}

  async afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const customers = new Set<string>();
    const staff = new Set<string>();
    for (const changeSet of uow.getChangeSets()) {
      const customerId = customerOf(changeSet);
      if (customerId) customers.add(customerId);
      if (activeChanged(changeSet)) staff.add((changeSet.entity as Staff).id);
    }
    const sql = em as EntityManager;
    await refreshRiskAssessments(sql, [...customers]);
    await refreshRiskOfStaffContacts(sql, [...staff]);
  }
}
