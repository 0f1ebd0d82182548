// The hand-written contenders: the query's predicate and comparator hard-coded, no engine at all.
// `fullSort`: filter, sort every match, slice. `topK`: one pass keeping a bounded max-heap of
// offset + count (the ideal compiled scan). Each query gets its own copy of the loop (new Function),
// so V8's type feedback stays monomorphic, as if the loop had been written out by hand per query.
import type { Room } from '../../src/index.js';
import type { BenchQuery } from '../workload.js';

export interface Answer {
  readonly rooms: ReadonlyArray<Room>;
  readonly total: number;
}

const TOP_K_SOURCE = `
  const k = offset + count;
  const heap = [];
  let total = 0;
  for (let i = 0; i < rooms.length; i++) {
    const r = rooms[i];
    if (!pred(r)) continue;
    total++;
    if (heap.length < k) {
      heap.push(r);
      let j = heap.length - 1;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (cmp(heap[j], heap[p]) <= 0) break;
        const t = heap[j]; heap[j] = heap[p]; heap[p] = t; j = p;
      }
    } else if (k > 0 && cmp(r, heap[0]) < 0) {
      heap[0] = r;
      let j = 0;
      for (;;) {
        const l = 2 * j + 1, rr = l + 1;
        let m = j;
        if (l < k && cmp(heap[l], heap[m]) > 0) m = l;
        if (rr < k && cmp(heap[rr], heap[m]) > 0) m = rr;
        if (m === j) break;
        const t = heap[j]; heap[j] = heap[m]; heap[m] = t; j = m;
      }
    }
  }
  heap.sort(cmp);
  return { rooms: heap.slice(offset), total };
`;

type Loop = (
  rooms: ReadonlyArray<Room>,
  pred: BenchQuery['predicate'],
  cmp: BenchQuery['compare'],
  offset: number,
  count: number,
) => Answer;

export const handTopK = (q: BenchQuery): ((rooms: ReadonlyArray<Room>) => Answer) => {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const loop = new Function('rooms', 'pred', 'cmp', 'offset', 'count', TOP_K_SOURCE) as Loop;
  return (rooms) => loop(rooms, q.predicate, q.compare, q.offset, q.count);
};

export const handFullSort =
  (q: BenchQuery): ((rooms: ReadonlyArray<Room>) => Answer) =>
  (rooms) => {
    const matched = rooms.filter(q.predicate);
    matched.sort(q.compare);
    return { rooms: matched.slice(q.offset, q.offset + q.count), total: matched.length };
  };
