import { AsyncLocalStorage } from 'node:async_hooks';
import { type Clock, systemClock } from './clock.js';

// Requests carry their clock in the Context and services pass it on. Code that only sees an ORM flush or
// an entity being built (the risk and history subscribers, created/updated stamps) cannot be handed one:
// it reads the clock of the unit of work it runs in, which writeTransaction sets here.
const storage = new AsyncLocalStorage<Clock>();

// Outside any unit of work (a CLI import, a test fixture's flush): the process's clock, which the entry
// points set from DOSSIER_TIME_ZONE (startDossier, runOnDatabase, runBench) and the test harness pins.
// Until then: the real time in the default zone.
let processClock: Clock = systemClock();

export function setProcessClock(clock: Clock): void {
  processClock = clock;
}

/** Runs `work` with `clock` as the current clock of everything it calls, awaited or not. */
export function runOnClock<T>(clock: Clock, work: () => T): T {
  return storage.run(clock, work);
}

/** The clock of the unit of work in progress, else the process's. */
export function currentClock(): Clock {
  return storage.getStore() ?? processClock;
}

/** The current instant honouring the injected clock: for record stamps (createdAt, a change's `at`). */
export const currentInstant = (): Date => currentClock().now();
