/**
 * Streaming readers for CSV and NDJSON sources. Rows are handed on one at a time, so a file
 * larger than memory is read in constant space; malformed lines are reported, not fatal.
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parse, type CsvError } from 'csv-parse';
import { ZoneClock, timestampParser } from '../builder/time.js';
import { hashId } from '../builder/groups.js';
import type { ReadAhead } from '../builder/build.js';

export interface ReadAheadPlan {
  timeColumns: readonly number[];
  format: string;
  zone: string;
  idColumn: number | undefined;
}

export interface RowHandlers {
  /** Called once with the header (CSV) or the column names the config asks for (NDJSON). */
  header(names: string[]): void;
  /** `values` may be reused for the next row: copy it to keep it. */
  row(values: string[], line: number): void;
  /**
   * When given, plain CSV lines after the header come here instead of to `row`: field i is
   * `text.slice(starts[at + i], ends[at + i])`. Handing on positions instead of field strings saves the
   * strings a row would otherwise allocate (a large share of the collector's work), since most
   * fields are only parsed, never kept. The arrays are reused for the next row.
   */
  rowRange?(text: string, starts: Int32Array, ends: Int32Array, at: number, line: number, ahead?: ReadAhead, index?: number): void;
  /**
   * Called after `header` when the file is read in a second thread: what that thread should also
   * work out for each row and hand on with `rowRange` as `ahead` (see ReadAhead): the timestamp
   * columns, read with `timestampParser(format, new ZoneClock(zone))`, and the id column's hashes.
   */
  readAhead?(): ReadAheadPlan | undefined;
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
  /**
   * Read and split a CSV file in a second thread while this one builds. Used by default for
   * files of 16 MB or more when the handlers take `rowRange`; rows arrive in the same order with
   * the same line numbers either way, so results do not change.
   */
  thread?: boolean;
  /** Tests: with `thread`, the builder's thread reads this many bytes, then waits for the reader thread and hands over. */
  handOverAfter?: number;
}

/** Smaller files are read in this thread: a reader thread would take about as long to start as they take to read. */
const THREAD_MIN_BYTES = 16 << 20;

