import { z } from '../schema/zod-mini.ts';
import { siteGeometrySchema, type SiteGeometry } from '../schema/geometry.ts';
import { projectTypeSchema, type ProjectType } from '../schema/project-type.ts';
import { ledgerViewSchema, type LedgerView } from '../schema/ledger-view.ts';
import { scatteredPoints } from '../site-input/scattered-points.ts';

export type Lang = 'zh' | 'en';
export interface View {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}
/** A layer's display: hidden categories and statuses are filtered out of the map (the legend's check boxes). */
export interface LayerState {
  visible: boolean;
  opacity: number;
  hiddenCategories: string[];
  hiddenStatuses: string[];
}
export interface Selection {
  layer: string;
  id: string;
}
export const panels = ['layers', 'ledger', 'screening'] as const;
export type Panel = (typeof panels)[number];

/** Everything a presenter can restore: JSON-serialisable, the one source the map and the panels follow. */
export interface AtlasState {
  view: View;
  lang: Lang;
  layers: Record<string, LayerState>;
  /** The feature whose panel is open, if any. */
  selection: Selection | null;
  /** The side panel on show. */
  panel: Panel;
  /** The proposed project's site and type being screened, if any. */
  site: SiteGeometry | null;
  projectType: ProjectType | null;
  /** The ledger's filters, selected row and view, when not the default. */
  ledger?: LedgerView;
  /** The document passage the reader shows, while it is open. */
  reader?: ReaderPlace;
}

/** A place in a document of seeds/: its id, the line, and the quoted words whose sentence is highlighted. */
export interface ReaderPlace {
  doc: string;
  line: number;
  quote?: string;
}

/** Fits Inner Mongolia (97.2-126.1 E, 37.4-53.4 N) in a desktop window; the map refits to the screen at start. */
export const regionBounds: [[number, number], [number, number]] = [
  [97.18, 37.4],
  [126.08, 53.39],
];

const viewSchema = z.partial(
  z.strictObject({
    center: z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-85), z.lte(85))]),
    zoom: z.number().check(z.gte(0), z.lte(22)),
    bearing: z.number().check(z.gte(-180), z.lte(180)),
    pitch: z.number().check(z.gte(0), z.lte(85)),
  }),
);

const layerStateSchema = z.partial(
  z.strictObject({
    visible: z.boolean(),
    opacity: z.number().check(z.gte(0), z.lte(1)),
    hiddenCategories: z.array(z.string()),
    hiddenStatuses: z.array(z.string()),
  }),
);

/**
 * A site from outside (window.atlas.setState, a link): refused with the reason, leaving the site the user had, when
 * it is a GeometryCollection (the state holds one geometry) or several scattered points (the site reader's own
 * check). A MultiPoint whose points are all one place is that point, as the reader makes it.
 */
const siteSchema = z.pipe(
  z.pipe(
    z.unknown().check(
      z.superRefine((value, context) => {
        if ((value as { type?: unknown } | null)?.type === 'GeometryCollection') {
          context.addIssue({
            code: 'custom',
            message:
              'a GeometryCollection is not a site: set one Point, LineString or Polygon (or a Multi- form of one of them), or upload the collection as a file, whose reader combines its parts',
          });
        }
      }),
    ),
    z.nullable(siteGeometrySchema).check(
      z.superRefine((site, context) => {
        const scattered = site?.type === 'MultiPoint' ? scatteredPoints(site.coordinates) : undefined;
        if (scattered) context.addIssue({ code: 'custom', message: scattered.en });
      }),
    ),
  ),
  z.transform((site: SiteGeometry | null): SiteGeometry | null =>
    site?.type === 'MultiPoint' ? { type: 'Point', coordinates: site.coordinates[0]! } : site,
  ),
);

const buildPartialSchema = (layerIds: readonly string[]) =>
  z.partial(
    z.strictObject({
      view: viewSchema,
      lang: z.enum(['zh', 'en']),
      layers: z.record(z.string(), layerStateSchema).check(
        z.superRefine((layers, context) => {
          for (const id of Object.keys(layers)) {
            if (!layerIds.includes(id)) context.addIssue({ code: 'custom', message: `unknown layer id "${id}"`, path: [id] });
          }
        }),
      ),
      selection: z
        .nullable(z.strictObject({ layer: z.string(), id: z.string().check(z.minLength(1)) }))
        .check(z.refine((selection) => selection === null || layerIds.includes(selection.layer), { message: 'unknown layer id' })),
      panel: z.enum(panels),
      site: siteSchema,
      projectType: z.nullable(projectTypeSchema),
      ledger: z.nullable(ledgerViewSchema),
      reader: z.nullable(
        z.strictObject({
          doc: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
          line: z.number().check(z.int(), z.positive()),
          quote: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
        }),
      ),
    }),
  );

export type PartialState = z.input<ReturnType<typeof buildPartialSchema>>;

/** One schema per list of layer ids: building it costs more than checking a state with it. */
const schemas = new WeakMap<readonly string[], ReturnType<typeof buildPartialSchema>>();
function partialSchema(layerIds: readonly string[]) {
  let schema = schemas.get(layerIds);
  if (!schema) {
    schema = buildPartialSchema(layerIds);
    schemas.set(layerIds, schema);
  }
  return schema;
}

export class StateError extends Error {
  override name = 'StateError';
}

/** Checks a partial state from outside (automation API, URL) and returns the merged state; throws, changing nothing. */
export function applyPartial(state: AtlasState, partial: unknown, layerIds: readonly string[]): AtlasState {
  const parsed = partialSchema(layerIds).safeParse(partial);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'state'}: ${issue.message}`);
    throw new StateError(`setState refused: ${problems.join('; ')}`);
  }
  const { view, lang, layers, selection, panel, site, projectType, ledger, reader } = parsed.data;
  const merged: AtlasState = {
    view: { ...state.view, ...view } as View,
    lang: lang ?? state.lang,
    layers: { ...state.layers },
    selection: selection === undefined ? state.selection : selection,
    panel: panel ?? state.panel,
    site: site === undefined ? state.site : site,
    projectType: projectType === undefined ? state.projectType : projectType,
  };
  const ledgerView = ledger === undefined ? state.ledger : ledger;
  if (ledgerView) merged.ledger = ledgerView;
  const readerPlace = reader === undefined ? state.reader : reader;
  if (readerPlace) merged.reader = readerPlace;
  for (const [id, layer] of Object.entries(layers ?? {})) {
    merged.layers[id] = { ...state.layers[id]!, ...layer };
  }
  return merged;
}

/** A deep copy safe to hand to callers: they cannot mutate the store through it. */
export const snapshot = (state: AtlasState): AtlasState => structuredClone(state);
