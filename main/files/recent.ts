// The recent-files list: newest first, no duplicates, at most MAX_RECENT entries. Pure
// functions over arrays so the settings store can persist the result as it is.

/** As many as a File > Open Recent submenu shows comfortably. */
export const MAX_RECENT = 10;

/** Same file, same entry: Windows and macOS file systems are usually case-insensitive. */
function samePath(a: string, b: string, platform: string): boolean {
  return platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase();
}

export function addRecent(
  list: readonly string[],
  path: string,
  platform: string = process.platform,
  max = MAX_RECENT,
): string[] {
  return [path, ...list.filter((p) => !samePath(p, path, platform))].slice(0, max);
}

export function removeRecent(
  list: readonly string[],
  path: string,
  platform: string = process.platform,
): string[] {
  return list.filter((p) => !samePath(p, path, platform));
}

export function isRecent(
  list: readonly string[],
  path: string,
  platform: string = process.platform,
): boolean {
  return list.some((p) => samePath(p, path, platform));
}
