import geographiclib from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../screening/seeded-random.ts';
import { geodesicKm } from './ellipsoid.ts';
import { LazyGeodesic, shortLineErrorKm, shortLineKm, shortLineMaxKm, shortLineMaxLatitude } from './short-line.ts';

const wgs84 = geographiclib.Geodesic.WGS84;

/** Seeded lines of every direction from anywhere within 72° of the equator, up to a little beyond the longest. */
function* seededLines(count: number, maxKm: number): Generator<[number, number, number, number]> {
  const random = seededRandom(70);
  for (let n = 0; n < count; n++) {
    const lat1 = (2 * random() - 1) * 72;
    const lon1 = (2 * random() - 1) * 179;
    // Lengths spread over every scale: a tenth of them under a kilometre.
    const km = n % 10 === 0 ? random() : random() * maxKm;
    const end = wgs84.Direct(lat1, lon1, random() * 360, km * 1000);
    yield [lon1, lat1, end.lon2 as number, end.lat2 as number];
  }
}

describe('short geodesic lines', () => {
  it('stays within its error bound of the geodesic wherever it gives a distance, with room to spare', () => {
    let worst = 0;
    let measured = 0;
    for (const [lon1, lat1, lon2, lat2] of seededLines(100_000, shortLineMaxKm * 1.02)) {
      const short = shortLineKm(lon1, lat1, lon2, lat2);
      const exact = geodesicKm(lon1, lat1, lon2, lat2);
      const inDomain = Math.max(Math.abs(lat1), Math.abs(lat2)) <= shortLineMaxLatitude && Math.abs(lon2 - lon1) < 180;
      if (!inDomain || exact > shortLineMaxKm * 1.001) {
        expect(short).toBeNaN();
        continue;
      }
      if (Number.isNaN(short)) continue;
      measured++;
      worst = Math.max(worst, Math.abs(short - exact) / shortLineErrorKm(short));
    }
    expect(measured).toBeGreaterThan(60_000);
    // The bound is three times the largest error measured: a third of it at most.
    expect(worst).toBeLessThan(0.4);
    expect(worst).toBeGreaterThan(0.05);
  });

  it('refuses lines across the antimeridian, near the poles or too long', () => {
    expect(shortLineKm(179.9, 40, -179.9, 40)).toBeNaN();
    expect(shortLineKm(100, 71, 100.1, 71)).toBeNaN();
    expect(shortLineKm(100, 40, 102, 40)).toBeNaN();
    expect(shortLineKm(100, 40, 101, 40)).toBeCloseTo(geodesicKm(100, 40, 101, 40), 3);
  });

  it('compares and rounds as the exact distance does, also where the two fall inside the error', () => {
    const lazy = new LazyGeodesic();
    const random = seededRandom(71);
    for (let n = 0; n < 5_000; n++) {
      const lon1 = 97 + random() * 29;
      const lat1 = 37 + random() * 16;
      // Lines whose exact length lies within a micrometre of a rounding step or a limit, and lines anywhere.
      const decimals = [0, 1, 3][n % 3] as number;
      const step = 10 ** -decimals;
      const target = n % 2 === 0 ? (Math.round(random() * 80 * 10 ** decimals) + 0.5) * step + (random() - 0.5) * 2e-9 : random() * 120;
      const end = wgs84.Direct(lat1, lon1, random() * 360, target * 1000);
      const [lon2, lat2] = [end.lon2 as number, end.lat2 as number];
      const exact = geodesicKm(lon1, lat1, lon2, lat2);
      expect(lazy.measure(lon1, lat1, lon2, lat2).rounded(decimals)).toBe(Math.round(exact * 10 ** decimals) / 10 ** decimals);
      expect(lazy.km()).toBe(exact);
      for (const limit of [target, exact, exact + 1e-12, exact - 1e-12, target + 0.01, target - 0.01]) {
        expect(lazy.measure(lon1, lat1, lon2, lat2).atMost(limit)).toBe(exact <= limit);
      }
    }
  });

  it('solves lines it cannot bound exactly', () => {
    const lazy = new LazyGeodesic().measure(100, 80, 101, 80.5);
    const exact = geodesicKm(100, 80, 101, 80.5);
    expect(lazy.rounded(3)).toBe(Math.round(exact * 1000) / 1000);
    expect(lazy.atMost(exact)).toBe(true);
    expect(lazy.atMost(exact - 1e-12)).toBe(false);
    expect(lazy.km()).toBe(exact);
  });
});
