import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../common/apiTypes';

type Item = { label?: string; role?: string; click?: () => void; submenu?: Item[] };

describe('the menu reaches lessons and the compare view', () => {
  it('Help > Lessons… opens the lesson list and View > Compare Side by Side… the compare view', async () => {
    const { buildMenu } = await import('../../main/menu');
    const sent: MenuCommand[] = [];
    const { template } = buildMenu((command) => sent.push(command)) as unknown as { template: Item[] };
    const view = template.find((m) => m.label === 'View');
    const help = template.find((m) => m.role === 'help');
    view?.submenu?.find((m) => m.label === 'Compare Side by Side…')?.click?.();
    help?.submenu?.find((m) => m.label === 'Lessons…')?.click?.();
    expect(sent).toEqual(['view:compare', 'view:lessons']);
  });
});
