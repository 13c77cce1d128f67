// The plan editor: reads the form into one plan document, PUTs it, and marks each field the server refuses.
(function () {
  var form = document.getElementById('plan-editor');
  if (!form) { return; }
  var result = document.getElementById('editor-result');

  function value(el) {
    var v = el.value;
    switch (el.dataset.type) {
      case 'number': return v.trim() === '' ? null : Number(v.replace(/,/g, ''));
      case 'int': case 'long': return v.trim() === '' ? null : parseInt(v, 10);
      case 'lines': return v.split(/\r?\n/).map(function (s) { return s.trim(); }).filter(function (s) { return s; });
      default: return v.trim() === '' ? null : v.trim();
    }
  }
  function fields(scope, selectorToSkip) {
    var o = {};
    scope.querySelectorAll('[data-field]').forEach(function (el) {
      if (selectorToSkip && el.closest(selectorToSkip) && el.closest(selectorToSkip) !== scope) { return; }
      o[el.dataset.field] = value(el);
    });
    return o;
  }
  function collect() {
    var doc = { year: Number(form.dataset.year), goals: [], programs: [] };
    form.querySelectorAll(':scope > .card:not(.goal) [data-field]').forEach(function (el) { doc[el.dataset.field] = value(el); });
    form.querySelectorAll('fieldset.goal').forEach(function (fs) {
      var g = {};
      fs.querySelectorAll(':scope > .toolbar [data-field]').forEach(function (el) { g[el.dataset.field] = value(el); });
      g.indicators = [];
      fs.querySelectorAll('tr.ind').forEach(function (tr) { g.indicators.push(fields(tr)); });
      doc.goals.push(g);
    });
    form.querySelectorAll('tr.program').forEach(function (tr) {
      var p = fields(tr);
      if (!p.items) { p.items = []; }
      doc.programs.push(p);
    });
    return doc;
  }
  function elementFor(path) {
    var m = /^goals\[(\d+)\](?:\.indicators\[(\d+)\])?\.(\w+)$/.exec(path);
    if (m) {
      var fs = form.querySelectorAll('fieldset.goal')[Number(m[1])];
      if (!fs) { return null; }
      var scope = m[2] !== undefined ? fs.querySelectorAll('tr.ind')[Number(m[2])] : fs.querySelector(':scope > .toolbar');
      return scope ? scope.querySelector('[data-field="' + m[3] + '"]') : null;
    }
    m = /^programs\[(\d+)\]\.(\w+)$/.exec(path);
    if (m) {
      var tr = form.querySelectorAll('tr.program')[Number(m[1])];
      return tr ? tr.querySelector('[data-field="' + m[2] + '"]') : null;
    }
    return form.querySelector('[data-field="' + path + '"]');
  }
  function clearErrors() {
    form.querySelectorAll('.inline-error').forEach(function (e) { e.remove(); });
    form.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
  }
  function showErrors(errors) {
    errors.forEach(function (err) {
      var el = elementFor(err.field);
      var msg = document.createElement('div');
      msg.className = 'field-error inline-error';
      msg.textContent = err.message;
      if (el) { el.setAttribute('aria-invalid', 'true'); el.insertAdjacentElement('afterend', msg); }
      else { result.appendChild(msg); }
    });
  }
  form.addEventListener('click', function (e) {
    var action = e.target.dataset && e.target.dataset.action;
    if (!action) { return; }
    if (action === 'remove-row') { e.target.closest('tr').remove(); }
    if (action === 'add-indicator') {
      var rows = e.target.closest('fieldset').querySelectorAll('tr.ind');
      var copy = rows[rows.length - 1].cloneNode(true);
      copy.querySelectorAll('input').forEach(function (i) { i.value = ''; });
      rows[rows.length - 1].after(copy);
    }
    if (action === 'add-program') {
      var progs = form.querySelectorAll('tr.program');
      var p = progs[progs.length - 1].cloneNode(true);
      p.querySelectorAll('input, textarea').forEach(function (i) { i.value = ''; });
      progs[progs.length - 1].after(p);
    }
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearErrors();
    result.textContent = '';
    var token = document.querySelector('meta[name="_csrf"]'), header = document.querySelector('meta[name="_csrf_header"]');
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' };
    if (token && header) { headers[header.content] = token.content; }
    fetch('/api/plans/' + form.dataset.year, { method: 'PUT', headers: headers, body: JSON.stringify(collect()), credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        var p = document.createElement('p');
        p.className = 'alert ' + (res.ok ? 'alert-ok' : 'alert-error');
        p.textContent = res.ok ? form.dataset.saved : form.dataset.failed + ' ' + (res.body.detail || '');
        result.appendChild(p);
        if (!res.ok && res.body.errors) { showErrors(res.body.errors); }
        result.scrollIntoView();
      });
  });
})();
