(function () {
  'use strict';
  var body = document.body;
  if (typeof Plotly === 'undefined') {
    body.setAttribute('data-report-error', 'plotly.js did not load');
    document.getElementById('plotly-missing').style.display = 'block';
    return;
  }
  var data = JSON.parse(document.getElementById('fmnist-results').textContent);
  var completed = data.models.filter(function (m) { return m.status === 'complete'; });
  var config = { displaylogo: false, responsive: true };
  var blues = [[0, '#f7fbff'], [0.125, '#deebf7'], [0.25, '#c6dbef'], [0.375, '#9ecae1'], [0.5, '#6baed6'],
               [0.625, '#4292c6'], [0.75, '#2171b5'], [0.875, '#08519c'], [1, '#08306b']];
  var palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
  var plots = [];
  function pct(v) { return v === null || v === undefined ? null : 100 * v; }
  function plot(id, traces, layout) {
    var el = document.getElementById(id);
    if (el) { plots.push(Plotly.newPlot(el, traces, layout, config)); }
  }

  // Accuracy per model beside the seed study's reported accuracy.
  var ids = completed.map(function (m) { return m.id; });
  var measured = completed.map(function (m) { return pct(m.metrics.accuracy); });
  var seed = completed.map(function (m) { return pct(m.seedReportedAccuracy); });
  var lowest = Math.min.apply(null, measured.concat(seed.filter(function (v) { return v !== null; })).concat([100]));
  plot('accuracy-chart', [
    { type: 'bar', name: 'fmnist (measured)', x: ids, y: measured, marker: { color: '#2171b5' },
      text: measured.map(function (v) { return v.toFixed(2) + '%'; }), textposition: 'outside' },
    { type: 'bar', name: 'seed study (reported)', x: ids, y: seed, marker: { color: '#bdbdbd' },
      text: seed.map(function (v) { return v === null ? '' : v.toFixed(0) + '%'; }), textposition: 'outside' }
  ], { barmode: 'group', title: { text: 'Test accuracy per model' },
       yaxis: { title: { text: 'Test accuracy (%)' }, range: [Math.max(0, Math.floor(lowest / 5) * 5 - 5), 100] },
       xaxis: { title: { text: 'Model' } }, legend: { orientation: 'h' } });

  // Training curves: train (solid) and validation (dashed) per model with epochs.
  var withEpochs = completed.concat(data.models.filter(function (m) { return m.status === 'partial'; }))
      .filter(function (m) { return m.epochs.length > 0; });
  function curves(trainKey, validationKey) {
    var traces = [];
    withEpochs.forEach(function (m, i) {
      var colour = palette[i % palette.length];
      var x = m.epochs.map(function (e) { return e.epoch; });
      traces.push({ type: 'scatter', mode: 'lines+markers', name: m.id + ' train', legendgroup: m.id, x: x,
                    y: m.epochs.map(function (e) { return e[trainKey]; }), line: { color: colour } });
      traces.push({ type: 'scatter', mode: 'lines+markers', name: m.id + ' validation', legendgroup: m.id, x: x,
                    y: m.epochs.map(function (e) { return e[validationKey]; }), line: { dash: 'dash', color: colour } });
    });
    return traces;
  }
  if (withEpochs.length > 0) {
    plot('loss-chart', curves('trainLoss', 'validationLoss'),
         { title: { text: 'Loss per epoch' }, xaxis: { title: { text: 'Epoch' }, dtick: 1 }, yaxis: { title: { text: 'Cross-entropy loss' } } });
    plot('accuracy-curves-chart', curves('trainAccuracy', 'validationAccuracy'),
         { title: { text: 'Accuracy per epoch' }, xaxis: { title: { text: 'Epoch' }, dtick: 1 }, yaxis: { title: { text: 'Accuracy' } } });
  } else {
    document.getElementById('curves-none').style.display = 'block';
  }

  // Confusion matrices: counts, Blues, class names on both axes.
  completed.forEach(function (m) {
    plot('confusion-' + m.id, [{
      type: 'heatmap', z: m.confusionMatrix, x: data.classNames, y: data.classNames, colorscale: blues,
      texttemplate: '%{z}', hovertemplate: 'True %{y}<br>Predicted %{x}<br>%{z} images<extra></extra>'
    }], { title: { text: m.displayName + ' (' + m.id + ')' }, xaxis: { title: { text: 'Predicted Label' }, tickangle: -45 },
          yaxis: { title: { text: 'True Label' }, autorange: 'reversed' }, margin: { l: 110, b: 110 } });
  });

  // Per-class F1 across models.
  if (completed.length > 0) {
    plot('f1-heatmap', [{
      type: 'heatmap', x: data.classNames, y: ids,
      z: completed.map(function (m) { return m.perClass.map(function (c) { return c.f1; }); }),
      zmin: 0, zmax: 1, colorscale: blues, texttemplate: '%{z:.2f}',
      hovertemplate: '%{y}, %{x}<br>F1 %{z:.3f}<extra></extra>'
    }], { title: { text: 'Per-class F1 by model' }, xaxis: { title: { text: 'Class' }, tickangle: -45 },
          yaxis: { title: { text: 'Model' }, autorange: 'reversed' }, margin: { l: 90, b: 110 } });
  }

  Promise.all(plots).then(function () {
    body.setAttribute('data-report-ready', String(plots.length));
  }, function (error) {
    body.setAttribute('data-report-error', String(error));
  });
})();
