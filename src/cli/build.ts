/**
 * `daylight build`: config + raw files in, feed.json out, or nothing out. The feed is written to
 * a temporary file and renamed into place only after it has passed the validator, the widget
 * guard and the audit, so a failed run never leaves a partial or unsafe feed behind.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve, basename } from 'node:path';
import { ConfigError, parseConfig, type BuildConfig } from '../builder/config.js';
import { FeedBuilder, type BuildResult, type SourceSink } from '../builder/build.js';
import { BoundaryError } from '../builder/geo.js';
import { auditFeed } from '../builder/audit.js';
import { validateFeed } from '../core/validate.js';
import { guardFeed } from '../core/privacy.js';
import type { Feed } from '../core/types.js';
import { readRows } from './io.js';
import { formatFeed } from './format.js';

export interface BuildCommandOptions {
  config: string;
  out: string;
  /** Feed file name inside `out`. */
  name?: string;
  dataDir?: string;
  /** Write `generated` as this ISO time (reproducible builds); else SOURCE_DATE_EPOCH or now. */
  generated?: string;
  maxBadRowShare?: number;
  /** Bad rows printed in full; the rest are counted. */
  showBadRows?: number;
  progress?: boolean;
  quiet?: boolean;
  copyAreas?: boolean;
  /** Read CSV sources in a second thread (default: files of 16 MB or more); tests force either way. */
  thread?: boolean;
  /** Where messages go (tests capture them). */
  log?: (line: string) => void;
  status?: (line: string) => void;
}

