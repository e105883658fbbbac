// Where Electron's binary would be. Electron 42+ has no install script: `npx install-electron`
// (or the first require('electron')) downloads it. Checked without requiring the package.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronBinary(): { path: string } | { missing: string } {
  const pkg = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pkg)) return { missing: 'the electron package is not installed (run npm install)' };
  if (!existsSync(pathFile)) {
    return {
      missing:
        "Electron's binary is not installed: Electron 42+ downloads it on first use (`npx install-electron`), " +
        'which needs internet access to GitHub releases. The real-window suite runs where it is installed (CI release workflow).',
    };
  }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `Electron's binary is missing at ${binary}` };
}
