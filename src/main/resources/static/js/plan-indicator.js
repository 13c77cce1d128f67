// An indicator's series by month against its target, from the public series API.
(function () {
  var el = document.getElementById('chart-series');
  if (!el || !window.echarts) { return; }
  var en = document.documentElement.lang === 'en';
  var d = el.dataset;
  fetch('/api/plans/' + d.year + '/indicators/' + encodeURIComponent(d.code) + '/series?granularity=month')
    .then(function (r) { return r.json(); })
    .then(function (s) {
      var labels = s.points.map(function (p) { return p.period; });
      var values = s.points.map(function (p) { return p.value; });
      var series = [{ name: en ? 'Value' : '數值', type: d.aggregation === 'SUM' ? 'bar' : 'line', data: values, itemStyle: { color: '#0b5394' } }];
      var target = Number(d.target);
      if (d.aggregation === 'SUM') {
        var run = 0;
        series.push({ name: en ? 'Cumulative' : '累計', type: 'line', data: values.map(function (v) { run += (v || 0); return run; }), itemStyle: { color: '#7a3e00' } });
      }
      series.push({ name: en ? 'Target' : '目標', type: 'line', data: labels.map(function () { return target; }), lineStyle: { type: 'dashed', color: '#1b6e3a' }, symbol: 'none' });
      var chart = echarts.init(el);
      chart.setOption({
        title: { text: (en ? 'By month' : '月別') + ' (' + d.unit + ')', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' }, legend: { top: 0, right: 0 },
        grid: { left: 70, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: labels }, yAxis: { type: 'value' }, series: series
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
})();
