import { addDays, daysBetween } from './calendar.js';
import type { LabelTable } from './labels.js';

/**
 * The sales manager's verdict on a dossier in the weekly check (客服部主管每周一检查并签署评语): checked, with
 * an optional comment, or sent back to the rep with a request. Values equal names (GraphQL enum).
 */
export enum WeeklyCheckVerdict {
  CHECKED = 'CHECKED',
  RETURNED = 'RETURNED',
}

export const weeklyCheckVerdictLabels: LabelTable<WeeklyCheckVerdict> = {
  [WeeklyCheckVerdict.CHECKED]: { 'zh-CN': '已检查', en: 'Checked' },
  [WeeklyCheckVerdict.RETURNED]: { 'zh-CN': '已退回', en: 'Sent back' },
};

// 1970-01-05 was a Monday: a day's distance from it, modulo 7, is its place in the Monday–Sunday week.
const A_MONDAY = '1970-01-05';

/** The Monday that starts the business week (Monday–Sunday) of `day` (YYYY-MM-DD). */
export function weekStartOf(day: string): string {
  const offset = ((daysBetween(A_MONDAY, day) % 7) + 7) % 7;
  return addDays(day, -offset);
}

/** Whether `day` is a Monday, i.e. may name a week. */
export const isWeekStart = (day: string): boolean => weekStartOf(day) === day;

/** The week the Monday check looks back on: the one before the week of `today`. */
export const previousWeekStart = (today: string): string => addDays(weekStartOf(today), -7);

/** The last day (Sunday) of the week starting `weekStart`. */
export const weekEndOf = (weekStart: string): string => addDays(weekStart, 6);
