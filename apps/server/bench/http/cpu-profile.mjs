// Preloaded (`node --import`) into our server by `pnpm bench --cpu-prof`, and never otherwise: Node refuses
// --cpu-prof in NODE_OPTIONS, which is how the bench reaches the server behind scripts/start.mjs. Profiles
// the process from here to its exit and writes a .cpuprofile (Chrome DevTools, speedscope) to
// BENCH_CPU_PROFILE_DIR. The in-thread inspector session answers synchronously, so this works in 'exit'.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const folder = process.env.BENCH_CPU_PROFILE_DIR;
// Only the server (dist/main.js), not scripts/start.mjs nor the build steps it runs, which inherit the preload.
if (folder && process.argv[1]?.endsWith(path.join('dist', 'main.js'))) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(folder, { recursive: true });
      const file = path.join(
        folder,
        `dossier-${new Date().toISOString().replaceAll(':', '-')}-${process.pid}.cpuprofile`,
      );
      writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
