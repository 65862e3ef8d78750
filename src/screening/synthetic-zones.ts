import type { ZoneSource } from './zones.ts';

/** The Inner Mongolia box (admin-regions bbox), where synthetic zones and queries are drawn. */
export const innerMongoliaBox = [97.18, 37.41, 126.08, 53.39] as const;

/** Zone kinds given to synthetic zones, each carrying restrictive rules in the seeds. */
const kinds = ['ecological-red-line', 'ecological-red-line', 'wetland', 'nature-reserve', 'industrial-park', 'main-urban-district'];

/**
 * A star-shaped ring around (cx, cy): radius wobbling with a few harmonics plus jitter, so that edges zig-zag
 * like digitised boundaries; x is stretched by 1/cos(latitude) so that shapes are round on the ground.
 */
export function starRing(random: () => number, cx: number, cy: number, radius: number, vertices: number, clockwise = false): Float64Array {
  const xy = new Float64Array(2 * vertices);
  const phases = [random(), random(), random()].map((p) => p * 2 * Math.PI);
  const stretch = 1 / Math.cos((cy * Math.PI) / 180);
  // Radial noise of about one edge length: a digitised boundary's zig-zag, not a saw of spikes across many edges.
  const jitter = Math.min(0.1, 6 / vertices);
  for (let i = 0; i < vertices; i++) {
    const angle = ((clockwise ? -i : i) / vertices) * 2 * Math.PI;
    const wobble =
      1 +
      0.25 * Math.sin(3 * angle + (phases[0] as number)) +
      0.15 * Math.sin(7 * angle + (phases[1] as number)) +
      0.05 * Math.sin(29 * angle + (phases[2] as number)) +
      jitter * (random() - 0.5);
    xy[2 * i] = cx + radius * wobble * Math.cos(angle) * stretch;
    xy[2 * i + 1] = cy + radius * wobble * Math.sin(angle);
  }
  return xy;
}

const logUniform = (random: () => number, low: number, high: number) => low * (high / low) ** random();

/**
 * `count` seeded synthetic zones over the Inner Mongolia box: vertex counts log-normal with median 150, radii
 * log-uniform 0.5-6 km (parks, reserves, urban districts: about 1-100 km²; 100k of them cover the box about
 * 0.6 times over), one in ten with a hole, and a few big ones (one per 10,000 zones, at least two) of
 * 10,000-32,000 vertices and 30-100 km radius.
 */
export function* syntheticZones(random: () => number, count: number): Generator<ZoneSource> {
  const [x0, y0, x1, y1] = innerMongoliaBox;
  const bigEvery = Math.floor(count / Math.max(2, Math.round(count / 10_000)));
  for (let n = 0; n < count; n++) {
    const big = n % bigEvery === 0;
    const cx = x0 + (x1 - x0) * random();
    const cy = y0 + (y1 - y0) * random();
    const radius = big ? logUniform(random, 0.3, 1) : logUniform(random, 0.005, 0.06);
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const vertices = big ? Math.round(logUniform(random, 10_000, 32_000)) : Math.max(8, Math.round(150 * Math.exp(0.6 * normal)));
    const rings = [{ xy: starRing(random, cx, cy, radius, vertices), hole: false }];
    if (random() < 0.1) rings.push({ xy: starRing(random, cx, cy, radius * 0.3, Math.max(8, vertices >> 3), true), hole: true });
    yield {
      info: {
        id: `synthetic-${n}`,
        layer: 'synthetic',
        name: { zh: `合成区 ${n}`, en: `Synthetic zone ${n}` },
        zoneKind: kinds[n % kinds.length] as string,
        basis: 'unstated',
        accuracyKm: 0.5,
      },
      rings,
    };
  }
}