/** Reads a whole source. Resolves when the file ends; rejects on an I/O error, or when a handler (or the reader thread) throws. */
export async function readRows(file: string, options: ReadOptions, handlers: RowHandlers): Promise<void> {
  const total = statSync(file).size;
  if (options.format === 'csv' && handlers.rowRange && (options.thread ?? total >= THREAD_MIN_BYTES)) {
    return readCsvInThread(file, options, total, handlers);
  }
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
async function readCsv(input: AsyncIterable<Buffer> & { destroy(): void }, delimiter: string, handlers: RowHandlers, counted: () => void,
  state: CsvState = { header: undefined, line: 0, ending: '', fast: true }): Promise<void> {
  let header = state.header;
  /** Lines consumed so far (the line number of the last record handed on). */
  let line = state.line;
  /** Header width, and the field positions handed to `rowRange` (sized once the header is known). */
  let width = header?.length ?? 0;
  let starts = new Int32Array(width);
  let ends = new Int32Array(width);
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
  let fast = state.fast && delimiter !== '"' && delimiter !== '\r' && delimiter !== '\n';
  /** The line ending, once the first line has shown it. */
  let ending = state.ending;
  let pending = '';
  // A byte order mark can only be at the start of the file.
  let first = header === undefined && line === 0;
  /** Tells `state` where the reading stands (between chunks, where a reader thread may take over). */
  const save = () => {
    state.header = header;
    state.line = line;
    state.ending = ending;
    state.fast = fast && slow === undefined;
  };
  const decoder = new StringDecoder('utf8');
  let slow: { write(text: string): Promise<void>; end(): Promise<void> } | undefined;

  /** Splits whole lines off `text` until one needs csv-parse; returns the unread rest. */
  const scan = (text: string, final: boolean, from = 0): string => {
    let pos = from;
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
    let nextQuote = text.indexOf('"', pos);
    if (nextQuote < 0) nextQuote = Number.POSITIVE_INFINITY;
    let nextCr = text.indexOf('\r', pos);
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
          ranged.call(handlers, text, starts, ends, 0, line);
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
    for await (const chunk of input) {
      let text = decoder.write(chunk);
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (slow) {
        await slow.write(text);
        continue;
      }
      const nl = pending !== '' && ending !== '' ? text.indexOf('\n') : -1;
      if (nl >= 0) {
        // The line cut by the chunk boundary is read on its own, and the rest of the chunk in the
        // decoder's own string: characters of a joined or sliced string are about a third slower
        // to read, and every character of every field is read.
        pending = scan(pending + text.slice(0, nl + 1), false);
        pending = fast ? scan(text, false, nl + 1) : pending + text.slice(nl + 1);
      } else pending = scan(pending + text, false);
      if (!fast) {
        startSlow();
        const rest = pending;
        pending = '';
        await slow!.write(rest);
      }
      save();
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
  save();
  if (!header) handlers.header([]);
}

/** Where a CSV reading stands between chunks: enough for another reader to carry on from the next byte. */
interface CsvState {
  header: string[] | undefined;
  /** Lines consumed so far. */
  line: number;
  ending: '' | 'lf' | 'crlf';
  /** Whether every line so far was plain (csv-parse has not taken over). */
  fast: boolean;
}

/**
 * The reader thread. Reading, UTF-8 decoding, splitting lines and parsing timestamps took about
 * two fifths of a single-threaded build; here they run beside the builder. The builder's thread
 * reads the start of the file itself while the reader thread starts up (20 to 160 ms), then
 * hands it the rest from the next line boundary. Plain rows cross as one message per chunk: the
 * chunk's text (copied once) and, transferred rather than copied, the field positions of its
 * rows, their timestamps and their id hashes (see ReadAhead). The thread reads ahead by at most
 * AHEAD batches, so memory stays flat however far the builder falls behind.
 */
const AHEAD = 4;
const THREAD_TAG = 'daylightCsvReader';

type ThreadMessage =
  | { kind: 'ready' }
  | { kind: 'ranges'; text: string; count: number; lines: Int32Array; starts: Int32Array; ends: Int32Array; bytes: number; times?: Float64Array; idHashes?: Int32Array }
  | { kind: 'records'; records: string[][]; lines: number[]; bytes: number }
  | { kind: 'malformed'; line: number; reason: string }
  | { kind: 'end' }
  | { kind: 'failed'; error: unknown };

/** What the builder's thread tells the reader thread once: where to carry on, and what to work out ahead. */
interface Handover {
  offset: number;
  state: CsvState;
  plan: ReadAheadPlan | null;
}

interface ThreadData {
  [THREAD_TAG]: true;
  file: string;
  delimiter: string;
  chunkBytes: number;
  /**
   * Two Int32s: batches the builder has finished, and whether the reader is waiting for that
   * number to grow. A shared counter rather than a message per batch, and a wake-up only when the
   * reader waits: on a busy machine every wake-up can cost the builder its time slice.
   */
  done: SharedArrayBuffer;
}

// In Node since 16; TypeScript's lib here predates it.
const waitAsync = (Atomics as unknown as { waitAsync(array: Int32Array, index: number, value: number): { value: Promise<string> | string } }).waitAsync;

function readerThread(data: ThreadData, port: NonNullable<typeof parentPort>): void {
  // A listener, not `once`: the listening port also keeps the thread alive while it waits for the
  // builder (a pending Atomics.waitAsync does not).
  let started = false;
  port.on('message', (handover: Handover) => {
    if (started) return;
    started = true;
    readFrom(data, port, handover);
  });
  port.postMessage({ kind: 'ready' } satisfies ThreadMessage);
}

function readFrom(data: ThreadData, port: NonNullable<typeof parentPort>, { offset, state, plan }: Handover): void {
  const done = new Int32Array(data.done);
  let sent = 0;
  const post = (message: ThreadMessage, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);
  const parser = plan && plan.timeColumns.length > 0 ? timestampParser(plan.format, new ZoneClock(plan.zone)) : undefined;
  const timeColumns = parser ? plan!.timeColumns : [];
  const idColumn = plan?.idColumn ?? -1;
  const width = state.header?.length ?? 0;

  let text = '';
  let count = 0;
  let capacity = 1024;
  let lines = new Int32Array(capacity);
  let starts = new Int32Array(capacity * width);
  let ends = new Int32Array(capacity * width);
  let times = parser ? new Float64Array(capacity * timeColumns.length) : undefined;
  let idHashes = idColumn >= 0 ? new Int32Array(capacity * 3) : undefined;
  let records: string[][] = [];
  let recordLines: number[] = [];
  const stream = createReadStream(data.file, { highWaterMark: data.chunkBytes, start: offset });
  const bytes = () => offset + stream.bytesRead;
  const flushRanges = () => {
    if (count === 0) return;
    const buffers = [lines.buffer as ArrayBuffer, starts.buffer as ArrayBuffer, ends.buffer as ArrayBuffer];
    if (times) buffers.push(times.buffer as ArrayBuffer);
    if (idHashes) buffers.push(idHashes.buffer as ArrayBuffer);
    post({ kind: 'ranges', text, count, lines, starts, ends, bytes: bytes(), ...(times ? { times } : {}), ...(idHashes ? { idHashes } : {}) }, buffers);
    sent++;
    count = 0;
    lines = new Int32Array(capacity);
    starts = new Int32Array(capacity * width);
    ends = new Int32Array(capacity * width);
    if (times) times = new Float64Array(capacity * timeColumns.length);
    if (idHashes) idHashes = new Int32Array(capacity * 3);
  };
  const flushRecords = () => {
    if (records.length === 0) return;
    post({ kind: 'records', records, lines: recordLines, bytes: bytes() });
    sent++;
    records = [];
    recordLines = [];
  };
  const flush = () => {
    flushRanges();
    flushRecords();
  };
  const grow = <T extends Int32Array | Float64Array>(array: T, size: number): T => {
    const bigger = new (array.constructor as new (size: number) => T)(size);
    bigger.set(array);
    return bigger;
  };
  const gated = {
    async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
      for await (const chunk of stream) {
        // The previous chunk's rows are all split by now (the reader finishes a chunk before it
        // asks for the next), so they go as one batch.
        flush();
        while (sent - Atomics.load(done, 0) >= AHEAD) {
          Atomics.store(done, 1, 1);
          const finished = Atomics.load(done, 0);
          if (sent - finished >= AHEAD) await waitAsync(done, 0, finished).value;
          Atomics.store(done, 1, 0);
        }
        yield chunk as Buffer;
      }
    },
    destroy: () => stream.destroy(),
  };
  readCsv(gated, data.delimiter, {
    header() {
      // The builder's thread read the header; this thread starts after it.
    },
    rowRange(chunk, s, e, _at, line) {
      flushRecords();
      if (chunk !== text) {
        flushRanges();
        text = chunk;
      }
      if (count === capacity) {
        capacity *= 2;
        lines = grow(lines, capacity);
        starts = grow(starts, capacity * width);
        ends = grow(ends, capacity * width);
        if (times) times = grow(times, capacity * timeColumns.length);
        if (idHashes) idHashes = grow(idHashes, capacity * 3);
      }
      lines[count] = line;
      // A loop, not TypedArray.set: for a handful of fields the call costs more than the copy.
      for (let f = 0, at = count * width; f < width; f++) {
        starts[at + f] = s[f]!;
        ends[at + f] = e[f]!;
      }
      if (times) {
        for (let j = 0, at = count * timeColumns.length; j < timeColumns.length; j++) {
          const start = s[timeColumns[j]!]!;
          const end = e[timeColumns[j]!]!;
          // Only what the builder would read in place; anything else it reads (and words) itself.
          times[at + j] = start < end && plainAt(chunk, start) && plainAt(chunk, end - 1) ? parser!.parseRange(chunk, start, end) : Number.NaN;
        }
      }
      if (idHashes) hashId(chunk, s[idColumn]!, e[idColumn]!, idHashes, count * 3);
      count++;
    },
    row(values, line) {
      flushRanges();
      records.push(values.slice());
      recordLines.push(line);
      if (records.length >= 4096) flushRecords();
    },
    malformed(line, reason) {
      flush();
      post({ kind: 'malformed', line, reason });
    },
  }, () => {}, state).then(() => {
    flush();
    post({ kind: 'end' });
  }, (error: unknown) => {
    post({ kind: 'failed', error });
  });
}

/**
 * The builder's side: reads the file itself until the reader thread is ready, hands it the rest at
 * a line boundary, then passes the thread's rows to the handlers in order.
 */
function readCsvInThread(file: string, options: ReadOptions, total: number, handlers: RowHandlers): Promise<void> {
  const data: ThreadData = { [THREAD_TAG]: true, file, delimiter: options.delimiter ?? ',', chunkBytes: options.chunkBytes ?? 1 << 20, done: new SharedArrayBuffer(8) };
  const done = new Int32Array(data.done);
  const finished = () => {
    Atomics.add(done, 0, 1);
    if (Atomics.load(done, 1) === 1) Atomics.notify(done, 0);
  };
  const worker = new Worker(threadEntry(), { workerData: data });
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let width = 0;
    let rows = 0;
    let lastReport = 0;
    const report = (bytes: number) => {
      const now = Date.now();
      if (handlers.progress && now - lastReport >= 500) {
        lastReport = now;
        handlers.progress(bytes, total, rows);
      }
    };
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(error);
    };
    const succeed = () => {
      settled = true;
      handlers.progress?.(total, total, rows);
      worker.terminate().then(() => resolve(), resolve);
    };
    let ready = false;
    let onReady: (() => void) | undefined;
    worker.on('message', (message: ThreadMessage) => {
      if (settled) return;
      try {
        switch (message.kind) {
          case 'ready':
            ready = true;
            onReady?.();
            break;
          case 'ranges': {
            const { text, count, lines, starts, ends, times, idHashes } = message;
            const ahead: ReadAhead | undefined = times || idHashes ? { ...(times ? { times } : {}), ...(idHashes ? { idHashes } : {}) } : undefined;
            for (let r = 0, at = 0; r < count; r++, at += width) {
              handlers.rowRange!(text, starts, ends, at, lines[r]!, ahead, r);
              rows++;
            }
            finished();
            report(message.bytes);
            break;
          }
          case 'records':
            for (let r = 0; r < message.records.length; r++) {
              handlers.row(message.records[r]!, message.lines[r]!);
              rows++;
            }
            finished();
            report(message.bytes);
            break;
          case 'malformed':
            handlers.malformed(message.line, message.reason);
            break;
          case 'end':
            succeed();
            break;
          case 'failed':
            fail(message.error);
            break;
        }
      } catch (error) {
        fail(error);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the CSV reader thread for ${file} stopped early (exit code ${code})`)));

    // This thread reads whole lines only (each piece ends with a line break; UTF-8 never has that
    // byte inside a character), so between pieces nothing is half read and the thread can start
    // at the next byte. It hands over once the thread is ready, the header is read and the lines
    // are plain; `handOverAfter` (tests) makes it wait for the thread from that many bytes on.
    const state: CsvState = { header: undefined, line: 0, ending: '', fast: true };
    const stream = createReadStream(file, { highWaterMark: data.chunkBytes });
    let fed = 0;
    let handedAt = -1;
    const plain = () => state.fast && state.header !== undefined && state.ending !== '';
    const pieces = {
      async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
        let carry: Buffer | undefined;
        for await (const chunk of stream) {
          if (settled) return; // the thread failed: stop reading
          let piece = carry ? Buffer.concat([carry, chunk as Buffer]) : chunk as Buffer;
          carry = undefined;
          const cut = piece.lastIndexOf(10);
          if (cut < 0) {
            carry = piece;
            continue;
          }
          if (cut + 1 < piece.length) {
            carry = piece.subarray(cut + 1);
            piece = piece.subarray(0, cut + 1);
          }
          if (!ready && options.handOverAfter !== undefined && fed >= options.handOverAfter && plain()) {
            await new Promise<void>((resolve) => { onReady = resolve; });
          }
          if (ready && plain() && fed >= (options.handOverAfter ?? 0)) {
            handedAt = fed;
            stream.destroy();
            return;
          }
          fed += piece.length;
          yield piece;
        }
        if (carry) yield carry;
      },
      destroy: () => stream.destroy(),
    };
    readCsv(pieces, data.delimiter, {
      ...handlers,
      header: (names) => {
        width = names.length;
        handlers.header(names);
      },
    }, () => {
      rows++;
      if ((rows & 0x3fff) === 0) report(fed);
    }, state).then(() => {
      if (settled) return;
      if (handedAt < 0) succeed();
      else worker.postMessage({ offset: handedAt, state, plan: handlers.readAhead?.() ?? null } satisfies Handover);
    }).catch(fail); // a throwing readAhead too
  });
}

/**
 * The module the thread runs: this one. Run from the TypeScript sources (a clone, the tests), the
 * thread registers tsx's loader first (a loader given with --import does not reach worker
 * threads); the bundled CLI (dist/cli/daylight.mjs) needs none.
 */
function threadEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL(import.meta.url);
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(import.meta.url)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

if (!isMainThread && parentPort && (workerData as Partial<ThreadData> | null)?.[THREAD_TAG]) readerThread(workerData as ThreadData, parentPort);

/** Whether the character at i is printable ASCII (as the builder checks before reading a field in place). */
function plainAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code > 32 && code < 127;
}
