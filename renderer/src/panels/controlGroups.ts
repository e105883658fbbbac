// The player controls' groups (panels/Controls.svelte), in the order they stand in the toolbar.
// The toolbar (app/Toolbar.svelte) moves whole groups into its More menu when its row is too
// narrow; the window that uses it says which go first (App.svelte, share/SharedPlayer.svelte).

export type ControlGroup = 'transport' | 'passes' | 'task' | 'speed' | 'scrub' | 'view' | 'progress';

export const CONTROL_GROUPS: readonly ControlGroup[] = [
  'transport',
  'passes',
  'task',
  'speed',
  'scrub',
  'view',
  'progress',
];
