// Supervisor dashboard map: district outlines as the base (no tile server), reports clustered on a grid by the
// server (cell size follows the zoom), circles sized by count, red where some cases are still open.
(function () {
  'use strict';
  var el = document.getElementById('cases-map');
  if (!el || typeof L === 'undefined') {
    return;
  }
  var d = el.dataset;
  var map = L.map(el, { zoomSnap: 0.5, minZoom: 8, maxZoom: 17 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('內政部國土測繪中心 行政區界');
  var layer = L.layerGroup().addTo(map);

  fetch(d.districts, { headers: { Accept: 'application/geo+json' } })
    .then(function (r) { return r.json(); })
    .then(function (fc) {
      var base = L.geoJSON(fc, { style: { color: '#0b5394', weight: 1, fillColor: '#dbe7f5', fillOpacity: 0.45 }, interactive: false }).addTo(map);
      map.fitBounds(base.getBounds(), { padding: [8, 8] });
    });

  function cellFor(zoom) {
    if (zoom >= 15) { return 0.001; }
    if (zoom >= 13) { return 0.004; }
    if (zoom >= 11) { return 0.01; }
    return 0.03;
  }

  function draw() {
    var b = map.getBounds();
    var q = '?cell=' + cellFor(map.getZoom()) + '&bbox=' + [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (x) { return x.toFixed(5); }).join(',');
    if (d.year) { q += '&year=' + encodeURIComponent(d.year); }
    if (d.category) { q += '&category=' + encodeURIComponent(d.category); }
    fetch(d.clusters + q, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (cells) {
        layer.clearLayers();
        var max = cells.reduce(function (m, c) { return Math.max(m, c.count); }, 1);
        cells.forEach(function (c) {
          var radius = 4 + 22 * Math.sqrt(c.count / max);
          L.circleMarker([c.lat, c.lon], {
            radius: radius, weight: 1, color: c.open > 0 ? '#a61b1b' : '#1f6f43',
            fillColor: c.open > 0 ? '#e06666' : '#6aa84f', fillOpacity: 0.6
          }).bindTooltip(c.count + ' 件' + (c.open > 0 ? '（未結 ' + c.open + '）' : '')).addTo(layer);
        });
      });
  }
  map.on('moveend', draw);
  map.whenReady(function () { setTimeout(draw, 300); });
})();
