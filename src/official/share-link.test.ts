import { describe, expect, it } from 'vitest';
import type { LayerProvenance } from './official-layer.ts';
import { linkedLayers, missingLayers, missingLayersNotice, officialLinkValue } from './share-link.ts';

const layer = (file: string, sha256: string) => ({ file, sha256 }) as LayerProvenance;
const redLine = layer('红线|2024~v2.zip', 'c59635df882c90e8'.padEnd(64, '0'));
const units = layer('control-units.zip', 'd18b9fbdf8d3341e'.padEnd(64, '1'));

describe('share links naming official layers', () => {
  it('names each layer by checksum and file, and reads them back (file names with | or ~ included)', () => {
    const value = officialLinkValue([units]);
    expect(value).toBe('d18b9fbdf8d3341e~control-units.zip');
    expect(linkedLayers(value)).toEqual([{ sha: 'd18b9fbdf8d3341e', file: 'control-units.zip' }]);
    expect(linkedLayers('nonsense|abc~x')).toEqual([]);
    expect(linkedLayers(officialLinkValue([redLine, units]))).toEqual([
      { sha: 'c59635df882c90e8', file: '红线|2024~v2.zip' },
      { sha: 'd18b9fbdf8d3341e', file: 'control-units.zip' },
    ]);
  });

  it('says which layers the recipient lacks, in both languages, and nothing when all are loaded', () => {
    const linked = linkedLayers(officialLinkValue([units]));
    expect(missingLayers(linked, [units])).toEqual([]);
    expect(missingLayersNotice(missingLayers(linked, [redLine]), 'en')).toContain('control-units.zip (sha256 d18b9fbdf8d3341e…)');
    expect(missingLayersNotice(missingLayers(linked, []), 'zh')).toContain('请向其索取同一文件');
    expect(missingLayersNotice([], 'zh')).toBeUndefined();
  });
});
