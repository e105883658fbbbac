// What a run keeps of a long output: the first half of the output cap as printed (the head) and
// the last half (the tail: a ring of the writes made since the head filled up). When the head
// fills, an `outputDropped` marker takes the next place in the event log, and the tail's events
// hold nothing until the run ends, when each gets the writes the ring kept; an event whose writes
// all left the ring becomes an empty marker. Readers then show the head, "… N lines not kept …"
// and the tail, each in the step that printed it. Memory stays within the cap whatever a program
// prints, and each write costs O(1) (no string is cut and copied again per write).
import type { TraceEvent } from '../../common/trace';

type OutputEvent = Extract<TraceEvent, { t: 'output' }>;
type DroppedEvent = Extract<TraceEvent, { t: 'outputDropped' }>;

/** A tail event whose writes all left the ring: shared, it counts nothing (the first marker counts all). */
const EMPTY: DroppedEvent = Object.freeze({ t: 'outputDropped', lines: 0, chars: 0 }) as DroppedEvent;

function newlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export class OutputCut {
  private headLeft: number;
  private readonly tailMax: number;
  private tailChars = 0;
  /** The ring: each write since the head filled, with the event it belongs to; `first` is its start. */
  private readonly writes: { event: number; text: string }[] = [];
  private first = 0;
  private readonly tailEvents: number[] = [];
  private marker: DroppedEvent | null = null;

  constructor(
    private readonly events: TraceEvent[],
    cap: number,
  ) {
    this.headLeft = Math.max(0, Math.floor(cap / 2));
    this.tailMax = Math.max(0, cap - this.headLeft);
  }

  /** Whether the head has filled up (writes then go to `toTail`). */
  get full(): boolean {
    return this.headLeft <= 0;
  }

  /** Takes what still fits in the head (whole lines where it can) and returns the rest. */
  toHead(text: string): { kept: string; rest: string } {
    if (text.length <= this.headLeft) {
      this.headLeft -= text.length;
      return { kept: text, rest: '' };
    }
    // The head ends with a whole line: a line that does not fit goes to the tail whole.
    const at = text.lastIndexOf('\n', this.headLeft - 1) + 1;
    this.headLeft = 0;
    return { kept: text.slice(0, at), rest: text.slice(at) };
  }

  /** The head just filled: the marker's place in the log, right after it. */
  placeMarker(): void {
    this.marker = { t: 'outputDropped', lines: 0, chars: 0 };
    this.events.push(this.marker);
  }

  /** A tail event in the log: its text is filled in by `finish`. */
  newTailEvent(stream: 'stdout' | 'stderr'): OutputEvent {
    const e: OutputEvent = { t: 'output', stream, text: '' };
    this.tailEvents.push(this.events.length);
    this.events.push(e);
    return e;
  }

  /** A write to the tail event at `event` (the last one in the log). */
  toTail(event: number, text: string): void {
    this.writes.push({ event, text });
    this.tailChars += text.length;
    while (this.tailChars > this.tailMax && this.first < this.writes.length) {
      const w = this.writes[this.first];
      const over = this.tailChars - this.tailMax;
      if (w.text.length <= over) {
        this.drop(w.text);
        this.tailChars -= w.text.length;
        this.first++;
        continue;
      }
      // Part of the oldest write goes: through the end of a line where there is one.
      let cut = w.text.indexOf('\n', over - 1) + 1;
      if (cut === 0) cut = over;
      this.drop(w.text.slice(0, cut));
      this.tailChars -= cut;
      w.text = w.text.slice(cut);
    }
    // The tail starts at a line's start: the rest of a line cut in two goes too.
    while (this.midLine && this.first < this.writes.length) {
      const w = this.writes[this.first];
      const nl = w.text.indexOf('\n');
      const cut = nl < 0 ? w.text.length : nl + 1;
      this.drop(w.text.slice(0, cut));
      this.tailChars -= cut;
      w.text = w.text.slice(cut);
      if (nl < 0) this.first++;
    }
    // The ring's dead start goes from time to time, so the array stays about as long as the tail.
    if (this.first > 4096 && this.first * 2 > this.writes.length) {
      this.writes.splice(0, this.first);
      this.first = 0;
    }
  }

  /** The text dropped last ended inside a line. */
  private midLine = false;

  private drop(text: string): void {
    if (text.length === 0) return;
    this.marker!.chars += text.length;
    this.marker!.lines += newlines(text);
    this.midLine = !text.endsWith('\n');
  }

  /** At the run's end: each tail event gets the writes the ring kept. */
  finish(): void {
    const kept = new Map<number, string[]>();
    for (let i = this.first; i < this.writes.length; i++) {
      const w = this.writes[i];
      let parts = kept.get(w.event);
      if (!parts) kept.set(w.event, (parts = []));
      parts.push(w.text);
    }
    for (const index of this.tailEvents) {
      const parts = kept.get(index);
      if (parts) (this.events[index] as OutputEvent).text = parts.join('');
      else this.events[index] = EMPTY;
    }
  }
}
