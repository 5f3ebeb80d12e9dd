import { gzipSync } from 'node:zlib';
import type { Plugin, Rolldown } from 'vite';

/** The most JavaScript (gzip) a rep's browser may load before the first screen: issue 8's budget. */
export const INITIAL_JS_BUDGET = 300 * 1024;

export interface ChunkSize {
  file: string;
  gzip: number;
  /** Loaded with the page: an entry or statically imported by one; lazy chunks are not. */
  initial: boolean;
}

type Bundle = Rolldown.OutputBundle;

/** Gzip size of every JavaScript chunk, marking the ones the first screen cannot do without. */
export function chunkSizes(bundle: Bundle): ChunkSize[] {
  const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    const chunk = chunks.find((c) => c.fileName === file);
    for (const imported of chunk?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  return chunks
    .map((chunk) => ({
      file: chunk.fileName,
      gzip: gzipSync(chunk.code).length,
      initial: initial.has(chunk.fileName),
    }))
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The report `vite build` prints and writes to dist/bundle-size.json. */
export function sizeReport(sizes: ChunkSize[], budget: number) {
  const initialGzip = sizes.filter((s) => s.initial).reduce((sum, s) => sum + s.gzip, 0);
  const lines = [
    `initial JS ${kb(initialGzip)} gzip of ${kb(budget)} budget`,
    ...sizes.map((s) => `  ${s.initial ? 'initial' : 'lazy   '} ${kb(s.gzip).padStart(9)}  ${s.file}`),
  ];
  return { initialGzip, budget, overBudget: initialGzip > budget, chunks: sizes, text: lines.join('\n') };
}

/** Fails the build when the initial JavaScript outgrows the budget; heavy screens must be lazy routes. */
export function bundleBudget(budget = INITIAL_JS_BUDGET): Plugin {
  return {
    name: 'dossier-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const report = sizeReport(chunkSizes(bundle), budget);
      const { text, ...json } = report;
      this.emitFile({
        type: 'asset',
        fileName: 'bundle-size.json',
        source: `${JSON.stringify(json, null, 2)}\n`,
      });
      this.info(`\n${text}`);
      if (report.overBudget)
        this.error(`initial JS is ${kb(report.initialGzip)} gzip, over the ${kb(budget)} budget: split it`);
    },
  };
}
