// `node --expose-gc --import tsx bench/store/merge-steps.ts [--size 200000] [--changes 8000] [--top 15]`: the CPU
// time of each step of one merge (merge-collection.ts's generator, as the leveled deriver slices it) next to the
// work units the step claimed. A step whose time is far above its units' worth is work the counters miss, i.e.
// an unsliced step. Builds `size` rooms, applies `changes` realistic patches without merging, then merges.
import * as E from 'fp-ts/lib/Either.js';
import { agentsOf, generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { mergeViewSteps } from '../../src/collection/derived/merge-collection.js';
import type { OverlayView } from '../../src/collection/derived/overlay.js';
import { createLeveledDeriver, createRoomStore } from '../../src/store/index.js';
import { changeStreamFrom, streamSeed } from '../live/change-stream.js';

const args = process.argv.slice(2);
const flag = (name: string, d: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : d;
};
const size = flag('--size', 200_000);
const changes = flag('--changes', 8_000);
const top = flag('--top', 15);
const repeat = flag('--repeat', 2);

/** CPU time of this process (ms): a shared machine's other processes don't count (GC helper threads do). */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const agents = agentsOf(generateUsers({ seed: 1, agents: 50 }));
const rooms = generateRooms({ count: size, seed: 1, agents });
const created = createRoomStore(rooms, { deriveCollection: createLeveledDeriver({ mergeAt: () => Number.POSITIVE_INFINITY }), maxPendingChanges: 64 });
if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
const store = created.right;
store.snapshot(); // built once; the patches below then derive from it
for (const patch of changeStreamFrom(streamSeed(rooms, 10_000), agents, changes, 'steps')) {
  const r = store.apply(patch);
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
}
const view = (store.snapshot() as unknown as { overlay: OverlayView }).overlay;
console.log(`${size} rooms, overlay ${view.tombstones().positions.length} tombstones + ${view.delta().docs.length} changed rooms`);
for (let run = 0; run < repeat; run++) {
  (globalThis as { gc?: () => void }).gc?.();
  const steps = mergeViewSteps(view);
  const timed: Array<{ step: number; units: number; ms: number }> = [];
  let total = 0;
  let units = 0;
  for (let step = 0; ; step++) {
    const t0 = cpu();
    const next = steps.next();
    const ms = cpu() - t0;
    total += ms;
    if (next.done) {
      timed.push({ step, units: 0, ms });
      break;
    }
    units += next.value;
    timed.push({ step, units: next.value, ms });
  }
  const perUnit = total / units;
  console.log(`run ${run}: ${timed.length} steps, ${units.toFixed(0)} units, ${total.toFixed(1)} ms (${(perUnit * 1e6).toFixed(1)} ns/unit)`);
  for (const s of [...timed].sort((a, b) => b.ms - a.ms).slice(0, top)) {
    console.log(`  step ${s.step}/${timed.length}: ${s.ms.toFixed(2)} ms for ${s.units.toFixed(0)} units (${(s.ms / Math.max(1, s.units * perUnit)).toFixed(1)}× their worth)`);
  }
}
