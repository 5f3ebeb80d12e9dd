import type { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { GraphQLError } from 'graphql';
import { badInput, badRequest } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * Every unique index or constraint of the schema, with the API input field it guards. A violation is the
 * caller asking for a value someone else holds, so it is BAD_USER_INPUT on that field, never a version
 * conflict. `unique-violations.test.ts` fails when a migration adds a unique index missing here.
 *
 * A primary key on `id` needs no entry (the server generates every id); other primary keys are listed, as
 * null when only the server writes them: a violation there is a bug, reported generically.
 */
export const UNIQUE_FIELDS: Readonly<Record<string, { field: string; problem: string } | null>> = {
  customer_code_unique: { field: 'input.code', problem: 'is already used by another customer' },
  staff_email_unique: { field: 'input.email', problem: 'is already used by another staff member' },
  document_content_pkey: { field: 'id', problem: 'has its content stored already' },
  document_destruction_document_id_key: { field: 'id', problem: 'has been destroyed already' },
  satisfaction_survey_day_unique: {
    field: 'input.surveyedOn',
    problem: 'already has a survey of this customer on that day',
  },
  archive_inspection_period_unique: { field: 'period', problem: 'has its inspection already' },
  decision_role_unique: { field: 'input.role', problem: 'is already held by this person in this project' },
  competitor_name_unique: { field: 'input.name', problem: 'is already on the list of competitors' },
  customer_competitor_pair_unique: {
    field: 'input.competitorId',
    problem: 'is already recorded at this customer: change that entry instead',
  },
  // Two verdicts on one dossier's week: the second is an update of the first (it passes its version).
  weekly_check_week_unique: {
    field: 'weekStart',
    problem: 'has a verdict on this dossier already: reload and pass its version',
  },
  relationship_pair_unique: {
    field: 'input.staffId',
    problem: 'already has a relationship with this person',
  },
  // Orders and products come only from imported files: the file is the field that carried the value.
  sales_order_number_unique: {
    field: 'input.contentBase64',
    problem: 'holds an order number another order has taken meanwhile',
  },
  product_sku_unique: {
    field: 'input.contentBase64',
    problem: 'holds a product SKU another product has taken meanwhile',
  },
  // One row per customer (or per customer and day) kept by the analytics refresh; sessions by login.
  abc_grade_pkey: null,
  risk_assessment_pkey: null,
  customer_day_revenue_pkey: null,
  // Kept by triggers (on conflict), never written by a caller.
  customer_book_pkey: null,
  // The inbox sweep inserts with on conflict do nothing: one item per recipient, kind and key.
  inbox_item_key_unique: null,
  order_day_revenue_pkey: null,
  auth_session_pkey: null,
  // 256 random bits: a clash is not something a caller could cause.
  api_token_token_hash_key: null,
  customer_sheet_link_token_hash_key: null,
  // The stored ABC ranking (abc.ranking.ts) and the revenue version counters, written by its refresh and
  // by triggers only.
  abc_ranking_period_unique: null,
  abc_ranking_pkey: null,
  abc_ranking_region_pkey: null,
  revenue_version_pkey: null,
  // The rate limit's counters, upserted by rate-limiter-flexible (on conflict): never a violation.
  rate_limit_pkey: null,
  // The job ledger's claim of a slot (core/jobs): inserted on conflict by the job runner only.
  job_run_job_slot: null,
  // One report per month and scope, written by its generation under an advisory lock (on conflict).
  monthly_report_scope_unique: null,
};

/**
 * The error a unique violation becomes. One the map does not name still is the caller's request clashing
 * with stored data, not a version mismatch nor a crash: a generic BAD_USER_INPUT, logged so the map can
 * learn the constraint.
 */
export function uniqueViolationError(error: UniqueConstraintViolationException, log: Logger): GraphQLError {
  // The driver's error carries PostgreSQL's fields; its detail (the clashing values) stays out of the log.
  const { constraint = '', table } = error as unknown as { constraint?: string; table?: string };
  const known = UNIQUE_FIELDS[constraint];
  if (known) return badInput(known.field, known.problem);
  log.warn({ constraint, table }, 'unique violation with no input field to name');
  return badRequest('This clashes with a record that already exists; reload and check your input');
}
