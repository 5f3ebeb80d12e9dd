import type { ReminderKind } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock/clock.js';

/** One item a source wants in somebody's inbox; the inbox keeps one per (recipient, kind, key). */
export interface ReminderDraft {
  kind: ReminderKind;
  /** Staff id of the person whose inbox gets it. */
  recipientId: string;
  /** Tells this item from the recipient's other items of its kind: e.g. `${customerId}:${dueOn}`. */
  key: string;
  /** The customer it is about, when there is one (the access rules read it). */
  customerId: string | null;
  /** The business day it is about (due, expiry, birthday, festival), YYYY-MM-DD. */
  dueOn: string;
  /** The values the translated text is built from (names, counts, days); the wording lives in the web. */
  params: Record<string, string | number>;
  /** Where the person acts on it: a path of the web app, e.g. `/customers/<id>/relationships`. */
  link: string;
}

/**
 * Produces the drafts that are due on a business day. The reminder sweep (a scheduled job) asks every
 * source for `day`; drafts already in an inbox are not added again (so each appears once), and when
 * `settles` is true an open item its source no longer returns is marked done by itself (the complaint was
 * closed, the introduction recorded).
 */
export interface ReminderSource {
  kind: ReminderKind;
  settles: boolean;
  collect(em: EntityManager, day: string, clock: Clock): Promise<ReminderDraft[]>;
}
