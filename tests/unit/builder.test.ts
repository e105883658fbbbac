// electron-builder cannot run here (it downloads Electron and its packaging tools), so its
// configuration is checked the way electron-builder itself checks it before building:
// loaded by its own loader and validated against its own schema.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';

const root = process.cwd();
const load = (): Promise<Configuration> => getConfig(root, 'electron-builder.yml', null);

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(await load(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the schema check is not vacuous: a misspelt fuse or an unknown key is refused', async () => {
    const badFuse = { ...(await load()), electronFuses: { runAsNod: false } } as unknown as Configuration;
    await expect(validateConfiguration(badFuse, new DebugLogger(false))).rejects.toThrow(
      /configuration\.electronFuses/,
    );
    const unknownKey = { ...(await load()), asarUnpak: [] } as unknown as Configuration;
    await expect(validateConfiguration(unknownKey, new DebugLogger(false))).rejects.toThrow(
      /unknown property 'asarUnpak'/,
    );
  });

  it('names the app and packs only the build output, nothing unpacked, no rebuild', async () => {
    const config = await load();
    expect(config.appId).toBe('org.loopscope.app');
    expect(config.productName).toBe('Loopscope');
    expect(config.files).toEqual([{ filter: ['out/**', '!out/renderer-web/**', '!**/*.map'] }]);
    expect(config.asarUnpack).toBeUndefined();
    expect(config.npmRebuild).toBe(false);
    expect(config.directories).toMatchObject({ buildResources: 'build', output: 'dist' });
  });

  it('builds AppImage and deb, dmg, and nsis', async () => {
    const config = await load();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
  });

  it('sets the fuses: no run-as-node, no NODE_OPTIONS, no inspector, asar only and checked', async () => {
    expect((await load()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('never registers as the Windows handler for .py', async () => {
    const config = await load();
    expect(config.fileAssociations).toBeUndefined();
    expect(config.win?.fileAssociations).toBeUndefined();
    expect(config.mac?.fileAssociations).toEqual([expect.objectContaining({ ext: 'py', rank: 'Alternate' })]);
  });

  it('has the icons and entitlements it refers to', async () => {
    expect(pngSize('build/icon.png')).toEqual({ width: 512, height: 512 });
    expect(readFileSync('build/icon.ico').subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expect(readFileSync('build/icon.icns').subarray(0, 4).toString('latin1')).toBe('icns');
    expect(existsSync((await load()).mac?.entitlements ?? 'missing')).toBe(true);
  });
});

describe('the release workflow', () => {
  const workflow = readFileSync('.github/workflows/release.yml', 'utf8');

  it('runs on tags and by hand, on Ubuntu, macOS and Windows, with Node 22', () => {
    expect(workflow).toMatch(/tags:\s*\[?\s*['"]?v\*/);
    expect(workflow).toContain('workflow_dispatch');
    for (const os of ['ubuntu-24.04', 'macos-latest', 'windows-latest']) expect(workflow).toContain(os);
    expect(workflow).toMatch(/node-version: 22/);
  });

  it('installs Electron, tests (the _electron suite under xvfb on Linux) and builds without publishing', () => {
    expect(workflow).toContain('npm ci');
    expect(workflow).toContain('npx install-electron');
    expect(workflow).toContain('kernel.apparmor_restrict_unprivileged_userns=0');
    expect(workflow).toContain('xvfb-run --auto-servernum');
    expect(workflow).toContain('--project=electron');
    expect(workflow).toContain('npx electron-builder');
    expect(workflow).toContain('--publish never');
    expect(workflow).toContain('actions/upload-artifact');
  });
});
