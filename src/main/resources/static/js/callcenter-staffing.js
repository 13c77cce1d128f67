// Agents needed (Erlang C) against agents who answered, per half-hour, with calls; from the staffing API.
(function () {
  var el = document.getElementById('chart-staffing');
  if (!el || !window.echarts) { return; }
  var d = el.dataset;
  fetch('/api/callcenter/staffing?date=' + d.date, { headers: { Accept: 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (day) {
      var labels = day.slots.map(function (s) { return s.start; });
      var chart = echarts.init(el);
      chart.setOption({
        tooltip: { trigger: 'axis' }, legend: { top: 0, right: 0 },
        grid: { left: 50, right: 50, top: 50, bottom: 30 },
        xAxis: { type: 'category', data: labels },
        yAxis: [{ type: 'value', name: 'agents' }, { type: 'value', name: 'calls', splitLine: { show: false } }],
        series: [
          { name: d.calls, type: 'bar', yAxisIndex: 1, data: day.slots.map(function (s) { return s.actualCalls; }), itemStyle: { color: '#c9d6e5' } },
          { name: d.forecast, type: 'line', yAxisIndex: 1, data: day.slots.map(function (s) { return s.forecastCalls; }), symbol: 'none', lineStyle: { type: 'dotted', color: '#666' } },
          { name: d.needed, type: 'line', step: 'middle', data: day.slots.map(function (s) { return s.agentsNeeded; }), itemStyle: { color: '#0b5394' } },
          { name: d.actual, type: 'line', step: 'middle', data: day.slots.map(function (s) { return s.agentsActual; }), itemStyle: { color: '#7a3e00' } }
        ]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
})();
