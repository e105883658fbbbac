// A FIFO with O(1) push and popleft, the role collections.deque plays for asyncio's _ready.
// An array with a moving head; the consumed prefix is dropped once it outweighs the rest.

/** Below this many consumed slots, compacting costs more than it frees. */
const COMPACT_MIN = 1024;

export class Deque<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  popleft(): T {
    if (this.head >= this.items.length) throw new RangeError('pop from an empty deque');
    const item = this.items[this.head++];
    if (this.head >= COMPACT_MIN && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** The items head first (a copy). */
  toArray(): T[] {
    return this.items.slice(this.head);
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
