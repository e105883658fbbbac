// Program output, made safe to print on a terminal (sim.ts).

/**
 * Program output as text for a terminal: control characters (C0 but newline and tab, DEL, C1)
 * are written as escapes, so a program cannot clear the screen, move the cursor, retitle the
 * window or fake the lines the CLI itself prints.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => {
    const code = c.charCodeAt(0);
    return code === 0x0d ? '\\r' : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}
