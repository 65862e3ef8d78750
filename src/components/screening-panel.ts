import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { verdictBackgroundCss } from '../app/verdict-colours.ts';
import { emit, type AtlasEvents, type Datum } from '../app/events.ts';
import { incompleteText, type MissingData } from '../app/incomplete-data.ts';
import { documentLabel } from '../documents/catalogue.ts';
import { projectTypes, type ProjectType } from '../schema/project-type.ts';
import { t, verdictKey } from '../i18n/strings.ts';
import type { Lang } from '../state/state.ts';
import type { Report, Warning } from '../screening/report.ts';
import type { DrawKind } from '../map/draw-tool.ts';


/** Site screening: define a site (draw, upload, paste), pick the project type, read the verdict and its citations. */
export class ScreeningPanel extends LitElement {
  static override properties = {
    report: { attribute: false }, projectType: {}, hasSite: { type: Boolean }, drawing: {}, problem: {}, notes: { attribute: false },
    locale: {}, capacity: { state: true }, incomplete: { attribute: false },
  };
  report: Report | undefined;
  projectType: ProjectType | '' = '';
  hasSite = false;
  drawing: DrawKind | '' = '';
  problem = '';
  notes: string[] = [];
  /** Data the screening lacks: the card reads "incomplete" and names it instead of giving a verdict. */
  incomplete: readonly MissingData[] = [];
  locale: Lang = 'zh';
  capacity = '';

  static override styles = css`
    :host { display: block; font-size: 13px; padding: 8px 12px; }
    fieldset { border: 1px solid #e2ddd2; border-radius: 4px; margin: 0 0 8px; padding: 6px 8px; }
    legend { font-weight: 600; color: #3b3226; }
    label { display: block; margin: 4px 0 2px; font-size: 12px; color: #5b5346; }
    select, input, textarea { width: 100%; box-sizing: border-box; font-size: 13px; padding: 3px 5px; }
    textarea { font-family: monospace; }
    .row { display: flex; flex-wrap: wrap; gap: 4px; margin: 4px 0; }
    button { cursor: pointer; font-size: 12px; padding: 4px 8px; }
    button[aria-pressed=true] { background: #fdf1cf; border-color: #f2a900; }
    .hint { color: #5b5346; font-size: 12px; }
    .problem { color: #b00020; }
    .verdict { border-radius: 6px; padding: 8px 10px; margin: 8px 0; color: #fff; }
    .verdict strong { font-size: 18px; display: block; }
    ${unsafeCSS(verdictBackgroundCss)}
    .verdict.incomplete { background: #5b5346; }
    table { width: 100%; border-collapse: collapse; font-size: 12px; }
    th, td { border-bottom: 1px solid #e2ddd2; text-align: left; padding: 3px 4px; vertical-align: top; }
    .cite { color: #6a3d00; }
    ul { margin: 4px 0; padding-left: 18px; }
  `;

