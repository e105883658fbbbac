// App-wide guards from Electron's security checklist: deny every permission but fullscreen,
// deny navigation away from the app and every new window, and refuse <webview>.
import { app, session, shell, type WebContents } from 'electron';

/** Permissions the renderer may get: presentation mode uses the HTML Fullscreen API. */
const ALLOWED_PERMISSIONS = new Set(['fullscreen']);

/** Links the app may open in the user's browser (Help menu). */
const EXTERNAL_ORIGINS = new Set(['https://github.com', 'https://docs.python.org']);

export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'app:') return parsed.host === 'loopscope';
    return devServerUrl !== undefined && parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

export function openExternalSafely(url: string): void {
  try {
    if (EXTERNAL_ORIGINS.has(new URL(url).origin)) void shell.openExternal(url);
  } catch {
    // Not a URL: nothing to open.
  }
}

export function installSecurityGuards(devServerUrl: string | undefined): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  ses.setPermissionCheckHandler((_wc, permission) => ALLOWED_PERMISSIONS.has(permission));

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
}
