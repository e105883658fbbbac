// Whether an edit replaced the program rather than changed it: then the lesson's title and
// explanation, and the example's or lesson's file name (which tracebacks print), belong to the
// old program and must go. Replaced = almost none of the old program's lines are left. Pure.

/** Lines this short (`pass`, `)`) are in every program and prove nothing. */
const MIN_LINE = 6;
/** Below this share of the old program's lines kept, the new text is another program. */
export const KEPT_SHARE = 0.2;

function lines(text: string): Set<string> {
  const out = new Set<string>();
  for (const l of text.split('\n')) {
    const t = l.trim();
    if (t.length >= MIN_LINE && !t.startsWith('#')) out.add(t);
  }
  return out;
}

export function replacesProgram(original: string, text: string): boolean {
  const before = lines(original);
  if (before.size === 0 || text.trim() === '') return false;
  const after = lines(text);
  let kept = 0;
  for (const l of before) if (after.has(l)) kept++;
  return kept / before.size < KEPT_SHARE;
}