  override render() {
    const lang = this.locale;
    return html`
      <fieldset>
        <legend>${t('projectType', lang)}</legend>
        <select name="project-type" aria-label=${t('projectType', lang)}
          @change=${(event: Event) => this.#emit('atlas-project-type', (event.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.projectType}>${t('chooseProjectType', lang)}</option>
          ${(Object.keys(projectTypes) as ProjectType[]).map((id) => html`<option value=${id} ?selected=${this.projectType === id}>
            ${projectTypes[id][lang]}</option>`)}
        </select>
        <label for="capacity">${t('capacityMw', lang)}</label>
        <input id="capacity" name="capacity" inputmode="decimal" .value=${this.capacity}
          @input=${(event: Event) => { this.capacity = (event.target as HTMLInputElement).value; }} />
      </fieldset>
      <fieldset>
        <legend>${t('site', lang)}</legend>
        <div class="row" role="group" aria-label=${t('drawSite', lang)}>
          ${(['point', 'line', 'polygon'] as const).map((kind) => html`<button data-draw=${kind} aria-pressed=${this.drawing === kind}
            @click=${() => this.#emit('atlas-draw', kind)}>${t(drawKey[kind], lang)}</button>`)}
          ${this.hasSite ? html`<button class="clear-site" @click=${() => this.#emit('atlas-clear-site', null)}>${t('clearSite', lang)}</button>` : nothing}
        </div>
        ${this.drawing ? html`<p class="hint" role="status">${t('drawHint', lang)}</p>` : nothing}
        <label for="site-file">${t('uploadSite', lang)}</label>
        <input id="site-file" type="file" accept=".geojson,.json,.kml,.kmz,.zip,.csv,.fgb"
          @change=${(event: Event) => void this.#upload(event)} />
        <details>
          <summary>${t('pasteCoordinates', lang)}</summary>
          <form @submit=${(event: Event) => this.#paste(event)}>
            <label for="coordinates">${t('pasteHint', lang)}</label>
            <textarea id="coordinates" name="text" rows="5"></textarea>
            <label for="datum">${t('datum', lang)}</label>
            <select id="datum" name="datum">
              <option value="wgs84">WGS-84 / CGCS2000</option>
              <option value="gcj02">GCJ-02 (${t('datumGcj', lang)})</option>
              <option value="bd09">BD-09 (${t('datumBd', lang)})</option>
            </select>
            <label for="zone-width">${t('gaussKrugerZone', lang)}</label>
            <select id="zone-width" name="zoneWidth"><option value="3">3°</option><option value="6">6°</option></select>
            <label for="meridian">${t('centralMeridian', lang)}</label>
            <input id="meridian" name="centralMeridian" inputmode="decimal" />
            <div class="row"><button type="submit">${t('useCoordinates', lang)}</button></div>
          </form>
        </details>
        ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
        ${this.notes.length > 0 ? html`<ul class="notes">${this.notes.map((note) => html`<li>${note}</li>`)}</ul>` : nothing}
      </fieldset>
      ${this.report ? this.#report(this.report) : this.incomplete.length > 0 ? this.#incomplete()
        : html`<p class="hint">${t('screeningHint', lang)}</p>`}`;
  }

  /** No verdict while data is missing: the layers are named, in the interface language and the other. */
  #incomplete() {
    const lang = this.locale;
    const text = incompleteText(this.incomplete);
    return html`
      <div class="verdict incomplete" role="status" aria-live="polite">
        <strong>${lang === 'zh' ? '不完整 · incomplete' : 'incomplete · 不完整'}</strong>
      </div>
      <p class="conclusion">${text[lang]}</p>
      <ul class="missing">${this.incomplete.map((item) => html`<li>${item.name.zh} / ${item.name.en}: ${item.reason}</li>`)}</ul>`;
  }

  #report(report: Report) {
    const lang = this.locale;
    const site = report.site;
    // Rules no map can test are many and the same for every site of a type: folded away below the hits.
    const untestable = report.warnings.filter((warning) => warning.code === 'not-testable');
    return html`
      <div class="verdict ${report.verdict}" role="status" aria-live="polite">
        <strong>${t(verdictKey[report.verdict], lang)}</strong>
        ${projectTypes[report.projectType][lang]} ·
        ${site.areaHa !== undefined ? `${format(site.areaHa)} ha` : site.lengthKm !== undefined ? `${format(site.lengthKm)} km` : t('pointSite', lang)}
        ${this.capacity ? ` · ${this.capacity} MW` : ''}
      </div>
      ${warningList(report.warnings.filter((warning) => warning.code !== 'not-testable'), lang)}
      ${report.hits.length > 0 ? html`<table class="hits">
        <thead><tr><th>${t('zone', lang)}</th><th>${t('verdict', lang)}</th><th>${t('ruleAndCitation', lang)}</th></tr></thead>
        <tbody>${report.hits.map((hit) => html`<tr data-zone=${hit.zoneId}>
          <td>${lang === 'zh' ? hit.nameZh : hit.nameEn}${hit.uncertain ? html` <em>(${t('uncertain', lang)})</em>` : nothing}
            <div class="hint">${measures(hit, lang)}</div></td>
          <td>${t(verdictKey[hit.verdict], lang)}</td>
          <td>${hit.summary ? hit.summary[lang] : (lang === 'zh' ? hit.noteZh : hit.note) ?? ''}
            ${hit.cite ? html`<div class="cite">${documentLabel(hit.cite.doc, lang)},
              ${t('line', lang).replace('{n}', String(hit.cite.line))}: “${hit.cite.quote}”</div>` : nothing}</td>
        </tr>`)}</tbody></table>` : nothing}
      ${untestable.length > 0 ? html`<details class="untestable"><summary>${t('notTestable', lang).replace('{n}', String(untestable.length))}</summary>
        ${warningList(untestable, lang)}</details>` : nothing}
      ${report.nearest.length > 0 ? html`<p>${t('nearestZones', lang)}</p><ul class="nearest">${report.nearest.map((near) =>
        html`<li>${lang === 'zh' ? near.nameZh : near.nameEn}: ${format(near.distanceKm)} km</li>`)}</ul>` : nothing}
      <p class="hint">${t('dataVersion', lang)} ${report.dataVersion} · ${t('engineVersion', lang)} ${report.engineVersion}</p>
      <div class="row" role="group" aria-label=${t('exportReport', lang)}>
        <button data-export="geojson" @click=${() => this.#emit('atlas-export-report', { format: 'geojson', capacity: this.capacity })}>GeoJSON</button>
        <button data-export="csv" @click=${() => this.#emit('atlas-export-report', { format: 'csv', capacity: this.capacity })}>CSV</button>
        <button data-export="print" @click=${() => this.#emit('atlas-export-report', { format: 'print', capacity: this.capacity })}>${t('printReport', lang)}</button>
      </div>`;
  }

  async #upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.#emit('atlas-site-file', { name: file.name, size: file.size, read: () => file.arrayBuffer() });
    input.value = '';
  }

  #paste(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const meridian = String(form.get('centralMeridian') ?? '').trim();
    this.#emit('atlas-site-text', {
      text: String(form.get('text') ?? ''), datum: String(form.get('datum')) as Datum,
      zoneWidth: form.get('zoneWidth') === '6' ? 6 : 3, ...(meridian ? { centralMeridian: Number(meridian) } : {}),
    });
  }

  #emit<K extends keyof AtlasEvents>(name: K, detail: AtlasEvents[K]): void {
    emit(this, name, detail);
  }
}

const drawKey = { point: 'drawPoint', line: 'drawLine', polygon: 'drawPolygon' } as const;
const format = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });

function measures(hit: Report['hits'][number], lang: Lang): string {
  const parts: string[] = [];
  if (hit.overlapHa !== undefined) parts.push(`${format(hit.overlapHa)} ha`);
  if (hit.shareOfSitePct !== undefined) parts.push(`${format(hit.shareOfSitePct)} % ${t('ofSite', lang)}`);
  if (hit.shareOfZonePct !== undefined) parts.push(`${format(hit.shareOfZonePct)} % ${t('ofZone', lang)}`);
  if (hit.insideLengthKm !== undefined) parts.push(`${format(hit.insideLengthKm)} km ${t('inside', lang)}`);
  if (hit.distanceKm !== undefined) parts.push(`${format(hit.distanceKm)} km ${t('fromEdge', lang)}`);
  return parts.join(' · ');
}

customElements.define('screening-panel', ScreeningPanel);

declare global {
  interface HTMLElementTagNameMap { 'screening-panel': ScreeningPanel }
}

function warningList(warnings: readonly Warning[], lang: Lang) {
  return warnings.length > 0
    ? html`<ul class="warnings">${warnings.map((warning) => html`<li>${lang === 'zh' ? warning.messageZh : warning.message}</li>`)}</ul>`
    : nothing;
}
