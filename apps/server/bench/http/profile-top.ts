import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The parts of a V8 .cpuprofile (Profiler.stop's answer) that self time needs. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** `@mikro-orm/core/entity/EntityFactory.js`, not the whole path through pnpm's store. */
const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/^.*\/apps\/server\//, '');

/**
 * The functions with the most self time in a CPU profile, as shares of the busy time (idle left out):
 * where the server's own time goes, for `pnpm bench --cpu-prof`.
 */
export function topFrames(profile: CpuProfile, count: number): Array<{ share: number; frame: string }> {
  const frames = new Map(
    profile.nodes.map((node) => {
      const { functionName, url, lineNumber } = node.callFrame;
      const where = url ? ` ${shortUrl(url)}:${lineNumber + 1}` : '';
      return [node.id, `${functionName || '(anonymous)'}${where}`];
    }),
  );
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id) ?? '?';
    self.set(frame, (self.get(frame) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  self.delete('(idle)');
  const busy = [...self.values()].reduce((sum, time) => sum + time, 0);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([frame, time]) => ({ share: busy > 0 ? time / busy : 0, frame }));
}

/** Prints the top frames of the newest profile in `folder` (cpu-profile.mjs writes one per server run). */
export async function printTopFrames(folder: string, count = 25): Promise<void> {
  const files = (await readdir(folder).catch(() => [])).filter((f) => f.endsWith('.cpuprofile')).sort();
  const newest = files.at(-1);
  if (!newest) return;
  const profile = JSON.parse(await readFile(path.join(folder, newest), 'utf8')) as CpuProfile;
  console.log(`\nTop ${count} functions by self time (share of busy time), ${newest}:`);
  for (const { share, frame } of topFrames(profile, count)) {
    console.log(`${(share * 100).toFixed(1).padStart(6)} %  ${frame}`);
  }
}
