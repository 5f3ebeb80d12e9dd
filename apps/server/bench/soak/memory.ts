import { median } from '../report.js';

/** One reading of the server's resident memory, `at` seconds into the run. */
export interface RssSample {
  at: number;
  mb: number;
}

/** The first fifth of a run is warm-up: code compiled, caches and pools filled, the heap grown to its working size. */
export const WARM_UP_SHARE = 0.2;

export interface MemoryFigures {
  /** The first reading, before any load. */
  startMb: number;
  /** The median reading of the fifth of the run that follows warm-up. */
  warmMb: number;
  /** The median reading of the run's last fifth. */
  endMb: number;
  /** endMb against warmMb: the memory the steady load added. */
  growth: number;
}

/**
 * The server's memory at the start, after warm-up and at the end of a run of `seconds`. Medians of a fifth
 * of the run each: the memory of the requests in flight swings by a fifth between two readings on a busy
 * machine (answers of a dossier list waiting for a core), and one reading must not decide.
 */
export function memoryFigures(samples: readonly RssSample[], seconds: number): MemoryFigures {
  const within = (from: number, to: number) =>
    samples.filter((sample) => sample.at >= from && sample.at <= to).map((sample) => sample.mb);
  const warm = within(seconds * WARM_UP_SHARE, seconds * 2 * WARM_UP_SHARE);
  const end = within(seconds * (1 - WARM_UP_SHARE), Number.POSITIVE_INFINITY);
  if (warm.length === 0 || end.length === 0) throw new Error('too few memory readings for the run');
  const warmMb = median(warm);
  const endMb = median(end);
  return { startMb: samples[0]?.mb ?? Number.NaN, warmMb, endMb, growth: endMb / warmMb - 1 };
}

/** Reads the memory twice a second until stopped. */
export function sampleRss(read: () => Promise<number>): { stop(): Promise<RssSample[]> } {
  const samples: RssSample[] = [];
  const started = performance.now();
  const take = async () => samples.push({ at: (performance.now() - started) / 1000, mb: await read() });
  const first = take();
  const timer = setInterval(() => void take(), 500);
  return {
    async stop() {
      clearInterval(timer);
      await first;
      await take();
      return samples;
    },
  };
}
