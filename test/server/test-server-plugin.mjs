// Routes under /__test/ that let browser tests provoke network conditions against a real HTTP
// server (the wtr dev server): counted requests, HTTP errors, bad bodies, slow and hung responses.
// Written as Koa middleware so the dev server's own HTML transforms and status handling stay out
// of the way. Fault routes serve genuine fixture feeds.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const counts = new Map();
const fixture = (name) => readFileSync(resolve('test/fixtures/feeds', name.replace(/[^\w.-]/g, '')), 'utf8');

export function testRoutes() {
  return async function testRoutesMiddleware(ctx, next) {
    if (!ctx.path.startsWith('/__test/')) return next();
    const route = ctx.path.slice('/__test/'.length);
    const key = ctx.query.key ?? '';
    const file = ctx.query.fixture ?? 'small-city.json';
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
