// The hawkeye HTML report: reads the JSON in #hawkeye-data and draws every chart as hand-made SVG (units and axis
// ticks come from format.js, inlined before this), so that the page needs no library and no network. When all
// parts are drawn it sets #render-status to "ok"; any error goes to #render-errors (the browser test reads both).
(function () {
  'use strict';
  var P = HawkeyePage, el = P.el, svg = P.svg, showTip = P.showTip, hideTip = P.hideTip, esc = P.esc;
  var buttons = P.buttons;

  var D = JSON.parse(document.getElementById('hawkeye-data').textContent);
  var CLASS_COLORS = ['var(--linear)', 'var(--nonlinear)', 'var(--other)'];
  var RAW_COLORS = { '-1': [91, 107, 128], 0: [59, 115, 185], 1: [224, 112, 43], 2: [154, 163, 173] };

  var F = HawkeyeFormat, bytes = F.bytes, duration = F.duration, int = F.int, pct = F.pct;
  var byteUnit = F.byteUnit, timeUnit = F.timeUnit, countUnit = F.countUnit, niceTicks = F.niceTicks;
  // a cost is [online bits (string), online rounds, offline bits (string), offline rounds], then, when the
  // framework splits traffic per party, [online bits per party] and [offline bits per party] (strings)
  var PARTIES = D.traffic.parties;
  function C(c) {
    return { ob: Number(c[0]), or: c[1], fb: Number(c[2]), fr: c[3], exact: c,
      os: c.length > 4 ? c[4].map(Number) : null, fs: c.length > 5 ? c[5].map(Number) : null };
  }
  function allBits(c) { return c.ob + c.fb; }
  // full duplex: a phase takes its busier direction's bits over the bandwidth, plus its rounds x RTT
  function busier(bits, byParty) {
    if (byParty) return Math.max.apply(null, byParty.concat([0]));
    return D.traffic.split === 'symmetric' ? bits / D.traffic.count : bits;
  }
  function timeOn(n, c) { return (busier(c.ob, c.os) + busier(c.fb, c.fs)) / n.bps + (c.or + c.fr) * n.rtt; }
  function partyText(byParty) {
    return PARTIES.map(function (p, i) { return p + ' ' + bytes(byParty[i]); }).join(', ');
  }

  function costRows(c) {
    return '<table><tr><td>online</td><td>' + bytes(c.ob) + ' (' + int(c.exact[0]) + ' bits)</td><td>' +
      int(c.or) + ' rounds</td></tr>' + (c.os ? '<tr><td></td><td colspan="2">sent by ' + esc(partyText(c.os)) +
      '</td></tr>' : '') + '<tr><td>offline</td><td>' + bytes(c.fb) + ' (' + int(c.exact[2]) +
      ' bits)</td><td>' + int(c.fr) + ' rounds</td></tr>' + (c.fs && c.fb > 0 ? '<tr><td></td><td colspan="2">sent by ' +
      esc(partyText(c.fs)) + '</td></tr>' : '') + '</table>';
  }


  // ---- header and summary cards ----
  var TOTAL = C(D.total);
  function summary() {
    document.getElementById('title').textContent = D.model + ' under ' + D.framework;
    document.getElementById('subtitle').textContent = D.mode + ', weights ' + D.weights +
      '; bits are what all parties send together, rounds are sequential communication rounds';
    document.getElementById('params').textContent = 'params: ' + Object.keys(D.params).map(function (k) {
      return k + '=' + D.params[k];
    }).join('  ') + (D.publicInputs.length ? '; public inputs: ' + D.publicInputs.map(function (p) {
      return p.input + ' (' + p.reason + ')';
    }).join(', ') : '') + (D.embedding.lookups ? '; embedding ' + D.embedding.policy + ' (' +
      D.embedding.lookups + ' lookup' + (D.embedding.lookups > 1 ? 's' : '') + ' by the data holder\'s token ids)' : '');
    var host = document.getElementById('summary');
    function card(label, value, sub, title) {
      var c = el('div', { 'class': 'card', title: title || '' });
      c.appendChild(el('div', { 'class': 'label' }, label));
      c.appendChild(el('div', { 'class': 'value' }, value));
      c.appendChild(el('div', { 'class': 'sub' }, sub));
      host.appendChild(c);
    }
    card('Online', bytes(TOTAL.ob), int(TOTAL.or) + ' rounds' + (TOTAL.os ? '; sent by ' + partyText(TOTAL.os) : ''),
      int(TOTAL.exact[0]) + ' bits');
    card('Offline', bytes(TOTAL.fb), int(TOTAL.fr) + ' rounds' + (TOTAL.fs && TOTAL.fb > 0 ? '; sent by ' +
      partyText(TOTAL.fs) : ''), int(TOTAL.exact[2]) + ' bits');
    if (D.setup) {
      // the one-time session setup runs before the online window: its own card, not part of the totals
      var S = C(D.setup), sb = S.ob + S.fb;
      card('One-time setup', bytes(sb), (S.os ? 'sent by ' + partyText(S.os.map(function (v, i) {
        return v + S.fs[i]; })) + '; ' : '') + 'not in the totals', int(sb) + ' bits before the online window');
    }
    if (D.traffic.split === 'symmetric') {
      document.getElementById('subtitle').textContent += '; traffic is symmetric: each of the ' + D.traffic.count +
        ' parties sends an equal share';
    }
    if (D.training) {
      // one training step: a card per phase (forward, backward, update), which add up to the totals
      document.getElementById('subtitle').textContent += '; one training step, loss ' + D.training.loss +
        ', optimizer ' + D.training.optimizer;
      Object.keys(D.training.phases).forEach(function (name) {
        var p = C(D.training.phases[name]);
        card(name.charAt(0).toUpperCase() + name.slice(1), bytes(p.ob), int(p.or) + ' rounds online; offline ' +
          bytes(p.fb) + ', ' + int(p.fr) + ' rounds', int(p.exact[0]) + ' online bits');
      });
    }
    D.networks.forEach(function (n) {
      card('Time on ' + n.name, duration(n.online + n.offline), 'online ' + duration(n.online) + ', offline ' +
        duration(n.offline) + ' (' + n.describe + ')', n.source);
    });
    var done = document.getElementById('completeness');
    if (D.unsupported.length === 0) {
      done.appendChild(el('span', { 'class': 'badge ok' }, 'complete: every op was costed'));
    } else {
      var nodes = D.unsupported.reduce(function (s, u) { return s + u.count; }, 0);
      done.appendChild(el('span', { 'class': 'badge warn' }, 'lower bound: ' + D.unsupported.length +
        ' op type(s), ' + nodes + ' node(s) not costed (see below)'));
    }
    var legend = document.getElementById('class-legend');
    D.classes.forEach(function (name, i) {
      var s = el('span', { 'class': 'swatch' });
      s.style.background = CLASS_COLORS[i];
      legend.appendChild(s);
      legend.appendChild(document.createTextNode(name));
    });
  }

  // ---- cost per top-level module: horizontal stacked bars ----
  function moduleChart() {
    var metrics = [
      { label: 'all bits', value: function (c) { return allBits(c); }, fmt: bytes, unit: byteUnit },
      { label: 'online bits', value: function (c) { return c.ob; }, fmt: bytes, unit: byteUnit },
      { label: 'offline bits', value: function (c) { return c.fb; }, fmt: bytes, unit: byteUnit },
      { label: 'online rounds', value: function (c) { return c.or; }, fmt: int, unit: countUnit },
      { label: 'offline rounds', value: function (c) { return c.fr; }, fmt: int, unit: countUnit }
    ];
    D.networks.forEach(function (n) {
      metrics.push({ label: 'time on ' + n.name, value: function (c) { return timeOn(n, c); }, fmt: duration,
        unit: timeUnit });
    });
    var host = document.getElementById('module-chart');
    if (D.moduleLevel) {
      document.getElementById('module-heading').textContent = 'Cost per module of ' + D.moduleLevel;
    }
    var rows = D.modules.map(function (m) { return { name: m.name, parts: m.byClass.map(C) }; });
    buttons(document.getElementById('module-metric'), metrics.map(function (m) { return { label: m.label, value: m }; }),
      function (metric) { drawBars(host, rows, metric); });
  }

  function drawBars(host, rows, metric) {
    host.textContent = '';
    if (rows.length === 0) { host.appendChild(el('p', { 'class': 'muted' }, 'Nothing communicates.')); return; }
    var W = 1180, left = 150, right = 110, rowH = 24, top = 8, plotW = W - left - right;
    var totals = rows.map(function (r) { return r.parts.reduce(function (s, p) { return s + metric.value(p); }, 0); });
    var grand = totals.reduce(function (a, b) { return a + b; }, 0);
    var largest = Math.max.apply(null, totals);
    var ticks = largest > 0 ? niceTicks(largest, metric.unit(largest)) : [{ value: 0, label: '0' }];
    var max = Math.max(ticks[ticks.length - 1].value, largest, 1e-300);
    var H = top + rows.length * rowH + 26;
    var s = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'cost per module' });
    var axis = svg('g', { 'class': 'axis' });
    ticks.forEach(function (t) {
      var x = left + plotW * t.value / max;
      axis.appendChild(svg('line', { x1: x, x2: x, y1: top, y2: H - 20 }));
      var label = svg('text', { x: x, y: H - 6, 'text-anchor': 'middle' });
      label.textContent = t.label;
      axis.appendChild(label);
    });
    s.appendChild(axis);
    rows.forEach(function (r, i) {
      var y = top + i * rowH;
      var name = svg('text', { x: left - 8, y: y + rowH / 2 + 4, 'text-anchor': 'end' });
      name.textContent = r.name.length > 22 ? r.name.slice(0, 21) + '…' : r.name;
      s.appendChild(name);
      var x = left;
      r.parts.forEach(function (p, k) {
        var v = metric.value(p), w = plotW * v / max;
        if (v <= 0) return;
        var seg = svg('rect', { 'class': 'seg', x: x, y: y + 4, width: Math.max(w, 0.5), height: rowH - 8 });
        seg.style.fill = CLASS_COLORS[k];
        seg.addEventListener('mousemove', function (ev) {
          showTip(ev, '<b>' + esc(r.name) + '</b> · ' + D.classes[k] + '<br>' + metric.label + ': ' +
            metric.fmt(v) + ' (' + pct(v, totals[i]) + ' of the module, ' + pct(v, grand) + ' of the model)' +
            costRows(p));
        });
        seg.addEventListener('mouseleave', hideTip);
        s.appendChild(seg);
        x += w;
      });
      var value = svg('text', { x: x + 6, y: y + rowH / 2 + 4 });
      value.textContent = metric.fmt(totals[i]) + '  ' + pct(totals[i], grand);
      s.appendChild(value);
    });
    host.appendChild(s);
  }

  // ---- icicle of the prefix tree: click to zoom, hover for costs ----
  // a node is [name, kind (model, module, op, protocol), detail, cost, class, repeat, children]
  function prepare(raw, parent, scale) {
    var n = { name: raw[0], kind: raw[1], detail: raw[2], cost: C(raw[3]), cls: raw[4], repeat: Number(raw[5]),
      parent: parent, scale: scale, children: [] };
    // a node's cost is per run of its parent; the model runs it parent-scale times (repeats above it)
    var childScale = scale * (n.kind === 'protocol' ? n.repeat : 1);
    n.path = parent ? parent.path + '/' + n.name : '';
    // how far below its op a protocol sits, so that deeper calls are drawn lighter
    n.belowOp = n.kind === 'op' ? 0 : (parent && parent.belowOp >= 0 ? parent.belowOp + 1 : -1);
    n.children = raw[6].map(function (c) { return prepare(c, n, childScale); });
    return n;
  }
  var ROOT = prepare(D.tree, null, 1);
  function treeTotal(n, metric) { return metric(n.cost) * n.scale; }
  function label(n) {
    if (n.kind === 'op' && n.detail && n.detail !== n.name) return n.name + ' (' + n.detail + ')';
    if (n.kind === 'protocol' && n.repeat > 1) return n.name + ' ×' + n.repeat;
    return n.name;
  }
  // the node at a path such as /layer1/layer1.0 (what the address after # names), or null
  function find(path) {
    if (!path || path.charAt(0) !== '/') return null;
    var n = ROOT;
    var parts = path.split('/').slice(1);
    for (var i = 0; i < parts.length && n; i++) {
      n = n.children.filter(function (c) { return c.name === parts[i]; })[0];
    }
    return n || null;
  }
  function depthOf(n) { var d = 0; for (var x = n.parent; x; x = x.parent) d++; return d; }
  function kindName(k) { return k; }

  function icicle() {
    var metrics = [
      { label: 'width by bits', value: allBits, fmt: bytes },
      { label: 'width by rounds', value: function (c) { return c.or + c.fr; }, fmt: int }
    ];
    var state = { focus: find(decodeURIComponent(location.hash.slice(1))) || ROOT, metric: metrics[0] };
    function redraw() {
      drawIcicle(state, redraw);
      var hash = state.focus === ROOT ? '' : '#' + encodeURI(state.focus.path);
      if (location.hash !== hash && history.replaceState) history.replaceState(null, '', hash || location.pathname);
    }
    buttons(document.getElementById('tree-metric'), metrics.map(function (m) { return { label: m.label, value: m }; }),
      function (m) { state.metric = m; redraw(); });
  }

  function drawIcicle(state, redraw) {
    var host = document.getElementById('icicle');
    host.textContent = '';
    var crumbs = document.getElementById('crumbs');
    crumbs.textContent = '';
    var chain = [];
    for (var n = state.focus; n; n = n.parent) chain.unshift(n);
    chain.forEach(function (c, i) {
      if (i > 0) crumbs.appendChild(el('span', { 'class': 'sep' }, '/'));
      var a = el('a', { role: 'button' }, c.name);
      a.addEventListener('click', function () { state.focus = c; redraw(); });
      crumbs.appendChild(a);
    });
    var W = 1180, rowH = 26, maxDepth = 12, metric = state.metric.value;
    var focusValue = treeTotal(state.focus, metric);
    var modelValue = treeTotal(ROOT, metric);
    var rects = [], depth = 0;
    function layout(node, x, w, d) {
      if (w < 0.3 || d > maxDepth) return;
      rects.push({ node: node, x: x, w: w, d: d });
      depth = Math.max(depth, d);
      var own = treeTotal(node, metric), cx = x;
      node.children.forEach(function (c) {
        var cw = own > 0 ? w * treeTotal(c, metric) / own : 0;
        layout(c, cx, cw, d + 1);
        cx += cw;
      });
    }
    if (focusValue > 0) layout(state.focus, 0, W, 0);
    var H = (depth + 1) * rowH + 2;
    var s = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'prefix tree' });
    rects.forEach(function (r) {
      var node = r.node, rgb = RAW_COLORS[node.cls] || RAW_COLORS[-1];
      var light = node.belowOp >= 0 ? Math.min(0.6, 0.14 * node.belowOp) : Math.min(0.5, 0.09 * depthOf(node));
      var fill = 'rgb(' + rgb.map(function (v) { return Math.round(v + (255 - v) * light); }).join(',') + ')';
      var g = svg('g', {});
      var rect = svg('rect', { 'class': 'node', x: r.x + 0.5, y: r.d * rowH + 1, width: Math.max(r.w - 1, 0.5),
        height: rowH - 2, rx: 2 });
      rect.style.fill = fill;
      g.appendChild(rect);
      if (r.w > 46) {
        var t = svg('text', { 'class': 'in' + (light > 0.35 ? ' dark' : ''), x: r.x + 5, y: r.d * rowH + rowH / 2 + 4 });
        var text = label(node), fit = Math.floor((r.w - 10) / 6.6);
        t.textContent = text.length > fit ? text.slice(0, Math.max(fit - 1, 1)) + '…' : text;
        g.appendChild(t);
      }
      rect.addEventListener('mousemove', function (ev) {
        var v = treeTotal(node, metric);
        showTip(ev, '<b>' + esc(label(node)) + '</b> · ' + kindName(node.kind) +
          (node.kind === 'op' ? ' · ' + D.classes[node.cls] : '') +
          (node.kind === 'protocol' ? ' · protocol ' + esc(node.detail) : '') +
          '<div class="path">' + esc(node.path || '/') + '</div>' + costRows(node.cost) +
          (node.scale > 1 ? 'runs ' + int(node.scale) + ' times in all (repeats above it); ' : '') +
          'share: ' + pct(v, modelValue) + ' of the model, ' + pct(v, focusValue) + ' of this view');
      });
      rect.addEventListener('mouseleave', hideTip);
      rect.addEventListener('click', function () {
        hideTip();
        state.focus = node === state.focus && node.parent ? node.parent : node;
        redraw();
      });
      s.appendChild(g);
    });
    host.appendChild(s);
  }

  // ---- bottleneck tables ----
  function bottlenecks() {
    var views = [
      { label: 'ops by bits', rows: D.top.opsByBits, first: 'op', second: 'type', key: 'bits' },
      { label: 'ops by rounds', rows: D.top.opsByRounds, first: 'op', second: 'type', key: 'rounds' },
      { label: 'protocol chains by bits', rows: D.top.chainsByBits, first: 'protocol chain', second: 'reached by', key: 'bits' },
      { label: 'protocol chains by rounds', rows: D.top.chainsByRounds, first: 'protocol chain', second: 'reached by', key: 'rounds' }
    ];
    var host = document.getElementById('top-tables');
    var tables = views.map(function (v) { var t = topTable(v); host.appendChild(t); return t; });
    buttons(document.getElementById('top-view'), views.map(function (v, i) { return { label: v.label, value: i }; }),
      function (i) {
        tables.forEach(function (t, k) { t.hidden = k !== i; });
        document.getElementById('top-note').textContent = i < 2
          ? 'The largest ops of the graph, by their path (module path and op name).'
          : 'Protocol call chains from an op down to a protocol that communicates itself, summed over the whole model.';
      });
  }

  function topTable(v) {
    var t = el('table', { 'class': 'top', 'data-view': v.label });
    var head = el('tr');
    ['#', v.first, v.second, 'online', 'offline', 'rounds', 'share of ' + v.key].forEach(function (h, i) {
      head.appendChild(el('th', { 'class': i >= 3 ? 'num' : '' }, h));
    });
    t.appendChild(head);
    var whole = v.key === 'bits' ? allBits(TOTAL) : TOTAL.or + TOTAL.fr;
    function addRow(label, first, second, cost, indent) {
      var c = C(cost), part = v.key === 'bits' ? allBits(c) : c.or + c.fr;
      var tr = el('tr', indent ? { 'class': 'member' } : {});
      tr.appendChild(el('td', { 'class': 'num' }, label));
      var path = el('td', { 'class': 'path' }, first);
      var bar = el('div', { 'class': 'bar' });
      bar.style.width = Math.max(1, 100 * part / Math.max(whole, 1e-300)) + '%';
      path.appendChild(bar);
      tr.appendChild(path);
      tr.appendChild(el('td', {}, second));
      tr.appendChild(el('td', { 'class': 'num', title: int(cost[0]) + ' bits' }, bytes(c.ob)));
      tr.appendChild(el('td', { 'class': 'num', title: int(cost[2]) + ' bits' }, bytes(c.fb)));
      tr.appendChild(el('td', { 'class': 'num' }, int(c.or + c.fr)));
      tr.appendChild(el('td', { 'class': 'num' }, pct(part, whole)));
      t.appendChild(tr);
      return tr;
    }
    v.rows.forEach(function (row, i) {
      var tr = addRow(String(i + 1), row[0], row[1] + (row[2] ? ' · ' + row[2] : ''), row[3], false);
      if (row[4]) {
        // the same op of repeated layers, summed: a toggle lists each layer's
        var members = row[4].map(function (m) { return addRow('', m[0], '', m[1], true); });
        members.forEach(function (m) { m.hidden = true; });
        var toggle = el('button', { 'class': 'toggle', type: 'button', 'aria-expanded': 'false',
          title: 'show each of the ' + row[4].length });
        toggle.textContent = '+';
        toggle.addEventListener('click', function () {
          var open = toggle.getAttribute('aria-expanded') !== 'true';
          toggle.setAttribute('aria-expanded', String(open));
          toggle.textContent = open ? '-' : '+';
          members.forEach(function (m) { m.hidden = !open; });
        });
        tr.firstChild.appendChild(toggle);
      }
    });
    return t;
  }

  // ---- unsupported ops and the method note ----
  function unsupported() {
    var host = document.getElementById('unsupported');
    if (D.unsupported.length === 0) {
      host.appendChild(el('p', { 'class': 'muted' }, 'Every op was costed: the totals are complete.'));
      return;
    }
    host.appendChild(el('p', {}, 'No rule of ' + D.framework + ' lowers these ops, so their cost is unknown and ' +
      'the totals above are lower bounds (--strict makes this an error).'));
    var t = el('table');
    var head = el('tr');
    ['op type', 'nodes', 'example', 'reason'].forEach(function (h) {
      head.appendChild(el('th', { 'class': h === 'nodes' ? 'num' : '' }, h));
    });
    t.appendChild(head);
    D.unsupported.forEach(function (u) {
      var tr = el('tr');
      tr.appendChild(el('td', {}, u.op));
      tr.appendChild(el('td', { 'class': 'num' }, String(u.count)));
      tr.appendChild(el('td', { 'class': 'path' }, u.example));
      tr.appendChild(el('td', {}, u.reason));
      t.appendChild(tr);
    });
    host.appendChild(t);
  }

  function method() {
    var host = document.getElementById('method');
    host.appendChild(el('div', {}, 'Estimated time per phase = bits / bandwidth + rounds × round-trip time. The ' +
      'bits of all parties share the link; computation is not counted, so this is a network floor, not a run-time ' +
      'prediction. Networks:'));
    var ul = el('ul');
    D.networks.forEach(function (n) { ul.appendChild(el('li', {}, n.name + ': ' + n.describe + ' — ' + n.source)); });
    host.appendChild(ul);
    host.appendChild(el('div', {}, 'Op classes come from op-classes.properties in hawkeye; written by hawkeye ' +
      'from the model file alone, without running ' + D.framework + '.'));
  }

  P.render([summary, moduleChart, icicle, bottlenecks, unsupported, method]);
})();
