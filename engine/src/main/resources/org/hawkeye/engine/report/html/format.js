// Number formatting and axis ticks for the hawkeye HTML report: the same units as the text report (IEC bytes,
// durations with three significant digits as Network.duration). Pure functions, kept apart from the drawing code.
var HawkeyeFormat = (function () {
  'use strict';
  function bytes(bits) {
    if (bits === 0) return '0';
    if (bits < 8 * 1024 && bits % 8 !== 0) return bits + ' bit';
    var v = bits / 8, u = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'], i = 0;
    while (v >= 1024 && i < u.length - 1) { v /= 1024; i++; }
    return i === 0 ? Math.round(v) + ' B' : v.toFixed(2) + ' ' + u[i];
  }
  function three(v) { return v >= 1000 ? String(Math.round(v)) : v.toPrecision(3); } // as Network.duration
  function duration(s) {
    if (s === 0) return '0 s';
    if (s < 1e-3) return three(s * 1e6) + ' µs';
    if (s < 1) return three(s * 1e3) + ' ms';
    if (s < 60) return three(s) + ' s';
    if (s < 3600) return three(s / 60) + ' min';
    if (s < 86400) return three(s / 3600) + ' h';
    return three(s / 86400) + ' d';
  }
  function int(n) { return Number(n).toLocaleString('en-US'); }
  // axis units: the divisor and suffix that the largest value reads best in
  function byteUnit(maxBits) {
    var u = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'], d = 8, i = 0;
    while (maxBits / d >= 1024 && i < u.length - 1) { d *= 1024; i++; }
    return { div: d, suffix: ' ' + u[i] };
  }
  function timeUnit(max) {
    var units = [[1e-6, ' µs'], [1e-3, ' ms'], [1, ' s'], [60, ' min'], [3600, ' h'], [86400, ' d']], pick = units[0];
    units.forEach(function (u) { if (max >= u[0]) pick = u; });
    return { div: pick[0], suffix: pick[1] };
  }
  function countUnit() { return { div: 1, suffix: '' }; }
  // about four ticks at 1, 2, 2.5 or 5 times a power of ten, in display units
  function niceTicks(max, unit) {
    var m = max / unit.div, raw = m / 4, p = Math.pow(10, Math.floor(Math.log10(raw || 1)));
    var step = [1, 2, 2.5, 5, 10].map(function (k) { return k * p; }).filter(function (s) { return s >= raw; })[0];
    if (unit.suffix === '' && step < 1) step = 1;
    var ticks = [];
    for (var v = 0; v <= m + step * 1e-9; v += step) ticks.push(v);
    if (ticks[ticks.length - 1] < m - step * 1e-9) ticks.push(ticks[ticks.length - 1] + step);
    return ticks.map(function (v) { return { value: v * unit.div, label: Number(v.toPrecision(4)) + (v === 0 ? '' : unit.suffix) }; });
  }
  function pct(part, whole) { return whole > 0 ? (100 * part / whole).toFixed(1) + '%' : '-'; }
  return { bytes: bytes, duration: duration, int: int, pct: pct, byteUnit: byteUnit, timeUnit: timeUnit,
    countUnit: countUnit, niceTicks: niceTicks };
})();
