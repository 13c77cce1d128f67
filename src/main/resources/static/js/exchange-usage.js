// Requests per day on an exchange dataset, from data attributes rendered by the server.
(function () {
  var el = document.getElementById('usage-chart');
  if (!el || !window.echarts || !el.dataset.days) { return; }
  var days = el.dataset.days.split(','), requests = el.dataset.requests.split(',').map(Number);
  var chart = echarts.init(el);
  chart.setOption({
    grid: { left: 50, right: 10, top: 20, bottom: 30 }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: days }, yAxis: { type: 'value' },
    series: [{ type: 'bar', data: requests, itemStyle: { color: '#0b5394' } }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
