import { LitElement, css, html, nothing } from 'lit';
import type { ImportState, OfficialSession } from '../app/official-session.ts';
import type { StoredLayer } from '../official/layer-store.ts';
import type { LayerSummary } from '../official/import-messages.ts';
import { officialKindNames, officialKinds, type OfficialKind, type ZoneProfile } from '../official/profile.ts';
import { officialKindColours } from '../official/map-layers.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import type { Lang } from '../state/state.ts';

/** What the import did to the layer's long edges (src/official/geodesic-edges.ts). */
const geodesicEdgesText = ({ toleranceMetres, addedVertices }: { toleranceMetres: number; addedVertices: number }): Bilingual => ({
  zh: `长边已沿测地线加密，与测地线相差不超过${toleranceMetres}米（新增${addedVertices}个顶点）`,
  en: `long edges densified along geodesics to within ${toleranceMetres} m (${addedVertices} vertices added)`,
});

const words = {
  title: { zh: '官方数据（仅存于本浏览器）', en: 'Official data (kept in this browser only)' },
  intro: {
    zh: '导入本单位的生态保护红线、自然保护地、饮用水水源保护区或三线一单环境管控单元：数据只保存在本浏览器中，不会上传。',
    en: 'Import your bureau’s red line, reserves, water-source areas or 三线一单 control units: the data stays in this browser and is never uploaded.',
  },
  choose: {
    zh: '选择或拖入图层文件（.zip shapefile、GeoPackage、GeoJSON、FlatGeobuf、KML）',
    en: 'Choose or drop a layer file (.zip shapefile, GeoPackage, GeoJSON, FlatGeobuf, KML)',
  },
  unavailable: {
    zh: '本浏览器不允许保存数据：导入的图层仅在本次访问中有效。',
    en: 'This browser keeps no data: imported layers last for this visit only.',
  },
  reading: { zh: '正在读取', en: 'Reading' },
  mapping: { zh: '正在转换', en: 'Mapping' },
  cancel: { zh: '取消', en: 'Cancel' },
  kind: { zh: '图层类型', en: 'Layer kind' },
  name: { zh: '名称属性', en: 'Name attribute' },
  code: { zh: '编码属性', en: 'Code attribute' },
  category: { zh: '管控类别属性', en: 'Category attribute' },
  level: { zh: '保护级别属性', en: 'Protection level attribute' },
  reserveZone: { zh: '功能分区属性', en: 'Zone attribute' },
  none: { zh: '（无）', en: '(none)' },
  accuracy: { zh: '边界精度（公里）', en: 'Boundary accuracy (km)' },
  mappedBy: { zh: '映射人', en: 'Mapped by' },
  crs: { zh: '坐标系', en: 'Coordinate system' },
  crsGuess: { zh: '文件未声明坐标系，请确认推测结果', en: 'The file declares no coordinate system: confirm the guess' },
  entryList: { zh: '准入清单（CSV，可选）', en: 'Entry list (CSV, optional)' },
  columns: { zh: '准入清单列名：单元编码、项目类型、准入要求、条款', en: 'Entry-list columns: unit code, project type, verdict, clause' },
  readAs: { zh: '改按此编码读取：', en: 'Read again as: ' },
  import: { zh: '导入', en: 'Import' },
  remove: { zh: '移除', en: 'Remove' },
  exportProfile: { zh: '导出映射文件', en: 'Export profile' },
  features: { zh: '个要素', en: 'features' },
  imported: { zh: '导入于', en: 'imported' },
  declared: { zh: '文件声明', en: 'declared by the file' },
  confirmed: { zh: '用户确认', en: 'confirmed by the reviewer' },
  standsIn: {
    zh: '在地图、筛查和目标台账中替代同类示意图层',
    en: 'stands in for the illustrative layer of its kind on the map, in screening and in the ledger',
  },
  official: { zh: '官方数据（用户提供）', en: 'official (user-supplied)' },
} satisfies Record<string, Bilingual>;

/** The attributes the profile maps, per layer kind, beyond the name and code. */
const extraAttribute: Partial<Record<OfficialKind, 'categoryAttribute' | 'levelAttribute' | 'reserveZoneAttribute'>> = {
  'control-unit': 'categoryAttribute',
  'drinking-water-source': 'levelAttribute',
  'nature-reserve': 'reserveZoneAttribute',
};
const extraLabel = { categoryAttribute: words.category, levelAttribute: words.level, reserveZoneAttribute: words.reserveZone };

/** The official layers of this browser: import (file or drop, in a worker, with progress and cancel), mapping form, provenance, removal. */
export class OfficialLayers extends LitElement {
  static override properties = {
    session: { attribute: false },
    layers: { attribute: false },
    importing: { attribute: false },
    storage: {},
    locale: {},
    kind: { state: true },
  };

