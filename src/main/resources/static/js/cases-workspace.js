// 1999 workspace: keyboard-only intake. Ctrl+Enter takes the case; the caller's earlier cases appear once the
// phone number is typed; the knowledge base is searched as the agent types (Enter on an answer copies it into
// "answer now"); possible duplicates (same category within 50 m and 14 days, similar text) are shown before dispatch.
(function () {
  'use strict';
  var form = document.getElementById('intake');
  if (!form) {
    return;
  }
  var d = form.dataset;

  function $(id) { return document.getElementById(id); }

  function debounce(fn, ms) {
    var t = null;
    return function () {
      clearTimeout(t);
      t = setTimeout(fn, ms);
    };
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
  }

  function item(list, text, href, onEnter) {
    var li = document.createElement('li');
    if (href) {
      var a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      li.appendChild(a);
    } else {
      li.textContent = text;
    }
    if (onEnter) {
      li.tabIndex = 0;
      li.addEventListener('keydown', function (e) {
        if (e.key === 'Enter') {
          e.preventDefault();
          onEnter();
        }
      });
      li.addEventListener('dblclick', onEnter);
    }
    list.appendChild(li);
    return li;
  }

  function clear(list) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
  }

  // Alt+letter jumps to a field (the same in every browser, unlike accesskey)
  var jumps = { p: 'phone', c: 'category', d: 'description', k: 'kb-q', r: 'reply' };
  document.addEventListener('keydown', function (e) {
    var letter = e.code && e.code.indexOf('Key') === 0 ? e.code.substring(3).toLowerCase() : (e.key || '').toLowerCase();
    if (e.altKey && !e.ctrlKey && jumps[letter] && $(jumps[letter])) {
      e.preventDefault();
      $(jumps[letter]).focus();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      if (form.reportValidity()) {
        form.submit();
      }
    }
  });

  var callerList = $('caller-cases');
  var phone = $('phone');
  if (callerList && phone) {
    phone.addEventListener('input', debounce(function () {
      var digits = phone.value.replace(/[^0-9]/g, '');
      if (digits.length < 8) {
        return;
      }
      getJson(d.caller + encodeURIComponent(digits)).then(function (cases) {
        clear(callerList);
        if (!cases.length) {
          item(callerList, '—');
          return;
        }
        if (cases[0].citizen && cases[0].citizen.name && !$('name').value) {
          $('name').value = cases[0].citizen.name;
        }
        cases.forEach(function (c) {
          item(callerList, c.caseNo + ' · ' + c.categoryName + ' · ' + c.status + ' · ' + c.description.slice(0, 40),
            d['case'] + c.caseNo, function () { $('relatedCaseNo').value = c.caseNo; });
        });
      }).catch(function () { /* a failed lookup leaves the list as it was */ });
    }, 300));
  }

  var kbForm = $('kb-search');
  var kbInput = $('kb-q');
  var kbList = $('kb-results');
  if (kbForm && kbInput && kbList) {
    var search = function () {
      var q = kbInput.value.trim();
      if (!q) {
        clear(kbList);
        return;
      }
      getJson(kbForm.dataset.api + '?q=' + encodeURIComponent(q)).then(function (faqs) {
        clear(kbList);
        faqs.forEach(function (f) {
          var li = item(kbList, '', null, function () {
            $('reply').value = f.answer;
            $('reply').focus();
          });
          var strong = document.createElement('strong');
          strong.textContent = f.question;
          var p = document.createElement('p');
          p.textContent = f.answer + '（' + f.agencyName + '）';
          li.appendChild(strong);
          li.appendChild(p);
        });
        if (!faqs.length) {
          item(kbList, '—');
        }
      }).catch(function () { /* keep the previous answers */ });
    };
    kbInput.addEventListener('input', debounce(search, 250));
    kbForm.addEventListener('submit', function (e) {
      e.preventDefault();
      search();
      var first = kbList.querySelector('li[tabindex]');
      if (first) {
        first.focus();
      }
    });
  }

  // Optional for mouse users: a click on the map fills longitude and latitude and says the district and village.
  var pick = $('pick-details');
  var pickMap = null;
  if (pick && typeof L !== 'undefined') {
    pick.addEventListener('toggle', function () {
      if (!pick.open || pickMap) {
        return;
      }
      var el = $('pick-map');
      pickMap = L.map(el, { zoomSnap: 0.5, minZoom: 8, maxZoom: 18 });
      pickMap.attributionControl.setPrefix(false);
      var marker = null;
      fetch(el.dataset.districts, { headers: { Accept: 'application/geo+json' } })
        .then(function (r) { return r.json(); })
        .then(function (fc) {
          var base = L.geoJSON(fc, { style: { color: '#0b5394', weight: 1, fillColor: '#dbe7f5', fillOpacity: 0.4 } }).addTo(pickMap);
          pickMap.fitBounds(base.getBounds());
        });
      pickMap.on('click', function (e) {
        var lon = e.latlng.lng.toFixed(6);
        var lat = e.latlng.lat.toFixed(6);
        $('lon').value = lon;
        $('lat').value = lat;
        if (marker) {
          marker.setLatLng(e.latlng);
        } else {
          marker = L.marker(e.latlng).addTo(pickMap);
        }
        fetch(el.dataset.locate + '?lon=' + lon + '&lat=' + lat, { headers: { Accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (p) { $('pick-place').textContent = p ? p.districtName + ' ' + p.villageName : '—'; });
        $('lon').dispatchEvent(new Event('change'));
      });
    });
  }

  var dupList = $('dup-cases');
  if (dupList) {
    var check = debounce(function () {
      var category = $('category').value;
      var text = $('description').value.trim();
      var lon = $('lon').value.trim();
      var lat = $('lat').value.trim();
      if (!category && !text) {
        return;
      }
      var q = '?category=' + encodeURIComponent(category) + '&text=' + encodeURIComponent(text);
      if (lon && lat) {
        q += '&lon=' + encodeURIComponent(lon) + '&lat=' + encodeURIComponent(lat);
      }
      getJson(d.duplicates + q).then(function (r) {
        clear(dupList);
        var all = r.nearby.concat(r.similar);
        all.forEach(function (c) {
          var why = c.metres !== null && c.metres !== undefined ? c.metres + ' m' : '≈';
          item(dupList, c.caseNo + ' · ' + why + ' · ' + c.category + ' · ' + c.description, d['case'] + c.caseNo,
            function () { $('duplicateOf').value = c.caseNo; $('duplicateOf').focus(); });
        });
        if (!all.length) {
          item(dupList, '—');
        }
      }).catch(function () { /* no hints is not an error */ });
    }, 400);
    ['category', 'description', 'lon', 'lat'].forEach(function (id) {
      $(id).addEventListener('input', check);
      $(id).addEventListener('change', check);
    });
  }
})();
