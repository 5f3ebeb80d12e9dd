/** One reading of the server's resident memory, `at` seconds into the run. */
export interface RssSample {
  at: number;
  mb: number;
}

/**
 * Warm-up: the first fifth of a run, and never less than 30 s. V8 raises the heap's limit at each of the
 * first full collections (seen with --trace-gc under the mixed load: the live heap stays at ≈ 60 MB from
 * 20 s on, while the heap it lets grow between collections climbs to ≈ 250 MB by 30 s, then holds).
 */
export const warmUpSeconds = (seconds: number) => Math.max(0.2 * seconds, 30);

export interface MemoryFigures {
  /** The first reading, before any load. */
  startMb: number;
  /** The highest reading of the window that follows warm-up. */
  warmMb: number;
  /** The highest reading of the run's last window, as long as the first. */
  endMb: number;
  /** endMb against warmMb: the memory the steady load added. */
  growth: number;
}

/**
 * The server's memory at the start, after warm-up and at the end of a run of `seconds`. Between two full
 * collections the heap grows by about four times what is live and drops back: the readings are a saw.
 * The highest reading of a window of about one tooth or more is the saw's top, which a leak lifts and
 * which a reading taken just before or after a collection does not move. Each window is a fifth of the
 * run, or half of what follows warm-up when that is shorter.
 */
export function memoryFigures(samples: readonly RssSample[], seconds: number): MemoryFigures {
  const warmUp = warmUpSeconds(seconds);
  const window = Math.min(0.2 * seconds, (seconds - warmUp) / 2);
  const highest = (from: number, to: number) =>
    Math.max(...samples.filter((sample) => sample.at >= from && sample.at <= to).map((sample) => sample.mb));
  const warmMb = highest(warmUp, warmUp + window);
  const endMb = highest(seconds - window, Number.POSITIVE_INFINITY);
  if (!Number.isFinite(warmMb) || !Number.isFinite(endMb)) throw new Error('too few memory readings');
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
