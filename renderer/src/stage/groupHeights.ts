// How the Waiting lane's height is shared among its groups when their marks do not all fit.
// Without this, the first huge group (ten thousand sleepers) took the whole lane: its "+N more"
// line landed on the next group's title and the next group (main, awaiting the gather) fell out
// of the lane. Now every group that is shown keeps its title and room for its count, small
// groups are shown whole, and the big ones share what is left (water filling: every group gets
// up to the same extra height, so no group starves another). Groups past the lane's bottom
// are counted in one line of their own. Pure, so it is unit-tested.

export interface GroupNeed {
  /** Height of the group's tokens (below its title) if all were drawn. */
  body: number;
}

export interface GroupHeights {
  /** Height below each shown group's title, in order (tokens, and the "+N more" line if cut). */
  bodies: number[];
  /** Groups from here on are not shown (counted in one line instead). */
  shown: number;
}

/**
 * Shares `room` among groups that each take `title` for their title, `gap` after them and up
 * to `body` for their tokens; a group that is cut needs at least `line` of body for its count.
 */
export function groupHeights(
  needs: GroupNeed[],
  room: number,
  title: number,
  gap: number,
  line: number,
): GroupHeights {
  const full = needs.reduce((h, g) => h + title + g.body + gap, 0);
  if (full <= room) return { bodies: needs.map((g) => g.body), shown: needs.length };
  // Least each group takes: its title and either its whole body or one line for "+N more".
  const least = needs.map((g) => Math.min(g.body, line));
  let shown = 0;
  let used = 0;
  for (; shown < needs.length; shown++) {
    const take = title + least[shown] + gap;
    // Keep one line for "+N in K more groups" unless this is the last group.
    const reserve = shown < needs.length - 1 ? line : 0;
    if (used + take + reserve > room) break;
    used += take;
  }
  const extra = needs.slice(0, shown).map((g, i) => g.body - least[i]);
  const level = waterLevel(extra, Math.max(0, room - used - (shown < needs.length ? line : 0)));
  return { bodies: extra.map((e, i) => least[i] + Math.min(e, level)), shown };
}

/** The largest L with sum(min(e, L)) <= room. */
function waterLevel(wants: number[], room: number): number {
  const sorted = [...wants].sort((a, b) => a - b);
  let left = room;
  for (let i = 0; i < sorted.length; i++) {
    const share = left / (sorted.length - i);
    if (sorted[i] > share) return share;
    left -= sorted[i];
  }
  return Infinity;
}
