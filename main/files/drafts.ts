// Unsaved edits kept across a crash: the renderer sends the text every few seconds while it is
// dirty, this store writes it (atomically) under the user-data folder, and at the next start
// the draft is offered back. Saving, opening another file, New or Don't Save clears it.
import { join } from 'node:path';
import { z } from 'zod';
import { MAX_SOURCE_BYTES } from '../../common/limits';
import type { FileSystemPort } from './ports';
import type { Draft } from '../../common/apiTypes';

export const draftSchema = z
  .object({
    version: z.literal(1),
    text: z.string().max(MAX_SOURCE_BYTES),
    path: z.string().min(1).nullable(),
    name: z.string().min(1),
    savedAt: z.number().int().nonnegative(),
  })
  .strict();

export class DraftStore {
  readonly file: string;

  constructor(
    private readonly fs: FileSystemPort,
    dir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.file = join(dir, 'draft.json');
  }

  async save(text: string, path: string | null, name: string): Promise<void> {
    const draft = { version: 1 as const, text, path, name, savedAt: this.now() };
    await this.fs.mkdirp(join(this.file, '..'));
    await this.fs.writeFileAtomic(this.file, JSON.stringify(draft));
  }

  /** The draft left by the last session, or null; an unreadable draft is removed, never thrown. */
  async load(): Promise<Draft | null> {
    let raw: Uint8Array;
    try {
      raw = await this.fs.readFile(this.file);
    } catch {
      return null;
    }
    try {
      const parsed = draftSchema.parse(JSON.parse(new TextDecoder().decode(raw)));
      return { text: parsed.text, path: parsed.path, name: parsed.name, savedAt: parsed.savedAt };
    } catch {
      await this.clear();
      return null;
    }
  }

  async clear(): Promise<void> {
    await this.fs.remove(this.file).catch(() => undefined);
  }
}
