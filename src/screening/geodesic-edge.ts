import geodesic from 'geographiclib-geodesic';

/**
 * Area contribution of one geodesic edge, for rings held in typed arrays. A ring encloses A = -∮ y dλ, with y the
 * equal-area ordinate a²q(φ)/2 (q the authalic function). On the auxiliary sphere of reduced latitude β a
 * geodesic is a great circle, tan β(ω) = (tan β1 sin(Ω - ω) + tan β2 sin ω) / sin Ω, and dλ = √(1 - e²cos²β) dω
 * (Karney, "Algorithms for geodesics", 2013), so ∫ y dλ is a smooth integral over ω, taken by Simpson's rule on
 * panels of at most a quarter degree, with Ω set so that the same rule integrates dλ to Δλ. This is the model of
 * src/stats/ellipsoidal-area.ts (GeographicLib's, within 1e-9); it is restated here per vertex and per edge
 * because screening sums runs of edges through prefix sums and caches each vertex's β, rate and ordinate.
 */
const { a, f } = geodesic.Constants.WGS84;
const e2 = f * (2 - f);
const e = Math.sqrt(e2);
const toRadians = Math.PI / 180;
const panelDegrees = 0.25;

/** What an edge integral needs at a vertex: tan β, dλ/dω and the ordinate y. */
export interface VertexTerms {
  tanBeta: number;
  rate: number;
  ordinate: number;
}

const rateAt = (tanBeta: number) => Math.sqrt(1 - e2 / (1 + tanBeta * tanBeta));

function ordinateAt(tanBeta: number): number {
  const tanPhi = tanBeta / (1 - f);
  const sinPhi = tanPhi / Math.sqrt(1 + tanPhi * tanPhi);
  return ((a * a) / 2) * (1 - e2) * (sinPhi / (1 - e2 * sinPhi * sinPhi) + Math.atanh(e * sinPhi) / e);
}

export function vertexTerms(latitude: number, out: VertexTerms): VertexTerms {
  out.tanBeta = (1 - f) * Math.tan(latitude * toRadians);
  out.rate = rateAt(out.tanBeta);
  out.ordinate = ordinateAt(out.tanBeta);
  return out;
}

/** tan β at `fraction` of the way along the great circle from β1 (ω = 0) to β2 (ω = Ω). */
function tanAlong(tan1: number, tan2: number, fraction: number, omega: number): number {
  return fraction === 0.5
    ? (tan1 + tan2) / (2 * Math.cos(omega / 2))
    : (tan1 * Math.sin((1 - fraction) * omega) + tan2 * Math.sin(fraction * omega)) / Math.sin(omega);
}

/** -∫ y dλ (m²) along the geodesic from (x1, y1) to (x2, y2), degrees; v1 and v2 are the vertices' terms. */
export function geodesicEdgeTerm(x1: number, y1: number, v1: VertexTerms, x2: number, y2: number, v2: VertexTerms): number {
  let dLambda = (x2 - x1) * toRadians;
  if (dLambda > Math.PI) dLambda -= 2 * Math.PI;
  else if (dLambda < -Math.PI) dLambda += 2 * Math.PI;
  if (dLambda === 0) return 0;
  const intervals = 2 * Math.ceil(Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1)) / panelDegrees);
  // Simpson weights 4, 2, 4, ... inside; first a guess of Ω from the end rates, then Ω from ∫ dλ = Δλ.
  let rateSum = v1.rate + v2.rate;
  let omega = (2 * dLambda) / rateSum;
  for (let i = 1; i < intervals; i++) rateSum += (i % 2 === 1 ? 4 : 2) * rateAt(tanAlong(v1.tanBeta, v2.tanBeta, i / intervals, omega));
  omega = (3 * intervals * dLambda) / rateSum;
  let sum = v1.ordinate * v1.rate + v2.ordinate * v2.rate;
  for (let i = 1; i < intervals; i++) {
    const tanBeta = tanAlong(v1.tanBeta, v2.tanBeta, i / intervals, omega);
    sum += (i % 2 === 1 ? 4 : 2) * ordinateAt(tanBeta) * rateAt(tanBeta);
  }
  return -(sum * omega) / (3 * intervals);
}
