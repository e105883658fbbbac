// The only file that touches window.loopscope (VS Code's globals.ts pattern): everything else
// imports `loopscope` from here, typed.
import type { LoopscopeApi } from '../../preload/loopscope';

export const loopscope: LoopscopeApi = window.loopscope;
export type * from '../../preload/loopscope';
