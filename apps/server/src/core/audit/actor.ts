import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is writing, for the history subscriber, which only sees the flush and not the request. */
const actorStorage = new AsyncLocalStorage<{ actorId: string | null }>();

export function runAs<T>(actorId: string | null, work: () => Promise<T>): Promise<T> {
  return actorStorage.run({ actorId }, work);
}

export function currentActorId(): string | null {
  return actorStorage.getStore()?.actorId ?? null;
}
