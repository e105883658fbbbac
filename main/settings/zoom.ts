// Zoom steps for View > Zoom In / Zoom Out / Actual Size. Chromium's menu roles step the zoom
// *level* by 0.5 (factor 1.2^level); the same steps are used here, on a factor that is saved.
import { MAX_ZOOM, MIN_ZOOM } from './schema';

export type ZoomCommand = 'in' | 'out' | 'reset';

const LEVEL_STEP = 0.5;
const LEVEL_BASE = 1.2;

export function nextZoom(factor: number, command: ZoomCommand): number {
  if (command === 'reset') return 1;
  const level = Math.log(factor) / Math.log(LEVEL_BASE);
  const next = Math.round((level + (command === 'in' ? LEVEL_STEP : -LEVEL_STEP)) * 2) / 2;
  const value = Math.pow(LEVEL_BASE, next);
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(value * 1000) / 1000));
}
