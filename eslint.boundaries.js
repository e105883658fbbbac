// Who may import whom: a whitelist per folder (DESIGN.md's process boundaries, and the layers
// inside the renderer). A file belongs to the longest folder below that holds it; it may import
// its own folder, the folders listed, and the packages listed (`node:*` for Node's built-ins).
// `type:pkg` allows a package's types only (no code crosses). Every source folder must be listed: tests/unit/lint-boundaries.test.ts fails on one that is
// not, and feeds every folder a forbidden import to see it rejected.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const node = 'node:*';

/** folder -> what it may import besides itself. */
export const boundaries = {
  common: [],
  lessons: ['common'],
  engine: ['common', 'zod'],
  'engine/core': ['common'],
  'engine/python': ['common', 'engine/core', 'pyodide', 'node:fs'],
  'engine/chromium': ['common', 'engine', 'engine/core', 'engine/python', 'zod', 'type:pyodide'],
  'engine/node': ['engine', 'engine/core', 'engine/python', 'pyodide', node],
  main: [
    'main/engine-window',
    'main/export',
    'main/files',
    'main/ipc',
    'main/settings',
    'common',
    'electron',
    node,
  ],
  'main/cli': ['common', 'lessons', 'main/export', 'main/host', 'vite', node],
  'main/engine-window': ['engine', 'engine/chromium', 'main/host', 'electron', node],
  'main/export': ['common', 'main/files', node],
  'main/files': ['common', 'electron', 'zod', node],
  'main/host': [
    'common',
    'engine',
    'engine/core',
    'engine/node',
    'main/ipc',
    'esbuild',
    'package.json',
    node,
  ],
  'main/ipc': ['common', 'main', 'main/export', 'main/files', 'main/settings', 'electron', 'zod'],
  'main/settings': ['common', 'engine/core', 'main/files', 'electron', 'zod', node],
  preload: ['common', 'engine/chromium', 'electron'],
  'renderer/src': [
    'common',
    'engine/chromium',
    'lessons',
    'preload',
    'svelte',
    'renderer/src/animation',
    'renderer/src/app',
    'renderer/src/compare',
    'renderer/src/desktop',
    'renderer/src/inspector',
    'renderer/src/lessons',
    'renderer/src/panels',
    'renderer/src/player',
    'renderer/src/predict',
    'renderer/src/run',
    'renderer/src/stage',
  ],
  'renderer/src/compare': [
    'common',
    'renderer/src',
    'renderer/src/app',
    'renderer/src/panels',
    'renderer/src/player',
    'svelte',
  ],
  'renderer/src/desktop': ['renderer/src', 'renderer/src/app', 'renderer/src/player', 'svelte'],
  'renderer/src/lessons': [
    'common',
    'lessons',
    'renderer/src',
    'renderer/src/compare',
    'renderer/src/desktop',
    'renderer/src/player',
    'renderer/src/run',
    'svelte',
  ],
  'renderer/src/panels': [
    'common',
    'renderer/src/app',
    'renderer/src/desktop',
    'renderer/src/inspector',
    'renderer/src/player',
    'svelte',
    '@codemirror/*',
    '@lezer/highlight',
    'codemirror',
  ],
  'renderer/src/player': ['common'],
  // The composition root: builds every controller, so it reaches every part of the renderer.
  'renderer/src/app': [
    'common',
    'lessons',
    'renderer/src',
    'renderer/src/compare',
    'renderer/src/desktop',
    'renderer/src/inspector',
    'renderer/src/lessons',
    'renderer/src/panels',
    'renderer/src/player',
    'renderer/src/predict',
    'renderer/src/run',
    'renderer/src/stage',
    'svelte',
  ],
  'renderer/src/inspector': ['common', 'renderer/src/player', 'svelte'],
  'renderer/src/predict': [
    'common',
    'lessons',
    'renderer/src',
    'renderer/src/app',
    'renderer/src/compare',
    'renderer/src/lessons',
    'renderer/src/player',
    'svelte',
  ],
  'renderer/src/animation': [
    'renderer/src/app',
    'renderer/src/player',
    'renderer/src/run',
    'svelte',
    'gifenc',
    'mediabunny',
  ],
  'renderer/src/share': [
    'common',
    'renderer/src',
    'renderer/src/app',
    'renderer/src/panels',
    'renderer/src/player',
    'renderer/src/run',
    'renderer/src/stage',
    'svelte',
  ],
  'renderer/src/run': [
    'common',
    'engine/chromium',
    'renderer/src',
    'renderer/src/app',
    'renderer/src/desktop',
    'renderer/src/player',
    'svelte',
  ],
  'renderer/src/stage': ['common', 'renderer/src/inspector', 'renderer/src/player', 'pixi.js', 'svelte'],
};

/** Files that build or configure rather than run: they are not inside any boundary. */
export const outside = [
  'engine/chromium/vite.config.ts',
  'renderer/vite.config.ts',
  'renderer/share/vite.config.ts',
];

const folders = Object.keys(boundaries).sort((a, b) => b.length - a.length);

/** The listed folder a repository path belongs to, or null. */
export function folderOf(rel) {
  const p = rel.split(path.sep).join('/');
  return folders.find((f) => p === f || p.startsWith(`${f}/`)) ?? null;
}

/** A bare specifier's package name (`@scope/name`, `name`, `node:fs`). */
function packageOf(spec) {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function allows(list, pkg) {
  return list.some(
    (a) =>
      a === pkg ||
      (a.endsWith('/*') && pkg.startsWith(a.slice(0, -1))) ||
      (a === node && pkg.startsWith('node:')),
  );
}

/** Why `spec` may not be imported from the repository file `rel`, or null when it may. */
export function violation(rel, spec, typeOnly = false) {
  const own = folderOf(rel);
  if (own === null || outside.includes(rel)) return null;
  const allowed = boundaries[own];
  if (spec.startsWith('.')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec.split('?')[0]));
    const folder = folderOf(target);
    if (folder === own || allowed.includes(folder ?? target)) return null;
    return `${own}/ may not import ${folder ?? target} (allowed: ${allowed.join(', ') || 'nothing'}; eslint.boundaries.js)`;
  }
  const pkg = packageOf(spec);
  if (allows(allowed, pkg) || (typeOnly && allowed.includes(`type:${pkg}`))) return null;
  return `${own}/ may not import the package ${pkg} (allowed: ${allowed.join(', ') || 'nothing'}; eslint.boundaries.js)`;
}

const rule = {
  meta: { type: 'problem', schema: [], messages: { boundary: '{{why}}' } },
  create(context) {
    const rel = path
      .relative(root, context.physicalFilename ?? context.filename)
      .split(path.sep)
      .join('/');
    const check = (node, source, typeOnly = node.importKind === 'type' || node.exportKind === 'type') => {
      if (typeof source !== 'string') return;
      const why = violation(rel, source, typeOnly);
      if (why) context.report({ node, messageId: 'boundary', data: { why } });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
      TSImportType: (n) => check(n, n.source ? n.source.value : n.argument?.literal?.value, true),
      CallExpression: (n) =>
        n.callee.type === 'Identifier' &&
        n.callee.name === 'require' &&
        n.arguments[0]?.type === 'Literal' &&
        check(n, n.arguments[0].value),
    };
  },
};

export const boundariesPlugin = { rules: { 'allowed-imports': rule } };
