// Streams the chosen CSV to the import API with upload progress (the server processes it while it arrives),
// then shows the result or every bad row with its line number.
(function () {
  var form = document.getElementById('cc-import');
  if (!form) { return; }
  var box = document.getElementById('cc-progress-box');
  var bar = document.getElementById('cc-progress');
  var text = document.getElementById('cc-progress-text');
  var result = document.getElementById('cc-result');
  var errors = document.getElementById('cc-errors');
  var rows = document.getElementById('cc-error-rows');
  var en = document.documentElement.lang === 'en';
  var m = form.dataset;

  function cell(tr, value) { var td = document.createElement('td'); td.textContent = value; tr.appendChild(td); }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('cc-file').files[0];
    if (!file) { return; }
    var button = form.querySelector('button');
    button.disabled = true;
    result.className = '';
    result.textContent = '';
    errors.hidden = true;
    rows.textContent = '';
    box.hidden = false;
    bar.value = 0;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', m.endpoint + '?fileName=' + encodeURIComponent(file.name));
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { xhr.setRequestHeader(header.content, token.content); }
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round(e.loaded * 100 / e.total);
        text.textContent = Math.round(e.loaded / 1024) + ' / ' + Math.round(e.total / 1024) + ' KB';
      }
    };
    xhr.upload.onload = function () { bar.removeAttribute('value'); text.textContent = en ? 'Processing…' : '處理中…'; };
    xhr.onload = function () {
      button.disabled = false;
      bar.value = 100;
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = { detail: xhr.responseText }; }
      if (xhr.status === 201) {
        result.className = 'alert alert-ok';
        result.textContent = (en ? 'Imported ' : '匯入完成：') + file.name + ' · ' + m.msgRead + ' ' + body.rowsRead.toLocaleString()
          + ' · ' + m.msgAdded + ' ' + body.rowsAdded.toLocaleString() + ' · ' + m.msgDuplicate + ' ' + body.rowsDuplicate.toLocaleString()
          + ' (' + (body.millis / 1000).toFixed(1) + ' s)';
        text.textContent = '';
      } else {
        result.className = 'alert alert-error';
        result.textContent = (body.title ? body.title + '：' : '') + (body.detail || xhr.status);
        (body.errors || []).forEach(function (x) {
          var tr = document.createElement('tr');
          cell(tr, x.line === undefined ? '' : x.line);
          cell(tr, x.field || '');
          cell(tr, x.message || '');
          rows.appendChild(tr);
        });
        errors.hidden = !(body.errors && body.errors.length);
        text.textContent = '';
      }
    };
    xhr.onerror = function () {
      button.disabled = false;
      result.className = 'alert alert-error';
      result.textContent = en ? 'The upload failed; nothing was imported.' : '上傳失敗，未匯入任何資料。';
    };
    xhr.send(file);
  });
})();
