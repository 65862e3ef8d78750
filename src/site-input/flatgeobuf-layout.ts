import { calcTreeSize } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { noFeatures } from './site-input.ts';
import { SiteInputError } from './site-input-error.ts';

const damaged = (en: string, zh: string) =>
  new SiteInputError({ en: `the FlatGeobuf file is damaged: ${en}`, zh: `FlatGeobuf文件已损坏：${zh}` });

/** Header fields 8 (features_count, uint64) and 9 (index_node_size, uint16, default 16) of the FlatGeobuf schema. */
function headerCounts(view: DataView, start: number, end: number): { features: number; nodeSize: number } {
  const table = start + view.getUint32(start, true);
  const vtable = table + 4 <= end ? table - view.getInt32(table, true) : -1;
  if (vtable < start || vtable + 4 > end) throw damaged('its header is malformed', '文件头格式错误');
  const vtableSize = view.getUint16(vtable, true);
  const field = (index: number, size: number) => {
    const slot = 4 + 2 * index;
    const offset = slot < vtableSize ? view.getUint16(vtable + slot, true) : 0;
    if (offset === 0) return undefined;
    if (table + offset + size > end) throw damaged('its header is malformed', '文件头格式错误');
    return table + offset;
  };
  const features = field(8, 8);
  const nodeSize = field(9, 2);
  return {
    features: features === undefined ? 0 : Number(view.getBigUint64(features, true)),
    nodeSize: nodeSize === undefined ? 16 : view.getUint16(nodeSize, true),
  };
}

/**
 * Checks that the header, the spatial index and every size-prefixed feature lie inside the bytes before the
 * flatgeobuf library reads them: on a truncated file, or an indexed one with no features, it loops forever.
 */
export function checkFlatGeobufLayout(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 16) throw damaged('it ends inside its header', '文件在文件头处中断');
  const headerEnd = 12 + view.getUint32(8, true);
  if (headerEnd > bytes.length) throw damaged('it ends inside its header', '文件在文件头处中断');
  const { features, nodeSize } = headerCounts(view, 12, headerEnd);
  if (features === 0 && nodeSize > 0) throw new SiteInputError(noFeatures('FlatGeobuf'));
  let offset = headerEnd + (nodeSize > 0 ? calcTreeSize(features, nodeSize) : 0);
  if (offset > bytes.length) throw damaged('it ends inside its spatial index', '文件在空间索引处中断');
  for (let feature = 1; offset < bytes.length; feature++) {
    if (offset + 4 > bytes.length || offset + 4 + view.getUint32(offset, true) > bytes.length) {
      throw damaged(`feature ${feature} is cut short`, `第${feature}个要素不完整`);
    }
    offset += 4 + view.getUint32(offset, true);
  }
}
