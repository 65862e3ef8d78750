import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './components/atlas-app.ts';

// Under Vite the worker must be named before the first map is created, or MapLibre fails to start it.
setWorkerUrl(workerUrl);
