// The inspector's runes wrapper: whether the panel is open and on which tab, and what it and the
// warning marks derive from the player's (trace, step). The shown task is the player's own
// selection (the stage's ring, the timeline's row, the table's row); with none, the task running
// in this step.
import { lanesAt, type Lanes } from '../../../common/lanes';
import type { ActorId } from '../../../common/trace';
import type { Player } from '../player/player.svelte';
import { taskIndexOf, type TaskIndex } from '../player/taskIndex';
import { marksAt, warningMarks, type WarningMark } from './warnings';

export type InspectorTab = 'task' | 'tasks' | 'graph';

export class Inspector {
  open = $state(false);
  tab = $state<InspectorTab>('task');
  readonly index: TaskIndex | null;
  readonly lanes: Lanes | null;
  /** Every warning mark of the run (the timeline draws them all). */
  readonly marks: WarningMark[];
  /** The marks of the current step (the stage shows these, in words too). */
  readonly marksHere: WarningMark[];
  /** The program's tasks that exist at this step, in creation order (for next / previous). */
  readonly tasks: ActorId[];
  readonly runningTask: ActorId | null;
  readonly shown: ActorId | null;
  #player: Player;

  constructor(player: Player) {
    this.#player = player;
    this.index = $derived(player.trace ? taskIndexOf(player.trace) : null);
    this.lanes = $derived(player.model ? lanesAt(player.model.index, player.step) : null);
    this.marks = $derived(player.model && this.index ? warningMarks(player.model, this.index) : []);
    this.marksHere = $derived(marksAt(this.marks, player.step));
    this.tasks = $derived.by(() => {
      const info = player.model?.info;
      if (!info || !this.lanes) return [];
      // The program's tasks, as buildModel counts them (asyncio's own left out).
      return this.lanes.spawned.filter((id) => info[id]?.actor.kind === 'task' && !info[id].actor.internal);
    });
    this.runningTask = $derived.by(() => {
      const st = player.trace?.steps[player.step];
      const id = st?.kind === 'run' ? st.actor : undefined;
      return id !== undefined && player.model?.tasks.includes(id) ? id : null;
    });
    this.shown = $derived(player.selected ?? this.runningTask);
  }

  toggle(): void {
    this.open = !this.open;
  }

  /** Selects the next (+1) or previous (-1) task that exists at this step. */
  selectNext(direction: 1 | -1): void {
    const list = this.tasks;
    if (list.length === 0) return;
    const at = this.shown === null ? -1 : list.indexOf(this.shown);
    const next =
      at < 0 ? (direction > 0 ? 0 : list.length - 1) : (at + direction + list.length) % list.length;
    this.#player.selected = list[next];
  }
}
