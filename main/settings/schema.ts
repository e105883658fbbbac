// The persisted settings: one zod schema per field with its default. Reading is forgiving by
// field: a field that fails its schema falls back to its default, an unknown key is dropped,
// and each of those becomes a line of the notice the renderer shows. It never throws.
import { z } from 'zod';
import type { Settings } from '../../common/apiTypes';
import { MAX_RECENT } from '../files/recent';
import { DEFAULT_RUN_OPTIONS } from '../../common/trace';
import {
  DEFAULT_MEMORY_CAP_MB,
  DEFAULT_STEP_BUDGET_MS,
  DEFAULT_WALL_BUDGET_MS,
  type BudgetSettings,
} from '../../engine/core/budgets';
import { MAX_SPEED, MIN_SPEED } from '../../common/limits';

export const SETTINGS_VERSION = 1;

/** Chromium's own zoom range is wider; beyond these the layout stops being usable. */
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 3;
/** The engine's budgets (main/host/sim-service.ts): below these no program loads; above, no machine holds them. */
export const MIN_WALL_BUDGET_S = 5;
export const MAX_WALL_BUDGET_S = 3600;
/** A step's real time before it is a runaway: under 1 s a lesson's blocking call would be one. */
export const MIN_STEP_BUDGET_S = 1;
export const MAX_STEP_BUDGET_S = 600;
/** Output kept per run: main's sim:run accepts up to 100 MB (main/ipc/channels.ts). */
export const MIN_OUTPUT_KEPT_KB = 10;
export const MAX_OUTPUT_KEPT_KB = 100_000;
export const MIN_MEMORY_CAP_MB = 1024;
export const MAX_MEMORY_CAP_MB = 65_536;

/** What the engine's budget messages name: where a person changes them (the Settings dialog). */
export const APP_BUDGET_SETTINGS: BudgetSettings = {
  wallBudget: 'Settings › “Time a run may take”',
  memoryCap: 'Settings › “Memory the engine may use”',
  stepBudget: 'Settings › “Time a step may run without awaiting”',
  // The app changes only the output cap; the rest are the terminal's (npm run sim).
  caps: (option) => (option === '--max-output' ? 'Settings › “Output kept”' : `npm run sim -- ${option}`),
};

/** Screen coordinates can be negative (a display left of the primary one); sizes are at least a window's minimum. */
const coordinate = z.number().int().min(-100_000).max(100_000);
export const windowBoundsSchema = z
  .object({
    x: coordinate,
    y: coordinate,
    width: z.number().int().min(200).max(100_000),
    height: z.number().int().min(150).max(100_000),
    maximized: z.boolean(),
  })
  .strict();

/** Predict mode's review keeps this many wrong answers (renderer/src/predict/scoreBook.ts). */
export const MAX_WRONG_ANSWERS = 50;
/** Lessons plus one key for other programs, with room for lessons added later. */
const MAX_SCORED_LESSONS = 200;
const MAX_COUNTDOWN_S = 120;
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const shortText = z.string().max(2000);
const predictScoreSchema = z.object({ answered: count, right: count, streak: count, best: count }).strict();
const wrongAnswerSchema = z
  .object({
    lesson: z.string().max(100),
    fileName: z.string().max(4096),
    step: count,
    prompt: shortText,
    chosen: shortText,
    right: shortText,
    why: shortText,
  })
  .strict();
export const predictSchema = z
  .object({
    on: z.boolean(),
    countdown: z.number().int().min(0).max(MAX_COUNTDOWN_S),
    scores: z
      .record(z.string().max(100), predictScoreSchema)
      .refine((scores) => Object.keys(scores).length <= MAX_SCORED_LESSONS, 'too many lessons'),
    wrong: z.array(wrongAnswerSchema).max(MAX_WRONG_ANSWERS),
  })
  .strict();

