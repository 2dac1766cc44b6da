/**
 * Distances between a photo's GPS position and the school's locations. Pure maths, no browser API.
 */
import type { SchoolLocation } from '../pack/types';

export interface LatLon {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine; good to well under a metre at school scale). */
export function distanceMetres(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface NearLocation {
  location: SchoolLocation;
  metres: number;
}

/**
 * The nearest school location whose circle contains `pos`, or null when the photo was taken outside
 * every circle. A position exactly on the edge counts as inside.
 */
export function nearestSchoolLocation(pos: LatLon, locations: readonly SchoolLocation[]): NearLocation | null {
  let best: NearLocation | null = null;
  for (const location of locations) {
    const metres = distanceMetres(pos, location);
    if (metres <= location.radiusMetres && (!best || metres < best.metres)) best = { location, metres };
  }
  return best;
}

/**
 * "Taken at Main site." within 10 m (phone GPS is rarely better), else "Taken about 40 m from Main
 * site." rounded to a sensible step so the warning does not claim false precision.
 */
export function describeDistance(near: NearLocation): string {
  const d = distanceDetail(near);
  return d.key === 'image.detail.locationAt' ? `Taken at ${d.params.place}.` : `Taken about ${d.params.distance} from ${d.params.place}.`;
}

/** The same, as the warning's catalogue key and parameters. */
export function distanceDetail(near: NearLocation): { key: 'image.detail.locationAt' | 'image.detail.locationNear'; params: { place: string; distance?: string } } {
  const m = near.metres;
  const place = near.location.name;
  if (m < 10) return { key: 'image.detail.locationAt', params: { place } };
  const rounded = m < 100 ? Math.round(m / 5) * 5 : m < 1000 ? Math.round(m / 10) * 10 : Math.round(m / 100) * 100;
  const distance = rounded >= 1000 ? `${(rounded / 1000).toFixed(1).replace(/\.0$/, '')} km` : `${rounded} m`;
  return { key: 'image.detail.locationNear', params: { place, distance } };
}

/** Valid WGS84 coordinates (and not the 0,0 some cameras write when they have no fix). */
export function isUsablePosition(p: { latitude?: unknown; longitude?: unknown }): p is LatLon {
  const { latitude, longitude } = p;
  return (
    typeof latitude === 'number' &&
    typeof longitude === 'number' &&
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180 &&
    !(latitude === 0 && longitude === 0)
  );
}
