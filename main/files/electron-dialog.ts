// DialogPort over Electron's dialogs, attached to the window (sheets on macOS).
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { PYTHON_FILTERS } from './session';
import type { DialogPort } from './ports';

export function createElectronDialogs(win: BrowserWindow): DialogPort {
  return {
    async openPython() {
      const result = await dialog.showOpenDialog(win, {
        title: 'Open a Python program',
        properties: ['openFile'],
        filters: PYTHON_FILTERS,
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async savePath({ title, defaultName, defaultDir, filters }) {
      const result = await dialog.showSaveDialog(win, {
        title,
        defaultPath: join(defaultDir ?? app.getPath('documents'), defaultName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async confirmUnsaved(documentName) {
      const { response } = await dialog.showMessageBox(win, {
        type: 'warning',
        buttons: ['Save', "Don't Save", 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
        message: `Do you want to save the changes you made to ${documentName}?`,
        detail: "Your changes will be lost if you don't save them.",
      });
      return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
    },
  };
}
