import type { Plugin as VitePlugin } from 'vite';

export function bundledPackages(moduleIds: Iterable<string>): Map<string, string>;
export function noticesText(packages: Map<string, string>): string;
export function thirdPartyNoticesVite(): VitePlugin;
