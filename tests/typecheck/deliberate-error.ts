// Deliberately wrong: tests/unit/typecheck-runs.test.ts proves the type checker reports this.
import type { Trace } from '../../common/trace';

export const notATrace: Trace = { version: 1, steps: 'all of them' };
