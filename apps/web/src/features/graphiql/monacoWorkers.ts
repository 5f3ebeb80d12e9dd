import type { Environment } from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

/**
 * Monaco's language workers, bundled by Vite from our own `?worker` imports. What graphiql 5's
 * `setup-workers/vite` does, less its console.info per worker: that entry, imported from the package,
 * breaks Vite's dependency pre-bundling (graphql/graphiql#4038), and `setup-workers/esm.sh` loads
 * the workers from the internet.
 */
window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'graphql') return new GraphQLWorker();
    return new EditorWorker();
  },
} satisfies Environment;
