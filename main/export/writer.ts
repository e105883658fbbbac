// Writes what the renderer exported (timeline PNG/SVG, stage PNG, trace JSON, step table
// Markdown) to the one path the person picked in a Save dialog. The renderer names only a
// kind, bytes and a suggested file name: the folder always comes from the dialog, the
// extension from the kind, and the bytes must look like the kind before anything is written.
import { basename, dirname } from 'node:path';
import type { ExportKind, ExportRequest } from '../../common/apiTypes';
import type { Trace } from '../../common/trace';
import { playerHtml } from './player-html';
import { describeFsError, FileProblem } from '../files/text-file';
import { withExtension } from '../files/paths';
import type { DialogPort, FileSystemPort } from '../files/ports';

export interface ExportFormat {
  extension: string;
  filter: string;
  binary: boolean;
  /** Bytes (or UTF-16 code units for text) above which the export is refused. */
  maxSize: number;
}

const MB = 1_000_000;

/** A 4K timeline or stage PNG is a few MB; a trace of a million steps is well under 256 MB. */
export const EXPORT_FORMATS: Record<ExportKind, ExportFormat> = {
  'timeline-png': { extension: 'png', filter: 'PNG image', binary: true, maxSize: 64 * MB },
  'stage-png': { extension: 'png', filter: 'PNG image', binary: true, maxSize: 64 * MB },
  'timeline-svg': { extension: 'svg', filter: 'SVG image', binary: false, maxSize: 64 * MB },
  'trace-json': { extension: 'json', filter: 'Loopscope trace (JSON)', binary: false, maxSize: 256 * MB },
  'steps-md': { extension: 'md', filter: 'Markdown table', binary: false, maxSize: 64 * MB },
  'player-html': { extension: 'html', filter: 'Loopscope player (HTML)', binary: false, maxSize: 256 * MB },
  'animation-gif': { extension: 'gif', filter: 'Animated GIF', binary: true, maxSize: 512 * MB },
  'animation-webm': { extension: 'webm', filter: 'WebM video', binary: true, maxSize: 512 * MB },
};

export const EXPORT_KINDS = Object.keys(EXPORT_FORMATS) as ExportKind[];

/** The first bytes each binary kind must start with (PNG; GIF89a; WebM's EBML header). */
const SIGNATURES: Partial<Record<ExportKind, { bytes: number[]; what: string }>> = {
  'timeline-png': {
    bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    what: 'The exported image is not a PNG.',
  },
  'stage-png': {
    bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    what: 'The exported image is not a PNG.',
  },
  'animation-gif': {
    bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
    what: 'The exported animation is not a GIF.',
  },
  'animation-webm': { bytes: [0x1a, 0x45, 0xdf, 0xa3], what: 'The exported video is not a WebM file.' },
};
/** Characters no file system takes in a name, plus controls. */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME_CHARS = /[<>:"/\\|?*\u0000-\u001f]/g;
const MAX_NAME_LENGTH = 120;

/** A bare file name with the kind's extension: never a folder, never an empty name. */
export function exportFileName(suggested: string, kind: ExportKind): string {
  const { extension } = EXPORT_FORMATS[kind];
  let name = basename(suggested.replaceAll('\\', '/'))
    .replace(UNSAFE_NAME_CHARS, '-')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, MAX_NAME_LENGTH);
  if (name.toLowerCase().endsWith(`.${extension}`)) name = name.slice(0, -extension.length - 1);
  return `${name || 'loopscope-export'}.${extension}`;
}

/** Refuses bytes that do not look like the kind; returns what to write. */
export function checkExportData(kind: ExportKind, data: Uint8Array | string): Uint8Array | string {
  const format = EXPORT_FORMATS[kind];
  const size = typeof data === 'string' ? data.length : data.byteLength;
  if (size === 0) throw new FileProblem('There was nothing to export.');
  if (size > format.maxSize) {
    throw new FileProblem(
      `The export is ${(size / MB).toFixed(0)} MB; the limit for this kind is ${format.maxSize / MB} MB.`,
    );
  }
  if (format.binary) {
    if (typeof data === 'string')
      throw new FileProblem(`A ${format.filter} export must be image bytes, not text.`);
    const signature = SIGNATURES[kind];
    if (signature && !signature.bytes.every((b, i) => data[i] === b)) throw new FileProblem(signature.what);
    return data;
  }
  if (typeof data !== 'string') throw new FileProblem(`A ${format.filter} export must be text.`);
  if (kind === 'timeline-svg' && !/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(data)) {
    throw new FileProblem('The exported timeline is not an SVG document.');
  }
  if (kind === 'trace-json' || kind === 'player-html') {
    try {
      JSON.parse(data);
    } catch {
      throw new FileProblem('The exported trace is not valid JSON.');
    }
  }
  return data;
}

export class ExportWriter {
  /** The trace the renderer sent, written into the shared player's template. */
  private async player(traceJson: string): Promise<string> {
    let template: string;
    try {
      template = await this.playerTemplate();
    } catch (error) {
      throw new FileProblem(
        `The player could not be made: its template is missing (${(error as Error).message}).`,
      );
    }
    return playerHtml(template, JSON.parse(traceJson) as Trace);
  }

  private lastDir: string | null = null;

  constructor(
    private readonly fs: FileSystemPort,
    private readonly dialog: DialogPort,
    /** The shared player's template (out/share/player.html), read when a player is exported. */
    private readonly playerTemplate: () => Promise<string> = () =>
      Promise.reject(new Error('this build has no shared player')),
  ) {}

  /** Checks, asks where, writes exactly there. Resolves to the path written, or null when cancelled. */
  async export(request: ExportRequest): Promise<string | null> {
    let data = checkExportData(request.kind, request.data);
    if (request.kind === 'player-html') data = await this.player(data as string);
    const format = EXPORT_FORMATS[request.kind];
    const chosen = await this.dialog.savePath({
      title: 'Export',
      defaultName: exportFileName(request.name, request.kind),
      defaultDir: this.lastDir,
      filters: [{ name: format.filter, extensions: [format.extension] }],
    });
    if (chosen === null) return null;
    const path = await withExtension(this.fs, chosen, format.extension);
    try {
      await this.fs.writeFile(path, data);
    } catch (error) {
      throw new FileProblem(describeFsError(path, error, 'written'));
    }
    this.lastDir = dirname(path);
    return path;
  }
}
