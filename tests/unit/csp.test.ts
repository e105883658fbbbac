import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function policy(): Map<string, string[]> {
  const html = readFileSync('renderer/index.html', 'utf8');
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  expect(content, 'renderer/index.html has a CSP meta tag').toBeTruthy();
  return new Map(
    content!.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources] as [string, string[]];
    }),
  );
}

describe('the renderer Content-Security-Policy', () => {
  it("allows scripts from the app only: no 'unsafe-eval', no 'unsafe-inline', no remote hosts", () => {
    expect(policy().get('script-src')).toEqual(["'self'"]);
    expect(policy().get('default-src')).toEqual(["'self'"]);
  });

  it('forbids plugins, base changes and form posts', () => {
    const p = policy();
    expect(p.get('object-src')).toEqual(["'none'"]);
    expect(p.get('base-uri')).toEqual(["'none'"]);
    expect(p.get('form-action')).toEqual(["'none'"]);
  });
});
