import type { LayerSummary } from '../official/import-messages.ts';
import type { StoredLayer } from '../official/layer-store.ts';
import { zoneProfileSchema, type ZoneProfile } from '../official/profile.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import type { ImportState, Importer } from './official-session.ts';

/** What an import needs of the official layers' session. */
export interface ImportHost {
  /** Something shown changed. */
  changed(): void;
  /** The worker that reads and maps a file. */
  importer(): Promise<Importer>;
  /** Loads what the atlas does with a layer (draw it, name it in the link), before the layer is in use. */
  prepare(): Promise<unknown>;
  /** Puts a mapped layer in use at once and keeps it in this browser where it can. */
  keep(stored: StoredLayer): Promise<void>;
}

/**
 * A reviewer's import of an official layer, for the form: read in the worker, mapped with the reviewer's profile,
 * handed to the session to keep. Loaded with the first file chosen, not with the first view.
 */
export class OfficialImport {
  importing: ImportState | undefined;
  #importer: Importer | undefined;

  constructor(private readonly host: ImportHost) {}

  /** Reads a file for the mapping form (in the worker); `encoding` re-reads one whose names came out garbled. */
  async read(file: File, encoding?: 'gbk' | 'utf-8'): Promise<void> {
    const chosen = encoding ? { encoding } : {};
    this.importing = { file, ...chosen, phase: 'read', fraction: 0 };
    this.host.changed();
    try {
      this.#importer ??= await this.host.importer();
      const summary = await this.#importer.read(
        file.name,
        new Uint8Array(await file.arrayBuffer()),
        (phase, fraction) => this.#progress(phase, fraction),
        encoding,
      );
      if (this.importing?.file === file) this.importing = { file, ...chosen, summary };
    } catch (error) {
      this.#refused(file, error);
    }
    this.host.changed();
  }

  /** Maps the file read with the reviewer's profile and hands the layer to the session, which screens on it. */
  async map(profile: ZoneProfile, entryList?: File): Promise<void> {
    const importing = this.importing;
    if (!importing?.summary || !this.#importer) return;
    const checked = zoneProfileSchema.safeParse(profile);
    if (!checked.success) {
      const faults = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      this.importing = {
        ...importing,
        refusal: { en: `the mapping is incomplete (${faults}); fill in those fields`, zh: `映射不完整（${faults}）；请填写这些项` },
      };
      this.host.changed();
      return;
    }
    this.importing = { ...importing, phase: 'map', fraction: 0 };
    delete this.importing.refusal;
    this.host.changed();
    try {
      const entry = entryList ? { file: entryList.name, bytes: new Uint8Array(await entryList.arrayBuffer()) } : undefined;
      const layer = await this.#importer.map(profile, (phase, fraction) => this.#progress(phase, fraction), entry);
      await this.host.prepare();
      this.importing = undefined;
      await this.host.keep({ layer, profile });
    } catch (error) {
      this.#refused(importing.file, error, importing.summary);
    }
    this.host.changed();
  }

  /** Stops the import at once (the worker is ended); layers already kept stay. */
  cancel(): void {
    this.#importer?.cancel();
    this.importing = undefined;
    this.host.changed();
  }

  #progress(phase: 'read' | 'map', fraction: number): void {
    if (!this.importing) return;
    this.importing = { ...this.importing, phase, fraction };
    this.host.changed();
  }

  #refused(file: File, error: unknown, summary?: LayerSummary): void {
    // A cancelled import says nothing: the reviewer asked for it.
    if (error instanceof Error && error.name === 'ImportCancelled') return;
    if (this.importing?.file !== file) return;
    const text = (error as { text?: Bilingual }).text ?? { en: (error as Error).message, zh: (error as Error).message };
    const { encoding } = this.importing;
    this.importing = { file, refusal: text, ...(encoding ? { encoding } : {}), ...(summary ? { summary } : {}) };
  }
}
