// The directory's optional map: a progressive enhancement over the list of results or places.
// Loaded only when the site has a tile server (settings.MAP_TILE_URL), after Leaflet
// (vendor/leaflet/leaflet.js, a classic deferred script that defines window.L). Everything the
// map shows is in the list too, so if anything here fails the page simply has no map.
//
// Markup: <div class="app-map" data-app-map data-points="ID" data-tile-url="…" data-attribution="…"
// hidden> plus <script id="ID" type="application/json">[{name, url, lat, lng, detail}]</script>
// written by Django's json_script. No inline script or style, so the CSP stays strict.

function readPoints(container) {
  const source = document.getElementById(container.dataset.points || "");
  if (!source) {
    return [];
  }
  try {
    const points = JSON.parse(source.textContent);
    return Array.isArray(points)
      ? points.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lng))
      : [];
  } catch {
    return [];
  }
}

// Popups are built from DOM nodes and textContent: service names come from editors and imports,
// and must never be read as HTML.
function popupContent(point) {
  const wrapper = document.createElement("div");
  const link = document.createElement("a");
  link.className = "govuk-link";
  link.href = point.url;
  link.textContent = point.name;
  wrapper.append(link);
  if (point.detail) {
    const detail = document.createElement("p");
    detail.className = "govuk-body-s govuk-!-margin-0";
    detail.textContent = point.detail;
    wrapper.append(detail);
  }
  return wrapper;
}

function initMap(container) {
  const L = window.L;
  const points = readPoints(container);
  const tileUrl = container.dataset.tileUrl;
  if (!L || !tileUrl || points.length === 0) {
    return;
  }
  // Shown before Leaflet measures the container, which it needs to have a size.
  container.hidden = false;
  // The zoom buttons' names come translated from the page; Leaflet's own are English only.
  const map = L.map(container, { scrollWheelZoom: false, zoomControl: false });
  L.control
    .zoom({
      zoomInTitle: container.dataset.zoomIn || "Zoom in",
      zoomOutTitle: container.dataset.zoomOut || "Zoom out",
    })
    .addTo(map);
  L.tileLayer(tileUrl, {
    attribution: container.dataset.attribution || "",
    maxZoom: 19,
  }).addTo(map);
  const markers = points.map((point) =>
    L.marker([point.lat, point.lng], { title: point.name, alt: point.name })
      .bindPopup(popupContent(point))
      .addTo(map),
  );
  if (markers.length === 1) {
    map.setView(markers[0].getLatLng(), 15);
  } else {
    map.fitBounds(L.featureGroup(markers).getBounds(), { padding: [24, 24], maxZoom: 15 });
  }
}

function initAll() {
  for (const container of document.querySelectorAll("[data-app-map]")) {
    try {
      initMap(container);
    } catch (error) {
      container.hidden = true;
      console.warn("The map could not be shown", error);
    }
  }
}

// Module scripts run after deferred classic scripts, so Leaflet is already loaded here.
initAll();
