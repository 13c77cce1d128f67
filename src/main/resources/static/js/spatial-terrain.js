// Terrain profile: the district polygons as background (no tile server needed), the selected DEM's extent as a
// dashed frame, clicks add vertices of a line (also editable as WKT), and the profile API's answer as a chart
// (ECharts) and a table.
(function () {
  'use strict';
  var el = document.getElementById('spatial-map');
  if (!el || typeof L === 'undefined') {
    return;
  }
  var d = el.dataset;
  var form = document.getElementById('spatial-profile-form');
  var demSelect = document.getElementById('spatial-dem');
  var stepInput = document.getElementById('spatial-step');
  var lineInput = document.getElementById('spatial-line');
  var status = document.getElementById('spatial-status');
  var table = document.getElementById('spatial-table');
  var chartEl = document.getElementById('spatial-chart');
  var loading = el.querySelector('.org-map-loading');
  if (loading) {
    loading.remove();
  }
  var map = L.map(el, { zoomSnap: 0.25, minZoom: 7, maxZoom: 17 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(d.attribution);
  var points = [];
  var line = L.polyline([], { color: '#b45309', weight: 3 }).addTo(map);
  var markers = L.layerGroup().addTo(map);
  var frame = null;
  var chart = null;

  function say(text) {
    status.textContent = text;
  }

  function wkt() {
    return 'LINESTRING (' + points.map(function (p) {
      return p[0].toFixed(6) + ' ' + p[1].toFixed(6);
    }).join(', ') + ')';
  }

  function redraw() {
    line.setLatLngs(points.map(function (p) { return [p[1], p[0]]; }));
    markers.clearLayers();
    points.forEach(function (p) {
      L.circleMarker([p[1], p[0]], { radius: 4, color: '#b45309' }).addTo(markers);
    });
    lineInput.value = points.length ? wkt() : '';
    say(d.msgPoints.replace('{0}', points.length));
  }

  // The selected DEM's extent (its bounding box in lon/lat) as a dashed frame: profiles must stay inside it.
  function showFrame() {
    if (frame) {
      map.removeLayer(frame);
      frame = null;
    }
    var opt = demSelect.options[demSelect.selectedIndex];
    if (opt && opt.dataset.bbox) {
      var b = opt.dataset.bbox.split(',').map(Number);
      frame = L.rectangle([[b[1], b[0]], [b[3], b[2]]], { color: '#374151', weight: 1, dashArray: '4 4', fill: false })
        .addTo(map);
    }
  }

  fetch(d.districts, { headers: { Accept: 'application/geo+json' } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (fc) {
      var layer = L.geoJSON(fc, { style: { color: '#0b5394', weight: 1, fillColor: '#dbe7f5', fillOpacity: 0.45 } })
        .addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    })
    .catch(function () { map.setView([24.15, 120.9], 9); });

  map.on('click', function (e) {
    points.push([e.latlng.lng, e.latlng.lat]);
    redraw();
  });
  document.getElementById('spatial-clear').addEventListener('click', function () {
    points = [];
    redraw();
    table.hidden = true;
    if (chart) {
      chart.clear();
    }
  });
  demSelect.addEventListener('change', showFrame);
  showFrame();

  function render(rows) {
    var body = table.tBodies[0];
    body.textContent = '';
    rows.forEach(function (p) {
      var tr = document.createElement('tr');
      [p.distance.toFixed(0), p.lon.toFixed(5), p.lat.toFixed(5),
        p.elevation === null ? '—' : p.elevation.toFixed(1)].forEach(function (v) {
        var td = document.createElement('td');
        td.className = 'num';
        td.textContent = v;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.hidden = false;
    if (typeof echarts === 'undefined') {
      return;
    }
    chart = chart || echarts.init(chartEl);
    chart.setOption({
      animation: false,
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: d.msgDistance, nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'value', name: d.msgElevation },
      series: [{ type: 'line', showSymbol: false, areaStyle: { color: '#d6c6a8' }, lineStyle: { color: '#7c5a2a' },
        data: rows.map(function (p) { return [p.distance, p.elevation]; }) }]
    }, true);
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var url = d.dems + '/' + encodeURIComponent(demSelect.value) + '/profile?step=' + encodeURIComponent(stepInput.value)
      + '&line=' + encodeURIComponent(lineInput.value);
    fetch(url, { headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) {
            throw new Error(body.detail || r.status);
          }
          return body;
        });
      })
      .then(function (rows) {
        render(rows);
        say(d.msgPoints.replace('{0}', points.length) + ' ' + rows.length + ' × ' + stepInput.value + ' m');
      })
      .catch(function (err) { say(d.msgError + err.message); });
  });
})();
