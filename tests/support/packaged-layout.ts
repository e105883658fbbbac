// The app's files as electron-builder packs them: every file under the project that its
// `files` patterns select (electron-builder matches them with minimatch, relative to the app
// folder; `!` excludes), and which of those `asarUnpack` keeps outside app.asar. Used by the
// unit test that resolves the engine's assets from this layout, and by the Chromium spec
// that stages it and runs a program from there.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';

export interface BuilderFiles {
  files: string[];
  asarUnpack: string[];
}

function walk(dir: string, root: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, root, out);
    else out.push(relative(root, full).split(sep).join('/'));
  }
}

export function selected(path: string, patterns: string[]): boolean {
  let keep = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (minimatch(path, p.slice(1), { dot: true })) keep = false;
    } else if (minimatch(path, p, { dot: true })) keep = true;
  }
  return keep;
}

/** The files of `out/` that the package holds, relative to the app folder ("out/engine/index.html"). */
export function packagedOutFiles(projectRoot: string, config: BuilderFiles): string[] {
  const all: string[] = [];
  walk(join(projectRoot, 'out'), projectRoot, all);
  return all.filter((f) => selected(f, config.files)).sort();
}

/** Copies the packaged out/ files into `dest` (the layout inside app.asar) and returns dest. */
export function stagePackagedOut(projectRoot: string, config: BuilderFiles, dest: string): string {
  for (const f of packagedOutFiles(projectRoot, config)) {
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    cpSync(join(projectRoot, f), join(dest, f));
  }
  return dest;
}
