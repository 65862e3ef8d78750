import { isLedgerLinkKey, ledgerViewFromLink, ledgerViewToLink } from './ledger-link.ts';
import { decodeSite, encodeSite } from './site-codec.ts';
import { applyPartial, panels, type AtlasState, type LayerState } from './state.ts';

/**
 * The URL hash is a copy of the state (README "Links"): short keys, defaults left out, unknown keys kept, bad values
 * dropped with a notice. Keys: c (lon,lat), z, b, p (view); lang; L.<layer> (visible,opacity,hidden categories,
 * hidden statuses); sel (layer/id); panel; site (site-codec); type (project type); data (data version);
 * verdict (the screening verdict when the link was made); led.* (the ledger's view, ledger-link.ts); doc, line, q
 * (the document passage the reader shows: document id, line, quoted words).
 */
export interface DecodedHash {
  /** A partial state for applyPartial: every value here passed its own check. */
  partial: Record<string, unknown>;
  notices: string[];
  dataVersion?: string;
  verdict?: string;
  /** Keys this version does not know, kept so a newer link survives a round trip through an older atlas. */
  unknown: [string, string][];
}

export interface LinkExtras {
  dataVersion?: string;
  verdict?: string;
  unknown?: [string, string][];
}

const known = new Set(['c', 'z', 'b', 'p', 'lang', 'sel', 'panel', 'site', 'type', 'data', 'verdict', 'doc', 'line', 'q']);

/** Decimals a longitude or latitude needs at this zoom: about a tenth of a screen pixel. */
export function coordinateDigits(zoom: number): number {
  return Math.min(7, Math.max(2, Math.ceil(Math.log10((256 * 2 ** zoom) / 360)) + 1));
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const joinList = (values: string[]) => values.join('.');

function layerValue(layer: LayerState, defaults: LayerState): string | undefined {
  if (JSON.stringify(layer) === JSON.stringify(defaults)) return undefined;
  const fields = [
    layer.visible ? '1' : '0',
    String(round(layer.opacity, 2)),
    joinList(layer.hiddenCategories),
    joinList(layer.hiddenStatuses),
  ];
  while (fields.length > 2 && fields[fields.length - 1] === '') fields.pop();
  return fields.join(',');
}

export function encodeHash(state: AtlasState, defaults: AtlasState, extras: LinkExtras = {}): string {
  const params = new URLSearchParams();
  const digits = coordinateDigits(state.view.zoom);
  params.set('c', `${round(state.view.center[0], digits)},${round(state.view.center[1], digits)}`);
  params.set('z', String(round(state.view.zoom, 2)));
  if (state.view.bearing !== 0) params.set('b', String(round(state.view.bearing, 1)));
  if (state.view.pitch !== 0) params.set('p', String(round(state.view.pitch, 1)));
  params.set('lang', state.lang);
  for (const [id, layer] of Object.entries(state.layers)) {
    const value = layerValue(layer, defaults.layers[id]!);
    if (value !== undefined) params.set(`L.${id}`, value);
  }
  if (state.selection) params.set('sel', `${state.selection.layer}/${state.selection.id}`);
  if (state.panel !== defaults.panel) params.set('panel', state.panel);
  if (state.site) params.set('site', encodeSite(state.site));
  if (state.projectType) params.set('type', state.projectType);
  for (const [key, value] of state.ledger ? ledgerViewToLink(state.ledger) : []) params.set(key, value);
  if (state.reader) {
    params.set('doc', state.reader.doc);
    params.set('line', String(state.reader.line));
    if (state.reader.quote) params.set('q', state.reader.quote);
  }
  if (extras.dataVersion) params.set('data', extras.dataVersion);
  if (extras.verdict) params.set('verdict', extras.verdict);
  for (const [key, value] of extras.unknown ?? []) if (!params.has(key)) params.append(key, value);
  return `#${params.toString()}`;
}

/** The reader's place from doc, line and q; null when the link opens no document, or names it wrongly. */
function readerPlace(params: URLSearchParams, drop: (key: string, why: string) => void) {
  const doc = params.get('doc');
  const line = params.get('line') ?? '1';
  const quote = params.get('q');
  if (doc === null) return null;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(doc) || !/^[1-9]\d{0,5}$/.test(line) || (quote !== null && [...quote].length > 60)) {
    drop('doc', `"${doc}" line "${line}" is not a document passage`);
    return null;
  }
  return { doc, line: Number(line), ...(quote ? { quote } : {}) };
}

const number = (text: string) => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN);

