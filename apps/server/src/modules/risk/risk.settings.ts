import type { RiskThresholds } from '@dossier/domain';
import type { Env } from '../../core/env.js';

/** The risk thresholds of the validated configuration (DOSSIER_RISK_*, DOSSIER_REVIEW_INTERVAL_DAYS, DOSSIER_RISK_COMPLAINT_DAYS). */
export function riskThresholdsOf(env: Env): RiskThresholds {
  return {
    overdueHighDays: env.DOSSIER_RISK_OVERDUE_HIGH_DAYS,
    revenueDeclinePercent: env.DOSSIER_RISK_REVENUE_DECLINE_PERCENT,
    reviewIntervalDays: env.DOSSIER_REVIEW_INTERVAL_DAYS,
    complaintMaxAgeDays: env.DOSSIER_RISK_COMPLAINT_DAYS,
  };
}
