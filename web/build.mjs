// Builds the web page into OUT: the page's own files from src/ and the files
// it uses from the pinned npm packages (no bundler, no network at run time).
//   node web/build.mjs OUT
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node web/build.mjs OUT');
  process.exit(2);
}
const modules = join(here, 'node_modules');
const vendor = {
  'd3/dist/d3.min.js': 'vendor/d3.min.js',
  'leaflet/dist/leaflet.js': 'vendor/leaflet/leaflet.js',
  'leaflet/dist/leaflet.css': 'vendor/leaflet/leaflet.css',
  'leaflet/dist/images': 'vendor/leaflet/images',
  'leaflet.markercluster/dist/leaflet.markercluster.js': 'vendor/markercluster/leaflet.markercluster.js',
  'leaflet.markercluster/dist/MarkerCluster.css': 'vendor/markercluster/MarkerCluster.css',
  'leaflet.markercluster/dist/MarkerCluster.Default.css': 'vendor/markercluster/MarkerCluster.Default.css',
  'topojson-client/dist/topojson-client.min.js': 'vendor/topojson-client.min.js',
  'world-atlas/countries-110m.json': 'vendor/countries-110m.json',
};
mkdirSync(out, { recursive: true });
for (const [from, to] of Object.entries(vendor)) {
  mkdirSync(dirname(join(out, to)), { recursive: true });
  cpSync(join(modules, from), join(out, to), { recursive: true });
}
for (const f of readdirSync(join(here, 'src'))) cpSync(join(here, 'src', f), join(out, f), { recursive: true });
console.log(`web page built in ${out}`);
