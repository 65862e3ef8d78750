import { positionsOf } from './geometry-walk.ts';
import { outsideRegionNote } from './position-check.ts';
import { repairGeometry } from './repair.ts';
import { type SiteGeometry, type SiteInput, toSiteInput } from './site-input.ts';
import type { Message } from './site-input-error.ts';

/** The last step of every reader: repair the geometry, then tell the reviewer if the site is off Inner Mongolia. */
export function finishSite(geometry: SiteGeometry, notes: Message[]): SiteInput {
  const repaired = repairGeometry(geometry, notes);
  const outside = outsideRegionNote(positionsOf(repaired));
  return toSiteInput(repaired, outside ? [...notes, outside] : notes);
}
