// The notices the desktop shows in its banner (desktop/DesktopBanners.svelte): what an export
// wrote, why a file could not be opened. Calls to main go through `call`, so a failure becomes
// a notice instead of an unhandled rejection.

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export class Notices {
  list = $state<Notice[]>([]);
  #nextId = 1;

  add(text: string, kind: Notice['kind']): void {
    this.list = [...this.list, { id: this.#nextId++, kind, text }];
  }

  dismiss(id: number): void {
    this.list = this.list.filter((n) => n.id !== id);
  }

  /** Runs a call to main; a rejection becomes an error notice and resolves to undefined. */
  async call<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (error) {
      this.add(error instanceof Error ? error.message : String(error), 'error');
      return undefined;
    }
  }

  /** Like call, for calls without a value: resolves true when it succeeded. */
  async attempt(action: () => Promise<void>): Promise<boolean> {
    return (await this.call(async () => (await action(), true))) === true;
  }
}
