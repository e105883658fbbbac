// Serves the built renderer (out/renderer) over HTTP for Playwright: plain Chromium refuses
// module scripts from file://. Port from LOOPSCOPE_E2E_PORT, default 4179. The specs need the
// stage's test hooks, which only `electron-vite build --mode e2e` builds in: a production
// build is refused here, so the run stops at once instead of failing spec by spec.
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, relative } from 'node:path';

const root = join(import.meta.dirname, '../../out/renderer');
const port = Number(process.env.LOOPSCOPE_E2E_PORT ?? 4179);

const assets = join(root, 'assets');
const hooked = readdirSync(assets).some(
  (f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('__loopscopeStage'),
);
if (!hooked) {
  console.error('out/renderer has no test hooks: build it with `npx electron-vite build --mode e2e`.');
  process.exit(1);
}
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  if (relative(root, file).startsWith('..')) {
    res.writeHead(403).end();
    return;
  }
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`renderer on http://127.0.0.1:${port}`));
