// Renders docs/room-name-benchmarks.md from the roomName benchmark's numbers (measures nothing).
import { writeFileSync } from 'node:fs';

export interface RoomNameRow {
  readonly needle: string;
  readonly kind: 'selective' | 'broad';
  readonly total: number;
  readonly share: number;
  readonly plan: string;
  readonly estimated: number;
  readonly examined: number;
  readonly indexMs: number;
  readonly handMs: number;
  readonly speedup: number;
}

export interface RoomNameReport {
  readonly size: number;
  readonly roomsHeap: number;
  readonly indexHeap: number;
  readonly gramBytes: number;
  readonly otherIndexBytes: number;
  readonly grams: number;
  readonly entries: number;
  readonly buildMs: number;
  readonly plainBuildMs: number;
  readonly rows: RoomNameRow[];
}

const mib = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MiB`;
const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const sizeName = (n: number): string => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
/** The goals: selective ≥ 20× the hand scan at 300k, ≥ 50× at 1M; broad never slower (≥ 1×). */
const goal = (kind: string, n: number): number => (kind === 'broad' ? 1 : n >= 1_000_000 ? 50 : 20);

export const renderRoomNameDocs = (results: { node: string; reports: ReadonlyArray<RoomNameReport> }): void => {
  const lines = [
    '# roomName benchmark: the substring index',
    '',
    '`roomName` matches rooms whose name contains the text, case-insensitively. The substring index keeps, for',
    'every 1-, 2- and 3-character run of the case-folded names, the rooms holding it: a needle of up to three',
    'characters is one exact list (the page is read in date order and the total is the list size); a longer',
    "needle intersects its three-character runs' lists, smallest first, and checks each candidate's name, which",
    'the index keeps case-folded, for the folded needle. Rooms: our generator with the names replaced by varied person names and phone numbers',
    "(bench/room-name/person-names.ts). Request: the admin's first page (50 rooms, newest first) with `roomName`.",
    'Baseline: a hand-written top-k scan (the predicate and comparator written out, one pass, bounded heap).',
    '',
    `Reproduce: \`npm run bench:room-name -- --sizes ${results.reports.map((r) => r.size).join(',')}\` (node ${results.node}).`,
    "Measured on a 2-core machine shared with other developers' builds and tests: absolute times are noisy,",
    'the ratios are what to read: both sides are timed in the same process, in turns (one hand scan, then indexed',
    'runs for as long as it took, and again), so both see the same load.',
    '',
  ];
  for (const r of results.reports) {
    lines.push(`## ${sizeName(r.size)} rooms`, '');
    lines.push('| needle | kind | matches | plan | rooms read (estimated) | indexed ms | hand scan ms | speedup | goal |');
    lines.push('|---|---|---:|---|---:|---:|---:|---:|---|');
    for (const row of r.rows) {
      const g = goal(row.kind, r.size);
      lines.push(
        `| \`${row.needle}\` | ${row.kind} | ${row.total} (${(100 * row.share).toFixed(2)} %) | ${row.plan} | ${row.examined} (${Math.round(row.estimated)}) | ` +
          `${ms(row.indexMs)} | ${ms(row.handMs)} | ${row.speedup.toFixed(1)}× | ≥ ${g}× ${row.speedup >= g ? '✅' : '❌'} |`,
      );
    }
    lines.push('');
    lines.push(
      `Heap: rooms ${mib(r.roomsHeap)}; the whole index set ${mib(r.indexHeap)} = ${(r.indexHeap / r.roomsHeap).toFixed(2)}× the rooms (goal ≤ 0.5× ${r.indexHeap <= 0.5 * r.roomsHeap ? '✅' : '❌'}), ` +
        `of which the substring index ${mib(r.gramBytes)} (${r.grams.toLocaleString('en-US')} grams, ${r.entries.toLocaleString('en-US')} room-gram entries) and the other indexes ${mib(r.otherIndexBytes)}. ` +
        `Build: ${ms(r.buildMs)} ms with the substring index, ${ms(r.plainBuildMs)} ms without.`,
      '',
    );
  }
  writeFileSync(new URL('../../docs/room-name-benchmarks.md', import.meta.url), `${lines.join('\n')}\n`);
};
