// The k smallest items under `compare`, in order, without sorting everything: a bounded max-heap,
// O(n log k) time and O(k) memory. Falls back to a full sort when k is most of n.

type Compare<T> = (a: T, b: T) => number;

const siftDown = <T>(heap: T[], compare: Compare<T>, start: number): void => {
  const n = heap.length;
  let i = start;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let top = i;
    if (l < n && compare(heap[l] as T, heap[top] as T) > 0) top = l;
    if (r < n && compare(heap[r] as T, heap[top] as T) > 0) top = r;
    if (top === i) return;
    [heap[i], heap[top]] = [heap[top] as T, heap[i] as T];
    i = top;
  }
};

const siftUp = <T>(heap: T[], compare: Compare<T>, start: number): void => {
  let i = start;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compare(heap[i] as T, heap[parent] as T) <= 0) return;
    [heap[i], heap[parent]] = [heap[parent] as T, heap[i] as T];
    i = parent;
  }
};

/** The first `k` items of `items` sorted by `compare` (which must be a total order). */
export const topK = <T>(items: ReadonlyArray<T>, k: number, compare: Compare<T>): { sorted: T[]; ordering: 'top-k' | 'full-sort' } => {
  if (k <= 0) return { sorted: [], ordering: 'top-k' };
  if (k * 4 >= items.length) return { sorted: [...items].sort(compare).slice(0, k), ordering: 'full-sort' };
  const heap: T[] = [];
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap, compare, heap.length - 1);
    } else if (compare(item, heap[0] as T) < 0) {
      heap[0] = item;
      siftDown(heap, compare, 0);
    }
  }
  return { sorted: heap.sort(compare), ordering: 'top-k' };
};
