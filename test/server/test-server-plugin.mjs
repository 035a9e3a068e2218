// Routes under /__test/ that let browser tests provoke network conditions against a real HTTP
// server (the wtr dev server): counted requests, HTTP errors, bad bodies, slow and hung responses.
// Fault routes take the body from a fixture file so that tests exercise genuine feeds.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const counts = new Map();
const fixture = (name) => readFileSync(resolve('test/fixtures/feeds', name), 'utf8');

export function testServerPlugin() {
  return {
    name: 'daylight-test-server',
    async serve(context) {
      const url = context.URL;
      if (!url.pathname.startsWith('/__test/')) return undefined;
      const route = url.pathname.slice('/__test/'.length);
      const key = url.searchParams.get('key') ?? '';
      const file = url.searchParams.get('fixture') ?? 'small-city.json';
      if (route === 'count') return { body: JSON.stringify({ count: counts.get(key) ?? 0 }), type: 'application/json' };
      counts.set(key, (counts.get(key) ?? 0) + 1);
      switch (route) {
        case 'feed': {
          const delay = Number(url.searchParams.get('delay') ?? 0);
          if (delay > 0) await new Promise((done) => setTimeout(done, delay));
          return { body: fixture(file), type: 'application/json' };
        }
        case 'status': {
          context.status = Number(url.searchParams.get('code') ?? 500);
          return { body: 'Server error page', type: 'text/html' };
        }
        case 'not-json':
          return { body: '<!doctype html><title>Page not found</title>', type: 'text/html' };
        case 'hang':
          // Answers after 30 s: long enough that only the client's timeout or abort ends the request.
          await new Promise((done) => setTimeout(done, 30_000));
          return { body: '{}', type: 'application/json' };
        default:
          return undefined;
      }
    },
  };
}
