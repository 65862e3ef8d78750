import type { Bilingual } from '../schema/bilingual.ts';
import type { CrsGuess } from './crs-guess.ts';
import type { Garbled } from './mojibake.ts';
import type { OfficialLayer } from './official-layer.ts';
import type { ZoneProfile } from './profile.ts';

/** What the mapping form needs to know of a read file. */
export interface LayerSummary {
  file: string;
  featureCount: number;
  attributes: string[];
  /** The first values of each attribute, so the reviewer can tell a name from a code. */
  samples: Record<string, string[]>;
  declaredCrs?: string;
  guess?: CrsGuess;
  garbled?: Garbled;
  notes: Bilingual[];
}

/** The page asks the import worker to read a file, or to map the file it read. */
export type ImportRequest =
  | { type: 'read'; file: string; bytes: Uint8Array; encoding?: 'gbk' | 'utf-8' }
  | { type: 'map'; profile: ZoneProfile; importedAt: string; entryList?: { file: string; bytes: Uint8Array } };

/** The worker answers with progress, then a summary, a layer or a bilingual refusal. */
export type ImportReply =
  | { type: 'progress'; phase: 'read' | 'map'; fraction: number }
  | { type: 'summary'; summary: LayerSummary }
  | { type: 'layer'; layer: OfficialLayer }
  | { type: 'refused'; text: Bilingual };
