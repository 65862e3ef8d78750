import { LitElement, html, nothing, svg, type TemplateResult } from 'lit';
import { citedSentence, type CitedSentence } from '../app/cited-sentence.ts';
import type { Locator, PrintPage } from '../app/report-export.ts';
import { verdictCard, type CardRow } from '../app/verdict-card.ts';
import { t } from '../i18n/screening-strings.ts';
import type { Citation } from '../schema/citation.ts';
import { projectTypes } from '../schema/project-type.ts';
import type { Lang } from '../state/state.ts';

/**
 * The printable screening report: where the site came from, the verdict with its doubt and one-sentence conclusion,
 * the map of the site's extent (legend, scale bar and north arrow drawn in) with a locator inset, every hit grouped by
 * verdict with the whole sentence it cites and its reasons, the rules the map cannot test, and the data version. It
 * lives directly in <body>, and only print media show it (src/styles).
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
    const { report, mapImage, lang, capacity, layers, date, source, locator, passage } = this.page;
    const cited = (citation: Citation) => printedCitation(citedSentence(citation, passage(citation), lang));
    const card = verdictCard(report, lang);
    const unit = projectTypes[report.projectType].capacityUnit;
    return html`
    <h1>${t('screeningReport', lang)}</h1>
    <p>${source ? html`<strong class="source">${source[lang]}</strong> · ` : nothing}${date} · ${projectTypes[report.projectType][lang]}${
      capacity ? ` · ${capacity} ${unit?.[lang] ?? ''}` : ''
    }</p>
    <h2 class="verdict">${t('verdict', lang)}${lang === 'zh' ? '：' : ': '}${card.headline}</h2>
    ${card.range ? html`<p class="range"><strong>${card.range}</strong></p>` : nothing}
    <p class="conclusion">${card.conclusion}</p>
    <figure class="site-map">
      <img src=${mapImage} alt=${t('siteMap', lang)} />
      ${locator ? locatorInset(locator, lang) : nothing}
      ${card.bandHint ? html`<figcaption>${card.bandHint}</figcaption>` : nothing}
    </figure>
    <ul>${report.warnings.map((warning) => html`<li>${warning.text[lang]}</li>`)}</ul>
    <table>
      <thead><tr><th>${t('zone', lang)}</th><th>${t('verdict', lang)}</th><th>${t('ruleAndCitation', lang)}</th></tr></thead>
      ${card.groups.map(
        (group) => html`<tbody class="group">
        <tr><th colspan="3">${group.title}</th></tr>
        ${group.rows.map((row) => printRow(row, lang, cited))}
        ${
          group.regionWide.length > 0
            ? html`<tr><td colspan="3"><em>${t('regionWideRules', lang).replace('{n}', String(group.regionWide.length))}</em></td></tr>
          ${group.regionWide.map((row) => printRow(row, lang, cited))}`
            : nothing
        }
      </tbody>`,
      )}
      ${
        card.withoutRule.length > 0
          ? html`<tbody><tr><th colspan="3">${t('zonesWithoutRule', lang).replace('{n}', String(card.withoutRule.length))}</th></tr>
        ${card.withoutRule.map((row) => printRow(row, lang, cited))}</tbody>`
          : nothing
      }
    </table>
    ${
      card.untestable.length > 0
        ? html`<h3>${t('notTestable', lang).replace('{n}', String(card.untestable.length))}</h3>
      <ul class="untestable">${card.untestable.map((entry) => html`<li>${entry.text} (${entry.reason})${cited(entry.cite)}</li>`)}</ul>`
        : nothing
    }
    <p>${t('dataVersion', lang)} ${report.dataVersion} · ${t('engineVersion', lang)} ${report.engineVersion}</p>
    <p>${layers.map((layer) => layer.title[lang]).join(' · ')}</p>
    <p>${t('unsurveyed', lang)}</p>`;
  }
}
customElements.define('print-report', PrintReport);

/** A citation on paper: the document, the sentence's place and lines, and the whole sentence with the quote marked. */
function printedCitation(shown: CitedSentence) {
  return html`<div class="citation"><cite>${shown.document}</cite>${shown.place ? ` · ${shown.place}` : ''} · ${shown.lines}<br />
    <q lang="zh-CN">${shown.before}<mark>${shown.quoted}</mark>${shown.after}</q></div>`;
}

function printRow(row: CardRow, lang: Lang, cited: (citation: Citation) => TemplateResult) {
  return html`<tr class=${row.decisive ? 'decisive' : ''}>
    <td>${row.zone}${row.figures ? html`<br /><small>${row.figures}</small>` : nothing}</td>
    <td>${row.verdictText}</td>
    <td>${row.decisive ? html`<strong>${t('decisiveRule', lang)}：</strong>` : nothing}${row.rule}${row.cite ? cited(row.cite) : nothing}
      ${row.reasons.map((reason) => html`<div><small>· ${reason}</small></div>`)}</td></tr>`;
}

/** Longitude is shortened by the cosine of the region's middle latitude, so the outline keeps its shape. */
const squeeze = Math.cos((42 * Math.PI) / 180);

/** The region's outline with the printed map's box and the site, in the corner of the map. */
function locatorInset({ rings, site, frame }: Locator, lang: Lang) {
  const xs = rings.flat().map(([x]) => x * squeeze);
  const ys = rings.flat().map(([, y]) => -y);
  const [left, top] = [Math.min(...xs), Math.min(...ys)];
  const [width, height] = [Math.max(...xs) - left, Math.max(...ys) - top];
  const path = rings.map((ring) => `M${ring.map(([x, y]) => `${(x * squeeze).toFixed(3)},${(-y).toFixed(3)}`).join('L')}Z`).join('');
  const [west, south, east, north] = frame;
  // The box is drawn at least a little wider than the site marker, so that a point site's frame stays visible.
  const pad = 0.3;
  return html`<svg class="locator" viewBox="${left - 0.5} ${top - 0.5} ${width + 1} ${height + 1}" role="img" aria-label=${t('locatorMap', lang)}>
    ${svg`<path d=${path} fill="#f4efe3" stroke="#5b5346" stroke-width="0.12" />
    <rect x=${(west - pad) * squeeze} y=${-(north + pad)} width=${(east - west + 2 * pad) * squeeze} height=${north - south + 2 * pad}
      fill="none" stroke="#c62828" stroke-width="0.18" />
    <circle cx=${site[0] * squeeze} cy=${-site[1]} r="0.35" fill="#0d47a1" stroke="#ffffff" stroke-width="0.1" />`}
  </svg>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'print-report': PrintReport;
  }
}
