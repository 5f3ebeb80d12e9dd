import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock/clock.js';
import { badInput } from '../../core/errors.js';
import { defaultFrom } from '../abc/abc.period.js';

export interface Period {
  from: string;
  to: string;
}

/**
 * The period asked for, each bound inclusive. Without bounds, the period of the ABC snapshot (what
 * Customer.abc shows), or the 12 months up to today before the first snapshot; `to` alone means the
 * 12 months up to it, `from` alone the days from it up to today.
 */
export async function compositionPeriod(
  em: EntityManager,
  from: string | null | undefined,
  to: string | null | undefined,
  clock: Clock,
): Promise<Period> {
  if (!from && !to) {
    const [snapshot] = await em.execute<Array<{ from: string; to: string }>>(
      `select to_char(period_from, 'YYYY-MM-DD') as "from", to_char(period_to, 'YYYY-MM-DD') as "to"
       from analytics_snapshot`,
    );
    if (snapshot) return snapshot;
  }
  const end = to ?? clock.today();
  const period = { from: from ?? defaultFrom(end), to: end };
  if (period.from > period.to) {
    throw to ? badInput('to', 'must not be before from') : badInput('from', 'must not be after today');
  }
  return period;
}
