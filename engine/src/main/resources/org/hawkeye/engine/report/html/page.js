// What every hawkeye page shares (inlined after format.js, before the page's own script): the render status the
// browser test reads (#render-status "ok", or "error" with the messages in #render-errors), element helpers, the
// tooltip and segmented buttons.
var HawkeyePage = (function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var errors = document.getElementById('render-errors');
  var status = document.getElementById('render-status');
  function fail(message) {
    errors.textContent += message + '\n';
    status.dataset.status = 'error';
    status.textContent = 'error';
  }
  window.addEventListener('error', function (e) { fail('error: ' + e.message + ' at line ' + e.lineno); });

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }

  var tip = document.getElementById('tooltip');
  function showTip(ev, html) {
    tip.innerHTML = html;
    tip.hidden = false;
    var x = ev.clientX + 14, y = ev.clientY + 14, r = tip.getBoundingClientRect();
    if (x + r.width > window.innerWidth - 8) x = ev.clientX - r.width - 14;
    if (y + r.height > window.innerHeight - 8) y = ev.clientY - r.height - 14;
    tip.style.left = Math.max(4, x) + 'px';
    tip.style.top = Math.max(4, y) + 'px';
  }
  function hideTip() { tip.hidden = true; }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (ch) { return '&#' + ch.charCodeAt(0) + ';'; }); }

  // segmented buttons; calls onPick(value) now and on every click
  function buttons(host, options, onPick) {
    var all = [];
    options.forEach(function (o, i) {
      var b = el('button', { type: 'button', 'aria-pressed': i === 0 ? 'true' : 'false' }, o.label);
      b.addEventListener('click', function () {
        all.forEach(function (x) { x.setAttribute('aria-pressed', x === b ? 'true' : 'false'); });
        onPick(o.value);
      });
      all.push(b);
      host.appendChild(b);
    });
    onPick(options[0].value);
  }

  // runs the page's drawing steps in order; the status says "ok" (with the number of charts) when none failed
  function render(steps) {
    try {
      steps.forEach(function (step) { step(); });
      if (!errors.textContent) {
        status.dataset.status = 'ok';
        status.dataset.charts = String(document.querySelectorAll('.chart svg').length);
        status.textContent = 'ok';
      }
    } catch (e) {
      fail((e && e.stack) || String(e));
    }
  }

  return { el: el, svg: svg, showTip: showTip, hideTip: hideTip, esc: esc, buttons: buttons, render: render };
})();
