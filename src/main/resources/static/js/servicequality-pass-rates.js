// City-wide (or the officer's scope) phone-test pass rate by month against the pass line, from the JSON API.
(function () {
  var el = document.getElementById('chart-pass-rates');
  if (!el || !window.echarts) { return; }
  var en = document.documentElement.lang === 'en';
  var year = el.dataset.year;
  var target = Number(el.dataset.target);
  fetch('/api/servicequality/pass-rates?year=' + encodeURIComponent(year), { headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (t) {
      var months = [], rates = [], tests = [];
      for (var m = 1; m <= 12; m++) {
        var r = t.cityMonths[m] || t.cityMonths[String(m)];
        months.push(en ? String(m) : m + '月');
        rates.push(r && r.tests > 0 ? Math.round(r.passed * 1000 / r.tests) / 10 : null);
        tests.push(r ? r.tests : 0);
      }
      var chart = echarts.init(el);
      chart.setOption({
        tooltip: { trigger: 'axis' }, legend: { top: 0, right: 0 },
        grid: { left: 50, right: 50, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: months },
        yAxis: [{ type: 'value', name: '%', min: 50, max: 100 }, { type: 'value', name: en ? 'tests' : '通', splitLine: { show: false } }],
        series: [
          { name: en ? 'Tests' : '受測通數', type: 'bar', yAxisIndex: 1, data: tests, itemStyle: { color: '#c9d7e8' } },
          { name: en ? 'Pass rate' : '合格率', type: 'line', data: rates, itemStyle: { color: '#0b5394' }, connectNulls: false },
          { name: en ? 'Target' : '目標', type: 'line', data: months.map(function () { return target; }),
            lineStyle: { type: 'dashed', color: '#1b6e3a' }, symbol: 'none' }
        ]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
})();
