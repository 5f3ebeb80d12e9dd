/**
 * `(customer_id, valid_until)` of each customer's latest credit report: the newest report date, and of two on
 * one day the longer valid. The risk refresh (CREDIT_REPORT_EXPIRED) and the customer list's
 * creditReportExpiringBefore filter both read this. `where` narrows the reports (alias r).
 */
export const latestReportsSql = (where = ''): string =>
  `select distinct on (r.customer_id) r.customer_id, r.valid_until
  from credit_report r where true ${where}
  order by r.customer_id, r.reported_at desc, r.valid_until desc`;