export const fieldSchemas = {
  theme: z.enum(['light', 'dark', 'high-contrast']),
  // The player's own range (common/limits.ts): a settings file cannot ask for a speed it lacks.
  speed: z.number().min(MIN_SPEED).max(MAX_SPEED),
  motion: z.enum(['system', 'full', 'reduced']),
  internals: z.boolean(),
  cpythonNames: z.boolean(),
  zoom: z.number().min(MIN_ZOOM).max(MAX_ZOOM),
  wallBudgetSeconds: z.number().int().min(MIN_WALL_BUDGET_S).max(MAX_WALL_BUDGET_S),
  stepBudgetSeconds: z.number().min(MIN_STEP_BUDGET_S).max(MAX_STEP_BUDGET_S),
  outputKeptKb: z.number().int().min(MIN_OUTPUT_KEPT_KB).max(MAX_OUTPUT_KEPT_KB),
  memoryCapMb: z.number().int().min(MIN_MEMORY_CAP_MB).max(MAX_MEMORY_CAP_MB),
  predict: predictSchema,
  windowBounds: windowBoundsSchema.nullable(),
  recentFiles: z.array(z.string().min(1).max(4096)).max(MAX_RECENT),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> };

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'dark',
  speed: 1,
  motion: 'system',
  internals: false,
  cpythonNames: false,
  zoom: 1,
  wallBudgetSeconds: DEFAULT_WALL_BUDGET_MS / 1000,
  stepBudgetSeconds: DEFAULT_STEP_BUDGET_MS / 1000,
  outputKeptKb: DEFAULT_RUN_OPTIONS.maxOutputBytes / 1000,
  memoryCapMb: DEFAULT_MEMORY_CAP_MB,
  predict: Object.freeze({ on: false, countdown: 0, scores: {}, wrong: [] }),
  windowBounds: null,
  recentFiles: [],
});

/** What the renderer may send to settings:set. */
export const settingsPatchSchema = z
  .object({
    theme: fieldSchemas.theme,
    speed: fieldSchemas.speed,
    motion: fieldSchemas.motion,
    internals: fieldSchemas.internals,
    cpythonNames: fieldSchemas.cpythonNames,
    zoom: fieldSchemas.zoom,
    wallBudgetSeconds: fieldSchemas.wallBudgetSeconds,
    stepBudgetSeconds: fieldSchemas.stepBudgetSeconds,
    outputKeptKb: fieldSchemas.outputKeptKb,
    memoryCapMb: fieldSchemas.memoryCapMb,
    predict: fieldSchemas.predict,
  })
  .strict()
  .partial();

export interface ParsedSettings {
  settings: Settings;
  /** One line per field reset or key dropped; empty when the file was fine. */
  problems: string[];
}

export function defaultSettings(): Settings {
  return {
    ...DEFAULT_SETTINGS,
    predict: { on: false, countdown: 0, scores: {}, wrong: [] },
    recentFiles: [],
  };
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Salvages what it can from a parsed settings.json. */
export function parseSettings(raw: unknown): ParsedSettings {
  const settings = defaultSettings();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings, problems: ['the settings file did not hold settings'] };
  }
  const problems: string[] = [];
  const record = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === 'version') continue;
    if (!Object.hasOwn(fieldSchemas, key)) {
      problems.push(`unknown setting “${key}” removed`);
      continue;
    }
    const field = key as keyof Settings;
    const parsed = fieldSchemas[field].safeParse(value);
    if (parsed.success) (settings as unknown as Record<string, unknown>)[field] = parsed.data;
    else problems.push(`“${field}” was ${describe(value)}; reset to ${describe(DEFAULT_SETTINGS[field])}`);
  }
  if (record['version'] !== undefined && record['version'] !== SETTINGS_VERSION) {
    problems.push(
      `settings version ${describe(record['version'])} is not ${SETTINGS_VERSION}; kept what could be read`,
    );
  }
  return { settings, problems };
}

export function serializeSettings(settings: Settings): string {
  return `${JSON.stringify({ version: SETTINGS_VERSION, ...settings }, null, 2)}\n`;
}
