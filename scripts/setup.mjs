#!/usr/bin/env node
// Installs what a fresh clone is missing, so `npm start` and `npm test` are the only commands a
// contributor or CI needs. Dependency-free on purpose: it runs before node_modules exists.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wantBrowser = process.argv.includes('--browser');

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function installNodeModules() {
  const installedMarker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  const manifest = join(root, 'package.json');
  const stale = !existsSync(installedMarker)
    || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installedMarker).mtimeMs)
    || statSync(manifest).mtimeMs > statSync(installedMarker).mtimeMs;
  if (!stale) return;
  console.log('[daylight] Installing npm dependencies...');
  const status = existsSync(lock)
    ? run('npm', ['ci', '--no-audit', '--no-fund'])
    : run('npm', ['install', '--no-audit', '--no-fund']);
  if (status !== 0) {
    console.error('[daylight] npm install failed; see the messages above.');
    process.exit(status);
  }
}

function chromiumPath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((p) => existsSync(p));
}

function ensureChromium() {
  if (chromiumPath()) return;
  if (process.env.CHROME_PATH) {
    console.error(`[daylight] CHROME_PATH is set to "${process.env.CHROME_PATH}", but no file exists there.`);
    process.exit(1);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('[daylight] Chromium is missing; installing Debian\'s chromium package with apt-get...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-qq'], { env }) !== 0 || run('apt-get', ['install', '-y', '-qq', 'chromium'], { env }) !== 0) {
      console.error('[daylight] apt-get could not install chromium. Install Chromium yourself and set CHROME_PATH to its executable.');
      process.exit(1);
    }
    if (chromiumPath()) return;
  }
  console.error('[daylight] The browser tests need Chromium, and none was found at /usr/bin/chromium.\n'
    + '  Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`), or set CHROME_PATH to a Chromium or Chrome executable,\n'
    + '  e.g. CHROME_PATH=/path/to/chrome npm test');
  process.exit(1);
}

installNodeModules();
if (wantBrowser) ensureChromium();
