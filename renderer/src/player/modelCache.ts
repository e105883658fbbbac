// The player model and timeline of each trace, built once: by the trace worker while a run's
// trace loads (the loader keeps them here before the UI sees the trace), else on first use.
// Keyed by the trace object, so a trace nobody holds takes its model with it.
import type { Trace } from '../../../common/trace';
import { buildModel, type PlayerModel } from './model';
import { buildTimeline, type Timeline } from './timeline';

const models = new WeakMap<Trace, PlayerModel>();
const timelines = new WeakMap<Trace, Timeline>();

/** Keeps what was built for `trace` elsewhere (the trace worker's index, joined on the UI thread). */
export function keepBuilt(trace: Trace, model: PlayerModel, timeline: Timeline): void {
  models.set(trace, model);
  timelines.set(trace, timeline);
}

/** The model of `trace` under the friendly naming (withNaming gives the other). */
export function modelOf(trace: Trace): PlayerModel {
  let model = models.get(trace);
  if (!model) models.set(trace, (model = buildModel(trace)));
  return model;
}

/** The timeline of a model's trace (it does not depend on the naming). */
export function timelineOf(model: PlayerModel): Timeline {
  let timeline = timelines.get(model.trace);
  if (!timeline) timelines.set(model.trace, (timeline = buildTimeline(model)));
  return timeline;
}
