// Byte-level reading and writing for the binary trace (traceCodec.ts): unsigned LEB128 varints,
// float64 and interned UTF-8 strings. Names, awaited expressions and reprs repeat thousands of
// times in a big run, so a string is written once and referred to by number after that; long
// strings (printed text, tracebacks) are written as they come and never interned.

/** Strings longer than this are not interned (printed output rarely repeats; the table stays small). */
const INTERN_MAX = 96;

export class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  private at = 0;
  private readonly strings = new Map<string, number>();
  private readonly utf8 = new TextEncoder();

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.at++] = b;
  }

  /** A non-negative safe integer. */
  uint(n: number): void {
    this.room(10);
    while (n >= 0x80) {
      this.buf[this.at++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.at++] = n;
  }

  f64(x: number): void {
    this.room(8);
    this.view.setFloat64(this.at, x, true);
    this.at += 8;
  }

  /** 0: a new interned string follows; 1: a string not interned follows; n + 2: string n. */
  str(s: string): void {
    const known = this.strings.get(s);
    if (known !== undefined) return this.uint(known + 2);
    const intern = s.length <= INTERN_MAX;
    if (intern) this.strings.set(s, this.strings.size);
    this.uint(intern ? 0 : 1);
    this.raw(s);
  }

  private raw(s: string): void {
    this.room(s.length * 3 + 10);
    const lenAt = this.at;
    // Reserve 5 bytes for the length, write, then move the bytes back if the length was shorter.
    this.at += 5;
    const { written } = this.utf8.encodeInto(s, this.buf.subarray(this.at));
    const body = this.buf.slice(this.at, this.at + written);
    this.at = lenAt;
    this.uint(written);
    this.buf.set(body, this.at);
    this.at += written;
  }

  /** The bytes written, in a buffer of their own (transferable). */
  finish(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.at);
  }
}

/** The interned strings of a trace as one text and where each ends: posted between threads as
 * two values, not as a hundred thousand strings. */
export interface StringTable {
  text: string;
  ends: Uint32Array;
}

export class ByteReader {
  private readonly view: DataView;
  private at = 0;
  private readonly strings: string[] = [];
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private readonly known: ((n: number) => string | undefined) | null;

  /** With `table` (every string the whole trace interns), the reader may start anywhere (`seek`). */
  constructor(
    private readonly buf: Uint8Array,
    table?: StringTable,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.known = table
      ? (n) =>
          n < table.ends.length ? table.text.slice(n > 0 ? table.ends[n - 1] : 0, table.ends[n]) : undefined
      : null;
  }

  get done(): boolean {
    return this.at >= this.buf.length;
  }

  get offset(): number {
    return this.at;
  }

  seek(at: number): void {
    this.at = at;
  }

  /** The strings interned so far (all of them, once the whole trace is read). */
  table(): StringTable {
    const ends = new Uint32Array(this.strings.length);
    let end = 0;
    this.strings.forEach((s, i) => (ends[i] = end += s.length));
    return { text: this.strings.join(''), ends };
  }

  private need(n: number): void {
    if (this.at + n > this.buf.length) throw new RangeError('the trace ends too early');
  }

  byte(): number {
    this.need(1);
    return this.buf[this.at++];
  }

  uint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
      if (scale > 2 ** 56) throw new RangeError('a number in the trace is too long');
    }
  }

  f64(): number {
    this.need(8);
    const x = this.view.getFloat64(this.at, true);
    this.at += 8;
    return x;
  }

  str(): string {
    const code = this.uint();
    if (code >= 2) {
      const s = this.known ? this.known(code - 2) : this.strings[code - 2];
      if (s === undefined) throw new RangeError('the trace refers to a string it never wrote');
      return s;
    }
    const len = this.uint();
    this.need(len);
    const s = this.utf8.decode(this.buf.subarray(this.at, this.at + len));
    this.at += len;
    if (code === 0 && !this.known) this.strings.push(s);
    return s;
  }
}
