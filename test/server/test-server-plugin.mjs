// Routes under /__test/ that let browser tests provoke network conditions against a real HTTP
// server (the wtr dev server): counted requests, HTTP errors, bad bodies, slow and hung responses.
// Network faults (issue 7): a connection reset halfway through the body, a feed served as
// text/plain, and `sequence`, which answers each request to the same key with the next step of a
// script (ok, alt, slow, 404, 500, reset, plain, not-json, truncated, hang), the last step
// repeating: "loads once, then the network fails" and "the feed changes between two loads".
// Written as Koa middleware so the dev server's own HTML transforms and status handling stay out
// of the way. Fault routes serve genuine fixture feeds.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const counts = new Map();
const fixture = (name) => readFileSync(resolve('test/fixtures/feeds', name.replace(/[^\w.-]/g, '')), 'utf8');

/**
 * Version B of a fixture: the same feed published again, later, with every count in `incidents`
 * 1,000 higher, so a test can tell which version each element shows.
 */
function versionB(text) {
  const feed = JSON.parse(text);
  feed.generated = '2026-11-20T06:00:00Z';
  feed.methodology.asOf = '2026-11-15';
  for (const cell of feed.metrics.find((m) => m.id === 'incidents')?.cells ?? []) {
    if (typeof cell.value === 'number') { cell.value += 1000; cell.n += 1000; }
  }
  return JSON.stringify(feed);
}

/**
 * A feed that breaks the privacy rules a widget re-checks (the same cells as
 * test/browser/privacy-guard.test.ts): 7 (a small count), a suppressed cell that states n = 9,
 * a p90 of 23.9 from 60 records, and a share of 3/8.
 */
function leaky(text) {
  const feed = JSON.parse(text);
  Object.assign(feed.metrics[0].cells[0], { n: 7, value: 7 });
  Object.assign(feed.metrics[0].cells[2], { n: 9 });
  feed.metrics[1].cells.push({ period: '2026-09', q: 0.9, n: 60, value: 23.9 });
  feed.metrics[2].cells[1] = { period: '2026-09', n: 8, numerator: 3, value: 0.375 };
  return JSON.stringify(feed);
}

/** Sends the head and half the body, then destroys the socket (a connection reset mid-body). */
function resetMidBody(ctx, body) {
  ctx.respond = false;
  const bytes = Buffer.from(body);
  ctx.res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(bytes.length), 'cache-control': 'no-store' });
  ctx.res.write(bytes.subarray(0, bytes.length >> 1));
  setTimeout(() => ctx.req.socket.destroy(), 20);
}

const wait = (ms) => new Promise((done) => setTimeout(done, ms));

export function testRoutes() {
  return async function testRoutesMiddleware(ctx, next) {
    if (!ctx.path.startsWith('/__test/')) return next();
    const route = ctx.path.slice('/__test/'.length);
    const key = ctx.query.key ?? '';
    const file = ctx.query.fixture ?? 'small-city.json';
    const body = () => (ctx.query.leaky ? leaky(fixture(file)) : fixture(file));
    if (route === 'count') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ count: counts.get(key) ?? 0 });
      return undefined;
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
    switch (route) {
      case 'feed': {
        const delay = Number(ctx.query.delay ?? 0);
        if (delay > 0) await new Promise((done) => setTimeout(done, delay));
        ctx.type = 'application/json';
        ctx.body = fixture(file);
        return undefined;
      }
      case 'status':
        ctx.status = Number(ctx.query.code ?? 500);
        ctx.type = 'text/html';
        ctx.body = '<!doctype html><title>Error</title>';
        return undefined;
      case 'not-json':
        ctx.type = 'text/html';
        ctx.body = '<!doctype html><title>Page not found</title>';
        return undefined;
      case 'reset':
        resetMidBody(ctx, body());
        return undefined;
      case 'plain':
        ctx.type = 'text/plain';
        ctx.body = body();
        return undefined;
      case 'sequence': {
        const steps = String(ctx.query.steps ?? 'ok').split(',');
        const step = steps[Math.min(counts.get(key) - 1, steps.length - 1)];
        ctx.set('cache-control', 'no-store');
        switch (step) {
          case 'ok': ctx.type = 'application/json'; ctx.body = body(); return undefined;
          case 'alt': ctx.type = 'application/json'; ctx.body = versionB(body()); return undefined;
          case 'slow': await wait(Number(ctx.query.delay ?? 2000)); ctx.type = 'application/json'; ctx.body = body(); return undefined;
          case 'plain': ctx.type = 'text/plain'; ctx.body = body(); return undefined;
          case 'not-json': ctx.type = 'text/html'; ctx.body = '<!doctype html><title>Maintenance</title>'; return undefined;
          case 'truncated': ctx.type = 'application/json'; ctx.body = body().slice(0, 2000); return undefined;
          case 'reset': resetMidBody(ctx, body()); return undefined;
          case 'hang': await wait(30_000); ctx.type = 'application/json'; ctx.body = '{}'; return undefined;
          default: ctx.status = Number(step) || 500; ctx.type = 'text/html'; ctx.body = '<!doctype html><title>Error</title>'; return undefined;
        }
      }
      case 'hang':
        // Answers after 30 s: only the client's timeout or abort ends the request sooner.
        await new Promise((done) => setTimeout(done, 30_000));
        ctx.type = 'application/json';
        ctx.body = '{}';
        return undefined;
      default:
        ctx.status = 404;
        return undefined;
    }
  };
}
