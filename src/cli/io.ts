/**
 * Streaming readers for CSV and NDJSON sources. Rows are handed on one at a time, so a file
 * larger than memory is read in constant space; malformed lines are reported, not fatal.
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
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
  const parser = parse({
    bom: true,
    delimiter: options.delimiter ?? ',',
    relax_column_count: true,
    skip_records_with_error: true,
    skip_empty_lines: true,
    info: true,
  });
  parser.on('skip', (error: CsvError) => {
    const lines = typeof error.lines === 'number' ? error.lines : Number(/line (\d+)/.exec(error.message)?.[1] ?? 0);
    handlers.malformed(lines, error.message.replace(/^Invalid Record Length: /, '').replace(/, got \d+ on line \d+$/, ''));
  });
  input.pipe(parser);
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const { record, info } = item;
    if (!header) {
      header = record;
      handlers.header(record);
      continue;
    }
    if (record.length !== header.length) {
      handlers.malformed(info.lines, `expected ${header.length} fields as in the header, found ${record.length}`);
      continue;
    }
    handlers.row(record, info.lines);
    rows++;
    if ((rows & 0x3fff) === 0) report();
  }
  if (!header) handlers.header([]);
  handlers.progress?.(total, total, rows);
}
