// The name a screen reader (and a list in words) gives an actor: its label plus its number in
// the trace, so three tasks of `deposit()` read "deposit #2", "deposit #3", "deposit #4", never
// the same words three times. When the shared naming scheme (common/taskNames.ts) lands, the
// body below becomes a call to it; every reader of names goes through here.
import type { Token } from './snapshot';

export function spokenName(t: Pick<Token, 'id' | 'label'>): string {
  return `${t.label} #${t.id}`;
}
