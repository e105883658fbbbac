// Types for the tests that read the import whitelists (eslint.boundaries.js is plain JS so that
// ESLint loads it without a compiler).
export declare const boundaries: Record<string, readonly string[]>;
export declare const outside: readonly string[];
export declare function folderOf(rel: string): string | null;
export declare function violation(rel: string, spec: string, typeOnly?: boolean): string | null;
export declare const boundariesPlugin: { rules: Record<string, unknown> };