  /** Where the element's buttons and form go; what it shows comes in the three properties after it. */
  session: OfficialSession | undefined;
  layers: StoredLayer[] = [];
  importing: ImportState | undefined;
  storage: OfficialSession['storage'] = 'opening';
  locale: Lang = 'zh';
  kind: OfficialKind = 'ecological-red-line';

  static override styles = css`
    :host { display: block; font-size: 13px; color: #2b2b2b; border-top: 1px solid #e2ddd2; padding: 6px 12px 12px; }
    h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: #5b5346; margin: 8px 0 4px; }
    p { margin: 4px 0; color: #5b5346; }
    .drop { display: block; border: 1px dashed #8a8170; border-radius: 4px; padding: 10px; text-align: center; cursor: pointer; }
    .drop.over { background: #f3efe6; }
    form { display: grid; gap: 6px; margin-top: 8px; }
    label { display: grid; gap: 2px; }
    progress { width: 100%; }
    .alert { color: #b00020; }
    .note { color: #7a5a00; }
    ul { list-style: none; padding: 0; margin: 6px 0; }
    li { border: 1px solid #e2ddd2; border-radius: 4px; padding: 6px; margin: 4px 0; }
    .swatch { display: inline-block; width: 1.2em; height: .8em; border-radius: 2px; vertical-align: middle; }
    li .provenance { color: #5b5346; font-size: 12px; word-break: break-all; }
    button { font: inherit; }
  `;

  #text = (bilingual: Bilingual) => bilingual[this.locale];

