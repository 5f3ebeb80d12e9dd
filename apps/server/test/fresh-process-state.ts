import { systemClock } from '../src/core/clock/clock.js';
import { setProcessClock } from '../src/core/clock/current-clock.js';

// The test files of a worker share their modules (isolate: false in vitest.config.ts): each file starts
// from the process clock a fresh process would have, not the one the previous file pinned.
setProcessClock(systemClock());
