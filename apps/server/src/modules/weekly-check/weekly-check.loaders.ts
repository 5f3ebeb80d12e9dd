import { byIdLoader, childrenLoader } from '../../core/loaders.js';
import { WeeklyCheck } from './weekly-check.entity.js';

/** A dossier's weekly-check verdicts, newest week first. */
export const weeklyChecksOfCustomer = childrenLoader(WeeklyCheck, 'customer', { weekStart: 'desc' });

export const weeklyCheckById = byIdLoader(WeeklyCheck);
