// Lint and the process boundaries of DESIGN.md, enforced per folder with no-restricted-imports
// (VS Code's layering rule, in its simplest form).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import { boundariesPlugin } from './eslint.boundaries.js';

const restrict = (files, patterns, extra = {}) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns, ...extra }] },
});

const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only the Electron main process and the preload may import electron.',
};
const pyodide = { group: ['pyodide', 'pyodide/*'], message: 'Only engine/python/ knows Pyodide.' };
const pixi = {
  group: ['pixi.js', 'pixi.js/*', '**/stage/**', '../stage/*', './stage/*'],
  message: 'Panels never import Pixi or the stage.',
};
const panels = { group: ['**/panels/**', '../panels/*'], message: 'The stage never imports panels.' };
const mainCode = {
  group: ['**/main/**', '../../main/*'],
  message: 'The renderer never imports main-process code.',
};

export default ts.config(
  {
    ignores: [
      'out/',
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'tests/typecheck/',
      '.lp-scratch/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte', 'renderer/**/*.svelte.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  // Every folder's imports are a whitelist (eslint.boundaries.js); the rules below add what a
  // folder whitelist cannot say (single files, globals).
  {
    files: ['common/**', 'lessons/**', 'engine/**', 'main/**', 'preload/**', 'renderer/**'],
    plugins: { loopscope: boundariesPlugin },
    rules: { 'loopscope/allowed-imports': 'error' },
  },
  // The engine: no Electron, no Pyodide outside engine/python, no wall time, no randomness.
  restrict(['engine/core/**', 'engine/*.ts'], [electron, pyodide]),
  {
    files: ['engine/core/**', 'engine/python/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The engine runs on the virtual clock: no wall time.' },
        {
          object: 'performance',
          property: 'now',
          message: 'The engine runs on the virtual clock: no wall time.',
        },
        { object: 'Math', property: 'random', message: 'The engine is deterministic: no Math.random.' },
        {
          object: 'process',
          property: 'hrtime',
          message: 'The engine runs on the virtual clock: no wall time.',
        },
      ],
      // Aliases (`const p = performance`) and timers read wall time too.
      'no-restricted-globals': [
        'error',
        ...['performance', 'setTimeout', 'setInterval', 'setImmediate', 'Date'].map((name) => ({
          name,
          message: 'The engine runs on the virtual clock: no wall time or wall-clock timers.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'No wall time in the engine.' },
      ],
    },
  },
  restrict(['engine/**', 'main/cli/**', 'main/host/**', 'common/**'], [electron]),
  // The Chromium host runs in a sandboxed renderer and its worker: no Node, no Pyodide package
  // (the worker loads Pyodide from the page's own origin); its build config runs in Node.
  {
    ...restrict(
      ['engine/chromium/**'],
      [
        electron,
        pyodide,
        { group: ['node:*'], message: 'The engine page and worker run in Chromium: no Node.' },
      ],
    ),
    ignores: ['engine/chromium/vite.config.ts'],
  },
  // main's engine host is Electron-free but for the window itself (engine-window.ts).
  restrict(
    [
      'main/engine-window/chromium-launcher.ts',
      'main/engine-window/chromium-sim-service.ts',
      'main/engine-window/request-filter.ts',
      'main/engine-window/app-metrics.ts',
    ],
    [electron, pyodide],
  ),
  restrict(['main/ipc/channels.ts', 'main/ipc/handlers.ts'], [electron, pyodide]),
  restrict(['main/*.ts', 'main/ipc/register.ts', 'preload/**'], [pyodide]),
  restrict(['renderer/**'], [electron, pyodide, mainCode]),
  restrict(['renderer/src/panels/**'], [electron, pyodide, mainCode, pixi]),
  // Only the stage draws: player state, run control and desktop logic stay free of Pixi.
  restrict(
    ['renderer/src/player/**', 'renderer/src/run/**', 'renderer/src/desktop/**', 'renderer/src/lessons/**'],
    [
      electron,
      pyodide,
      mainCode,
      { group: ['pixi.js', 'pixi.js/*'], message: 'Only renderer/src/stage/ imports Pixi.' },
    ],
  ),
  restrict(['renderer/src/stage/**'], [electron, pyodide, mainCode, panels]),
  {
    // Only bridge.ts reads window.loopscope.
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    ignores: ['renderer/src/bridge.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'loopscope', message: 'Import loopscope from bridge.ts.' },
      ],
    },
  },
);
