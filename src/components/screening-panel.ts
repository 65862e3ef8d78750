import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { verdictBackgroundCss } from '../app/verdict-colours.ts';
import { emit, type AtlasEvents, type Datum } from '../app/events.ts';
import { incompleteText, type MissingData } from '../app/incomplete-data.ts';
import { verdictCard, type CardRow } from '../app/verdict-card.ts';
import { projectTypes, type ProjectType } from '../schema/project-type.ts';
import { t } from '../i18n/screening-strings.ts';
import { units } from '../i18n/units.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import type { Lang } from '../state/state.ts';
import type { Report, Warning } from '../screening/report.ts';
import type { DrawKind } from '../map/draw-tool.ts';
import './document-citation.ts';

/** Site screening: define a site (draw, upload, paste), pick the project type, read the verdict and its citations. */
export class ScreeningPanel extends LitElement {
  static override properties = {
    report: { attribute: false },
    projectType: {},
    hasSite: { type: Boolean },
    drawing: {},
    problem: {},
    notes: { attribute: false },
    locale: {},
    capacity: { state: true },
    source: { attribute: false },
    incomplete: { attribute: false },
    reading: { attribute: false },
  };
  report: Report | undefined;
  /** Where the site came from: a file name, "粘贴 5 点", "手绘面". */
  source: Bilingual | undefined;
  projectType: ProjectType | '' = '';
  hasSite = false;
  drawing: DrawKind | '' = '';
  problem = '';
  notes: Bilingual[] = [];
  /** Data the screening lacks: the card reads "incomplete" and names it instead of giving a verdict. */
  incomplete: readonly MissingData[] = [];
  /** What the site worker is reading (a file name, the pasted text), while it is. */
  reading: Bilingual | undefined;
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
    .verdict { border-radius: 6px; padding: 8px 10px; margin: 8px 0 4px; color: #fff; }
    .verdict .source { font-size: 12px; opacity: 0.9; }
    .verdict strong { font-size: 18px; display: block; }
    .verdict .range { display: block; font-weight: 600; margin: 2px 0; }
    .conclusion { margin: 4px 0 8px; line-height: 1.5; }
    ${unsafeCSS(verdictBackgroundCss)}
    .verdict.incomplete { background: #5b5346; }
    .group h4 { margin: 8px 0 2px; }
    .badge { color: #fff; border-radius: 3px; padding: 1px 6px; font-size: 12px; }
    ul.hits { list-style: none; padding: 0; margin: 2px 0; font-size: 12px; }
    ul.hits > li { border-bottom: 1px solid #e2ddd2; padding: 4px 2px; }
    ul.hits > li.decisive { background: #fdf6e3; border-left: 3px solid #f2a900; padding-left: 5px; }
    .zone { font-weight: 600; color: #3b3226; }
    .decides { font-weight: 400; font-size: 11px; background: #f2a900; color: #2b2b2b; border-radius: 3px; padding: 0 4px; }
    .reasons { color: #5b5346; margin: 2px 0; padding-left: 16px; }
    .reason { color: #5b5346; }
    details summary { cursor: pointer; margin: 6px 0 2px; color: #3b3226; }
    .cite { margin: 2px 0; }
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
          ${(Object.keys(projectTypes) as ProjectType[]).map(
            (id) => html`<option value=${id} ?selected=${this.projectType === id}>
            ${projectTypes[id][lang]}</option>`,
          )}
        </select>
        <label for="capacity">${capacityLabel(this.projectType, lang)}</label>
        <input id="capacity" name="capacity" inputmode="decimal" .value=${this.capacity}
          @input=${(event: Event) => {
            this.capacity = (event.target as HTMLInputElement).value;
          }} />
      </fieldset>
      <fieldset>
        <legend>${t('site', lang)}</legend>
        <div class="row" role="group" aria-label=${t('drawSite', lang)}>
          ${(['point', 'line', 'polygon'] as const).map(
            (kind) => html`<button data-draw=${kind} aria-pressed=${this.drawing === kind}
            @click=${() => this.#emit('atlas-draw', kind)}>${t(drawKey[kind], lang)}</button>`,
          )}
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
        ${
          this.reading
            ? html`<p class="reading" role="status">${t('readingSite', lang)} ${this.reading[lang]} <progress></progress>
          <button type="button" data-cancel-read @click=${() => this.#emit('atlas-cancel-site-read', null)}>${t('cancelReading', lang)}</button></p>`
            : nothing
        }
        ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
        ${this.notes.length > 0 ? html`<ul class="notes">${this.notes.map((note) => html`<li>${note[this.locale]}</li>`)}</ul>` : nothing}
      </fieldset>
      ${
        this.report
          ? this.#report(this.report)
          : this.incomplete.length > 0
            ? this.#incomplete()
            : html`<p class="hint">${t('screeningHint', lang)}</p>`
      }`;
  }

  /** No verdict while data is missing: the layers are named, in the interface language and the other. */
  #incomplete() {
    const lang = this.locale;
    const text = incompleteText(this.incomplete);
    return html`
      <div class="verdict incomplete" role="status" aria-live="polite">
        ${this.source ? html`<div class="source">${this.source[lang]}</div>` : nothing}
        <strong>${lang === 'zh' ? '不完整 · incomplete' : 'incomplete · 不完整'}</strong>
      </div>
      <p class="conclusion">${text[lang]}</p>
      <ul class="missing">${this.incomplete.map((item) => html`<li>${item.name.zh} / ${item.name.en}: ${item.reason}</li>`)}</ul>`;
  }

  #report(report: Report) {
    const lang = this.locale;
    const site = report.site;
    const card = verdictCard(report, lang);
    const unit = projectTypes[report.projectType].capacityUnit;
    return html`
      <div class="verdict ${report.verdict}" role="status" aria-live="polite">
        ${this.source ? html`<div class="source">${this.source[lang]}</div>` : nothing}
        <strong>${card.headline}</strong>
        ${card.range ? html`<span class="range">${card.range}</span>` : nothing}
        <div class="meta">${projectTypes[report.projectType][lang]} ·
        ${site.areaHa !== undefined ? `${format(site.areaHa)} ${units.ha[lang]}` : site.lengthKm !== undefined ? `${format(site.lengthKm)} ${units.km[lang]}` : t('pointSite', lang)}
        ${this.capacity ? ` · ${this.capacity} ${unit?.[lang] ?? ''}` : ''}</div>
      </div>
      <p class="conclusion">${card.conclusion}</p>
      ${card.bandHint ? html`<p class="hint band-hint">${card.bandHint}</p>` : nothing}
      ${warningList(report.warnings, lang)}
      ${card.groups.map(
        (group) => html`<section class="group" data-verdict=${group.verdict}>
        <h4><span class="badge ${group.verdict}">${group.title}</span></h4>
        ${group.rows.length > 0 ? hitList(group.rows, lang) : nothing}
        ${
          group.regionWide.length > 0
            ? html`<details class="region-wide"><summary>${t('regionWideRules', lang).replace('{n}', String(group.regionWide.length))}</summary>
          ${hitList(group.regionWide, lang)}</details>`
            : nothing
        }
      </section>`,
      )}
      ${
        card.withoutRule.length > 0
          ? html`<details class="without-rule"><summary>${t('zonesWithoutRule', lang).replace('{n}', String(card.withoutRule.length))}</summary>
        ${hitList(card.withoutRule, lang)}</details>`
          : nothing
      }
      ${
        card.untestable.length > 0
          ? html`<details class="untestable"><summary>${t('notTestable', lang).replace('{n}', String(card.untestable.length))}</summary>
        <ul>${card.untestable.map(
          (entry) => html`<li>${entry.text}<div class="reason">${entry.reason}</div>
          <document-citation class="cite" .citation=${entry.cite} locale=${lang}></document-citation></li>`,
        )}</ul></details>`
          : nothing
      }
      ${
        report.nearest.length > 0
          ? html`<p>${t('nearestZones', lang)}</p><ul class="nearest">${report.nearest.map(
              (near) => html`<li>${near.name[lang]}: ${format(near.distanceKm)} km</li>`,
            )}</ul>`
          : nothing
      }
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
      text: String(form.get('text') ?? ''),
      datum: String(form.get('datum')) as Datum,
      zoneWidth: form.get('zoneWidth') === '6' ? 6 : 3,
      ...(meridian ? { centralMeridian: Number(meridian) } : {}),
    });
  }

  #emit<K extends keyof AtlasEvents>(name: K, detail: AtlasEvents[K]): void {
    emit(this, name, detail);
  }
}

const drawKey = { point: 'drawPoint', line: 'drawLine', polygon: 'drawPolygon' } as const;
const format = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });

/**
 * Rows of one verdict (the group's heading names it): zone, whether it decides the verdict, the rule with its
 * citation, the figures, and every reason the row reads as it does. Stacked, so that a narrow panel stays readable.
 */
function hitList(rows: readonly CardRow[], lang: Lang) {
  return html`<ul class="hits">${rows.map(
    (row) => html`<li data-zone=${row.zoneId} class=${row.decisive ? 'decisive' : ''}>
    <div class="zone">${row.zone}${row.decisive ? html` <span class="decides">${t('decisiveRule', lang)}</span>` : nothing}</div>
    ${row.rule ? html`<div class="rule">${row.rule}</div>` : nothing}
    ${row.cite ? html`<document-citation class="cite" .citation=${row.cite} locale=${lang}></document-citation>` : nothing}
    ${row.figures ? html`<div class="hint">${row.figures}</div>` : nothing}
    ${row.reasons.length > 0 ? html`<ul class="reasons">${row.reasons.map((reason) => html`<li>${reason}</li>`)}</ul>` : nothing}
  </li>`,
  )}</ul>`;
}

customElements.define('screening-panel', ScreeningPanel);

declare global {
  interface HTMLElementTagNameMap {
    'screening-panel': ScreeningPanel;
  }
}

/** Capacity is asked in the project type's own unit (万吨/年 for plants, MW for power), or without one where none is usual. */
function capacityLabel(projectType: ProjectType | '', lang: Lang): string {
  const unit = projectType ? projectTypes[projectType].capacityUnit : null;
  return unit ? t('capacityIn', lang).replace('{unit}', unit[lang]) : t('capacityOptional', lang);
}

function warningList(warnings: readonly Warning[], lang: Lang) {
  return warnings.length > 0 ? html`<ul class="warnings">${warnings.map((warning) => html`<li>${warning.text[lang]}</li>`)}</ul>` : nothing;
}
