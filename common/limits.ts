// Limits more than one process enforces, in one place: main refuses what the renderer would
// never send, and the settings file cannot hold what the player cannot show.

/** Sources larger than this (characters) are refused before they reach the engine. */
export const MAX_SOURCE_BYTES = 2_000_000;

/** Player speed multipliers a person can choose from, slowest first. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export const MIN_SPEED = SPEEDS[0];
export const MAX_SPEED = SPEEDS[SPEEDS.length - 1];
