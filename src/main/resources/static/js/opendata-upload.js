// Upload with a progress bar: the file goes as the raw body to the REST API, which creates the resource only when the whole
// file has arrived and passed the blocking checks; its problems are listed here by line.
(function () {
  var section = document.getElementById('upload');
  var form = document.getElementById('upload-form');
  if (!section || !form) { return; }
  var bar = document.getElementById('upload-progress');
  var out = document.getElementById('upload-result');
  var tokenMeta = document.querySelector('meta[name="_csrf"]');
  var headerMeta = document.querySelector('meta[name="_csrf_header"]');

  function show(kind, lines) {
    out.className = 'alert ' + (kind === 'ok' ? 'alert-ok' : 'alert-error');
    out.textContent = '';
    var ul = document.createElement('ul');
    lines.forEach(function (l) { var li = document.createElement('li'); li.textContent = l; ul.appendChild(li); });
    out.appendChild(ul);
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var file = document.getElementById('upload-file').files[0];
    if (!file) { show('error', ['請選擇檔案 / Choose a file']); return; }
    var url = section.getAttribute('data-upload-url') + '?filename=' + encodeURIComponent(file.name)
      + '&title=' + encodeURIComponent(document.getElementById('upload-title').value)
      + '&format=' + encodeURIComponent(document.getElementById('upload-format').value);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    if (tokenMeta && headerMeta) { xhr.setRequestHeader(headerMeta.content, tokenMeta.content); }
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', function (ev) {
      if (ev.lengthComputable) { bar.value = Math.round(ev.loaded * 100 / ev.total); }
    });
    xhr.addEventListener('load', function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = {}; }
      if (xhr.status === 201) {
        bar.value = 100;
        var checks = (body.quality_report && body.quality_report.checks) || [];
        show('ok', ['已建立資源 / Resource created: ' + body.name + ' (' + body.quality_level + ')'].concat(
          checks.filter(function (c) { return c.status === 'warn' || c.status === 'fail'; })
            .map(function (c) { return c.title + '：' + c.message; })));
        setTimeout(function () { window.location.reload(); }, 1500);
      } else {
        bar.value = 0;
        var errors = (body.errors || []).map(function (x) { return x.message; });
        show('error', errors.length ? errors : [body.detail || ('HTTP ' + xhr.status)]);
      }
    });
    xhr.addEventListener('error', function () {
      bar.value = 0;
      show('error', ['上傳中斷，未建立任何資源 / The upload broke off; nothing was created']);
    });
    xhr.send(file);
  });
})();
