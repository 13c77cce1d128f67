// Service-level charts (by month, day, hour of day, language) from the call-centre API; the tables on the page hold the same data.
(function () {
  var box = document.getElementById('cc-charts');
  if (!box || !window.echarts) { return; }
  var en = document.documentElement.lang === 'en';
  var d = box.dataset;
  var target = Number(d.target);

  function url(by) {
    var q = '/api/callcenter/service-level?by=' + by + '&from=' + d.from + '&to=' + d.to;
    if (d.queue) { q += '&queue=' + encodeURIComponent(d.queue); }
    if (d.language) { q += '&language=' + encodeURIComponent(d.language); }
    return q;
  }

  function draw(id, by, type) {
    var el = document.getElementById(id);
    fetch(url(by), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (rep) {
        var labels = rep.rows.map(function (r) { return r.key; });
        var chart = echarts.init(el);
        chart.setOption({
          title: { text: (by === 'hour' && el.dataset.titleHour) || el.dataset.title, textStyle: { fontSize: 14 } },
          tooltip: { trigger: 'axis' },
          legend: { top: 22, right: 0 },
          grid: { left: 55, right: 55, top: 60, bottom: 30 },
          xAxis: { type: 'category', data: labels },
          yAxis: [{ type: 'value', name: '%', min: function (v) { return Math.max(0, Math.floor(v.min - 5)); }, max: 100 },
                  { type: 'value', name: en ? 'calls' : '通', splitLine: { show: false } }],
          series: [
            { name: en ? 'Offered' : '進線', type: 'bar', yAxisIndex: 1, data: rep.rows.map(function (r) { return r.offered; }), itemStyle: { color: '#c9d6e5' } },
            { name: en ? 'Service level' : '服務水準', type: type, data: rep.rows.map(function (r) { return r.serviceLevelPercent; }), itemStyle: { color: '#0b5394' } },
            // Survey answers are too few per day or hour for a readable line; months and languages carry it.
            (by === 'month' || by === 'language') ? { name: en ? 'Satisfaction' : '滿意度', type: type, data: rep.rows.map(function (r) { return r.satisfactionPercent; }), itemStyle: { color: '#7a3e00' } } : null,
            { name: en ? 'Target' : '目標', type: 'line', data: labels.map(function () { return target; }), symbol: 'none', lineStyle: { type: 'dashed', color: '#1b6e3a' } }
          ].filter(function (x) { return x !== null; })
        });
        window.addEventListener('resize', function () { chart.resize(); });
      });
  }

  draw('chart-month', 'month', 'line');
  // One day: its clock hours instead of days.
  draw('chart-day', d.from === d.to ? 'hour' : 'day', 'line');
  draw('chart-hour', 'hour_of_day', 'line');
  draw('chart-language', 'language', 'scatter');
})();
