/** Builds feeds from in-memory rows, for golden tests. */
import { parseConfig } from '../../../src/builder/config.ts';
import { FeedBuilder, type BuildResult } from '../../../src/builder/build.ts';
import type { Cell, Feed, Metric } from '../../../src/core/types.ts';

export type Row = Record<string, string>;

export function build(config: unknown, rows: Record<string, Row[]>, boundary?: unknown): BuildResult & { problems: Map<number, string> } {
  const parsed = parseConfig(config);
  const builder = new FeedBuilder(parsed, { generated: '2025-01-01T00:00:00Z', ...(boundary ? { boundary } : {}) });
  const problems = new Map<number, string>();
  parsed.sources.forEach((source, i) => {
    const list = rows[source.id] ?? [];
    const header = [...new Set(list.flatMap((r) => Object.keys(r)))];
    const sink = builder.openSource(i, header);
    list.forEach((r, line) => {
      const problem = sink.add(header.map((h) => r[h] ?? ''), line + 2);
      if (problem) problems.set(line + 2, problem);
    });
    sink.close();
  });
  return { ...builder.finish(), problems };
}

export function metric(feed: Feed, id: string): Metric {
  const m = feed.metrics.find((x) => x.id === id);
  if (!m) throw new Error(`no metric ${id}; have ${feed.metrics.map((x) => x.id).join(', ')}`);
  return m;
}

/** The one cell matching every given dimension value (others must be "*"). */
export function cell(m: Metric, where: Record<string, string | number>): Cell {
  const found = m.cells.filter((c) => m.dimensions.every((d) => c[d] === (where[d] ?? '*')) && (where.q === undefined || c.q === where.q));
  if (found.length !== 1) throw new Error(`${found.length} cells match ${JSON.stringify(where)} in ${m.id}`);
  return found[0]!;
}

export const base = {
  jurisdiction: { name: 'Testville', id: 'testville', timezone: 'America/Los_Angeles' },
  privacy: { k: 5 },
  lagDays: 0,
};
