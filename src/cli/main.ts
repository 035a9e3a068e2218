/**
 * `daylight` command line: `build` turns raw records into a safe feed; `audit` checks any feed.
 * Exit codes: 0 success / clean, 1 problems found (nothing written), 2 usage errors.
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { runBuild } from './build.js';
import { auditFeed } from '../builder/audit.js';

const HELP = `daylight — build and audit privacy-thresholded public-safety feeds

Usage:
  daylight build --config daylight.config.json --out public/ [options]
  daylight audit feed.json [--json]
  daylight --help | --version

build: reads the sources named in the config (CSV or NDJSON, streamed, any size), maps
columns, aggregates by period x area x category, applies the privacy rules (k threshold,
complementary suppression, quantile and share rules, fold-to-Other, optional rounding and
noise), checks the result with the validator, the widget guard and the audit, and only then
writes <out>/feed.json (through a temporary file and a rename, so a failed run writes nothing).

  -c, --config <file>         the column-mapping config (required); see docs/builder.md
  -o, --out <dir>             output directory (required); created if missing
      --name <file>           feed file name inside --out (default feed.json)
      --data-dir <dir>        where the source and boundary files are (default: the config's
                              "dataDir", relative to the config file, else the config's folder)
      --max-bad-rows <share>  reject the run when more than this share of a source's rows is
                              unusable, e.g. 0.01 for 1% (default: config maxBadRowShare, 0.01)
      --show-bad-rows <n>     print the first n unusable rows with file, line and reason (default 20)
      --generated <iso>       write this "generated" time (reproducible builds; SOURCE_DATE_EPOCH
                              is honoured too)
      --no-copy-areas         do not copy the boundary GeoJSON next to the feed
      --progress              show rows, percent and rows/s while reading (default when stderr is a terminal)
      --no-progress           never show progress
  -q, --quiet                 print only problems

audit: checks a feed file against the schema and the privacy rules and prints each finding
with its JSON path and the rule it breaks: small cells, suppressed cells recoverable from
published totals, quantiles on too few records, small funnel drop-offs, and text that looks
like coordinates, addresses, names, record ids or fine timestamps. Exits 1 on any finding.

      --json                  print findings as JSON

  -h, --help                  this help
  -v, --version               the version
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (command === 'build') return build(rest);
  if (command === 'audit') return audit(rest);
  process.stderr.write(`daylight: unknown command "${command}"; expected "build" or "audit". Run daylight --help.\n`);
  return 2;
}

function usage(message: string): number {
  process.stderr.write(`daylight: ${message}\nRun daylight --help for the options.\n`);
  return 2;
}

async function build(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        config: { type: 'string', short: 'c' },
        out: { type: 'string', short: 'o' },
        name: { type: 'string' },
        'data-dir': { type: 'string' },
        'max-bad-rows': { type: 'string' },
        'show-bad-rows': { type: 'string' },
        generated: { type: 'string' },
        'no-copy-areas': { type: 'boolean' },
        progress: { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!values.config) return usage('build needs --config <file>');
  if (!values.out) return usage('build needs --out <dir>');
  const share = values['max-bad-rows'] === undefined ? undefined : Number(values['max-bad-rows']);
  if (share !== undefined && !(share >= 0 && share <= 1)) return usage(`--max-bad-rows expects a share from 0 to 1, found "${values['max-bad-rows']}"`);
  const show = values['show-bad-rows'] === undefined ? undefined : Number(values['show-bad-rows']);
  if (show !== undefined && !(Number.isInteger(show) && show >= 0)) return usage(`--show-bad-rows expects a whole number, found "${values['show-bad-rows']}"`);
  if (values.generated !== undefined && Number.isNaN(Date.parse(values.generated))) return usage(`--generated expects an ISO time like 2025-01-27T00:00:00Z, found "${values.generated}"`);
  return runBuild({
    config: values.config,
    out: values.out,
    ...(values.name ? { name: values.name } : {}),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(share !== undefined ? { maxBadRowShare: share } : {}),
    ...(show !== undefined ? { showBadRows: show } : {}),
    ...(values.generated ? { generated: values.generated } : {}),
    copyAreas: !values['no-copy-areas'],
    progress: values['no-progress'] ? false : values.progress ?? Boolean(process.stderr.isTTY),
    quiet: Boolean(values.quiet),
  });
}

function audit(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    return usage((error as Error).message);
  }
  if (parsed.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) return usage('audit takes one feed file: daylight audit feed.json');
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(error as Error).message})`}\n`);
    return 1;
  }
  const { findings, notes } = auditFeed(input);
  if (parsed.values.json) {
    process.stdout.write(`${JSON.stringify({ file, findings, notes }, null, 2)}\n`);
  } else {
    for (const f of findings) process.stdout.write(`${file}: ${f.message} [${f.rule}${f.ruleNumber ? `, rule ${f.ruleNumber}` : ''}]\n`);
    for (const n of notes) process.stdout.write(`${file}: note: ${n}\n`);
    process.stdout.write(findings.length === 0 ? `${file}: audit clean.\n` : `${file}: ${findings.length} finding(s).\n`);
  }
  return findings.length === 0 ? 0 : 1;
}

/** Runs the CLI with process.argv and sets the exit code; used by bin/daylight.mjs. */
export function run(): void {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (error: unknown) => {
    process.stderr.write(`daylight: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
