import { LitElement, css, html, svg } from 'lit';
import { t } from '../i18n/ledger-strings.ts';
import type { Lang } from '../state/state.ts';
import { chartPoints, type ChartPoint } from '../app/ledger-cells.ts';
import type { LedgerRow } from '../stats/ledger.ts';
import { formatFigure } from '../stats/ledger-words.ts';

const width = 280;
const height = 110;
const margin = { left: 44, right: 10, top: 10, bottom: 22 };

/**
 * Baseline -> reported values -> target on a time axis, for one row. Hand-drawn SVG: three kinds of point on two
 * linear scales need no charting library (Observable Plot would add d3, about 300 kB, for this one chart). The
 * same words as the points are given as the figure's text alternative, and the SVG prints as drawn.
 */
export class LedgerChart extends LitElement {
  static override properties = { row: { attribute: false }, locale: {} };
  row: LedgerRow | undefined;
  locale: Lang = 'zh';

  static override styles = css`
    :host { display: block; margin-top: 6px; }
    figure { margin: 0; }
    figcaption { font-size: 11px; color: #5b5346; }
    svg { width: 100%; max-width: ${width}px; height: auto; font-size: 9px; font-family: inherit; }
    .axis { stroke: #8a806f; stroke-width: 1; }
    .plan { stroke: #b08d57; stroke-dasharray: 4 3; fill: none; }
    .actual { stroke: #2f6fb0; stroke-width: 2; fill: none; }
    .baseline { fill: #6b6356; } .reported { fill: #2f6fb0; } .target { fill: #fff; stroke: #b08d57; stroke-width: 2; }
    text { fill: #3b3226; }
  `;

  override render() {
    const row = this.row;
    const points = row ? chartPoints(row) : [];
    if (!row || points.length < 2) return html``;
    const lang = this.locale;
    const years = points.map((point) => point.year);
    const values = points.map((point) => point.value);
    const [y0, y1] = [Math.min(...years), Math.max(...years)];
    const [v0, v1] = [Math.min(0, ...values), Math.max(...values) || 1];
    const x = (year: number) => margin.left + ((year - y0) / Math.max(1, y1 - y0)) * (width - margin.left - margin.right);
    const y = (value: number) => height - margin.bottom - ((value - v0) / (v1 - v0)) * (height - margin.top - margin.bottom);
    const plan = points.filter((point) => point.kind !== 'reported');
    const reported = points.filter((point) => point.kind !== 'target');
    const words = { baseline: t('baseline', lang), reported: t('ledgerReported', lang), target: t('target', lang) };
    const alternative = points.map((point) => `${words[point.kind]} ${point.year}: ${formatFigure(point.value)} ${row.unit}`).join('; ');
    const path = (list: ChartPoint[]) =>
      list.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.year)},${y(point.value)}`).join(' ');
    return html`<figure>
      <svg viewBox="0 0 ${width} ${height}" role="img" aria-label=${alternative}>
        <title>${row.indicator[lang]}</title><desc>${alternative}</desc>
        ${svg`<line class="axis" x1=${margin.left} x2=${width - margin.right} y1=${height - margin.bottom} y2=${height - margin.bottom}></line>
        <line class="axis" x1=${margin.left} x2=${margin.left} y1=${margin.top} y2=${height - margin.bottom}></line>
        <text x=${margin.left - 4} y=${y(v1) + 3} text-anchor="end">${formatFigure(v1)}</text>
        <text x=${margin.left - 4} y=${y(v0) + 3} text-anchor="end">${formatFigure(v0)}</text>
        ${[...new Set(years)].map((year) => svg`<text x=${x(year)} y=${height - 8} text-anchor="middle">${year}</text>`)}
        ${plan.length > 1 ? svg`<path class="plan" d=${path(plan)}></path>` : ''}
        ${reported.length > 1 ? svg`<path class="actual" d=${path(reported)}></path>` : ''}
        ${points.map((point) => svg`<circle class=${point.kind} cx=${x(point.year)} cy=${y(point.value)} r="4"><title>${words[point.kind]} ${point.year}: ${formatFigure(point.value)} ${row.unit}${point.kind === 'reported' ? ` (${point.label})` : ''}</title></circle>`)}`}
      </svg>
      <figcaption>${t('ledgerChart', lang)} (${row.unit})</figcaption>
    </figure>`;
  }
}

customElements.define('ledger-chart', LedgerChart);

declare global {
  interface HTMLElementTagNameMap {
    'ledger-chart': LedgerChart;
  }
}
