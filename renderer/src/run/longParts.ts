// Posting a big value from a worker without one long receipt on the UI thread: the long plain
// arrays and Maps inside it (a 100,000-task run's output chunks, task names, exits) are cut
// out and sent as parts of at most `size` items, each received as a task of its own, and put
// back where they came from. Typed arrays stay (they are transferred, not copied). Pure.

/** Where a cut list lives in the value: the keys from the root. */
export type PartPath = (string | number)[];

export interface LongPart {
  path: PartPath;
  /** Array items, or a Map's entries, or a sparse array's [index, item] entries. */
  items: unknown[];
  sparse?: true;
}

const INDEX = /^(0|[1-9]\d*)$/;

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/** Empties every array or Map in `root` longer than `size` (in place) and returns its items in parts. */
export function cutLong(root: unknown, size: number): LongPart[] {
  const parts: LongPart[] = [];
  const visit = (v: unknown, path: PartPath): void => {
    if (Array.isArray(v)) {
      if (v.length > size) {
        const keys = Object.keys(v);
        if (keys.length === v.length) {
          const items = v.splice(0);
          for (let i = 0; i < items.length; i += size) parts.push({ path, items: items.slice(i, i + size) });
        } else {
          // Sparse (names by actor id, ids from the trace): its entries, so a hole stays a hole
          // and one far id costs one entry, not millions of empty items to send and push.
          const entries = keys.filter((k) => INDEX.test(k)).map((k) => [Number(k), v[Number(k)]]);
          v.length = 0;
          for (let i = 0; i < entries.length; i += size)
            parts.push({ path, items: entries.slice(i, i + size), sparse: true });
        }
      } else v.forEach((x, i) => visit(x, [...path, i]));
    } else if (v instanceof Map) {
      if (v.size > size) {
        const entries = [...v];
        v.clear();
        for (let i = 0; i < entries.length; i += size)
          parts.push({ path, items: entries.slice(i, i + size) });
      }
    } else if (isPlain(v)) for (const k of Object.keys(v)) visit(v[k], [...path, k]);
  };
  visit(root, []);
  return parts;
}

/** Puts a part back into the value cutLong emptied (in the order the parts were cut). */
export function putBack(root: unknown, part: LongPart): void {
  let at = root as Record<string | number, unknown>;
  for (const k of part.path) at = at[k] as Record<string | number, unknown>;
  if (at instanceof Map) for (const [k, v] of part.items as [unknown, unknown][]) at.set(k, v);
  else if (Array.isArray(at) && part.sparse)
    for (const [i, item] of part.items as [number, unknown][]) at[i] = item;
  else if (Array.isArray(at)) for (const item of part.items) at.push(item);
  else throw new TypeError('a part of the trace index does not fit where it belongs');
}