  override render() {
    const session = this.session;
    if (!session) return nothing;
    const importing = this.importing;
    return html`<h2>${this.#text(words.title)}</h2>
      <p>${this.#text(words.intro)}</p>
      ${this.storage === 'unavailable' ? html`<p class="note" role="status">${this.#text(words.unavailable)}</p>` : nothing}
      <ul aria-label=${this.#text(words.title)}>${this.layers.map(({ layer }) => {
        const { provenance } = layer;
        return html`<li data-official=${provenance.id}>
          <span class="swatch" .style=${`background: ${officialKindColours[provenance.kind]}`}></span>
          <strong>${provenance.file}</strong> · ${this.#text(officialKindNames[provenance.kind])} · ${this.#text(words.official)}
          <div class="provenance">${this.#text(words.imported)} ${provenance.importedAt.slice(0, 10)} · ${provenance.featureCount} ${this.#text(words.features)}
            · ${this.#text(words.crs)} ${provenance.crs.name} (${this.#text(words[provenance.crs.source])}) · ${this.#text(words.mappedBy)} ${provenance.mappedBy}
            · ±${provenance.accuracyKm} km${
              provenance.geodesicEdges ? html` · ${this.#text(geodesicEdgesText(provenance.geodesicEdges))}` : nothing
            }${provenance.entryList ? html` · ${provenance.entryList.file} (${provenance.entryList.rows})` : nothing}
            · sha256 <span title=${provenance.sha256}>${provenance.sha256.slice(0, 12)}…</span> · ${this.#text(words.standsIn)}</div>
          <button type="button" data-export-profile @click=${() => session.exportProfile(provenance.id)}>${this.#text(words.exportProfile)}</button>
          <button type="button" data-remove @click=${() => void session.remove(provenance.id)}>${this.#text(words.remove)}</button>
        </li>`;
      })}</ul>
      <label class="drop" @dragover=${(event: DragEvent) => this.#over(event, true)} @dragleave=${(event: DragEvent) => this.#over(event, false)}
        @drop=${(event: DragEvent) => this.#drop(event)}>${this.#text(words.choose)}
        <input type="file" name="official-file" accept=".zip,.gpkg,.geojson,.json,.fgb,.kml,.kmz" hidden
          @change=${(event: Event) => this.#chosen(event)} /></label>
      ${
        importing?.phase
          ? html`<div role="status">${this.#text(importing.phase === 'read' ? words.reading : words.mapping)} ${importing.file.name}
        <progress max="1" .value=${importing.fraction ?? 0}></progress>
        <button type="button" data-cancel @click=${() => session.cancel()}>${this.#text(words.cancel)}</button></div>`
          : nothing
      }
      ${importing?.refusal ? html`<p class="alert" role="alert">${this.#text(importing.refusal)}</p>` : nothing}
      ${importing?.summary && !importing.phase ? this.#form(importing.summary) : nothing}`;
  }

  #form(summary: LayerSummary) {
    const session = this.session as OfficialSession;
    const attributes = (name: string, label: Bilingual, optional: boolean) => html`<label>${this.#text(label)}
      <select name=${name}>${optional ? html`<option value="">${this.#text(words.none)}</option>` : nothing}
        ${summary.attributes.map((attribute) => html`<option value=${attribute}>${attribute}: ${summary.samples[attribute]?.join(' / ')}</option>`)}</select></label>`;
    const extra = extraAttribute[this.kind];
    const guess = summary.guess;
    return html`<form @submit=${(event: SubmitEvent) => this.#submit(event, summary)}>
      <p>${summary.file}: ${summary.featureCount} ${this.#text(words.features)}</p>
      ${summary.notes.map((note) => html`<p class="note">${this.#text(note)}</p>`)}
      ${
        summary.garbled
          ? html`<p class="alert" role="alert">${this.#text(summary.garbled.text)}
        <button type="button" data-encoding=${summary.garbled.encoding} @click=${() => void session.read(this.importing?.file as File, summary.garbled?.encoding)}>
          ${this.#text(words.readAs)}${summary.garbled.encoding.toUpperCase()}</button></p>`
          : nothing
      }
      <label>${this.#text(words.kind)}<select name="kind" @change=${(event: Event) => {
        this.kind = (event.target as HTMLSelectElement).value as OfficialKind;
      }}>
        ${officialKinds.map((kind) => html`<option value=${kind} ?selected=${kind === this.kind}>${this.#text(officialKindNames[kind])}</option>`)}</select></label>
      ${attributes('nameAttribute', words.name, false)}
      ${attributes('codeAttribute', words.code, this.kind !== 'control-unit')}
      ${extra ? attributes(extra, extraLabel[extra], extra !== 'categoryAttribute') : nothing}
      <label>${this.#text(words.accuracy)}<input name="accuracyKm" type="number" min="0" max="100" step="any" required /></label>
      <label>${this.#text(words.mappedBy)}<input name="mappedBy" required /></label>
      ${
        summary.declaredCrs
          ? html`<p>${this.#text(words.crs)}: ${summary.declaredCrs}</p>`
          : html`<label>${this.#text(words.crsGuess)}: ${guess ? this.#text(guess.why) : ''}
        <select name="crs" required>${(guess?.candidates ?? []).map((code) => html`<option value="EPSG:${code}" ?selected=${code === guess?.epsg}>EPSG:${code}</option>`)}</select></label>`
      }
      ${
        this.kind === 'control-unit'
          ? html`<label>${this.#text(words.entryList)}<input type="file" name="entryList" accept=".csv,.txt" /></label>
        <label>${this.#text(words.columns)}<input name="entryColumns" value="单元编码,项目类型,准入要求,条款" /></label>`
          : nothing
      }
      <button type="submit" data-import>${this.#text(words.import)}</button>
      <button type="button" @click=${() => session.cancel()}>${this.#text(words.cancel)}</button>
    </form>`;
  }

  #submit(event: SubmitEvent, summary: LayerSummary): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => {
      const entry = form.get(name);
      return typeof entry === 'string' && entry !== '' ? entry : undefined;
    };
    const extra = extraAttribute[this.kind];
    const entryList = form.get('entryList');
    const entryFile = entryList instanceof File && entryList.size > 0 ? entryList : undefined;
    const [code, projectType, verdict, clause] = (value('entryColumns') ?? '').split(/[,，]/).map((column) => column.trim());
    const crs = value('crs');
    const profile: ZoneProfile = {
      version: 1,
      kind: this.kind,
      nameAttribute: value('nameAttribute') ?? '',
      accuracyKm: Number(value('accuracyKm')),
      mappedBy: value('mappedBy') ?? '',
      ...(value('codeAttribute') ? { codeAttribute: value('codeAttribute') as string } : {}),
      ...(extra && value(extra) ? { [extra]: value(extra) } : {}),
      ...(crs && !summary.declaredCrs ? { crs } : {}),
      ...(this.importing?.encoding ? { encoding: this.importing.encoding } : {}),
      ...(entryFile && code && projectType && verdict && clause ? { entryList: { code, projectType, verdict, clause } } : {}),
    };
    void this.session?.map(profile, entryFile);
  }

  #chosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void this.session?.read(file);
    input.value = '';
  }

  #over(event: DragEvent, over: boolean): void {
    event.preventDefault();
    (event.currentTarget as HTMLElement).classList.toggle('over', over);
  }

  #drop(event: DragEvent): void {
    this.#over(event, false);
    const file = event.dataTransfer?.files[0];
    if (file) void this.session?.read(file);
  }
}
customElements.define('official-layers', OfficialLayers);

declare global {
  interface HTMLElementTagNameMap {
    'official-layers': OfficialLayers;
  }
}
