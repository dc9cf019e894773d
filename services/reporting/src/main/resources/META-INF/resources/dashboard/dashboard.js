/*
 * The leaders' dashboard: a region's roll-up, drill-down to townships and villages, one village's
 * items, charts, "as of" a past day, exports. It polls every 3 s (EventSource cannot send the
 * bearer token) and re-renders only what changed. Text goes in with textContent only.
 */
(function () {
  'use strict';
  var C = window.Cunjian;
  if (!C.requireSignIn()) { return; }
  var POLL_MS = 3000;
  var $ = function (id) { return document.getElementById(id); };
  var me = null;            // the caller, from /me
  var names = {};           // region code → name
  var last = {};            // what was rendered last, per part, as JSON (to re-render only on change)
  var charts = {};
  var polling = null;

  // ---- where we are: #/region/2203 or #/village/220382201201 ----
  function view() {
    var m = /^#\/(region|village)\/([0-9]{2,12})$/.exec(location.hash);
    if (m) { return { kind: m[1], code: m[2] }; }
    var first = me.regions.filter(function (r) { return r.length <= 9; })[0] || me.regions[0];
    return first && first.length === 12 ? { kind: 'village', code: first } : { kind: 'region', code: first };
  }
  function go(kind, code) { location.hash = '#/' + kind + '/' + code; }
  function asOf() { return $('as-of').value || null; }

  function name(code) {
    if (names[code]) { return Promise.resolve(names[code]); }
    return C.json('/api/v1/regions/' + code).then(function (r) { names[code] = r.name; return r.name; })
      .catch(function () { return code; });
  }

  // ---- the region picker: only the caller's own regions ----
  function picker() {
    var select = $('region');
    var own = me.regions.slice().sort();
    return Promise.all(own.map(name)).then(function (labels) {
      C.fill(select, own.map(function (code, i) {
        return C.el('option', { value: code }, labels[i] + ' (' + code + ')');
      }));
      var v = view();
      var mine = own.filter(function (r) { return v.code.indexOf(r) === 0; })[0];
      if (mine) { select.value = mine; }
    });
  }

  function crumbs(v) {
    var own = me.regions.filter(function (r) { return v.code.indexOf(r) === 0; })[0] || v.code;
    var codes = [];
    [2, 4, 6, 9, 12].forEach(function (n) { if (n >= own.length && n <= v.code.length) { codes.push(v.code.substring(0, n)); } });
    return Promise.all(codes.map(function (c) { return c.length === 12 ? Promise.resolve(c) : name(c); })).then(function (labels) {
      C.fill($('crumbs'), codes.map(function (c, i) {
        var isLast = i === codes.length - 1;
        var b = C.el('button', { type: 'button', class: 'link', 'data-code': c }, labels[i]);
        b.addEventListener('click', function () { go(c.length === 12 ? 'village' : 'region', c); });
        return [i ? ' › ' : null, isLast ? C.el('strong', { 'data-code': c }, v.kind === 'village' ? (names[c] || c) : labels[i]) : b];
      }));
    });
  }

  function figure(label, value, key) {
    return C.el('div', { class: 'figure', 'data-figure': key }, C.el('div', { class: 'value' }, value), C.el('div', { class: 'label' }, label));
  }

  /** Calls render(data) only when data differs from what part showed last. */
  function changed(part, data) {
    var s = JSON.stringify(data);
    if (last[part] === s) { return false; }
    last[part] = s;
    return true;
  }

  function refuse(message) {
    $('region-view').hidden = true;
    $('village-view').hidden = true;
    var r = $('refused');
    r.hidden = false;
    C.fill(r, message);
  }

  function failed(v, e) {
    if (e instanceof C.ApiError && e.status === 403) { return refuse(C.t('refused', v.code)); }
    if (e instanceof C.ApiError && e.status === 404) { return refuse(C.t('not-found', v.code)); }
    if (e instanceof C.ApiError) { return refuse(C.t('error', e.message)); }
    // a network hiccup: keep what is shown, the next poll tries again
  }

  // ---- a region ----
  function loadRegion(v) {
    var day = asOf();
    var report = C.json('/api/v1/reports/regions/' + v.code + (day ? '/as-of/' + day : ''));
    var children = C.json('/api/v1/reports/regions/' + v.code + '/children');
    var from = new Date(Date.now() - 365 * 864e5).toISOString().substring(0, 10);
    var series = C.json('/api/v1/reports/regions/' + v.code + '/series?period=MONTH&from=' + from + (day ? '&to=' + day : ''));
    return Promise.all([report, children, series]).then(function (all) {
      $('refused').hidden = true;
      $('village-view').hidden = true;
      $('region-view').hidden = false;
      var r = all[0];
      footer(day, r.freshness);
      if (r.freshness) { delete r.freshness; }
      if (changed('region', [v, r, C.lang()])) { renderRegion(v, r); }
      if (changed('children', [v, all[1], C.lang()])) { renderChildren(v, all[1]); }
      if (changed('series', [v, all[2], r.items, C.lang()])) { renderCharts(all[2], r.items || []); }
    });
  }

  function renderRegion(v, r) {
    C.fill($('figures'),
      figure(C.t('fig.villages'), r.villagesWithPlan, 'villagesWithPlan'),
      r.demonstrationVillages !== undefined ? figure(C.t('fig.demonstration'), r.demonstrationVillages, 'demonstrationVillages') : null,
      figure(C.t('fig.meeting'), r.villagesMeetingStandard, 'villagesMeetingStandard'),
      figure(C.t('fig.average'), C.percent(r.averageProgress), 'averageProgress'),
      r.overdueWorkOrders !== undefined ? figure(C.t('fig.overdue'), r.overdueWorkOrders, 'overdueWorkOrders') : null,
      r.blindZones ? figure(C.t('fig.blind'), r.blindZones.length, 'blindZones') : null);
    C.fill($('laggards'), (r.laggards || []).map(function (l) {
      var b = C.el('button', { type: 'button', class: 'link' }, l.name);
      b.addEventListener('click', function () { go('village', l.code); });
      return C.el('tr', null, C.el('td', null, b), C.el('td', { class: 'num' }, l.itemsMet + '/' + l.itemsTotal),
        C.el('td', null, C.bar(l.progress), ' ', C.percent(l.progress)));
    }));
    C.fill($('blind-zones'), (r.blindZones || []).length ? r.blindZones.map(function (z) {
      return C.el('li', null, z.villageName + ' · ' + z.zone);
    }) : C.el('li', { class: 'muted' }, C.t('none')));
  }

  function renderChildren(v, children) {
    var level = v.code.length === 2 ? 4 : v.code.length === 4 ? 6 : v.code.length === 6 ? 9 : 12;
    $('children-title').textContent = C.t('children.' + level);
    C.fill($('children'), children.map(function (c) {
      var b = C.el('button', { type: 'button', class: 'link', 'data-child': c.code }, c.name);
      if (c.code.length === 12) { names[c.code] = c.name; }
      b.addEventListener('click', function () { go(c.code.length === 12 ? 'village' : 'region', c.code); });
      return C.el('tr', null, C.el('td', null, b), C.el('td', { class: 'num' }, c.villagesWithPlan),
        C.el('td', { class: 'num' }, c.villagesMeetingStandard),
        C.el('td', null, C.bar(c.averageProgress), ' ', C.el('span', { 'data-progress': c.code }, C.percent(c.averageProgress))));
    }));
  }

  function chart(id) {
    if (!window.echarts) { return null; }  // the charts are a bonus: the tables carry the figures
    if (!charts[id]) { charts[id] = window.echarts.init($(id)); }
    return charts[id];
  }

  function renderCharts(series, items) {
    var s = chart('chart-series');
    if (s) {
      s.setOption({
        animation: false, tooltip: { trigger: 'axis' }, legend: { data: [C.t('series.average'), C.t('series.meeting')] },
        grid: { left: 40, right: 40, bottom: 30, top: 40 },
        xAxis: { type: 'category', data: series.map(function (p) { return p.asOf; }) },
        yAxis: [{ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }, { type: 'value', minInterval: 1 }],
        series: [
          { name: C.t('series.average'), type: 'line', data: series.map(function (p) { return Math.round(p.averageProgress * 1000) / 10; }) },
          { name: C.t('series.meeting'), type: 'bar', yAxisIndex: 1, data: series.map(function (p) { return p.villagesMeetingStandard; }) }
        ]
      }, true);
    }
    var i = chart('chart-items');
    if (i) {
      var en = C.lang() === 'en';
      i.setOption({
        animation: false, tooltip: { trigger: 'axis' }, grid: { left: 110, right: 20, bottom: 20, top: 10 },
        xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', data: items.map(function (x) { return en ? x.labelEn : x.labelZh; }), axisLabel: { width: 100, overflow: 'truncate' } },
        series: [{ name: C.t('share'), type: 'bar', data: items.map(function (x) { return Math.round(x.share * 1000) / 10; }) }]
      }, true);
    }
  }

  // ---- a village ----
  function loadVillage(v) {
    var day = asOf();
    var live = C.json('/api/v1/reports/villages/' + v.code);
    var past = day ? C.json('/api/v1/reports/villages/' + v.code + '/as-of/' + day) : Promise.resolve(null);
    return Promise.all([live, past]).then(function (all) {
      $('refused').hidden = true;
      $('region-view').hidden = true;
      $('village-view').hidden = false;
      var r = all[0];
      names[v.code] = r.name;
      footer(day, r.freshness);
      delete r.freshness;
      if (changed('village', [v, r, all[1], C.lang()])) { renderVillage(r, all[1]); crumbs(v); }
    });
  }

  function renderVillage(r, past) {
    var en = C.lang() === 'en';
    var pastItems = {};
    if (past) { past.items.forEach(function (i) { pastItems[i.code] = i; }); }
    var progress = past ? past.progress : r.progress;
    var meets = past ? past.meetsStandard : r.meetsStandard;
    C.fill($('village-figures'),
      figure(C.t('fig.progress'), C.percent(progress), 'progress'),
      figure(C.t('fig.items-met'), r.itemsMet + '/' + r.itemsTotal, 'itemsMet'),
      figure(C.t('fig.meets'), meets ? C.t('yes') : C.t('no'), 'meetsStandard'));
    $('standard').textContent = C.t('standard', r.standardId, r.standardIllustrative ? C.t('illustrative') : '')
      + (past ? ' · ' + C.t('as-of.figures') : '');
    C.fill($('items'), r.items.map(function (item) {
      var shown = pastItems[item.code] || item;
      var figures = (item.figures || []).map(function (f) {
        var label = en ? f.labelEn : f.labelZh;
        return C.el('div', { class: 'muted' }, (label || f.what) + ': ' + (f.done === null ? '—' : Number(f.done))
          + (f.target === null || f.target === undefined ? '' : ' / ' + Number(f.target)) + (f.unit ? ' ' + C.t('unit.' + f.unit) : ''));
      });
      return C.el('tr', { 'data-item': item.code },
        C.el('td', null, en ? item.labelEn : item.labelZh, C.el('div', { class: 'muted' }, C.t('kind.' + item.kind))),
        C.el('td', null, C.el('span', { class: 'badge ' + shown.status }, C.t('status.' + shown.status))),
        C.el('td', null, C.bar(shown.progress), ' ', C.el('span', { class: 'progress' }, C.percent(shown.progress))),
        C.el('td', null, figures));
    }));
  }

  function footer(day, f) {
    $('freshness').textContent = day ? C.t('freshness.as-of', day)
      : f && f.lastEventTime ? C.t('freshness', C.time(f.lastEventTime), f.lagSeconds === null ? '—' : Math.round(f.lagSeconds))
      : C.t('freshness.none');
  }

  // ---- exports: fetched with the token, handed to the browser as a file ----
  function exportAs(format) {
    var v = view();
    var code = v.kind === 'village' ? v.code.substring(0, 9) : v.code;
    C.api('/api/v1/reports/regions/' + code + '/export?format=' + format + '&lang=' + (C.lang() === 'en' ? 'en' : 'zh'))
      .then(function (r) {
        var file = /filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '');
        return r.blob().then(function (b) {
          var a = document.createElement('a');
          a.href = URL.createObjectURL(b);
          a.download = file ? file[1] : 'cunjian-' + code + '.' + format;
          document.body.appendChild(a);
          a.click();
          setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
        });
      }).catch(function (e) { refuse(C.t('error', e.message)); });
  }

  var busy = false;
  function refresh() {
    if (busy) { return; }
    busy = true;
    var v = view();
    var done = function () { busy = false; };
    if (v.kind === 'region' && changed('crumbs', [v.code, C.lang()])) { crumbs(v); }
    (v.kind === 'region' ? loadRegion(v) : loadVillage(v)).catch(function (e) { failed(v, e); }).then(done, done);
  }

  function rerender() { last = {}; refresh(); }

  C.translate();
  C.langSwitch($('lang'), function () { picker(); rerender(); });
  $('sign-out').addEventListener('click', C.signOut);
  $('region').addEventListener('change', function () { go('region', $('region').value); });
  $('as-of').addEventListener('change', rerender);
  $('live').addEventListener('click', function () { $('as-of').value = ''; rerender(); });
  $('export-csv').addEventListener('click', function () { exportAs('csv'); });
  $('export-xlsx').addEventListener('click', function () { exportAs('xlsx'); });
  window.addEventListener('hashchange', rerender);
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });

  C.json('/me').then(function (m) {
    me = m;
    $('who').textContent = m.subject;
    return picker();
  }).then(function () {
    refresh();
    polling = setInterval(refresh, POLL_MS);
  });
})();
