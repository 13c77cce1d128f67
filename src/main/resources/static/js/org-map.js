// District map: the district polygons on a plain background (no tile server needed offline),
// their names as labels, a click anywhere answers "which district and village is this", and the
// villages of that district are drawn. Data comes from the GeoJSON and locate APIs.
(function () {
  'use strict';
  var el = document.getElementById('org-map');
  if (!el || typeof L === 'undefined') {
    return;
  }
  var d = el.dataset;
  var english = d.lang === 'en';
  var answer = document.getElementById('org-map-answer');
  var districtSelect = document.getElementById('org-map-district');
  var loading = el.querySelector('.org-map-loading');
  if (loading) {
    loading.remove();
  }

  var map = L.map(el, { zoomSnap: 0.25, minZoom: 8, maxZoom: 17, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(d.attribution);
  var marker = null;
  var villageLayer = null;
  var villagesOf = null;
  var districtLayer = null;

  function name(props) {
    return english && props.nameEn ? props.nameEn : props.name;
  }

  // On the map "Xitun" says enough; "Xitun District" on every district would cover the small downtown districts.
  function shortName(props) {
    return english && props.nameEn ? props.nameEn.replace(/ District$/, '') : props.name;
  }

  function say(text) {
    answer.textContent = text;
  }

  function label(text, cls) {
    var span = document.createElement('span');
    span.textContent = text;
    span.className = cls;
    return span;
  }

  fetch(d.districts, { headers: { Accept: 'application/geo+json' } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (fc) {
      districtLayer = L.geoJSON(fc, {
        style: { color: '#0b5394', weight: 1.5, fillColor: '#dbe7f5', fillOpacity: 0.55 },
        onEachFeature: function (f, layer) {
          layer.on('mouseover', function () { layer.setStyle({ fillColor: '#b9d0ec' }); });
          layer.on('mouseout', function () { districtLayer.resetStyle(layer); });
        }
      }).addTo(map);
      map.fitBounds(districtLayer.getBounds(), { padding: [8, 8] });
      fc.features.forEach(function (f) {
        L.tooltip([f.properties.labelLat, f.properties.labelLon], {
          content: label(shortName(f.properties), 'org-map-name'),
          permanent: true, direction: 'center', className: 'org-map-label', interactive: false
        }).addTo(map);
      });
    })
    .catch(function () { say(d.msgError); });

  function showVillages(code) {
    if (!code || code === villagesOf) {
      return;
    }
    villagesOf = code;
    fetch(d.geo + '/districts/' + encodeURIComponent(code) + '/villages.geojson')
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (fc) {
        if (villageLayer) {
          map.removeLayer(villageLayer);
        }
        villageLayer = L.geoJSON(fc, {
          style: { color: '#7a3e00', weight: 1, dashArray: '3 3', fillColor: '#fff3d6', fillOpacity: 0.35 },
          onEachFeature: function (f, layer) {
            layer.bindTooltip(label(name(f.properties), 'org-map-village'), { sticky: true });
          }
        }).addTo(map);
        if (districtSelect) {
          districtSelect.value = code;
        }
      })
      .catch(function () { villagesOf = null; say(d.msgError); });
  }

  function locate(lat, lon, zoomTo) {
    if (marker) {
      map.removeLayer(marker);
    }
    marker = L.circleMarker([lat, lon], { radius: 6, color: '#a3201b', weight: 2, fillOpacity: 0.9 }).addTo(map);
    if (zoomTo) {
      map.setView([lat, lon], Math.max(map.getZoom(), 13));
    }
    var url = d.locate + '?lon=' + encodeURIComponent(lon) + '&lat=' + encodeURIComponent(lat);
    fetch(url, { headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (r.status === 404) {
          say(d.msgOutside);
          return null;
        }
        if (!r.ok) {
          throw new Error(r.status);
        }
        return r.json();
      })
      .then(function (place) {
        if (!place) {
          return;
        }
        say(d.msgInside.replace('{district}', place.districtName).replace('{village}', place.villageName)
          + ' (' + lon.toFixed(5) + ', ' + lat.toFixed(5) + ')');
        showVillages(place.districtCode);
      })
      .catch(function () { say(d.msgError); });
  }

  map.on('click', function (e) {
    locate(e.latlng.lat, e.latlng.lng, false);
  });

  var form = document.getElementById('org-map-lookup');
  if (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var lon = parseFloat(form.elements.lon.value);
      var lat = parseFloat(form.elements.lat.value);
      if (isFinite(lon) && isFinite(lat)) {
        locate(lat, lon, true);
      }
    });
  }
  if (districtSelect) {
    districtSelect.addEventListener('change', function () {
      showVillages(districtSelect.value);
    });
  }
}());
