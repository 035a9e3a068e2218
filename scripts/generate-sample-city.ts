/**
 * SYNTHETIC "Sample City" records, invented by a seeded random generator. No real person, place
 * or event is in them. They exist because no public dataset has referrals, follow-ups or
 * past-victim outreach, and the demo and tests must exercise those metrics.
 *
 *   npx tsx scripts/generate-sample-city.ts [outDir] [--seed 2024]
 *
 * Writes calls.csv, referrals.csv, outreach.csv and sample-city-districts.geojson (four square
 * districts on empty prairie). Calls carry only coordinates, so the builder must assign areas by
 * point-in-polygon; about 3% fall outside every district on purpose.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/builder/random.ts';

export interface SampleCity {
  calls: string;
  referrals: string;
  outreach: string;
  districts: string;
}

const DISTRICTS = [
  { id: '1', name: 'Riverside', west: -100.2, south: 40.1 },
  { id: '2', name: 'Hillcrest', west: -100.1, south: 40.1 },
  { id: '3', name: 'Old Town', west: -100.2, south: 40.0 },
  { id: '4', name: 'Eastgate', west: -100.1, south: 40.0 },
];

export function generateSampleCity(seed = 2024, year = 2024): SampleCity {
  const random = seededRandom(seed);
  const pick = <T>(items: T[], weights: number[]): T => {
    let r = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < items.length; i++) if ((r -= weights[i]!) < 0) return items[i]!;
    return items[items.length - 1]!;
  };
  const exp = (mean: number) => -Math.log(1 - random()) * mean;
  const pad = (n: number) => String(n).padStart(2, '0');
  const fmt = (t: number) => {
    const d = new Date(t);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  };
  const minute = 60_000;
  // Wall-clock times are generated as if UTC and written without a zone: the config reads them as Chicago time.
  const randomTime = (month: number) => Date.UTC(year, month, 1) + Math.floor(random() * (new Date(Date.UTC(year, month + 1, 0)).getUTCDate()) * 86_400_000);

  const calls = ['call_id,unit,unit_type,call_type,received,dispatched,on_scene,cleared,lat,lon'];
  let callNo = 1000;
  for (let month = 0; month < 12; month++) {
    const n = 260 + Math.floor(random() * 80);
    for (let i = 0; i < n; i++) {
      const id = `SC${year}-${callNo++}`;
      const received = randomTime(month);
      const outside = random() < 0.03;
      const district = pick(DISTRICTS, [4, 2, 3, 1]);
      const lon = outside ? -100.25 + random() * 0.03 : district.west + random() * 0.1;
      const lat = district.south + random() * 0.1;
      const type = pick(['Behavioral health', 'Violence', 'Welfare check', 'Noise'], [4, 3, 3, 0.05]);
      const units: Array<[string, number]> = [['PATROL', 4 + exp(5)]];
      if (random() < (type === 'Behavioral health' ? 0.55 : 0.15)) units.push(['COUNSELOR', 6 + exp(9)]);
      if (type === 'Violence' && random() < 0.4) units.push(['VIOLENCE_INTERRUPTER', 20 + exp(40)]);
      if (random() < 0.2) units.push(['MEDIC', 5 + exp(6)]);
      units.forEach(([unitType, delay], u) => {
        const dispatched = received + (1 + exp(2)) * minute;
        const arrived = received + delay * minute;
        const cleared = arrived + (15 + exp(30)) * minute;
        const noShow = u > 0 && random() < 0.05;
        calls.push([id, `${unitType[0]}${u + 1}`, unitType, type, fmt(received), fmt(dispatched), noShow ? '' : fmt(arrived), fmt(cleared),
          lat.toFixed(5), lon.toFixed(5)].join(','));
      });
    }
  }

  const referrals = ['referral_id,district,service,referred,followed_up'];
  let refNo = 1;
  for (let month = 0; month < 12; month++) {
    const n = 120 + Math.floor(random() * 60);
    for (let i = 0; i < n; i++) {
      const referred = randomTime(month);
      const service = pick(['Mental health', 'Housing', 'Substance use treatment', 'Victim services', 'Legal aid'], [5, 3, 3, 2, 0.04]);
      const r = random();
      const followed = r < 0.62 ? referred + (1 + random() * 25) * 86_400_000 : r < 0.72 ? referred + (40 + random() * 30) * 86_400_000 : Number.NaN;
      referrals.push([`R${refNo++}`, pick(DISTRICTS, [4, 2, 3, 1]).id, service, fmt(referred).slice(0, 10), Number.isNaN(followed) ? '' : fmt(followed).slice(0, 10)].join(','));
    }
  }

  const outreach = ['person_id,district,identified,contacted,connected'];
  let personNo = 1;
  for (let month = 0; month < 12; month++) {
    const n = 45 + Math.floor(random() * 25);
    for (let i = 0; i < n; i++) {
      const identified = randomTime(month);
      const contacted = random() < 0.72 ? identified + (1 + random() * 10) * 86_400_000 : Number.NaN;
      const connected = !Number.isNaN(contacted) && random() < 0.6 ? contacted + (2 + random() * 20) * 86_400_000 : Number.NaN;
      outreach.push([`P${personNo++}`, pick(DISTRICTS, [4, 2, 3, 1]).id, fmt(identified).slice(0, 10),
        Number.isNaN(contacted) ? '' : fmt(contacted).slice(0, 10), Number.isNaN(connected) ? '' : fmt(connected).slice(0, 10)].join(','));
    }
  }

  const districts = {
    type: 'FeatureCollection',
    features: DISTRICTS.map((d) => ({
      type: 'Feature',
      properties: { district: d.id, name: d.name },
      geometry: { type: 'Polygon', coordinates: [[[d.west, d.south], [d.west + 0.1, d.south], [d.west + 0.1, d.south + 0.1], [d.west, d.south + 0.1], [d.west, d.south]]] },
    })),
  };
  return { calls: `${calls.join('\n')}\n`, referrals: `${referrals.join('\n')}\n`, outreach: `${outreach.join('\n')}\n`, districts: `${JSON.stringify(districts)}\n` };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 2024;
  const out = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--seed')
    ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'sample-city');
  mkdirSync(out, { recursive: true });
  const city = generateSampleCity(seed);
  writeFileSync(join(out, 'calls.csv'), city.calls);
  writeFileSync(join(out, 'referrals.csv'), city.referrals);
  writeFileSync(join(out, 'outreach.csv'), city.outreach);
  writeFileSync(join(out, 'sample-city-districts.geojson'), city.districts);
  console.log(`Wrote synthetic Sample City data (seed ${seed}) to ${out}`);
}
