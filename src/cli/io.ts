/**
 * Streaming readers for CSV and NDJSON sources. Rows are handed on one at a time, so a file
 * larger than memory is read in constant space; malformed lines are reported, not fatal.
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { parse, type CsvError } from 'csv-parse';

export interface RowHandlers {
  /** Called once with the header (CSV) or the column names the config asks for (NDJSON). */
  header(names: string[]): void;
  /** `values` may be reused for the next row: copy it to keep it. */
  row(values: string[], line: number): void;
  /**
   * When given, plain CSV lines after the header come here instead of to `row`: field i is
   * `text.slice(starts[i], ends[i])`. Handing on positions instead of field strings saves the
   * strings a row would otherwise allocate (a large share of the collector's work), since most
   * fields are only parsed, never kept. The arrays are reused for the next row.
   */
  rowRange?(text: string, starts: Int32Array, ends: Int32Array, line: number): void;
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
  /** Bytes per read (1 MB); tests use tiny reads to put chunk boundaries everywhere. */
  chunkBytes?: number;
}

/** Reads a whole source. Resolves when the file ends; rejects only on I/O errors. */
export async function readRows(file: string, options: ReadOptions, handlers: RowHandlers): Promise<void> {
  const total = statSync(file).size;
  const input = createReadStream(file, { highWaterMark: options.chunkBytes ?? 1 << 20 });
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

  await readCsv(input, options.delimiter ?? ',', handlers, () => {
    rows++;
    if ((rows & 0x3fff) === 0) report();
  });
  handlers.progress?.(total, total, rows);
}

/**
 * CSV, in two gears. Most exports are plain lines (no quotes, one kind of line ending), and for
 * those a line is split with indexOf, several times faster than a general parser; the first line
 * that holds a quote or a stray carriage return hands it and the rest of the file to csv-parse,
 * which handles quoting, escaped quotes and newlines inside fields. The fast path keeps
 * csv-parse's reading of plain lines: a UTF-8 byte order mark is dropped, the line ending is the
 * first one in the file (CRLF or LF; a file using bare CR goes to csv-parse whole), blank lines
 * are skipped but counted, and every line break counts toward line numbers.
 */
