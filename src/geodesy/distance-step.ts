/**
 * The step a distance to a zone's edge is reported in, from the accuracy of that edge: whole kilometres at 10 km or
 * worse, 0.1 km from 1 km, 0.001 km below. The screening rounds to it (hits.ts kmFigure), and the data build reads
 * it to decide how closely a drawn edge must follow the geodesic (data/build/geodesic-edges.ts).
 */
export const distanceDecimals = (accuracyKm: number): number => (accuracyKm >= 10 ? 0 : accuracyKm >= 1 ? 1 : 3);

export const distanceStepKm = (accuracyKm: number): number => 10 ** -distanceDecimals(accuracyKm);
