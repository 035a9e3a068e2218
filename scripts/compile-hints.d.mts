import type { Plugin } from 'vite';
export declare const COMPILE_HINT: string;
export declare function compileHintsVite(options?: { entries?: string[] }): Plugin;
export declare function chunksOnLoad(bundle: Record<string, unknown>, entries?: string[]): Array<{ fileName: string }>;
