import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * What the reminder sources read, written as the other modules store it (credit reports, complaints, loans,
 * ABC grades), straight in SQL: the sources' tests set each fact on the day they need it.
 */
export function inboxWorld(orm: MikroORM) {
  const sql = (statement: string, params: unknown[]) => orm.em.fork().execute(statement, params);
  return {
    creditReport: async (customerId: string, reportedAt: string, validUntil: string) => {
      await sql(
        `insert into credit_report (id, customer_id, reported_at, valid_until, rating) values (?, ?, ?, ?, 'A')`,
        [randomUUID(), customerId, reportedAt, validUntil],
      );
    },
    complaint: async (customerId: string, receivedAt: string, handlerId: string | null = null) => {
      const id = randomUUID();
      await sql(
        `insert into feedback (id, customer_id, kind, channel, category, severity, received_at, description,
                               handler_id)
         values (?, ?, 'COMPLAINT', 'PHONE', 'DELIVERY', 'HIGH', ?, '到货延误', ?)`,
        [id, customerId, receivedAt, handlerId],
      );
      return id;
    },
    closeComplaint: (id: string, at: string) =>
      sql(`update feedback set status = 'CLOSED', result = '已补发', closed_at = ? where id = ?`, [at, id]),
    /** A granted loan of a confidential document of the customer, due back at `dueAt`. */
    loan: async (customerId: string, borrowerId: string, title: string, dueAt: string) => {
      const documentId = randomUUID();
      await sql(
        `insert into document (id, customer_id, category, confidentiality, title, document_date, file_name,
                               media_type, size_bytes, sha256, uploaded_by_id)
         values (?, ?, 'CONTRACT', 'CONFIDENTIAL', ?, '2027-01-01', 'c.pdf', 'application/pdf', 1, ?, ?)`,
        [documentId, customerId, title, 'a'.repeat(64), borrowerId],
      );
      const loanId = randomUUID();
      await sql(
        `insert into document_loan (id, document_id, borrower_id, approval, hours, granted_at, due_at)
         values (?, ?, ?, 'DEPARTMENT_HEAD', 48, ?::timestamptz - interval '48 hours', ?)`,
        [loanId, documentId, borrowerId, dueAt, dueAt],
      );
      return loanId;
    },
    returnLoan: (id: string, at: string) =>
      sql('update document_loan set returned_at = ? where id = ?', [at, id]),
    grade: (customerId: string, grade: 'A' | 'B' | 'C') =>
      sql(
        `insert into abc_grade (customer_id, class) values (?, ?)
         on conflict (customer_id) do update set class = excluded.class`,
        [customerId, grade],
      ),
  };
}