async function readCsv(input: NodeJS.ReadableStream & { destroy(): void }, delimiter: string, handlers: RowHandlers, counted: () => void): Promise<void> {
  let header: string[] | undefined;
  /** Lines consumed so far (the line number of the last record handed on). */
  let line = 0;
  /** Header width, and the field positions handed to `rowRange` (sized once the header is known). */
  let width = 0;
  let starts = new Int32Array(0);
  let ends = new Int32Array(0);
  const deliver = (record: string[]): void => {
    if (record.length === 1 && record[0] === '') return; // a blank line
    if (!header) {
      header = record;
      width = record.length;
      starts = new Int32Array(width);
      ends = new Int32Array(width);
      handlers.header(record);
      return;
    }
    if (record.length !== header.length) {
      handlers.malformed(line, `expected ${header.length} fields as in the header, found ${record.length}`);
      return;
    }
    handlers.row(record, line);
    counted();
  };

  // A delimiter that is itself a quote or line break character is left to csv-parse alone.
  let fast = delimiter !== '"' && delimiter !== '\r' && delimiter !== '\n';
  /** The line ending, once the first line has shown it. */
  let ending: '' | 'lf' | 'crlf' = '';
  let pending = '';
  let first = true;
  const decoder = new StringDecoder('utf8');
  let slow: { write(text: string): Promise<void>; end(): Promise<void> } | undefined;

  /** Splits whole lines off `text` until one needs csv-parse; returns the unread rest. */
  const scan = (text: string, final: boolean): string => {
    let pos = 0;
    if (ending === '') {
      const lf = text.indexOf('\n');
      const cr = text.indexOf('\r');
      const quote = text.indexOf('"');
      const brk = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (brk < 0 && !final) return text; // the first line is not complete yet
      if (quote >= 0 && (brk < 0 || quote < brk)) {
        fast = false; // a quoted header: csv-parse reads the file and finds the line ending itself
        return text;
      }
      if (brk < 0) ending = 'lf'; // one line and no line break at all
      else if (brk === lf) ending = 'lf';
      else if (text.charCodeAt(cr + 1) === 10) ending = 'crlf';
      else if (cr + 1 < text.length || final) {
        fast = false; // bare CR (classic Mac) line endings
        return text;
      } else return text; // a CR at the end of the chunk: wait for the next one
    }
    const crlf = ending === 'crlf';
    let nextQuote = text.indexOf('"');
    if (nextQuote < 0) nextQuote = Number.POSITIVE_INFINITY;
    let nextCr = text.indexOf('\r');
    if (nextCr < 0) nextCr = Number.POSITIVE_INFINITY;
    const record: string[] = [];
    const ranged = handlers.rowRange;
    for (;;) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) {
        if (!final || pos >= text.length) break;
        nl = text.length; // the last line, without a line break
        if (crlf && nextCr === nl - 1) {
          fast = false; // a lone CR at the very end: leave its reading to csv-parse
          break;
        }
      }
      let end = nl;
      if (crlf && nl < text.length) {
        if (nextCr !== nl - 1) {
          fast = false; // an LF without CR, or a CR inside the line
          break;
        }
        end = nl - 1;
        nextCr = text.indexOf('\r', nl + 1);
        if (nextCr < 0) nextCr = Number.POSITIVE_INFINITY;
      }
      if (nextQuote < nl || nextCr < end) {
        fast = false;
        break;
      }
      line++;
      if (ranged && header) {
        let fields = 0;
        let i = pos;
        for (;;) {
          let d = end > i ? text.indexOf(delimiter, i) : -1;
          if (d < 0 || d >= end) d = end;
          if (fields < width) {
            starts[fields] = i;
            ends[fields] = d;
          }
          fields++;
          if (d === end) break;
          i = d + 1;
        }
        if (fields === 1 && end === pos) {
          // a blank line
        } else if (fields !== width) handlers.malformed(line, `expected ${width} fields as in the header, found ${fields}`);
        else {
          ranged.call(handlers, text, starts, ends, line);
          counted();
        }
        pos = nl + 1;
        if (pos > text.length) pos = text.length;
        continue;
      }
      record.length = 0;
      if (end > pos) {
        let i = pos;
        for (;;) {
          const d = text.indexOf(delimiter, i);
          if (d < 0 || d >= end) {
            record.push(text.slice(i, end));
            break;
          }
          record.push(text.slice(i, d));
          i = d + 1;
        }
      } else record.push('');
      // One array serves every row (handlers read it before the next); the header is copied.
      deliver(header ? record : record.slice());
      pos = nl + 1;
      if (pos > text.length) pos = text.length;
    }
    return text.slice(pos);
  };

  /** Hands the rest of the file to csv-parse; its line numbers continue from ours. */
  const startSlow = () => {
    const base = line;
    const parser = parse({
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_records_with_error: true,
      // Mid-file, the line ending is the one the fast path found (csv-parse would find the same
      // one in the first line, but it must not guess from a quoted field's content here).
      ...(ending === 'crlf' ? { record_delimiter: '\r\n' } : ending === 'lf' ? { record_delimiter: '\n' } : {}),
    });
    // Line numbers are tracked here rather than with csv-parse's `info` option, which allocates
    // an object per record and costs about 40% of the parse time: a record ends one line after
    // the previous one plus any newlines inside its quoted fields; after a skipped record the
    // parser tells us where it stopped.
    parser.on('skip', (error: CsvError) => {
      const at = typeof error.lines === 'number' ? error.lines : Number(/line (\d+)/.exec(error.message)?.[1] ?? 0);
      line = base + at;
      handlers.malformed(line, error.message
        .replace(/^Invalid Record Length: /, '').replace(/, got \d+ on line \d+$/, '')
        .replace(/\bline (\d+)/g, (_, n: string) => `line ${base + Number(n)}`));
    });
    let failure: unknown;
    let ended = false;
    // Records are handled in the parser's own 'data' events (not an async iterator, which
    // buffers), so a skipped record's report and line resync fall in order between the records
    // around it.
    parser.on('data', (record: string[]) => {
      if (failure !== undefined) return;
      try {
        line++;
        for (const field of record) {
          if (field.length > 0 && field.includes('\n')) line += field.split('\n').length - 1;
        }
        deliver(record);
      } catch (error) {
        failure = error;
      }
    });
    const done = new Promise<void>((resolve) => {
      parser.on('end', () => {
        ended = true;
        resolve();
      });
      parser.on('error', (error) => {
        failure ??= error;
        ended = true;
        resolve();
      });
    });
    slow = {
      async write(text) {
        if (failure !== undefined) throw failure;
        if (!parser.write(text)) await Promise.race([once(parser, 'drain'), done]);
        if (failure !== undefined) throw failure;
      },
      async end() {
        if (!ended) {
          parser.end();
          await done;
        }
        if (failure !== undefined) throw failure;
      },
    };
  };

  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let text = decoder.write(chunk);
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (slow) {
        await slow.write(text);
        continue;
      }
      pending = scan(pending + text, false);
      if (!fast) {
        startSlow();
        const rest = pending;
        pending = '';
        await slow!.write(rest);
      }
    }
    let text = decoder.end();
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (slow) await slow.write(text);
    else {
      pending = scan(pending + text, true);
      if (!fast) {
        startSlow();
        await slow!.write(pending);
      }
    }
    await slow?.end();
  } catch (error) {
    input.destroy();
    throw error;
  }
  if (!header) handlers.header([]);
}