/** Never throws: every key is read on its own, and whatever fails its check becomes a notice. */
export function decodeHash(hash: string, defaults: AtlasState): DecodedHash {
  const decoded: DecodedHash = { partial: {}, notices: [], unknown: [] };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    decoded.notices.push('the link could not be read');
    return decoded;
  }
  const drop = (key: string, why: string) => decoded.notices.push(`ignored ${key}: ${why}`);
  const view: Record<string, unknown> = {};
  const layers: Record<string, Partial<LayerState>> = {};
  for (const [key, value] of params) {
    if (key === 'c') {
      const [lon, lat, extra] = value.split(',').map(number);
      if (extra !== undefined || !(Math.abs(lon!) <= 180) || !(Math.abs(lat!) <= 85)) drop('c', `"${value}" is not longitude,latitude`);
      else view['center'] = [lon, lat];
    } else if (key === 'z' || key === 'b' || key === 'p') {
      const [name, low, high] = key === 'z' ? ['zoom', 0, 22] : key === 'b' ? ['bearing', -180, 180] : ['pitch', 0, 85];
      const parsed = number(value);
      if (!(parsed >= (low as number) && parsed <= (high as number))) drop(key, `${name} "${value}" is not between ${low} and ${high}`);
      else view[name as string] = parsed;
    } else if (key === 'lang') {
      if (value === 'zh' || value === 'en') decoded.partial['lang'] = value;
      else drop('lang', `"${value}" is neither zh nor en`);
    } else if (key.startsWith('L.')) {
      const id = key.slice(2);
      const layer = readLayer(value);
      if (!defaults.layers[id]) drop(key, `no layer "${id}"`);
      else if (!layer) drop(key, `"${value}" is not visible,opacity[,categories[,statuses]]`);
      else layers[id] = layer;
    } else if (key === 'sel') {
      const slash = value.indexOf('/');
      const layer = value.slice(0, slash);
      if (slash < 1 || !defaults.layers[layer] || slash === value.length - 1) drop('sel', `"${value}" is not layer/feature`);
      else decoded.partial['selection'] = { layer, id: value.slice(slash + 1) };
    } else if (key === 'panel') {
      if ((panels as readonly string[]).includes(value)) decoded.partial['panel'] = value;
      else drop('panel', `no panel "${value}"`);
    } else if (key === 'site') {
      try {
        decoded.partial['site'] = decodeSite(value);
      } catch (error) {
        drop('site', (error as Error).message);
      }
    } else if (key === 'type') {
      decoded.partial['projectType'] = value;
    } else if (key === 'data') {
      decoded.dataVersion = value;
    } else if (key === 'verdict') {
      decoded.verdict = value;
    } else if (isLedgerLinkKey(key)) {
      // Read below, all together, by ledgerViewFromLink.
    } else if (!known.has(key)) {
      decoded.unknown.push([key, value]);
    }
  }
  if (Object.keys(view).length > 0) decoded.partial['view'] = view;
  const ledger = ledgerViewFromLink(params);
  if (ledger.problem) drop('led.*', ledger.problem);
  decoded.partial['ledger'] = ledger.view ?? null;
  decoded.partial['reader'] = readerPlace(params, drop);
  // What a link leaves out is at its default: it reopens exactly what it showed, not what this page had open.
  decoded.partial['selection'] ??= null;
  decoded.partial['panel'] ??= defaults.panel;
  decoded.partial['site'] ??= null;
  decoded.partial['projectType'] ??= null;
  // Layers a link does not mention are at their defaults: a link reopens exactly what it showed.
  decoded.partial['layers'] = {
    ...structuredClone(defaults.layers),
    ...Object.fromEntries(Object.entries(layers).map(([id, layer]) => [id, { ...defaults.layers[id]!, ...layer }])),
  };
  return decoded;
}

function readLayer(value: string): Partial<LayerState> | undefined {
  const [visible, opacity, categories, statuses, ...rest] = value.split(',');
  const parsedOpacity = opacity === undefined ? undefined : number(opacity);
  if (rest.length > 0 || (visible !== '0' && visible !== '1')) return undefined;
  if (parsedOpacity !== undefined && !(parsedOpacity >= 0 && parsedOpacity <= 1)) return undefined;
  const list = (text: string | undefined) => (text ? text.split('.').filter(Boolean) : []);
  return {
    visible: visible === '1',
    ...(parsedOpacity === undefined ? {} : { opacity: parsedOpacity }),
    hiddenCategories: list(categories),
    hiddenStatuses: list(statuses),
  };
}

/** Applies a decoded hash key by key, so one bad value is dropped with a notice and the rest still applies. */
export function restore(state: AtlasState, decoded: DecodedHash, layerIds: readonly string[]): { state: AtlasState; notices: string[] } {
  const notices = [...decoded.notices];
  let next = state;
  for (const [key, value] of Object.entries(decoded.partial)) {
    const parts =
      key === 'layers'
        ? Object.entries(value as Record<string, unknown>).map(([id, layer]) => ({ layers: { [id]: layer } }))
        : [{ [key]: value }];
    for (const part of parts) {
      try {
        next = applyPartial(next, part, layerIds);
      } catch (error) {
        notices.push((error as Error).message.replace('setState refused: ', 'ignored '));
      }
    }
  }
  return { state: next, notices };
}
