// The escape corpus (escape/*.py) as both hosts' tests run it: placeholders filled in, and the
// shared search for a JavaScript object (escape/prelude/reachable_js.py) put where a scenario asks.
import { readdirSync, readFileSync } from 'node:fs';

const ESCAPE_DIR = new URL('./escape/', import.meta.url);
const PRELUDE = readFileSync(new URL('prelude/reachable_js.py', ESCAPE_DIR), 'utf8');

export const escapeScenarios: string[] = readdirSync(ESCAPE_DIR)
  .filter((f) => f.endsWith('.py'))
  .sort();

export interface ScenarioPlaces {
  canary: string;
  marker: string;
  dir: string;
  port: number;
}

export function escapeScenario(name: string, places: ScenarioPlaces): string {
  return readFileSync(new URL(name, ESCAPE_DIR), 'utf8')
    .replace(/^# __REACHABLE_JS__.*$/m, PRELUDE)
    .replaceAll('__CANARY__', places.canary)
    .replaceAll('__MARKER__', places.marker)
    .replaceAll('__DIR__', places.dir)
    .replaceAll('__PORT__', String(places.port));
}
