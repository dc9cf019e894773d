/*
 * The contractor's phone page: my orders (open first, overdue marked), start, complete with the
 * actual quantity and photos from the camera. A completion is first written to this phone
 * (IndexedDB, with its Idempotency-Keys) and then sent; until the service acknowledges it, it
 * stays visible as pending and is retried with the same keys, so it is never lost and never
 * counted twice (docs/adr/0011-web-pages.md).
 */
(function () {
  'use strict';
  var C = window.Cunjian;
  if (!C.requireSignIn()) { return; }
  var OUTBOX = 'cunjian.completions';
  var CACHE = 'cunjian.orders';
  var RETRY_MS = 5000;
  var $ = function (id) { return document.getElementById(id); };
  var orders = JSON.parse(localStorage.getItem(CACHE) || '[]');
  var opened = null;       // the order whose completion form is open
  var notice = {};         // order id → last outcome to show (delivered / failed)

  // ---- the outbox of completions ----
  // Kept in IndexedDB (photos make an entry megabytes; localStorage holds about 5 MB in all), one
  // record per order; `entries` mirrors it so that the page reads it without waiting. Without
  // IndexedDB (a very old browser) localStorage serves as before.
  var entries = {};
  var db = null;
  function openDb() {
    return new Promise(function (resolve) {
      if (!window.indexedDB) { resolve(null); return; }
      var req = indexedDB.open('cunjian', 1);
      req.onupgradeneeded = function () { req.result.createObjectStore('completions', { keyPath: 'orderId' }); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { resolve(null); };
    });
  }
  function tx(mode, work) {
    return new Promise(function (resolve, reject) {
      var t = db.transaction('completions', mode);
      var request = work(t.objectStore('completions'));
      t.oncomplete = function () { resolve(request.result); };
      t.onerror = t.onabort = function () { reject(t.error); };
    });
  }
  function loadOutbox() {
    var legacy = JSON.parse(localStorage.getItem(OUTBOX) || '[]');
    return openDb().then(function (opened) {
      db = opened;
      if (!db) { legacy.forEach(function (e) { entries[e.orderId] = e; }); return; }
      return tx('readonly', function (store) { return store.getAll(); }).then(function (all) {
        all.forEach(function (e) { entries[e.orderId] = e; });
        // what an earlier version of this page kept in localStorage moves over once
        return Promise.all(legacy.filter(function (e) { return !entries[e.orderId]; }).map(update))
          .then(function () { localStorage.removeItem(OUTBOX); });
      });
    });
  }
  function outbox() { return Object.keys(entries).map(function (k) { return entries[k]; }); }
  function pendingFor(orderId) { return entries[orderId]; }
  /** Writes the entry to the phone; resolves once it is stored (rejects when the phone's storage is full). */
  function update(entry) {
    entries[entry.orderId] = entry;
    if (!db) {
      try { localStorage.setItem(OUTBOX, JSON.stringify(outbox())); } catch (full) { return Promise.reject(full); }
      return Promise.resolve();
    }
    return tx('readwrite', function (store) { return store.put(entry); });
  }
  function remove(orderId) {
    delete entries[orderId];
    if (!db) { localStorage.setItem(OUTBOX, JSON.stringify(outbox())); return Promise.resolve(); }
    return tx('readwrite', function (store) { return store.delete(orderId); });
  }

  function dataUrlToBlob(url) {
    var parts = url.split(',');
    var type = /data:([^;]+)/.exec(parts[0])[1];
    var bin = atob(parts[1]);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return new Blob([bytes], { type: type });
  }

  function retryable(e) {
    return !(e instanceof C.ApiError) || e.status >= 500 || e.status === 408 || e.status === 429;
  }

  var flushing = false;
  /** Sends what waits in the outbox, one completion after the other; stops at the first network failure. */
  function flush() {
    if (flushing) { return Promise.resolve(); }
    var waiting = outbox().filter(function (e) { return e.state !== 'failed'; });
    if (!waiting.length) { return Promise.resolve(); }
    flushing = true;
    var chain = Promise.resolve();
    waiting.forEach(function (entry) {
      chain = chain.then(function () { return send(entry); });
    });
    return chain.then(function () { $('offline').hidden = true; }, function (e) {
      if (retryable(e)) { $('offline').hidden = false; }
    }).then(function () { flushing = false; render(); load(); });
  }

  function send(entry) {
    var uploads = Promise.resolve();
    entry.photos.forEach(function (p) {
      uploads = uploads.then(function () {
        if (p.id) { return; }
        var form = new FormData();
        form.append('file', dataUrlToBlob(p.data), p.name);
        return C.json('/api/v1/work-orders/' + entry.orderId + '/photos',
          { method: 'POST', body: form, headers: { 'Idempotency-Key': p.key } })
          .then(function (photo) { p.id = photo.id; return update(entry); });
      });
    });
    return uploads.then(function () {
      var body = { actualQuantity: entry.quantity, completedAt: entry.completedAt, notes: entry.notes || null,
        photoIds: entry.photos.map(function (p) { return p.id; }) };
      return C.json('/api/v1/work-orders/' + entry.orderId + '/complete', {
        method: 'POST', body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.key }
      });
    }).then(function () {
      notice[entry.orderId] = { kind: 'delivered' };
      return remove(entry.orderId);
    }, function (e) {
      if (retryable(e)) { throw e; }
      // refused for good (e.g. the order was cancelled): kept and shown, never dropped silently
      entry.state = 'failed';
      entry.error = e.message;
      return update(entry);
    });
  }

  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () { resolve({ name: file.name || 'photo.jpg', data: r.result, key: C.newKey() }); };
      r.onerror = reject;
      r.readAsDataURL(file);
    });
  }

  function submit(order, form) {
    var quantity = form.querySelector('input[name=quantity]').value.trim();
    var files = Array.prototype.slice.call(form.querySelector('input[type=file]').files);
    var message = form.querySelector('.message');
    if (!quantity || isNaN(Number(quantity)) || Number(quantity) < 0) { message.textContent = C.t('need-quantity'); return; }
    if (!files.length) { message.textContent = C.t('need-photo'); return; }
    form.querySelector('button.submit').disabled = true;
    Promise.all(files.map(readFile)).then(function (photos) {
      // the body is fixed now, so every retry sends the same request under the same key
      var entry = { orderId: order.id, key: C.newKey(), quantity: Number(quantity), notes: form.querySelector('textarea').value,
        completedAt: new Date().toISOString(), photos: photos, state: 'pending' };
      return update(entry).then(function () {
        opened = null;
        render();
        flush();
      }, function () {
        // not kept on the phone: say so rather than show a pending state that a closed page would lose
        delete entries[order.id];
        message.textContent = C.t('storage-full');
        form.querySelector('button.submit').disabled = false;
      });
    });
  }

  function start(order, button) {
    button.disabled = true;
    C.json('/api/v1/work-orders/' + order.id + '/start', { method: 'POST', headers: { 'Idempotency-Key': C.newKey() } })
      .then(load, function (e) {
        button.disabled = false;
        notice[order.id] = { kind: 'failed', text: retryable(e) ? C.t('offline') : e.message };
        render();
      });
  }

  // ---- the list ----
  var OPEN = { ASSIGNED: 1, IN_PROGRESS: 1, REJECTED: 1 };
  function sorted(list) {
    return list.slice().sort(function (a, b) {
      var oa = OPEN[a.status] ? 0 : 1, ob = OPEN[b.status] ? 0 : 1;
      if (oa !== ob) { return oa - ob; }
      if (a.overdue !== b.overdue) { return a.overdue ? -1 : 1; }
      return String(a.dueDate || '9999').localeCompare(String(b.dueDate || '9999'));
    });
  }

  function unit(u) { return C.t('unit.' + u); }

  function card(o) {
    var pending = pendingFor(o.id);
    var n = notice[o.id];
    var head = C.el('div', { class: 'row' },
      C.el('strong', null, o.title),
      C.el('span', { class: 'badge status ' + o.status }, C.t('status.' + o.status)),
      o.overdue ? C.el('span', { class: 'badge overdue' }, C.t('overdue')) : null);
    var facts = C.el('div', { class: 'muted' }, C.t('village', o.villageCode), ' · ', C.t('planned', Number(o.plannedQuantity), unit(o.unit)),
      o.dueDate ? ' · ' + C.t('due', o.dueDate) : '', o.location && o.location.text ? ' · ' + o.location.text : '');
    var actions = C.el('div', { class: 'row' });
    var body = [head, facts];
    if (o.description) { body.push(C.el('p', null, o.description)); }
    if (pending) {
      body.push(C.el('p', { class: 'badge ' + (pending.state === 'failed' ? 'overdue failed' : 'pending') },
        pending.state === 'failed' ? C.t('failed', pending.error) : C.t('pending')));
      if (pending.state === 'failed') {
        var again = C.el('button', { type: 'button', class: 'secondary retry' }, C.t('retry'));
        again.addEventListener('click', function () { pending.state = 'pending'; update(pending).then(flush); });
        actions.appendChild(again);
      }
    } else if (o.status === 'ASSIGNED' || o.status === 'REJECTED') {
      var s = C.el('button', { type: 'button', class: 'start' }, C.t('start'));
      s.addEventListener('click', function () { start(o, s); });
      actions.appendChild(s);
    } else if (o.status === 'IN_PROGRESS' && opened !== o.id) {
      var c = C.el('button', { type: 'button', class: 'complete' }, C.t('complete'));
      c.addEventListener('click', function () { opened = o.id; render(); });
      actions.appendChild(c);
    }
    if (n && !pending) {
      body.push(C.el('p', { class: 'badge ' + (n.kind === 'delivered' ? 'ok delivered' : 'overdue') },
        n.kind === 'delivered' ? C.t('delivered') : n.text));
    }
    body.push(actions);
    if (opened === o.id && !pending) { body.push(completionForm(o)); }
    return C.el('article', { class: 'card order', 'data-order': o.id, 'data-status': o.status }, body);
  }

  function completionForm(o) {
    var file = C.el('input', { type: 'file', name: 'photos', accept: 'image/*', capture: 'environment', multiple: 'multiple' });
    var form = C.el('form', { class: 'complete-form' },
      C.el('label', null, C.t('quantity') + ' (' + unit(o.unit) + ')', C.el('br'),
        C.el('input', { type: 'number', name: 'quantity', min: '0', step: 'any', inputmode: 'decimal' })),
      C.el('p', null, C.el('label', null, C.t('photos'), C.el('br'), file)),
      C.el('p', null, C.el('label', null, C.t('notes'), C.el('br'), C.el('textarea', { name: 'notes', rows: 2, maxlength: 2000 }))),
      C.el('p', { class: 'row' }, C.el('button', { type: 'submit', class: 'submit' }, C.t('submit')),
        C.el('button', { type: 'button', class: 'secondary cancel' }, C.t('cancel')), C.el('span', { class: 'message error' })));
    form.addEventListener('submit', function (ev) { ev.preventDefault(); submit(o, form); });
    form.querySelector('.cancel').addEventListener('click', function () { opened = null; render(); });
    return form;
  }

  function render() {
    // keep a half-filled form as it is: re-rendering would drop the chosen photos
    if (opened && document.querySelector('.complete-form')) { return; }
    var list = sorted(orders);
    C.fill($('orders'), list.length ? list.map(card) : C.el('p', { class: 'card muted' }, C.t('no-orders')));
  }

  function load() {
    return C.json('/api/v1/work-orders?size=200').then(function (page) {
      orders = page.items;
      localStorage.setItem(CACHE, JSON.stringify(orders));
      if (!outbox().length) { $('offline').hidden = true; }
      render();
    }, function (e) {
      if (retryable(e)) { $('offline').hidden = false; }
    });
  }

  C.translate();
  C.langSwitch($('lang'), function () { var keep = opened; opened = null; render(); opened = keep; });
  $('sign-out').addEventListener('click', C.signOut);
  var claims = C.claims();
  $('who').textContent = claims ? (claims.contractor_id || claims.sub) : '';
  window.addEventListener('online', flush);
  setInterval(flush, RETRY_MS);
  setInterval(function () { if (!flushing) { load(); } }, 10000);
  loadOutbox().then(function () {
    render();
    return load();
  }).then(flush);
})();
