import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = `http://localhost:${process.env.DOSSIER_API_PORT ?? 4000}`;

// The API owns these paths; the dev server (and `vite preview`, which inherits `server.proxy`)
// forwards them so the browser only ever talks to one origin and the session cookie stays same-site.
const proxy = Object.fromEntries(['/graphql', '/healthz', '/readyz'].map((path) => [path, apiTarget]));

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { port: 5173, strictPort: true, proxy },
});
