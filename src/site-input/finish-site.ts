import { positionsOf } from './geometry-walk.ts';
import { outsideRegionNote } from './position-check.ts';
import { checkGeometry } from './repair.ts';
import { type SiteGeometry, type SiteInput, toSiteInput } from './site-input.ts';
import type { Message } from './site-input-error.ts';

/** The last step of every reader: repair the geometry, then tell the reviewer if the site is off Inner Mongolia. */
export function finishSite(geometry: SiteGeometry, notes: Message[]): SiteInput {
  const checked = checkGeometry(geometry);
  const outside = outsideRegionNote(positionsOf(checked.geometry));
  const all = [...notes, ...checked.warnings.map((en, index) => ({ en, zh: checked.warningsZh[index] ?? en })), ...(outside ? [outside] : [])];
  return toSiteInput(checked.geometry, all);
}
