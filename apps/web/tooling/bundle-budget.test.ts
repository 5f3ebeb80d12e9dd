import { describe, expect, it } from 'vitest';
import { chunkSizes, sizeReport } from './bundle-budget';

/** A chunk of `size` incompressible-ish bytes, so gzip keeps roughly its size. */
function chunk(fileName: string, size: number, { isEntry = false, imports = [] as string[] } = {}) {
  let seed = fileName.length;
  const code = Array.from({ length: size }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return String.fromCharCode(33 + (seed % 90));
  }).join('');
  return { type: 'chunk' as const, fileName, code, isEntry, imports };
}

function bundle(...chunks: ReturnType<typeof chunk>[]) {
  return Object.fromEntries(chunks.map((c) => [c.fileName, c])) as unknown as Parameters<
    typeof chunkSizes
  >[0];
}

describe('the bundle budget', () => {
  const app = bundle(
    chunk('index.js', 4000, { isEntry: true, imports: ['vendor.js'] }),
    chunk('vendor.js', 3000, { imports: ['runtime.js'] }),
    chunk('runtime.js', 500),
    chunk('MapTab.js', 9000, { imports: ['vendor.js'] }),
  );

  it('counts the entry and what it imports statically, not the lazy tabs', () => {
    const sizes = chunkSizes(app);
    expect(Object.fromEntries(sizes.map((s) => [s.file, s.initial]))).toEqual({
      'index.js': true,
      'vendor.js': true,
      'runtime.js': true,
      'MapTab.js': false,
    });
    // Initial chunks are listed first, so the report reads top-down.
    expect(sizes.at(-1)?.file).toBe('MapTab.js');
  });

  it('is over budget only when the initial chunks together exceed it', () => {
    const sizes = chunkSizes(app);
    const initial = sizes.filter((s) => s.initial).reduce((sum, s) => sum + s.gzip, 0);
    expect(sizeReport(sizes, initial).overBudget).toBe(false);
    expect(sizeReport(sizes, initial - 1).overBudget).toBe(true);
    expect(sizeReport(sizes, initial).text.split('\n')[0]).toMatch(
      /^initial JS [\d.]+ KB gzip of [\d.]+ KB budget$/,
    );
  });
});
