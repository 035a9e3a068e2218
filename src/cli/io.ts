/**
 * Streaming readers for CSV and NDJSON sources. Rows are handed on one at a time, so a file
 * larger than memory is read in constant space; malformed lines are reported, not fatal.
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { parse, type CsvError } from 'csv-parse';

export interface RowHandlers {
  /** Called once with the header (CSV) or the column names the config asks for (NDJSON). */
  header(names: string[]): void;
  row(values: string[], line: number): void;
  /** A line that could not be read as a row at all. */
  malformed(line: number, reason: string): void;
  /** Bytes read so far and the file's size, for progress. */
  progress?(bytes: number, total: number, rows: number): void;
}

export interface ReadOptions {
  format: 'csv' | 'ndjson';
  delimiter?: string;
  /** NDJSON has no header: these are the keys to read from each object. */
  columns?: string[];
}

/** Reads a whole source. Resolves when the file ends; rejects only on I/O errors. */
export async function readRows(file: string, options: ReadOptions, handlers: RowHandlers): Promise<void> {
  const total = statSync(file).size;
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  let rows = 0;
  let lastReport = 0;
  const report = () => {
    const now = Date.now();
    if (handlers.progress && now - lastReport >= 500) {
      lastReport = now;
      handlers.progress(input.bytesRead, total, rows);
    }
  };
  if (options.format === 'ndjson') {
    const columns = options.columns ?? [];
    handlers.header(columns);
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    let line = 0;
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch (error) {
        handlers.malformed(line, `not valid JSON (${(error as Error).message})`);
        continue;
      }
      if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        handlers.malformed(line, 'expected a JSON object on each line');
        continue;
      }
      const object = record as Record<string, unknown>;
      handlers.row(columns.map((c) => {
        const v = object[c];
        return v === undefined || v === null ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
      }), line);
      rows++;
      if ((rows & 0x3fff) === 0) report();
    }
    handlers.progress?.(total, total, rows);
    return;
  }

  let header: string[] | undefined;
  // Line numbers are tracked here rather than with csv-parse's `info` option, which allocates an
  // object per record and costs about 40% of the parse time: a record ends one line after the
  // previous one plus any newlines inside its quoted fields; after a skipped record the parser
  // tells us where it stopped.
  let line = 0;
  const parser = parse({
    bom: true,
    delimiter: options.delimiter ?? ',',
    relax_column_count: true,
    skip_records_with_error: true,
  });
  parser.on('skip', (error: CsvError) => {
    const at = typeof error.lines === 'number' ? error.lines : Number(/line (\d+)/.exec(error.message)?.[1] ?? 0);
    line = at;
    handlers.malformed(at, error.message.replace(/^Invalid Record Length: /, '').replace(/, got \d+ on line \d+$/, ''));
  });
  // Records are handled in the parser's own 'data' events (not an async iterator, which buffers),
  // so a skipped record's report and line resync fall in order between the records around it.
  // A handler that throws (e.g. the header lacks a configured column) stops the read and rejects.
  let failure: unknown;
  parser.on('data', (record: string[]) => {
    if (failure !== undefined) return;
    try {
      onRecord(record);
    } catch (error) {
      failure = error;
      input.unpipe(parser);
      input.destroy();
      parser.end();
    }
  });
  const onRecord = (record: string[]): void => {
    line++;
    for (const field of record) {
      if (field.length > 0 && field.includes('\n')) line += field.split('\n').length - 1;
    }
    if (record.length === 1 && record[0] === '') return; // a blank line
    if (!header) {
      header = record;
      handlers.header(record);
      return;
    }
    if (record.length !== header.length) {
      handlers.malformed(line, `expected ${header.length} fields as in the header, found ${record.length}`);
      return;
    }
    handlers.row(record, line);
    rows++;
    if ((rows & 0x3fff) === 0) report();
  };
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  await once(parser, 'end');
  if (failure !== undefined) throw failure;
  if (!header) handlers.header([]);
  handlers.progress?.(total, total, rows);
}
