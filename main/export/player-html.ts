// A run as one HTML file: the shared player's template (out/share/player.html, built by
// renderer/share/vite.config.ts) with the trace written into its empty data element. The trace
// goes in as JSON with every character that could end the element or start markup escaped,
// so nothing a program printed can become markup or script.
import type { Trace } from '../../common/trace';

const SLOT = /<script id="loopscope-trace" type="application\/json"><\/script>/;

/** JSON that is inert inside a <script> element: no "<", ">", "&" or line separators as such. */
export function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The template with the run in it; throws when the template has no slot (a wrong or stale file). */
export function playerHtml(template: string, trace: Trace): string {
  if (!SLOT.test(template))
    throw new Error('the player template has no slot for a run (rebuild it: npm run build)');
  const data = inertJson(trace);
  return template.replace(
    SLOT,
    () => `<script id="loopscope-trace" type="application/json">${data}</script>`,
  );
}
