// An exact port of CPython's Lib/heapq.py push/pop/heapify for a caller-supplied `<`.
// Why not any binary heap: items whose keys compare equal must come out in the order
// CPython's heapq gives them (DESIGN.md "Ties"), so the sift loops are copied line for line.

export type Less<T> = (a: T, b: T) => boolean;

function siftdown<T>(heap: T[], lt: Less<T>, startpos: number, pos: number): void {
  const newitem = heap[pos];
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap[parentpos];
    if (lt(newitem, parent)) {
      heap[pos] = parent;
      pos = parentpos;
      continue;
    }
    break;
  }
  heap[pos] = newitem;
}

function siftup<T>(heap: T[], lt: Less<T>, pos: number): void {
  const endpos = heap.length;
  const startpos = pos;
  const newitem = heap[pos];
  // Bubble up the smaller child until hitting a leaf.
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos && !lt(heap[childpos], heap[rightpos])) childpos = rightpos;
    heap[pos] = heap[childpos];
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  // The leaf at pos is empty now: put newitem there and bubble it up.
  heap[pos] = newitem;
  siftdown(heap, lt, startpos, pos);
}

export function heappush<T>(heap: T[], lt: Less<T>, item: T): void {
  heap.push(item);
  siftdown(heap, lt, 0, heap.length - 1);
}

export function heappop<T>(heap: T[], lt: Less<T>): T {
  const lastelt = heap.pop();
  if (lastelt === undefined) throw new RangeError('index out of range');
  if (heap.length > 0) {
    const returnitem = heap[0];
    heap[0] = lastelt;
    siftup(heap, lt, 0);
    return returnitem;
  }
  return lastelt;
}

export function heapify<T>(x: T[], lt: Less<T>): void {
  const n = x.length;
  for (let i = (n >> 1) - 1; i >= 0; i--) siftup(x, lt, i);
}
