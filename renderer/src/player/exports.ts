// Text exports of a run for slides and notes (File > Export): the steps as a Markdown table and
// the timeline as SVG. Pure functions of the model, so they are tested without a DOM.
import { cssColour, TIMELINE_DARK } from './colours';
import type { PlayerModel } from './model';
import { narrate } from './narration';
import { formatTime } from './snapshot';
import type { Timeline } from './timeline';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One row per step: index, virtual time, what ran, and the narration sentence. */
export function stepsMarkdown(model: PlayerModel): string {
  const rows = model.trace.steps.map((st, i) => {
    const who =
      st.kind === 'run' && st.actor !== undefined ? (model.info[st.actor]?.label ?? `#${st.actor}`) : st.kind;
    return `| ${i} | ${formatTime(st.time)} | ${cell(who)} | ${cell(narrate(model, i))} |`;
  });
  return ['| step | time | ran | what happened |', '|---:|---:|---|---|', ...rows].join('\n') + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The timeline as a standalone SVG, one row per task, like the panel draws it. */
export function timelineSvg(model: PlayerModel, timeline: Timeline, width = 1200, row = 22): string {
  const label = 110;
  const plot = width - label - 10;
  const height = timeline.rows.length * row + 10;
  const X = (s: number) => label + timeline.x[Math.min(s, timeline.x.length - 1)] * plot;
  const stepW = (timeline.stepShare * plot) / Math.max(1, timeline.x.length - 1);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="13">`,
    `<rect width="${width}" height="${height}" fill="${TIMELINE_DARK.bg}"/>`,
  ];
  timeline.rows.forEach((r, i) => {
    const y = 5 + i * row;
    const info = model.info[r.actor];
    const colour = cssColour(info?.colour ?? 0xffffff);
    out.push(
      `<text x="4" y="${y + row / 2 + 4}" fill="${TIMELINE_DARK.label}">${esc(info?.label ?? String(r.actor))}</text>`,
    );
    for (let k = 0; k < r.from.length; k++) {
      const x = X(r.from[k]);
      if (r.state[k] === 'running') {
        const w = Math.max(3, (r.to[k] - r.from[k]) * stepW);
        out.push(
          `<rect x="${x.toFixed(1)}" y="${y + 2}" width="${w.toFixed(1)}" height="${row - 4}" fill="${colour}"/>`,
        );
      } else {
        const w = Math.max(1, X(r.to[k]) - x);
        const [dy, h, op] = r.state[k] === 'ready' ? [6, row - 12, 0.45] : [row / 2 - 1, 2, 1];
        out.push(
          `<rect x="${x.toFixed(1)}" y="${y + dy}" width="${w.toFixed(1)}" height="${h}" fill="${colour}" fill-opacity="${op}"/>`,
        );
      }
    }
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
