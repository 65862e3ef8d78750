import { expect, test } from 'vitest';
import { browserLang, type StringTable } from '../../src/i18n/strings.ts';
import { layerDefinitions } from '../../layers/registry.ts';

/** Every string table of src/i18n: the first view's (strings.ts), the one the panels share, and each panel's. */
const tables = Object.entries(import.meta.glob<Record<string, unknown>>('../../src/i18n/*strings.ts', { eager: true })).flatMap(
  ([file, exports]) =>
    Object.entries(exports)
      .filter(([name]) => name.endsWith('trings'))
      .map(([name, table]) => [`${file.split('/').pop()} ${name}`, table as StringTable] as const),
);

test('every interface string exists in Chinese and English', () => {
  expect(tables.map(([name]) => name).sort()).toEqual([
    'about-strings.ts aboutStrings',
    'document-strings.ts documentStrings',
    'feature-strings.ts featureStrings',
    'ledger-strings.ts ledgerStrings',
    'panel-strings.ts panelStrings',
    'screening-strings.ts screeningStrings',
    'strings.ts strings',
  ]);
  for (const [name, table] of tables) {
    for (const [key, value] of Object.entries(table)) {
      expect(value.zh.trim(), `${name}: ${key}`).not.toBe('');
      expect(value.en.trim(), `${name}: ${key}`).not.toBe('');
    }
  }
});

test('each string is written in one table only', () => {
  const where = new Map<string, string>();
  for (const [name, table] of tables) {
    for (const key of Object.keys(table)) {
      expect(where.get(key), `${key} in ${name}`).toBeUndefined();
      where.set(key, name);
    }
  }
});

test('every layer title and legend label exists in Chinese and English', () => {
  for (const layer of layerDefinitions) {
    for (const label of [layer.title, ...Object.values(layer.palette).map((swatch) => swatch.label)]) {
      expect(label.zh.trim(), layer.id).not.toBe('');
      expect(label.en.trim(), layer.id).not.toBe('');
    }
  }
});

test('the default language follows the browser', () => {
  expect(browserLang(['zh-CN', 'en'])).toBe('zh');
  expect(browserLang(['en-GB', 'zh-TW'])).toBe('zh');
  expect(browserLang(['en-US'])).toBe('en');
  expect(browserLang([])).toBe('en');
});
