// The on-time closure rate by month for the scope on the page, against the target, from the JSON API.
(function () {
  var el = document.getElementById('chart-trend');
  if (!el || !window.echarts) { return; }
  var en = document.documentElement.lang === 'en';
  var d = el.dataset;
  var q = '?year=' + encodeURIComponent(d.year) + (d.agency ? '&agency=' + encodeURIComponent(d.agency) : '') +
    (d.unit ? '&unit=' + encodeURIComponent(d.unit) : '');
  fetch('/api/documents/timeliness' + q, { headers: { Accept: 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (s) {
      var labels = s.months.map(function (m) { return m.month + (en ? '' : '月'); });
      var rates = s.months.map(function (m) { return m.closed ? Math.round(m.onTime * 10000 / m.closed) / 100 : null; });
      var closed = s.months.map(function (m) { return m.closed; });
      var target = Number(d.target);
      var chart = echarts.init(el);
      chart.setOption({
        tooltip: { trigger: 'axis' }, legend: { top: 0, left: 'center' },
        grid: { left: 60, right: 70, top: 56, bottom: 30 },
        xAxis: { type: 'category', data: labels },
        yAxis: [{ type: 'value', name: '%', min: function (v) { return Math.max(0, Math.floor(Math.min(v.min, target) - 1)); }, max: 100 },
                { type: 'value', name: en ? 'Closed' : '結案件數', splitLine: { show: false } }],
        series: [
          { name: en ? 'Closed' : '結案件數', type: 'bar', yAxisIndex: 1, data: closed, itemStyle: { color: '#c9d7e8' } },
          { name: en ? 'On-time rate' : '依限結案率', type: 'line', data: rates, itemStyle: { color: '#0b5394' } },
          { name: en ? 'Target' : '目標', type: 'line', data: labels.map(function () { return target; }), symbol: 'none', lineStyle: { type: 'dashed', color: '#1b6e3a' } }
        ]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
})();
