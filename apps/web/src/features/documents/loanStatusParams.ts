import { LoanStatus } from '@dossier/domain';

/** The register's status filter as the URL keeps it (`?status=REQUESTED&status=ON_LOAN`); none: every loan. */
export function statusesOfParams(params: URLSearchParams): LoanStatus[] {
  const wanted = new Set(params.getAll('status'));
  return Object.values(LoanStatus).filter((status) => wanted.has(status));
}

/** The URL's parameters with `status` switched on or off, other parameters kept. */
export function toggleStatus(params: URLSearchParams, status: LoanStatus): URLSearchParams {
  const current = statusesOfParams(params);
  const next = current.includes(status) ? current.filter((s) => s !== status) : [...current, status];
  const result = new URLSearchParams(params);
  result.delete('status');
  for (const s of Object.values(LoanStatus)) if (next.includes(s)) result.append('status', s);
  return result;
}
