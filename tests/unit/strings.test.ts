import { expect, test } from 'vitest';
import { browserLang, strings } from '../../src/i18n/strings.ts';
import { layerDefinitions } from '../../layers/registry.ts';

test('every interface string exists in Chinese and English', () => {
  for (const [key, value] of Object.entries(strings)) {
    expect(value.zh.trim(), key).not.toBe('');
    expect(value.en.trim(), key).not.toBe('');
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