export class UserError extends Error {}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`${what} ${file} could not be read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const match = /position (\d+)/.exec((error as Error).message);
    if (match) {
      const before = text.slice(0, Number(match[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      throw new UserError(`${file} line ${line}, column ${column}: not valid JSON (${(error as Error).message})`);
    }
    throw new UserError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/** Loads and validates a config file; throws UserError / ConfigError with file-named messages. */
export function loadConfig(file: string): BuildConfig {
  return parseConfig(readJson(file, 'config file'), basename(file));
}

function generatedTime(option?: string): string | undefined {
  if (option) return option;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return undefined;
}

/** Builds in memory (streaming the sources); returns the result or throws with a clear message. */
export async function buildFromConfig(options: BuildCommandOptions): Promise<BuildResult & { config: BuildConfig; dataDir: string }> {
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const configFile = resolve(options.config);
  const config = loadConfig(configFile);
  const dataDir = options.dataDir ? resolve(options.dataDir) : resolve(dirname(configFile), config.dataDir ?? '.');
  const at = (file: string) => (isAbsolute(file) ? file : join(dataDir, file));
  const boundary = config.areas?.boundary ? readJson(at(config.areas.boundary), 'boundary file') : undefined;
  const gen = generatedTime(options.generated);
  const builder = new FeedBuilder(config, {
    ...(boundary !== undefined ? { boundary, boundaryName: config.areas!.boundary! } : {}),
    ...(gen ? { generated: gen } : {}),
    configName: basename(configFile),
  });
  const maxShare = options.maxBadRowShare ?? config.maxBadRowShare;
  const show = options.showBadRows ?? 20;
  let shown = 0;
  for (const [index, source] of config.sources.entries()) {
    const file = at(source.file);
    if (!existsSync(file)) throw new UserError(`sources[${index}].file: ${file} does not exist${options.dataDir ? '' : ' (use --data-dir to say where the data is)'}`);
    const format = source.format ?? (/\.(nd)?jsonl?$/i.test(extname(file)) || /\.ndjson$/i.test(file) ? 'ndjson' : 'csv');
    const name = basename(file);
    let sink: SourceSink | undefined;
    let malformed = 0;
    const started = Date.now();
    const bad = (line: number, reason: string) => {
      if (shown < show) log(`${name} line ${line}: ${reason}`);
      else if (shown === show) log('… more bad rows are counted but not printed (raise --show-bad-rows to see them)');
      shown++;
    };
    await readRows(file, {
      format,
      ...(source.delimiter ? { delimiter: source.delimiter } : {}),
      ...(options.thread !== undefined ? { thread: options.thread } : {}),
      ...(format === 'ndjson' ? { columns: referencedColumns(source) } : {}),
    }, {
      header: (names) => {
        sink = builder.openSource(index, names, name);
      },
      row: (values, line) => {
        const problem = sink!.add(values, line);
        if (problem) bad(line, problem);
      },
      rowRange: (text, starts, ends, at, line, ahead, row) => {
        const problem = sink!.addRange(text, starts, ends, at, line, ahead, row);
        if (problem) bad(line, problem);
      },
      readAhead: () => ({ ...sink!.readAhead, format: source.timestampFormat, zone: config.jurisdiction.timezone }),
      malformed: (line, reason) => {
        malformed++;
        bad(line, reason);
      },
      progress: (bytes, total, rows) => {
        if (!options.progress) return;
        const seconds = (Date.now() - started) / 1000 || 1e-3;
        const percent = total ? Math.min(100, (100 * bytes) / total) : 100;
        (options.status ?? ((l: string) => process.stderr.write(`\r${l}`)))(
          `${name}: ${rows.toLocaleString('en-US')} rows, ${percent.toFixed(0)}%, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s   `);
      },
    });
    if (options.progress && !options.status) process.stderr.write('\n');
    sink!.close();
    const report = sink!.report;
    const rows = report.rows + malformed;
    const unusable = report.bad + malformed;
    if (rows === 0) throw new UserError(`${name}: no data rows (the file is empty or holds only a header).`);
    const share = unusable / rows;
    if (!options.quiet) {
      const excluded = Object.entries(report.excluded).map(([why, n]) => `${n.toLocaleString('en-US')} ${why}`).join(', ');
      log(`${name}: ${rows.toLocaleString('en-US')} rows, ${report.used.toLocaleString('en-US')} used, ${unusable.toLocaleString('en-US')} unusable${excluded ? `, excluded: ${excluded}` : ''}.`);
      if (report.lateRows > 0 && report.lateRows <= report.lateRowsByChance) {
        log(`${name}: ${report.lateRows} row(s) matched an id already closed, no more than the memory-saving check flags by chance at this size (up to ${report.lateRowsByChance}), so the file looks ordered; each such row started a group of its own, as a new id does.`);
      } else if (report.lateRows > 0) {
        log(`${name}: ${report.lateRows} row(s) belong to an id whose earlier rows were more than groupWindow (${config.groupWindow}) ids back; they were counted as a separate group${report.lateRowsByChance ? ` (up to ${report.lateRowsByChance} of them may be flagged by chance)` : ''}. Sort the file by id or time, or raise groupWindow.`);
      }
    }
    if (share > maxShare) {
      throw new UserError(`${name}: ${unusable} of ${rows} rows (${(share * 100).toFixed(1)}%) are unusable, more than the ${(maxShare * 100).toFixed(1)}% allowed (maxBadRowShare / --max-bad-rows); no feed was written. Fix the rows listed above or the column mapping.`);
    }
  }
  const result = builder.finish();
  return { ...result, config, dataDir };
}

/** Every check a feed must pass before it is written. Returns the problems, empty when safe. */
export function feedProblems(feed: Feed): string[] {
  const problems: string[] = [];
  const validation = validateFeed(feed);
  if (!validation.ok) problems.push(...validation.errors.map((e) => e.message));
  problems.push(...validation.warnings.map((w) => w.message));
  problems.push(...guardFeed(feed).faults.map((f) => f.message));
  problems.push(...auditFeed(feed).findings.map((f) => f.message));
  return problems;
}

/** Writes text to `file` atomically: a temporary file in the same directory, then a rename. */
export function writeAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

export async function runBuild(options: BuildCommandOptions): Promise<number> {
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  try {
    const { feed, report, config, dataDir } = await buildFromConfig(options);
    const problems = feedProblems(feed);
    if (problems.length > 0) {
      log('The built feed failed its own checks, so it was not written (this is a bug in Daylight; please report it):');
      for (const p of problems.slice(0, 20)) log(`  ${p}`);
      return 1;
    }
    const out = resolve(options.out);
    const target = join(out, options.name ?? 'feed.json');
    writeAtomic(target, formatFeed(feed));
    if (config.areas?.boundary && options.copyAreas !== false && feed.areas?.url && !/^[a-z]+:/i.test(feed.areas.url)) {
      const from = isAbsolute(config.areas.boundary) ? config.areas.boundary : join(dataDir, config.areas.boundary);
      const to = join(out, feed.areas.url);
      if (resolve(from) !== resolve(to)) {
        // Written, not copied: a copy would keep a read-only source file's mode.
        writeAtomic(to, readFileSync(from, 'utf8'));
      }
    }
    if (!options.quiet) {
      for (const m of report.metrics) {
        const folded = Object.entries(m.folded).map(([d, v]) => `${v.length} ${d} value(s) folded into Other`).join('; ');
        log(`${m.id}: ${m.cells} cells, ${m.suppressed} suppressed (${m.primary} small or too few records, ${m.complementary} complementary)${folded ? `; ${folded}` : ''}.`);
      }
      for (const w of report.warnings) log(`warning: ${w}`);
      log(`Wrote ${target} (${report.periods.length} ${config.grain}s, ${report.periods[0]} to ${report.periods[report.periods.length - 1]}; as of ${report.asOf}, lag ${config.lagDays} days).`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UserError || error instanceof BoundaryError) {
      log(error.message);
      log('No feed was written.');
      return 1;
    }
    throw error;
  }
}

function referencedColumns(source: BuildConfig['sources'][number]): string[] {
  const out = new Set<string>();
  const add = (spec: string | string[] | undefined) => {
    if (spec === undefined) return;
    for (const s of Array.isArray(spec) ? spec : [spec]) out.add(s);
  };
  for (const spec of Object.values(source.fields)) add(spec as string | string[] | undefined);
  for (const c of Object.values(source.categories ?? {})) add(c.column);
  if (source.filter) add(source.filter.column);
  return [...out];
}
