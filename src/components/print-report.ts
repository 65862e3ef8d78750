import { LitElement, html } from 'lit';
import type { PrintPage } from '../app/report-export.ts';
import { t, verdictKey } from '../i18n/strings.ts';
import { documentLabel } from '../documents/catalogue.ts';
import { projectTypes } from '../schema/project-type.ts';

/**
 * The printable screening report (map with legend, scale and north arrow drawn in, the verdict, every hit with its
 * citation, and the data version). It lives directly in <body>, and only print media show it (src/styles).
 */
export class PrintReport extends LitElement {
  static override properties = { page: { attribute: false } };
  page: PrintPage | undefined;

  // Light DOM: the page's print stylesheet lays it out.
  protected override createRenderRoot() {
    return this;
  }

  override render() {
    if (!this.page) return html``;
    const { report, mapImage, lang, capacity, layers, date } = this.page;
    return html`
    <h1>${t('screeningReport', lang)}</h1>
    <p>${date} · ${projectTypes[report.projectType][lang]}${capacity ? ` · ${capacity} MW` : ''}</p>
    <img src=${mapImage} alt=${t('map', lang)} />
    <h2 class="verdict">${t('verdict', lang)}: ${t(verdictKey[report.verdict], lang)}</h2>
    <ul>${report.warnings.map((warning) => html`<li>${lang === 'zh' ? warning.messageZh : warning.message}</li>`)}</ul>
    <table>
      <thead><tr><th>${t('zone', lang)}</th><th>${t('verdict', lang)}</th><th>${t('ruleAndCitation', lang)}</th></tr></thead>
      <tbody>${report.hits.map((hit) => html`<tr>
        <td>${lang === 'zh' ? hit.nameZh : hit.nameEn}</td><td>${t(verdictKey[hit.verdict], lang)}${hit.uncertain ? ` (${t('uncertain', lang)})` : ''}</td>
        <td>${hit.summary?.[lang] ?? (lang === 'zh' ? hit.noteZh : hit.note) ?? ''}${hit.cite ? html`<br />${documentLabel(hit.cite.doc, lang)},
          ${t('line', lang).replace('{n}', String(hit.cite.line))}: “${hit.cite.quote}”` : ''}</td></tr>`)}</tbody>
    </table>
    <p>${t('dataVersion', lang)} ${report.dataVersion} · ${t('engineVersion', lang)} ${report.engineVersion}</p>
    <p>${layers.map((layer) => layer.title[lang]).join(' · ')}</p>
    <p>${t('unsurveyed', lang)}</p>`;
  }
}
customElements.define('print-report', PrintReport);

declare global {
  interface HTMLElementTagNameMap { 'print-report': PrintReport }
}
