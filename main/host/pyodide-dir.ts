// Where Pyodide's files are, seen from a built main folder: the engine process may read them
// (and only them besides its own bundle). Resolved the way the engine's `import 'pyodide'` is.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function pyodideDirFrom(fromDir: string): string {
  return dirname(createRequire(join(fromDir, 'noop.js')).resolve('pyodide'));
}
