import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleBudget } from './tooling/bundle-budget.ts';

const apiTarget = `http://localhost:${process.env.DOSSIER_API_PORT ?? 4000}`;

// The API owns these paths; the dev server (and `vite preview`, which inherits `server.proxy`)
// forwards them so the browser only ever talks to one origin and the session cookie stays same-site.
const proxy = Object.fromEntries(
  ['/graphql', '/documents', '/monthly-reports', '/healthz', '/readyz'].map((path) => [path, apiTarget]),
);

export default defineConfig({
  plugins: [react(), bundleBudget()],
  // The shared rules and labels are bundled from source, as `build:if-stale` assumes: building the
  // web must not wait for (or silently use a stale) `packages/domain/dist`. An alias rather than the
  // `development` export condition, which would also pick Apollo Client's development build.
  resolve: {
    alias: {
      '@dossier/domain': fileURLToPath(new URL('../../packages/domain/src/index.ts', import.meta.url)),
      '@dossier/relationship-map': fileURLToPath(
        new URL('../../packages/relationship-map/src/index.ts', import.meta.url),
      ),
    },
  },
  // The gzip budget of tooling/bundle-budget.ts is the limit that matters; Rolldown's warning looks
  // at the minified size of single chunks, and the largest are lazy: Monaco for GraphiQL (≈ 2.8 MB,
  // fetched when /graphiql opens) and ExcelJS's browser bundle (≈ 930 KB, when a table is downloaded).
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // graphiql ships React Compiler output: its "use no memo" directives speak to that compiler,
      // not to the bundle, so dropping them changes nothing.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use no memo"')) return;
        handler(level, log);
      },
    },
  },
  server: { port: 5173, strictPort: true, proxy },
});
