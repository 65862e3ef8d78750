import { html, render } from 'lit';
import type { LayerDefinition } from '../../layers/layer-definition.ts';
import { documentOfFile } from '../schema/citation.ts';
import { projectTypes } from '../schema/project-type.ts';
import { t, verdictKey } from '../i18n/strings.ts';
import type { Lang } from '../state/state.ts';
import type { Report } from '../screening/report.ts';

/**
 * Lays out the printable screening report (map with legend, scale and north arrow drawn in, the verdict, every hit
 * with its citation, and the data version) in a section only print media shows, then opens the print dialog.
 */
export function printReport(report: Report, mapImage: string, lang: Lang, capacity: string, layers: LayerDefinition[]): void {
  let section = document.getElementById('print-report');
  if (!section) {
    section = document.createElement('section');
    section.id = 'print-report';
    document.body.append(section);
  }
  render(html`
    <h1>${t('screeningReport', lang)}</h1>
    <p>${new Date().toISOString().slice(0, 10)} · ${projectTypes[report.projectType][lang]}${capacity ? ` · ${capacity} MW` : ''}</p>
    <img src=${mapImage} alt=${t('map', lang)} />
    <h2 class="verdict">${t('verdict', lang)}: ${t(verdictKey[report.verdict], lang)}</h2>
    <ul>${report.warnings.map((warning) => html`<li>${lang === 'zh' ? warning.messageZh : warning.message}</li>`)}</ul>
    <table>
      <thead><tr><th>${t('zone', lang)}</th><th>${t('verdict', lang)}</th><th>${t('ruleAndCitation', lang)}</th></tr></thead>
      <tbody>${report.hits.map((hit) => html`<tr>
        <td>${lang === 'zh' ? hit.nameZh : hit.nameEn}</td><td>${t(verdictKey[hit.verdict], lang)}${hit.uncertain ? ` (${t('uncertain', lang)})` : ''}</td>
        <td>${hit.summary?.[lang] ?? (lang === 'zh' ? hit.noteZh : hit.note) ?? ''}${hit.cite ? html`<br />${documentOfFile(hit.cite.file)?.[lang] ?? hit.cite.file},
          ${t('line', lang).replace('{n}', String(hit.cite.line))}: “${hit.cite.quote}”` : ''}</td></tr>`)}</tbody>
    </table>
    <p>${t('dataVersion', lang)} ${report.dataVersion} · ${t('engineVersion', lang)} ${report.engineVersion}</p>
    <p>${layers.map((layer) => layer.title[lang]).join(' · ')}</p>
    <p>${t('unsurveyed', lang)}</p>`, section);
  window.print();
}
