import type { Plugin as VitePlugin } from 'vite';
import type { Plugin as EsbuildPlugin } from 'esbuild';

export const UNUSED_METHODS: Readonly<Record<string, readonly string[]>>;
export const UNUSED_BROWSER_FLAGS: readonly string[];
export const REPLACED_MODULES: Readonly<Record<string, string>>;
export const UNUSED_CSS_CLASSES: readonly string[];
export function trimLeafletCss(css: string): string;
export function leafletModule(id: string): string | undefined;
export function removeMethods(code: string, file: string, names: readonly string[]): string;
export function removeUnusedFlags(code: string, file: string, flags: readonly string[]): string;
export function trimLeaflet(code: string, id: string): string | undefined;
export function leafletTrimVite(): VitePlugin;
export function leafletTrimEsbuild(): EsbuildPlugin;
export function leafletTrimDevServer(): { name: string; transform(context: { body: unknown; path: string }): { body: string } | undefined };
