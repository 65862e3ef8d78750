import { z } from 'zod';

export type Lang = 'zh' | 'en';
export interface View { center: [number, number]; zoom: number; bearing: number; pitch: number }
export interface LayerState { visible: boolean; opacity: number }

/** Everything a presenter can restore: JSON-serialisable, the one source the map and the panels follow. */
export interface AtlasState {
  view: View;
  lang: Lang;
  layers: Record<string, LayerState>;
}

/** Fits Inner Mongolia (97.2-126.1 E, 37.4-53.4 N) in a desktop window; the map refits to the screen at start. */
export const regionBounds: [[number, number], [number, number]] = [[97.18, 37.4], [126.08, 53.39]];

const viewSchema = z.object({
  center: z.tuple([z.number().min(-180).max(180), z.number().min(-85).max(85)]),
  zoom: z.number().min(0).max(22),
  bearing: z.number().min(-180).max(180),
  pitch: z.number().min(0).max(85),
}).partial().strict();

const layerStateSchema = z.object({
  visible: z.boolean(),
  opacity: z.number().min(0).max(1),
}).partial().strict();

const partialSchema = (layerIds: readonly string[]) => z.object({
  view: viewSchema,
  lang: z.enum(['zh', 'en']),
  layers: z.record(z.string(), layerStateSchema).superRefine((layers, context) => {
    for (const id of Object.keys(layers)) {
      if (!layerIds.includes(id)) context.addIssue({ code: 'custom', message: `unknown layer id "${id}"`, path: [id] });
    }
  }),
}).partial().strict();

export type PartialState = z.input<ReturnType<typeof partialSchema>>;

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
  const { view, lang, layers } = parsed.data;
  const merged: AtlasState = {
    view: { ...state.view, ...view } as View,
    lang: lang ?? state.lang,
    layers: { ...state.layers },
  };
  for (const [id, layer] of Object.entries(layers ?? {})) {
    merged.layers[id] = { ...state.layers[id]!, ...layer };
  }
  return merged;
}

/** A deep copy safe to hand to callers: they cannot mutate the store through it. */
export const snapshot = (state: AtlasState): AtlasState => structuredClone(state);
