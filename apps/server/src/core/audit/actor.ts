import { AsyncLocalStorage } from 'node:async_hooks';
import type { ChangeVia } from '@dossier/domain';

/**
 * Who is writing, and how the change came about when not by that person's own hand (`via`: a customer's
 * proposal through a sheet link, accepted by the actor), for the history subscriber, which only sees the
 * flush and not the request.
 */
const actorStorage = new AsyncLocalStorage<{ actorId: string | null; via: ChangeVia | null }>();

export function runAs<T>(
  actorId: string | null,
  work: () => Promise<T>,
  via: ChangeVia | null = null,
): Promise<T> {
  return actorStorage.run({ actorId, via }, work);
}

export function currentActorId(): string | null {
  return actorStorage.getStore()?.actorId ?? null;
}

export function currentVia(): ChangeVia | null {
  return actorStorage.getStore()?.via ?? null;
}
