import type * as Leaflet from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import markerIcon from 'leaflet/dist/images/marker-icon.png';
import markerIcon2x from 'leaflet/dist/images/marker-icon-2x.png';
import markerShadow from 'leaflet/dist/images/marker-shadow.png';
import type { MapGroup } from './points';
import type { TileConfig } from './tiles';

type LeafletModule = typeof Leaflet;

declare global {
  interface Window {
    L?: LeafletModule;
  }
}

export interface GroupMapOptions {
  groups: MapGroup[];
  tiles: TileConfig | null;
  /** The slug of a group to centre on and open. */
  selected: string | null;
  groupHref: (slug: string) => string;
  /** The second line of a popup: kind, city and country in the reader's language. */
  details: (group: MapGroup) => string[];
  clusterLabel: (count: number) => string;
  text: { zoomIn: string; zoomOut: string; close: string };
  /** The page's direction: the controls sit at the side a reader of it starts from. */
  dir: 'ltr' | 'rtl';
  /** Called once every marker is on the map (they are added in chunks). */
  onReady: () => void;
}

export interface GroupMap {
  destroy(): void;
}

/** Leaflet, with leaflet.markercluster added to it. Both are loaded only on the map page, in the browser. */
async function loadLeaflet(): Promise<LeafletModule> {
  const module = (await import('leaflet')) as LeafletModule & { default?: LeafletModule };
  // Leaflet is CommonJS: its default export is the mutable `L` that plugins extend.
  const L = module.default ?? module;
  // leaflet.markercluster is a UMD bundle that extends the global `L` when it runs.
  window.L = L;
  await import('leaflet.markercluster');
  return L;
}

function popupContent(group: MapGroup, options: GroupMapOptions): HTMLElement {
  const root = document.createElement('div');
  root.className = 'map-popup';
  const title = document.createElement('p');
  title.className = 'map-popup-title';
  const link = document.createElement('a');
  link.href = options.groupHref(group.slug);
  // A group's name keeps its own direction whatever the page's.
  link.dir = 'auto';
  link.textContent = group.name;
  title.append(link);
  root.append(title);
  for (const line of options.details(group)) {
    const p = document.createElement('p');
    p.textContent = line;
    root.append(p);
  }
  return root;
}

/** Draws every group on a clustered Leaflet map inside `container`. */
export async function createGroupMap(container: HTMLElement, options: GroupMapOptions): Promise<GroupMap> {
  const L = await loadLeaflet();
  const map = L.map(container, { maxZoom: 18, minZoom: 1, worldCopyJump: true, zoomControl: false, attributionControl: false });
  const rtl = options.dir === 'rtl';
  L.control.zoom({ position: rtl ? 'topright' : 'topleft', zoomInTitle: options.text.zoomIn, zoomOutTitle: options.text.zoomOut }).addTo(map);
  const attribution = L.control.attribution({ position: rtl ? 'bottomleft' : 'bottomright' }).addTo(map);
  // The tile server's credit is in its own language, whatever the page's.
  attribution.getContainer()?.setAttribute('dir', 'auto');
  if (options.tiles) {
    L.tileLayer(options.tiles.url, { attribution: options.tiles.attribution, maxZoom: 18 }).addTo(map);
  }
  map.setView([20, 0], 2);

  // The close button of a popup is labelled in English by Leaflet.
  map.on('popupopen', (event) => {
    event.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', options.text.close);
  });

  const icon = L.icon({
    iconUrl: markerIcon,
    iconRetinaUrl: markerIcon2x,
    shadowUrl: markerShadow,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    shadowSize: [41, 41],
  });

  // A cluster's icon is a keyboard button: its name says how many groups it holds.
  const ClusterIcon = L.DivIcon.extend({
    createIcon(this: Leaflet.DivIcon & { options: { label: string } }, old?: HTMLElement) {
      const element = L.DivIcon.prototype.createIcon.call(this, old);
      element.setAttribute('aria-label', this.options.label);
      return element;
    },
  }) as unknown as new (options: Leaflet.DivIconOptions & { label: string }) => Leaflet.DivIcon;

  const bySlug = new Map<string, Leaflet.Marker>();
  const markers = options.groups.map((group) => {
    // `keyboard: true` makes each marker a focusable button; its `alt` names the group.
    const marker = L.marker([group.lat, group.lng], { icon, keyboard: true, alt: group.name, title: group.name });
    marker.bindPopup(() => popupContent(group, options));
    bySlug.set(group.slug, marker);
    return marker;
  });

  const ready = () => {
    const selected = options.selected ? bySlug.get(options.selected) : undefined;
    if (selected) {
      clusters.zoomToShowLayer(selected, () => selected.openPopup());
    } else if (markers.length) {
      map.fitBounds(clusters.getBounds(), { padding: [24, 24], maxZoom: 10 });
    }
    options.onReady();
  };

  const clusters = L.markerClusterGroup({
    // Markers are added a few hundred at a time between frames, so 10,000 groups do not freeze the page.
    chunkedLoading: true,
    chunkProgress(processed, total) {
      // Called before the last chunk's clusters are laid out: act once that is done.
      if (processed === total) queueMicrotask(ready);
    },
    showCoverageOnHover: false,
    iconCreateFunction(cluster) {
      const count = cluster.getChildCount();
      const size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
      const span = document.createElement('span');
      span.textContent = new Intl.NumberFormat(document.documentElement.lang || undefined).format(count);
      const html = document.createElement('div');
      html.append(span);
      return new ClusterIcon({ html, className: `marker-cluster marker-cluster-${size}`, iconSize: L.point(40, 40), label: options.clusterLabel(count) });
    },
  });
  map.addLayer(clusters);
  if (markers.length) clusters.addLayers(markers, true);
  else options.onReady();

  return {
    destroy() {
      map.remove();
    },
  };
}
