// Portfolio map: district outlines from the geo API as the base (no tile server), projects as points
// coloured by their warning light; a click opens the project.
(function () {
  'use strict';
  var el = document.getElementById('projects-map');
  if (!el || typeof L === 'undefined') {
    return;
  }
  var d = el.dataset;
  var colours = { GREEN: '#2e7d32', YELLOW: '#f9a825', RED: '#c62828', NONE: '#9e9e9e' };
  var map = L.map(el, { zoomSnap: 0.25, minZoom: 8, maxZoom: 17 });
  map.attributionControl.setPrefix(false);
  fetch(d.districts, { headers: { Accept: 'application/geo+json' } })
    .then(function (r) { return r.json(); })
    .then(function (fc) {
      var base = L.geoJSON(fc, { style: { color: '#0b5394', weight: 1, fillColor: '#eef3f9', fillOpacity: 0.6 } }).addTo(map);
      map.fitBounds(base.getBounds(), { padding: [6, 6] });
      return fetch(d.points, { headers: { Accept: 'application/geo+json' } });
    })
    .then(function (r) { return r.json(); })
    .then(function (fc) {
      L.geoJSON(fc, {
        // roads, pipes and drains are drawn as their route, in the colour of their light
        style: function (f) {
          return { color: f.properties.status === 'CLOSED' ? '#777' : colours[f.properties.light] || '#9e9e9e', weight: 5, opacity: 0.85 };
        },
        pointToLayer: function (f, latlng) {
          var light = f.properties.light;
          var closed = f.properties.status === 'CLOSED';
          return L.circleMarker(latlng, {
            radius: light === 'RED' ? 7 : 5, color: '#333', weight: 1,
            fillColor: closed ? '#ffffff' : colours[light] || '#9e9e9e', fillOpacity: 0.9
          });
        },
        onEachFeature: function (f, layer) {
          var span = document.createElement('span');
          span.textContent = f.properties.code + ' ' + f.properties.name + ' (' + f.properties.light + ')';
          layer.bindTooltip(span);
          layer.on('click', function () { window.location.href = f.properties.url; });
        }
      }).addTo(map);
    })
    .catch(function () { el.setAttribute('data-error', 'true'); });
}());
