import { addMonths } from '@dossier/domain';

/** A credit report is valid for 3 to 12 months (DOMAIN.md): the range its `validUntil` may take. */
export function validityRange(reportedAt: string): { earliest: string; latest: string } {
  return { earliest: addMonths(reportedAt, 3), latest: addMonths(reportedAt, 12) };
}
