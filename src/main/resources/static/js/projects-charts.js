// S-curve (planned vs actual progress) and budget curve (cumulative allocation vs spending) of a project,
// drawn from its JSON API. Also used on meeting agenda items (elements with class projects-scurve).
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  function draw(el, budgetEl, labels) {
    fetch(el.dataset.api, { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (p) {
        var months = p.series.map(function (s) { return s.month; });
        // planned lines are dashed and smooth; reported values get a marker each, so that a single report shows
        var line = function (name, key, dashed) {
          return { name: name, type: 'line', connectNulls: true, showSymbol: !dashed, symbolSize: 6, animation: false,
            data: p.series.map(function (s) { return s[key]; }), lineStyle: dashed ? { type: 'dashed' } : { width: 2 } };
        };
        echarts.init(el).setOption({
          tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 10, top: 30, bottom: 30 },
          xAxis: { type: 'category', data: months }, yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
          series: [line(labels.planned, 'planned', true), line(labels.actual, 'actual', false)]
        });
        el.setAttribute('data-drawn', p.series.length);
        if (budgetEl) {
          echarts.init(budgetEl).setOption({
            tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 70, right: 10, top: 30, bottom: 30 },
            xAxis: { type: 'category', data: months }, yAxis: { type: 'value', name: '千元' },
            series: [line(labels.allocation, 'allocation', true), line(labels.spending, 'spending', false)]
          });
        }
      })
      .catch(function () { el.setAttribute('data-error', 'true'); });
  }
  var main = document.getElementById('chart-scurve');
  if (main) {
    draw(main, document.getElementById('chart-budget'), main.dataset);
  }
  document.querySelectorAll('.projects-scurve').forEach(function (el) { draw(el, null, el.dataset); });
}());
