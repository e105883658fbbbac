// Paths picked in Save dialogs.
import { extname } from 'node:path';
import type { FileSystemPort } from './ports';

/**
 * The dialog's path, with the extension added only when the person typed none and no file has
 * that name: the dialog confirmed overwriting `chosen`, never a different file.
 */
export async function withExtension(fs: FileSystemPort, chosen: string, extension: string): Promise<string> {
  if (extname(chosen) !== '') return chosen;
  const longer = `${chosen}.${extension}`;
  const exists = await fs.stat(longer).then(
    () => true,
    () => false,
  );
  return exists ? chosen : longer;
}
