// The hawkeye page of a generation or a sweep: reads #hawkeye-data and draws one line chart as hand-made SVG
// (units and ticks from format.js, inlined before this), a line per series over a numeric x (the generated token,
// or a varied size), by the metric chosen. Sets #render-status to "ok" when drawn; errors go to #render-errors.
(function () {
  'use strict';
  var P = HawkeyePage, el = P.el, svg = P.svg, showTip = P.showTip, hideTip = P.hideTip, esc = P.esc;

  var D = JSON.parse(document.getElementById('hawkeye-data').textContent);
  var F = HawkeyeFormat;
  var COLORS = ['#3b73b9', '#e0702b', '#2e9b5f', '#8d5cc4', '#c23b5a', '#9aa3ad', '#1a9bb0', '#b8860b', '#5b6b80'];
  // a cost is [online bits (string), online rounds, offline bits (string), offline rounds], then, when the
  // framework splits traffic per party, [online bits per party] and [offline bits per party] (strings)
  var T = D.traffic;
  // full duplex: a phase takes its busier direction's bits over the bandwidth, plus its rounds x RTT (as report.js)
  function busier(bits, byParty) {
    if (byParty) return Math.max.apply(null, byParty.map(Number).concat([0]));
    return T.split === 'symmetric' ? bits / T.party_count : bits;
  }
  var METRICS = [
    { label: 'all bits', of: function (c) { return Number(c[0]) + Number(c[2]); }, unit: F.byteUnit, fmt: F.bytes },
    { label: 'online bits', of: function (c) { return Number(c[0]); }, unit: F.byteUnit, fmt: F.bytes },
    { label: 'offline bits', of: function (c) { return Number(c[2]); }, unit: F.byteUnit, fmt: F.bytes },
    { label: 'online rounds', of: function (c) { return c[1]; }, unit: F.countUnit, fmt: F.int },
    { label: 'offline rounds', of: function (c) { return c[3]; }, unit: F.countUnit, fmt: F.int }
  ];
  (T.parties || []).forEach(function (p, i) {
    METRICS.push({ label: 'sent by ' + p, unit: F.byteUnit, fmt: F.bytes, of: function (c) {
      return c.length > 5 ? Number(c[4][i]) + Number(c[5][i]) : 0;
    } });
  });
  D.networks.forEach(function (n) {
    METRICS.push({ label: 'time ' + n.name, unit: F.timeUnit, fmt: F.duration, of: function (c) {
      var os = c.length > 4 ? c[4] : null, fs = c.length > 5 ? c[5] : null;
      return (busier(Number(c[0]), os) + busier(Number(c[2]), fs)) / n.bps + (c[1] + c[3]) * n.rtt;
    } });
  });



  function header() {
    document.getElementById('title').textContent = D.title;
    document.getElementById('subtitle').textContent = D.subtitle;
    document.getElementById('params').textContent = 'params: ' + Object.keys(D.params).map(function (k) {
      return k + '=' + D.params[k];
    }).join('  ');
    var host = document.getElementById('summary');
    D.cards.forEach(function (c) {
      var card = el('div', { 'class': 'card', title: c.title || '' });
      card.appendChild(el('div', { 'class': 'label' }, c.label));
      card.appendChild(el('div', { 'class': 'value' }, c.value));
      card.appendChild(el('div', { 'class': 'sub' }, c.sub));
      host.appendChild(card);
    });
    var done = document.getElementById('completeness');
    if (D.unsupported.length === 0) {
      done.appendChild(el('span', { 'class': 'badge ok' }, 'complete: every op was costed'));
    } else {
      done.appendChild(el('span', { 'class': 'badge warn' }, 'lower bound: ' + D.unsupported.length +
        ' op type(s) not costed (see below)'));
    }
    document.getElementById('chart-title').textContent = D.chart.title;
    document.getElementById('chart-note').textContent = D.chart.note;
    var legend = document.getElementById('legend');
    D.series.forEach(function (s, i) {
      var sw = el('span', { 'class': 'swatch' });
      sw.style.background = COLORS[i % COLORS.length];
      legend.appendChild(sw);
      legend.appendChild(document.createTextNode(s.name + (s.total ? ' (dashed)' : '')));
    });
  }

  var state = { metric: METRICS[0], log: false };
  function chart() {
    var host = document.getElementById('chart');
    host.textContent = '';
    var W = 1180, H = 420, L = 86, R = 20, T = 14, B = 46;
    var xs = D.x.values, m = state.metric;
    var max = 0, minPos = Infinity;
    D.series.forEach(function (s) {
      s.points.forEach(function (c) {
        var v = m.of(c);
        max = Math.max(max, v);
        if (v > 0) minPos = Math.min(minPos, v);
      });
    });
    var unit = m.unit(max || 1);
    var ticks = F.niceTicks(max || 1, unit);
    var top = ticks[ticks.length - 1].value || 1;
    var lo = state.log && minPos < Infinity ? Math.pow(10, Math.floor(Math.log10(minPos))) : 0;
    var hi = state.log ? Math.pow(10, Math.ceil(Math.log10(max || 1))) : top;
    if (state.log && hi <= lo) hi = lo * 10;
    function y(v) {
      if (state.log) {
        var t = v <= lo ? 0 : (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        return T + (H - T - B) * (1 - t);
      }
      return T + (H - T - B) * (1 - v / hi);
    }
    var x0 = xs[0], x1 = xs[xs.length - 1];
    function x(v) { return x1 === x0 ? L + (W - L - R) / 2 : L + (W - L - R) * (v - x0) / (x1 - x0); }
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': D.chart.title });
    var axis = svg('g', { 'class': 'axis' });
    var yTicks = state.log ? [] : ticks;
    if (state.log) {
      for (var p = lo; p <= hi * 1.0001; p *= 10) yTicks.push({ value: p, label: m.fmt(p) });
    }
    yTicks.forEach(function (t) {
      axis.appendChild(svg('line', { x1: L, x2: W - R, y1: y(t.value), y2: y(t.value) }));
      var lbl = svg('text', { x: L - 6, y: y(t.value) + 4, 'text-anchor': 'end' });
      lbl.textContent = t.label;
      axis.appendChild(lbl);
    });
    var every = Math.max(1, Math.ceil(xs.length / 16));
    xs.forEach(function (v, i) {
      if (i % every !== 0 && i !== xs.length - 1) return;
      var lbl = svg('text', { x: x(v), y: H - B + 18, 'text-anchor': 'middle' });
      lbl.textContent = String(v);
      axis.appendChild(lbl);
    });
    var xl = svg('text', { x: L + (W - L - R) / 2, y: H - 6, 'text-anchor': 'middle' });
    xl.textContent = D.x.label;
    axis.appendChild(xl);
    root.appendChild(axis);
    D.series.forEach(function (s, i) {
      var color = COLORS[i % COLORS.length], d = '';
      s.points.forEach(function (c, j) { d += (j === 0 ? 'M' : 'L') + x(xs[j]).toFixed(1) + ',' + y(m.of(c)).toFixed(1); });
      root.appendChild(svg('path', { d: d, 'class': 'line' + (s.total ? ' total' : ''), stroke: color }));
      if (xs.length <= 64) {
        s.points.forEach(function (c, j) {
          root.appendChild(svg('circle', { 'class': 'dot', cx: x(xs[j]), cy: y(m.of(c)), r: 3, fill: color }));
        });
      }
    });
    // hover: the values of every series at the nearest x
    var cursor = svg('line', { 'class': 'cursor', y1: T, y2: H - B, visibility: 'hidden' });
    root.appendChild(cursor);
    var hit = svg('rect', { x: L, y: T, width: W - L - R, height: H - T - B, fill: 'transparent' });
    hit.addEventListener('mousemove', function (ev) {
      var box = root.getBoundingClientRect(), px = (ev.clientX - box.left) * W / box.width, best = 0;
      xs.forEach(function (v, j) { if (Math.abs(x(v) - px) < Math.abs(x(xs[best]) - px)) best = j; });
      cursor.setAttribute('x1', x(xs[best]));
      cursor.setAttribute('x2', x(xs[best]));
      cursor.setAttribute('visibility', 'visible');
      var rows = D.series.map(function (s, i) {
        return '<tr><td><span class="swatch" style="background:' + COLORS[i % COLORS.length] + '"></span>' +
          esc(s.name) + '</td><td>' + esc(m.fmt(m.of(s.points[best]))) + '</td></tr>';
      }).join('');
      showTip(ev, '<b>' + esc(D.x.label) + ' ' + xs[best] + '</b>' + (D.x.notes ? '<div>' +
        esc(D.x.notes[best]) + '</div>' : '') + '<table>' + rows + '</table>');
    });
    hit.addEventListener('mouseleave', function () { hideTip(); cursor.setAttribute('visibility', 'hidden'); });
    root.appendChild(hit);
    host.appendChild(root);
  }

  function fits() {
    document.getElementById('fits-note').textContent = D.fitsNote;
    document.getElementById('fits').textContent = D.fits.length ? D.fits.join('\n') : 'none (too few points)';
  }

  function table() {
    document.getElementById('table-title').textContent = D.table.title;
    var t = el('table');
    var head = el('tr');
    D.table.head.forEach(function (h, i) { head.appendChild(el('th', { 'class': i > 0 ? 'num' : '' }, h)); });
    t.appendChild(head);
    D.table.rows.forEach(function (r) {
      var tr = el('tr');
      r.forEach(function (cell, i) { tr.appendChild(el('td', { 'class': i > 0 ? 'num' : '' }, cell)); });
      t.appendChild(tr);
    });
    document.getElementById('table').appendChild(t);
  }

  function unsupported() {
    var host = document.getElementById('unsupported');
    if (D.unsupported.length === 0) {
      host.appendChild(el('p', { 'class': 'muted' }, 'Every op was costed.'));
      return;
    }
    var t = el('table');
    var head = el('tr');
    ['op type', 'nodes', 'example', 'why'].forEach(function (h) { head.appendChild(el('th', {}, h)); });
    t.appendChild(head);
    D.unsupported.forEach(function (u) {
      var tr = el('tr');
      [u.op, String(u.count), u.example, u.reason].forEach(function (v) { tr.appendChild(el('td', {}, v)); });
      t.appendChild(tr);
    });
    host.appendChild(t);
  }

  // the buttons draw the chart with their first choice (and again on every click)
  P.render([header, function () {
    P.buttons(document.getElementById('metric'), METRICS.map(function (m) { return { label: m.label, value: m }; }),
      function (m) { state.metric = m; chart(); });
    P.buttons(document.getElementById('scale'), [{ label: 'linear', value: false }, { label: 'log', value: true }],
      function (v) { state.log = v; chart(); });
  }, fits, table, unsupported]);
})();
