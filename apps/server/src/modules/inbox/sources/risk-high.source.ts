import { ReminderKind, type RiskSignal, riskMessage } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReminderDraft, ReminderSource } from '../reminder-source.js';
import { ACTIVE_OWNER, dossierLink } from './source-rows.js';

interface HighSignalRow {
  recipient_id: string;
  customer_id: string;
  customer: string;
  signal: RiskSignal;
}

/**
 * A HIGH signal of a customer's stored risk assessment (the risk module keeps it current) → its owner,
 * once per customer and signal code; the signal going away settles the item. The signal's wording is the
 * domain's (risk-messages.ts), carried in both languages as the web and the mail show it.
 */
export const riskHighSource: ReminderSource = {
  kind: ReminderKind.RISK_HIGH,
  settles: true,
  async collect(em: EntityManager, day: string): Promise<ReminderDraft[]> {
    const rows = await em.execute<HighSignalRow[]>(
      `select c.owner_id as recipient_id, c.id as customer_id, c.name as customer, s.signal
       from risk_assessment ra
       join customer c on c.id = ra.customer_id ${ACTIVE_OWNER}
       cross join lateral jsonb_array_elements(ra.signals) as s (signal)
       where s.signal ->> 'level' = 'HIGH'`,
    );
    return rows.map((row) => ({
      kind: ReminderKind.RISK_HIGH,
      recipientId: row.recipient_id,
      key: `${row.customer_id}:${row.signal.code}`,
      customerId: row.customer_id,
      dueOn: day,
      params: {
        customer: row.customer,
        code: row.signal.code,
        signalZh: riskMessage(row.signal, 'zh-CN'),
        signalEn: riskMessage(row.signal, 'en'),
      },
      link: dossierLink(row.customer_id, 'basic'),
    }));
  },
};
