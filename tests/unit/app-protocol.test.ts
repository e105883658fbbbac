import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../main/app-protocol';
import { isAppUrl } from '../../main/security';

describe('app:// protocol', () => {
  const dir = '/opt/loopscope/out/renderer';

  it('serves index.html for the root and files inside the renderer folder', () => {
    expect(resolveAppPath(dir, 'app://loopscope/')).toBe(`${dir}/index.html`);
    expect(resolveAppPath(dir, 'app://loopscope/assets/index-abc.js')).toBe(`${dir}/assets/index-abc.js`);
  });

  it('refuses paths that escape the renderer folder and other hosts', () => {
    // The URL parser folds encoded dot segments away, so this stays inside the folder.
    expect(resolveAppPath(dir, 'app://loopscope/%2e%2e/%2e%2e/etc/passwd')).toBe(`${dir}/etc/passwd`);
    expect(resolveAppPath(dir, 'app://loopscope/..%2F..%2Fmain/index.js')).toBeNull();
    expect(resolveAppPath(dir, 'app://elsewhere/index.html')).toBeNull();
  });
});

describe('navigation allow-list', () => {
  it('allows only the app origin and the dev server', () => {
    expect(isAppUrl('app://loopscope/index.html', undefined)).toBe(true);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5173/x', undefined)).toBe(false);
    expect(isAppUrl('https://example.com', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('app://evil/index.html', undefined)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', undefined)).toBe(false);
    expect(isAppUrl('not a url', undefined)).toBe(false);
  });
});
