import type { ReminderKind } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../../core/graphql/global-id.js';
import type { ReminderDraft } from '../reminder-source.js';

/** A row a source's SQL answers: the columns every draft needs, and the text parameters it carries. */
export interface SourceRow {
  recipient_id: string;
  customer_id: string | null;
  key: string;
  due_on: string;
  params: Record<string, string | number>;
}

/** A dossier tab of the web app, where the person acts on a customer's reminder. */
export const dossierLink = (customerId: string, tab: string): string =>
  `/customers/${encodeURIComponent(toGlobalId('Customer', customerId))}/${tab}`;

/**
 * Runs a source's one statement and turns its rows into drafts of `kind`. The SQL answers `due_on` as text
 * (YYYY-MM-DD) and `params` as a json object, so nothing here depends on the driver's type parsing.
 */
export async function draftsOf(
  em: EntityManager,
  kind: ReminderKind,
  sql: string,
  params: unknown[],
  link: (row: SourceRow) => string,
): Promise<ReminderDraft[]> {
  const rows = await em.execute<SourceRow[]>(sql, params);
  return rows.map((row) => ({
    kind,
    recipientId: row.recipient_id,
    key: row.key,
    customerId: row.customer_id,
    dueOn: row.due_on,
    params: row.params,
    link: link(row),
  }));
}

/** The active owner of customer `c`: reminders go to people who still work here. */
export const ACTIVE_OWNER = 'join staff owner on owner.id = c.owner_id and owner.active';
