import {
  AttributionControl,
  FullscreenControl,
  NavigationControl,
  ScaleControl,
  type ControlPosition,
  type IControl,
  type Map as MapLibreMap,
} from 'maplibre-gl';
import { creditLine } from '../i18n/credits.ts';
import { mapLocale } from '../i18n/map-locale.ts';
import type { Lang } from '../state/state.ts';

interface Placed {
  control: IControl;
  position: ControlPosition;
}

/** The MapLibre controls of each map, kept so a language switch can add them again in the new words. */
const placed = new WeakMap<MapLibreMap, { controls: Placed[]; credits?: readonly string[] }>();

/** Navigation, fullscreen and scale controls, worded through MapLibre's `locale` option. */
export function addControls(map: MapLibreMap): void {
  const controls: Placed[] = [
    { control: new NavigationControl({ visualizePitch: true }), position: 'top-right' },
    { control: new FullscreenControl(), position: 'top-right' },
    { control: new ScaleControl({ unit: 'metric', maxWidth: 120 }), position: 'bottom-left' },
  ];
  for (const { control, position } of controls) map.addControl(control, position);
  placed.set(map, { controls });
}

/** The one-line credit in the map's corner (the full list is in the About panel). */
export function setCredits(map: MapLibreMap, credits: readonly string[], lang: Lang): void {
  const entry = placed.get(map);
  if (!entry) return;
  entry.credits = credits;
  const previous = entry.controls.findIndex(({ control }) => control instanceof AttributionControl);
  if (previous >= 0) map.removeControl(entry.controls.splice(previous, 1)[0]!.control);
  const control = new AttributionControl({ compact: true, customAttribution: creditLine(credits, lang) });
  map.addControl(control, 'bottom-right');
  entry.controls.push({ control, position: 'bottom-right' });
  // Compact attribution opens itself on wide screens; start closed so it does not hide the map (the (i) opens it).
  map.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
}

/** Switches MapLibre's own words (tooltips, scale units, credit) to `lang`: the controls word themselves when added. */
export function localiseControls(map: MapLibreMap, lang: Lang): void {
  map._locale = { ...map._locale, ...mapLocale[lang] };
  const entry = placed.get(map);
  if (!entry) return;
  for (const { control, position } of entry.controls.filter(({ control }) => !(control instanceof AttributionControl))) {
    map.removeControl(control);
    map.addControl(control, position);
  }
  if (entry.credits) setCredits(map, entry.credits, lang);
  map.getCanvas().setAttribute('aria-label', mapLocale[lang]['Map.Title']!);
}
