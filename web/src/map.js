// The map: an offline basemap of countries (Natural Earth via world-atlas),
// online tiles only when the page is opened with ?tiles=URL; events with
// coordinates as clustered markers. `select(id)` marks the event's marker
// and brings it into view.
/* global L, topojson */
import { dateText } from './dom.js';
export class EventMap {
  constructor(element, colour, onSelect) {
    this.colour = colour;
    this.onSelect = onSelect;
    this.map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([30, 10], 2);
    const tiles = new URLSearchParams(location.search).get('tiles');
    if (tiles) L.tileLayer(tiles, { maxZoom: 18 }).addTo(this.map);
    fetch('vendor/countries-110m.json').then((r) => r.json()).then((world) => {
      L.geoJSON(topojson.feature(world, world.objects.countries), {
        style: { color: '#8a8f98', weight: 0.6, fillColor: '#eef0f3', fillOpacity: 1 },
        interactive: false,
      }).addTo(this.map).bringToBack();
      this.map.attributionControl.addAttribution('Natural Earth');
    });
    this.cluster = L.markerClusterGroup({ showCoverageOnHover: false }).addTo(this.map);
    this.markers = new Map();
  }

  setEvents(events) {
    this.cluster.clearLayers();
    this.markers.clear();
    const placed = events.filter((e) => e.location && typeof e.location.lat === 'number');
    for (const e of placed) {
      const m = L.circleMarker([e.location.lat, e.location.lon], {
        radius: 7, color: '#222', weight: 1, fillColor: this.colour(e.type), fillOpacity: 0.9,
      });
      m.bindTooltip(`${dateText(e.date)} ${e.type} in ${e.location.name}`);
      m.on('click', () => this.onSelect(e.id));
      this.markers.set(e.id, m);
      this.cluster.addLayer(m);
    }
    if (placed.length) this.map.fitBounds(this.cluster.getBounds(), { maxZoom: 6, padding: [20, 20] });
  }

  select(id) {
    for (const [other, m] of this.markers) m.setStyle({ weight: other === id ? 4 : 1, color: other === id ? '#000' : '#222' });
    const m = this.markers.get(id);
    if (!m) return;
    // Shown on its own: say which; inside a cluster: zoom towards it.
    if (this.cluster.getVisibleParent(m) === m) m.openTooltip();
    else this.map.setView(m.getLatLng(), Math.max(this.map.getZoom() + 2, 5));
  }
}
