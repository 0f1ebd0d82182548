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
const slow = flag('--slow', Number.POSITIVE_INFINITY);
/** `--phase 'order ts'`: print every step of that phase (where its time goes). */
const showPhase = args.includes('--phase') ? args[args.indexOf('--phase') + 1] : undefined;

/** CPU time of this process (ms): a shared machine's other processes don't count (GC helper threads do). */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const agents = agentsOf(generateUsers({ seed: 1, agents: 50 }));
const rooms = generateRooms({ count: size, seed: 1, agents });
const created = createRoomStore(rooms, {
  deriveCollection: createLeveledDeriver({ mergeAt: () => Number.POSITIVE_INFINITY }),
  maxPendingChanges: 64,
});
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
  let phase = '';
  const steps = mergeViewSteps(view, undefined, (p) => (phase = p));
  const byPhase = new Map<string, { steps: number; units: number; ms: number; worst: number; worstUnits: number }>();
  const timed: Array<{ step: number; units: number; ms: number }> = [];
  let total = 0;
  let units = 0;
  for (let step = 0; ; step++) {
    const t0 = cpu();
    const at = phase; // the phase a step starts in (its work may end in the next one)
    const next = steps.next();
    const ms = cpu() - t0;
    const agg = byPhase.get(at) ?? { steps: 0, units: 0, ms: 0, worst: 0, worstUnits: 0 };
    byPhase.set(at, agg);
    agg.steps++;
    agg.ms += ms;
    if (!next.done) agg.units += next.value;
    if (ms > agg.worst) {
      agg.worst = ms;
      agg.worstUnits = next.done ? 0 : next.value;
    }
    total += ms;
    if (next.done) {
      timed.push({ step, units: 0, ms });
      break;
    }
    units += next.value;
    timed.push({ step, units: next.value, ms });
    // Inline, so `--trace-gc` lines printed during the step come right before it.
    if (at === showPhase && run === repeat - 1) console.log(`  ${at} step ${step}: ${ms.toFixed(2)} ms for ${next.value.toFixed(0)} units`);
    if (ms > slow) console.log(`  slow step ${step}: ${ms.toFixed(2)} ms for ${next.value.toFixed(0)} units`);
  }
  const perUnit = total / units;
  console.log(
    `run ${run}: ${timed.length} steps, ${units.toFixed(0)} units, ${total.toFixed(1)} ms (${(perUnit * 1e6).toFixed(1)} ns/unit)`,
  );
  for (const [name, a] of byPhase) {
    const ns = (a.ms * 1e6) / Math.max(1, a.units);
    console.log(
      `  ${name.padEnd(26)} ${String(a.steps).padStart(5)} steps ${a.units.toFixed(0).padStart(9)} units ${a.ms.toFixed(1).padStart(7)} ms ${ns.toFixed(0).padStart(5)} ns/unit; worst step ${a.worst.toFixed(2)} ms (${a.worstUnits.toFixed(0)} units)`,
    );
  }
  for (const s of [...timed].sort((a, b) => b.ms - a.ms).slice(0, top)) {
    console.log(
      `  step ${s.step}/${timed.length}: ${s.ms.toFixed(2)} ms for ${s.units.toFixed(0)} units (${(s.ms / Math.max(1, s.units * perUnit)).toFixed(1)}× their worth)`,
    );
  }
}
