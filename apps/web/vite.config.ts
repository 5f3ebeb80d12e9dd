import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleBudget } from './tooling/bundle-budget.ts';

const apiTarget = `http://localhost:${process.env.DOSSIER_API_PORT ?? 4000}`;

// The API owns these paths; the dev server (and `vite preview`, which inherits `server.proxy`)
// forwards them so the browser only ever talks to one origin and the session cookie stays same-site.
const proxy = Object.fromEntries(['/graphql', '/healthz', '/readyz'].map((path) => [path, apiTarget]));

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
  // at the minified size of the largest chunk: ExcelJS's prebuilt browser bundle (≈ 930 KB, fetched
  // only when someone downloads a table as XLSX).
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { port: 5173, strictPort: true, proxy },
});
