// Reads a file that should be a Python program and refuses, in words a person can act on,
// anything that is not: missing, a folder, too big, binary, or not UTF-8. A refusal is an
// error thrown before anything is changed, so the open document stays as it was.
import { basename } from 'node:path';
import { MAX_SOURCE_BYTES } from '../../common/limits';
import { errorCode, type FileStat, type FileSystemPort } from './ports';

/** The engine refuses sources above this many characters, so larger files are not opened. */
export const MAX_FILE_BYTES = MAX_SOURCE_BYTES;

export class FileProblem extends Error {
  override name = 'FileProblem';
}

export interface TextFile {
  text: string;
  stat: FileStat;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function describeFsError(path: string, error: unknown, verb = 'opened'): string {
  const name = `“${basename(path)}”`;
  switch (errorCode(error)) {
    case 'ENOENT':
      return `${name} could not be ${verb}: it does not exist (it may have been moved or deleted).`;
    case 'EACCES':
    case 'EPERM':
      return `${name} could not be ${verb}: you do not have permission to access it.`;
    case 'EISDIR':
      return `${name} could not be ${verb}: it is a folder, not a file.`;
    case 'ENOTDIR':
      return `${name} could not be ${verb}: a part of its path is not a folder.`;
    case 'EROFS':
      return `${name} could not be ${verb}: the disk is read-only.`;
    case 'ENOSPC':
      return `${name} could not be ${verb}: the disk is full.`;
    default:
      return `${name} could not be ${verb}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Decodes bytes as UTF-8 text or says why they are not a program Loopscope can show. */
export function decodeSource(name: string, bytes: Uint8Array): string {
  const label = `“${name}”`;
  if (bytes.includes(0)) {
    throw new FileProblem(`${label} is not a text file (it contains binary data), so it was not opened.`);
  }
  const start = UTF8_BOM.every((b, i) => bytes[i] === b) ? UTF8_BOM.length : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    throw new FileProblem(
      `${label} is not UTF-8 text, so it was not opened. Save it as UTF-8 and open it again.`,
    );
  }
}

export async function readTextFile(fs: FileSystemPort, path: string): Promise<TextFile> {
  const name = basename(path);
  let stat: FileStat;
  try {
    stat = await fs.stat(path);
  } catch (error) {
    throw new FileProblem(describeFsError(path, error));
  }
  if (stat.isDirectory) throw new FileProblem(`“${name}” is a folder, not a file, so it was not opened.`);
  if (!stat.isFile) throw new FileProblem(`“${name}” is not a regular file, so it was not opened.`);
  if (stat.size > MAX_FILE_BYTES) {
    throw new FileProblem(
      `“${name}” is ${megabytes(stat.size)}; Loopscope opens programs up to ${megabytes(MAX_FILE_BYTES)}, so it was not opened.`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    throw new FileProblem(describeFsError(path, error));
  }
  // The size may have changed between stat and read.
  if (bytes.length > MAX_FILE_BYTES) {
    throw new FileProblem(`“${name}” is larger than ${megabytes(MAX_FILE_BYTES)}, so it was not opened.`);
  }
  return { text: decodeSource(name, bytes), stat };
}
