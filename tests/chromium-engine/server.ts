// Serves the built engine page (out/engine) on 127.0.0.1 with the headers main's protocol
// handler sends (CSP, COOP, COEP), and records every request: anything that is not one of the
// engine's own files is an escape attempt the test fails on. A second server on another port
// plays "somewhere else": any request there at all is a failure.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, normalize, relative } from 'node:path';
import { engineHeaders } from '../../engine/chromium/protocol';

export const ENGINE_DIR = join(import.meta.dirname, '../../out/engine');

export interface RecordingServer {
  url: string;
  port: number;
  /** Every request path, in order. */
  requests: string[];
  /** Requests that were not for an existing engine file. */
  strays: string[];
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

export async function serveEngine(root = ENGINE_DIR): Promise<RecordingServer> {
  const requests: string[] = [];
  const strays: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(`${req.method} ${path}`);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    let ok = req.method === 'GET' && !relative(root, file).startsWith('..');
    try {
      ok &&= statSync(file).isFile();
    } catch {
      ok = false;
    }
    if (!ok) {
      strays.push(`${req.method} ${path}`);
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, engineHeaders(file)).end(readFileSync(file));
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    requests,
    strays,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A server nobody may reach: it records and refuses everything. */
export async function serveOutside(): Promise<RecordingServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'access-control-allow-origin': '*' }).end('MARKER');
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    requests,
    strays: requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
