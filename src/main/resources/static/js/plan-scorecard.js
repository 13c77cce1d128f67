// Scorecard charts: achievement per indicator (capped display at 150%) and score per goal, from the public API.
(function () {
  var el = document.getElementById('chart-achievement');
  if (!el || !window.echarts) { return; }
  var year = el.dataset.year, month = el.dataset.month;
  var colours = { ON_TARGET: '#1b6e3a', CAUTION: '#c98a00', BELOW_PLAN: '#a3201b', NO_DATA: '#9aa4af' };
  var en = document.documentElement.lang === 'en';
  fetch('/api/plans/' + year + '/scorecard' + (month ? '?month=' + month : ''))
    .then(function (r) { return r.json(); })
    .then(function (s) {
      var inds = [];
      s.goals.forEach(function (g) { g.indicators.forEach(function (i) { inds.push(i); }); });
      var chart = echarts.init(el);
      chart.setOption({
        title: { text: en ? 'Achievement by indicator (%)' : '各指標達成率（%）', left: 0, textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis', formatter: function (p) {
          var i = inds[p[0].dataIndex];
          return i.code + ' ' + i.name + '<br>' + (en ? 'actual ' : '實際 ') + (i.actual === null ? '—' : i.actual + ' ' + i.unit)
            + ' / ' + (en ? 'target ' : '目標 ') + i.target + ' ' + i.unit + '<br>' + (i.achievement === null ? '—' : i.achievement + '%');
        } },
        grid: { left: 40, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: inds.map(function (i) { return i.code; }) },
        yAxis: { type: 'value', max: 150, axisLabel: { formatter: '{value}%' } },
        series: [{
          type: 'bar',
          data: inds.map(function (i) {
            return { value: i.achievement === null ? 0 : Math.min(i.achievement, 150), itemStyle: { color: colours[i.status] } };
          }),
          label: { show: true, position: 'top', formatter: function (p) { var a = inds[p.dataIndex].achievement; return a === null ? '—' : a; } },
          markLine: { symbol: 'none', data: [{ yAxis: 100, lineStyle: { color: '#1b6e3a' } }, { yAxis: 90, lineStyle: { color: '#c98a00', type: 'dashed' } }] }
        }]
      });
      var goalsEl = document.getElementById('chart-goals');
      if (goalsEl) {
        var gc = echarts.init(goalsEl);
        gc.setOption({
          title: { text: en ? 'Score by goal' : '策略目標得分', left: 0, textStyle: { fontSize: 14 } },
          grid: { left: 110, right: 30, top: 30, bottom: 20 },
          xAxis: { type: 'value', max: 100 },
          yAxis: { type: 'category', data: s.goals.map(function (g) { return g.code + ' ' + g.name; }).reverse() },
          series: [{ type: 'bar', data: s.goals.map(function (g) { return g.score; }).reverse(),
            itemStyle: { color: '#0b5394' }, label: { show: true, position: 'right' } }]
        });
        window.addEventListener('resize', function () { gc.resize(); });
      }
      window.addEventListener('resize', function () { chart.resize(); });
    });
})();
