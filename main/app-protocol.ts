// Serves the built renderer from app://loopscope/ instead of file:// (checklist item 18):
// file:// pages get extra privileges, and a real origin makes the IPC sender check meaningful.
import { net, protocol } from 'electron';
import { join, normalize, relative, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://loopscope';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Maps app://loopscope/<path> into rendererDir, refusing anything that escapes it. */
export function resolveAppPath(rendererDir: string, url: string): string | null {
  const parsed = new URL(url);
  if (parsed.host !== 'loopscope') return null;
  const path = decodeURIComponent(parsed.pathname === '/' ? '/index.html' : parsed.pathname);
  const full = normalize(join(rendererDir, path));
  const rel = relative(rendererDir, full);
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  return full;
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const path = resolveAppPath(rendererDir, request.url);
    if (!path) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(path).toString());
  });
}
