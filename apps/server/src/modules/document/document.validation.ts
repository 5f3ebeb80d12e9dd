import { retentionYearsProblem } from '@dossier/domain';
import type { Context } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import { isLocalDate } from '../../core/graphql/scalars.js';
import { requiredText } from '../../core/validation.js';

// The checks a document's own fields pass whether it is filed or its metadata changed later; the HTTP
// upload hands over plain strings, so dates are checked as dates here and not only by the GraphQL scalar.

export const validTitle = (value: string) => requiredText('input.title', value, 200);

/** The document's own date: a real day, not in the future. */
export function validDocumentDate(ctx: Context, value: string): string {
  if (!isLocalDate(value)) throw badInput('input.documentDate', 'must be a date (YYYY-MM-DD)');
  if (value > ctx.clock.today()) throw badInput('input.documentDate', 'must not be in the future');
  return value;
}

/** Retention in years, or until a day in the future, or neither: kept permanently. */
export function validRetention(
  ctx: Context,
  input: { retentionYears?: number | null; retainUntil?: string | null },
) {
  const years = input.retentionYears ?? null;
  const until = input.retainUntil ?? null;
  if (years !== null && until !== null) {
    throw badInput('input.retainUntil', 'must not be given together with retentionYears');
  }
  const problem = years === null ? null : retentionYearsProblem(years);
  if (problem) throw badInput('input.retentionYears', problem);
  if (until !== null && !isLocalDate(until))
    throw badInput('input.retainUntil', 'must be a date (YYYY-MM-DD)');
  if (until !== null && until <= ctx.clock.today())
    throw badInput('input.retainUntil', 'must be in the future');
  return { years, until };
}
