// window.atlas without a browser: the documented API over the application layer, on the served data and a fake map.
import { describe, expect, test } from 'vitest';
import { automation } from '../../src/api/automation.ts';
import { Atlas } from '../../src/app/atlas.ts';
import { StateError } from '../../src/state/state.ts';
import { diskLoader, fakeMap, fakePlatform } from './app-fakes.ts';

function api() {
  const fake = fakePlatform(diskLoader());
  const atlas = new Atlas(fake.platform);
  const atlasApi = automation(atlas);
  const map = fakeMap();
  void atlas.start(map.map);
  return { atlas, atlasApi, map };
}

describe('window.atlas', () => {
  test("screen() waits for the data and returns the engine's report without changing the state", async () => {
    const { atlas, atlasApi } = api();
    const screening = atlasApi.screen({ type: 'Point', coordinates: [107.1, 39.5] }, 'pv-glass');
    await atlasApi.ready;
    const before = atlasApi.getState();
    const report = await screening;
    expect(report.verdict).toBe('prohibited');
    expect(report.dataVersion).toBe(atlas.dataVersion);
    expect(atlasApi.getState()).toEqual(before);
    await expect(atlasApi.screen({ type: 'Point', coordinates: [107.1, 39.5] }, 'spaceport')).rejects.toThrow(/spaceport/);
  });

  test('setState applies a valid partial state and refuses a bad one whole', async () => {
    const { atlasApi } = api();
    await atlasApi.ready;
    const moved = await atlasApi.setState({ view: { zoom: 7 }, lang: 'zh' });
    expect(moved).toMatchObject({ lang: 'zh', view: { zoom: 7 } });
    await expect(atlasApi.setState({ layers: { 'no-such-layer': { visible: true } } })).rejects.toBeInstanceOf(StateError);
    expect(atlasApi.getState()).toEqual(moved);
  });

  test('getState is a copy: changing it changes nothing', async () => {
    const { atlasApi } = api();
    await atlasApi.ready;
    const state = atlasApi.getState();
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    expect(atlasApi.getState().lang).not.toBe(state.lang);
  });

  test('shareUrl and exportPng come from the links and the decorated map', async () => {
    const { atlasApi } = api();
    await atlasApi.ready;
    expect(atlasApi.shareUrl()).toBe('http://127.0.0.1:4173/#v=1');
    expect(await atlasApi.exportPng(2)).toBe(`data:image/png;base64,${btoa('png at 2x')}`);
  });
});
