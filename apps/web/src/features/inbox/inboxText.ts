import type { TFunction } from 'i18next';
import type { InboxItemRow_ItemFragment } from '../../apollo/generated';

/**
 * An item's sentence: `inbox.text.<KIND>` with the item's params interpolated by name; a kind this build
 * has no text for (a newer server) reads as the generic line rather than as a raw key.
 */
export function inboxText(t: TFunction, item: Pick<InboxItemRow_ItemFragment, 'kind' | 'params'>): string {
  return t(`inbox.text.${item.kind}` as 'inbox.text.fallback', {
    ...item.params,
    defaultValue: t('inbox.text.fallback'),
  });
}

/** The business day today in `timeZone` (YYYY-MM-DD), from which a snooze counts. */
export function businessToday(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** How far a snooze puts an item away: a day, three days, a week; each with its label. */
export const SNOOZES = [
  { days: 1, label: 'inbox.snoozeDay' },
  { days: 3, label: 'inbox.snooze3Days' },
  { days: 7, label: 'inbox.snoozeWeek' },
] as const;
