// The licences of the packages bundled into dist/, written beside the bundles as
// dist/THIRD-PARTY-NOTICES.txt. Lit (BSD-3-Clause) and Leaflet (BSD-2-Clause) ask that a binary
// redistribution reproduce their copyright notice and licence; the minified bundles carry no
// comments, so the notices ship as this file, which `files` in package.json publishes with them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE_IN_PATH = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/;

/**
 * The package directory of each bundled node_modules module, by package name. A path with
 * several node_modules segments (a nested copy) belongs to the innermost package.
 * @param {Iterable<string>} moduleIds module ids or file paths, as the bundler reports them
 * @returns {Map<string, string>} name -> directory
 */
export function bundledPackages(moduleIds) {
  const packages = new Map();
  for (const id of moduleIds) {
    const path = id.replace(/^\0/, '').split('?')[0];
    const at = path.lastIndexOf('node_modules');
    if (at < 0) continue;
    const match = PACKAGE_IN_PATH.exec(path.slice(at - 1));
    if (!match) continue;
    const name = match[1].replaceAll('\\', '/');
    packages.set(name, join(path.slice(0, at), 'node_modules', name));
  }
  return packages;
}

/**
 * The notices text: one section per package, sorted by name, with its version, its licence's
 * SPDX id and the full text of its licence file.
 * @param {Map<string, string>} packages name -> directory, as from bundledPackages
 * @returns {string}
 */
export function noticesText(packages) {
  const sections = [...packages].sort(([a], [b]) => a.localeCompare(b)).map(([name, dir]) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(dir).find((file) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(file));
    if (!licenceFile) {
      throw new Error(`third-party-notices: ${name} (${dir}) has no LICENSE file; add its notice by hand before shipping it`);
    }
    const text = readFileSync(join(dir, licenceFile), 'utf8').trim();
    return `${name} ${manifest.version} (${manifest.license})\n${'-'.repeat(60)}\n${text}\n`;
  });
  return `Daylight's bundles in this directory include the following packages, under these licences.\n\n${sections.join('\n\n')}`;
}

/** Vite plugin for the library build: emits THIRD-PARTY-NOTICES.txt for the modules of every chunk. */
export function thirdPartyNoticesVite() {
  return {
    name: 'daylight-third-party-notices',
    apply: 'build',
    generateBundle(_options, bundle) {
      const ids = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? output.moduleIds : []));
      this.emitFile({ type: 'asset', fileName: 'THIRD-PARTY-NOTICES.txt', source: noticesText(bundledPackages(ids)) });
    },
  };
}
