// The buffers under every typed array in a value (objects and arrays walked, each buffer once),
// to hand to postMessage as its transfer list: moved, not copied. Pure.
export function transferables(value: unknown, into = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) into.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === 'object') transferables(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) if (v !== null && typeof v === 'object') transferables(v, into);
  }
  return [...into];
}
