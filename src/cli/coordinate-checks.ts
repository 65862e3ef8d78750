/**
 * Checks of input coordinates beyond "in range", naming the usual mistakes: latitude and longitude swapped
 * (Inner Mongolia's longitudes, 97-126, read as latitudes) and projected metres (UTM, Gauss-Krüger) given where
 * degrees belong. Returns what is wrong, or undefined.
 */
export function coordinateProblem(x: number, y: number): string | undefined {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return `coordinates (${x}, ${y}) are not numbers`;
  if (Math.abs(x) > 1000 || Math.abs(y) > 1000) {
    return `coordinates (${x}, ${y}) look like projected metres, not degrees: reproject to WGS 84 longitude/latitude (EPSG:4326)`;
  }
  if (y > 90 && y <= 180 && Math.abs(x) <= 90) {
    return `latitude ${y} and longitude ${x} look swapped (Inner Mongolia lies at longitude 97-126, latitude 37-54): give longitude first`;
  }
  if (x < -180 || x > 180) return `longitude ${x} is out of range [-180, 180]`;
  if (y < -90 || y > 90) return `latitude ${y} is out of range [-90, 90]`;
  return undefined;
}

/** The first problem among a GeoJSON geometry's positions. */
export function geometryProblem(geometry: unknown): string | undefined {
  const walk = (value: unknown): string | undefined => {
    if (!Array.isArray(value)) return undefined;
    if (typeof value[0] === 'number') return coordinateProblem(value[0], Number(value[1]));
    for (const item of value) {
      const problem = walk(item);
      if (problem) return problem;
    }
    return undefined;
  };
  return typeof geometry === 'object' && geometry !== null ? walk((geometry as { coordinates?: unknown }).coordinates) : undefined;
}
