import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './components/atlas-app.ts';

// Under Vite the worker must be named before the first map is created, or MapLibre fails to start it.
setWorkerUrl(workerUrl);

// The indicator index.html shows from the first paint stays until the map and its data are in, or says why not.
const startup = document.getElementById('startup');
window.atlas?.ready.then(
  () => {
    startup?.remove();
    registerOfflineCache();
  },
  (error: unknown) => {
    if (!startup) return;
    startup.classList.add('failed');
    startup.setAttribute('role', 'alert');
    startup.textContent = `地图集未能启动 · The atlas did not start: ${error instanceof Error ? error.message : String(error)}`;
  },
);

/**
 * The built atlas keeps itself and its data for use offline (src/offline/service-worker.ts), registered once the
 * first start is done so that its downloads do not slow the start. A browser that blocks storage refuses it: the
 * atlas then simply needs the network next time.
 */
function registerOfflineCache(): void {
  if (!import.meta.env.PROD) return;
  try {
    void navigator.serviceWorker?.register('./service-worker.js').catch(() => undefined);
  } catch {
    // navigator.serviceWorker itself throws where storage is blocked.
  }
}
