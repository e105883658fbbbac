// The engine page's checks on itself, reported to the owner in 'ready'. No DOM beyond globalThis.
import type { ContainmentReport } from '../protocol';

/** What the page can see of its own containment: no Node, no preload API, a CSP that refuses eval. */
export function pageContainment(): Omit<ContainmentReport, 'interrupts'> {
  const g = globalThis as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of ['process', 'require', 'module', 'Buffer', 'loopscope', 'electron', 'ipcRenderer'])
    if (g[name] !== undefined) problems.push(`the engine page can see '${name}'`);
  try {
    new Function('return 1');
    problems.push("the engine page's CSP allows eval (no 'unsafe-eval' expected)");
  } catch {
    // refused by the CSP, as it must be
  }
  if (!globalThis.isSecureContext) problems.push('the engine page is not a secure context');
  return { contained: problems.length === 0, problems };
}
