// The inspector's index of a trace's task state events lives in common/taskIndex.ts: `sim --at`
// (common/taskState.ts) reads the same index, so the app and the terminal cannot disagree.
export * from '../../../common/taskIndex';
