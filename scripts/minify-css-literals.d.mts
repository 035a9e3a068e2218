import type { Plugin as VitePlugin } from 'vite';
import type { Plugin as EsbuildPlugin } from 'esbuild';

export function minifyCss(css: string): string;
export function collapseMarkupWhitespace(raw: string): string;
export function minifyCssLiterals(code: string, fileName?: string): string | undefined;
export function minifyCssLiteralsVite(): VitePlugin;
export function minifyCssLiteralsEsbuild(): EsbuildPlugin;
