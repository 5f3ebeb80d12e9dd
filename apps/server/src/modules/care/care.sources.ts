import type { Env } from '../../core/env.js';
import type { ReminderSource } from '../inbox/reminder-source.js';
import { foundingAnniversarySource } from './anniversary.source.js';
import { birthdaySource } from './birthday.source.js';
import { festivalSource } from './festival.source.js';
import { handoverIntroductionSource } from './handover-introduction.source.js';

/** The settings relationship care reads: the lead days and how long a handover's introductions last. */
export type CareSettings = Pick<Env, 'DOSSIER_CARE_LEAD_DAYS' | 'DOSSIER_HANDOVER_INTRO_DAYS'>;

/**
 * The relationship care reminders (亲情化管理): birthdays, festivals and founding anniversaries
 * DOSSIER_CARE_LEAD_DAYS ahead, and the introductions a handover leaves to the new owner for
 * DOSSIER_HANDOVER_INTRO_DAYS. A function of the settings: the composition root passes its validated env.
 */
export function careSourcesOf(env: CareSettings): ReminderSource[] {
  const leadDays = env.DOSSIER_CARE_LEAD_DAYS;
  return [
    birthdaySource(leadDays),
    festivalSource(leadDays),
    foundingAnniversarySource(leadDays),
    handoverIntroductionSource(env.DOSSIER_HANDOVER_INTRO_DAYS),
  ];
}
