// Which requests the engine window may make: GETs for the engine's own files on its own origin
// (app://engine/...), nothing else (no other scheme, host, method, or path outside the engine
// folder). main's webRequest on the engine's partition cancels the rest; its protocol handler
// serves only what resolveEnginePath resolves. Electron-free, so both are unit-tested.
import { isAbsolute, join, normalize, relative } from 'node:path';

export const ENGINE_SCHEME = 'app';
export const ENGINE_HOST = 'engine';
export const ENGINE_ORIGIN = `${ENGINE_SCHEME}://${ENGINE_HOST}`;
export const ENGINE_URL = `${ENGINE_ORIGIN}/index.html`;

export interface EngineRequest {
  url: string;
  method: string;
}

/** The engine file a URL names, inside engineDir, or null for anything else. */
export function resolveEnginePath(engineDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${ENGINE_SCHEME}:` || parsed.host !== ENGINE_HOST) return null;
  if (parsed.username || parsed.password || parsed.port) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname === '/' ? '/index.html' : parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const full = normalize(join(engineDir, path));
  const rel = relative(engineDir, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return full;
}

/** The webRequest decision: true only for a GET of an engine file on the engine's origin. */
export function engineRequestAllowed(engineDir: string, request: EngineRequest): boolean {
  if (request.method !== 'GET') return false;
  return resolveEnginePath(engineDir, request.url) !== null;
}
