import { byIdLoader, childrenLoader } from '../../core/loaders.js';
import { CreditReport } from './credit-report.entity.js';

/** A customer's credit reports, newest report first; of two on one day, the later recorded first. */
export const creditReportsOfCustomer = childrenLoader(CreditReport, 'customer', {
  reportedAt: 'desc',
  createdAt: 'desc',
  id: 'desc',
});

export const creditReportById = byIdLoader(CreditReport);
