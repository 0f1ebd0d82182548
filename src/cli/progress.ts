// A progress bar on stderr for long runs (cli-progress), or nothing: callers just call tick/stop.

import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  readonly tick: (done: number) => void;
  readonly stop: () => void;
}

const NONE: Progress = { tick: () => undefined, stop: () => undefined };

/** Redraws at most every `step` items (and at the end), so drawing never dominates the work. */
export const createProgress = (options: {
  readonly total: number;
  readonly label: string;
  readonly show: boolean;
  readonly stream: NodeJS.WritableStream;
}): Progress => {
  if (!options.show) return NONE;
  const bar = new SingleBar(
    {
      stream: options.stream,
      format: `${options.label} [{bar}] {percentage}% | {value}/{total} | eta {eta_formatted}`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  const step = Math.max(1, Math.floor(options.total / 1000));
  bar.start(options.total, 0);
  return {
    tick: (done) => {
      if (done % step === 0 || done === options.total) bar.update(done);
    },
    stop: () => bar.stop(),
  };
};
