/*
 * The staff verification queue: completed orders in my regions, their photos with the EXIF flags,
 * verify the quantity found (at most the reported one; less needs a reason) or reject with a reason.
 * The service decides what is missing: its field errors are shown next to the fields. Polls every 5 s;
 * text only through textContent.
 */
(function () {
  'use strict';
  var C = window.Cunjian;
  if (!C.requireSignIn()) { return; }
  var $ = function (id) { return document.getElementById(id); };
  var shown = null;
  var photoUrls = {};   // photo id → blob URL (fetched with the token; an <img> cannot send it)
  var done = {};        // order id → what this user just did

  function unit(u) { return C.t('unit.' + u); }

  function thumbnail(orderId, photo) {
    var img = C.el('img', { alt: photo.fileName || '', width: 160, class: 'photo', 'data-photo': photo.id });
    img.style.maxWidth = '100%';
    var url = photoUrls[photo.id];
    (url ? Promise.resolve(url) : C.api('/api/v1/work-orders/' + orderId + '/photos/' + photo.id)
      .then(function (r) { return r.blob(); })
      .then(function (b) { photoUrls[photo.id] = URL.createObjectURL(b); return photoUrls[photo.id]; }))
      .then(function (u) { img.src = u; }, function () { /* the figure below still names the photo */ });
    var flags = photo.flags.length ? photo.flags.map(function (f) {
      return C.el('span', { class: 'badge flag', 'data-flag': f }, C.t('flag.' + f));
    }) : [C.el('span', { class: 'badge ok' }, C.t('no-flags'))];
    return C.el('figure', { class: 'card' }, img, C.el('figcaption', { class: 'row' }, flags));
  }

  function act(order, action, body, box) {
    box.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    C.json('/api/v1/work-orders/' + order.id + '/' + action, {
      method: 'POST', body: body ? JSON.stringify(body) : undefined,
      headers: body ? { 'Content-Type': 'application/json', 'Idempotency-Key': C.newKey() } : { 'Idempotency-Key': C.newKey() }
    }).then(function () {
      done[order.id] = action;
      load(true);
    }, function (e) {
      box.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
      C.fill(box.querySelector('.message'), C.fieldErrors(box, e) ? '' : C.t('error', e.message));
    });
  }

  /** The verification as the form says: no body when staff leave the reported quantity and write nothing. */
  function verification(o, quantity, reason) {
    var found = quantity.value.trim();
    var why = reason.value.trim();
    var whole = found === '' || Number(found) === Number((o.completion || {}).actualQuantity);
    if (whole && !why) { return null; }
    var body = {};
    if (!whole) { body.quantity = found === '' || isNaN(Number(found)) ? found : Number(found); }
    if (why) { body.reason = why; }
    return body;
  }

  function field(label, input, name) {
    return C.el('label', { class: 'field' }, C.el('span', null, label), input,
      C.el('span', { class: 'error', 'data-field-error': name }));
  }

  function card(o) {
    var c = o.completion || {};
    var quantity = C.el('input', { name: 'quantity', type: 'number', min: 0, step: 'any', inputmode: 'decimal',
      value: c.actualQuantity === undefined ? '' : String(Number(c.actualQuantity)) });
    var reason = C.el('textarea', { name: 'reason', rows: 2, maxlength: 2000, placeholder: C.t('reason') });
    var verify = C.el('button', { type: 'button', class: 'verify' }, C.t('verify'));
    var reject = C.el('button', { type: 'button', class: 'danger reject' }, C.t('reject'));
    var box = C.el('div', null, C.el('p', null, field(C.t('verified-quantity', unit(o.unit)), quantity, 'quantity')),
      C.el('p', null, field(C.t('reason-label'), reason, 'reason')),
      C.el('p', { class: 'row' }, verify, reject, C.el('span', { class: 'message error' })));
    verify.addEventListener('click', function () { act(o, 'verify', verification(o, quantity, reason), box); });
    reject.addEventListener('click', function () {
      if (!reason.value.trim()) { C.fill(box.querySelector('.message'), C.t('need-reason')); return; }
      act(o, 'reject', { reason: reason.value.trim() }, box);
    });
    return C.el('article', { class: 'card order', 'data-order': o.id },
      C.el('div', { class: 'row' }, C.el('strong', null, o.title), C.el('span', { class: 'badge ' + o.status }, C.t('status.' + o.status)),
        o.overdue ? C.el('span', { class: 'badge overdue' }, C.t('overdue')) : null),
      C.el('div', { class: 'muted' }, C.t('village', o.villageCode), ' · ', C.t('contractor', o.contractorId || '—')),
      C.el('p', null, C.t('planned', Number(o.plannedQuantity), unit(o.unit)), ' · ',
        C.el('strong', { class: 'actual' }, C.t('actual', Number(c.actualQuantity), unit(o.unit))),
        c.completedAt ? ' · ' + C.t('completed-at', C.time(c.completedAt)) : ''),
      c.notes ? C.el('p', { class: 'notes' }, c.notes) : null,
      C.el('div', { class: 'grid photos' }, (o.photos || []).map(function (p) { return thumbnail(o.id, p); })),
      box);
  }

  function render(list) {
    var notes = Object.keys(done).map(function (id) {
      return C.el('p', { class: 'badge ok done', 'data-order': id }, id.substring(0, 8) + ' · ' + C.t(done[id] === 'verify' ? 'verified' : 'rejected'));
    });
    C.fill($('queue'), notes, list.length ? list.map(card) : C.el('p', { class: 'card muted' }, C.t('queue.empty')));
  }

  /** Staff are filling in a card: a reason written or a quantity changed; the poll must not redraw it. */
  function busyTyping() {
    return Array.prototype.some.call(document.querySelectorAll('textarea[name=reason]'), function (t) { return t.value; })
      || Array.prototype.some.call(document.querySelectorAll('input[name=quantity]'), function (i) { return i.value !== i.defaultValue; });
  }

  function load(force) {
    if (!force && busyTyping()) { return Promise.resolve(); }
    return C.json('/api/v1/work-orders?status=COMPLETED&size=100').then(function (page) {
      // the list leaves out the photos: each order's own read and its photos' flags
      return Promise.all(page.items.map(function (o) {
        return Promise.all([C.json('/api/v1/work-orders/' + o.id), C.json('/api/v1/work-orders/' + o.id + '/photos')])
          .then(function (r) { r[0].photos = r[1]; return r[0]; });
      }));
    }).then(function (list) {
      var s = JSON.stringify([list, C.lang(), done]);
      if (s !== shown) { shown = s; render(list); }
    }, function () { /* offline for a moment: the next poll tries again */ });
  }

  C.translate();
  C.langSwitch($('lang'), function () { shown = null; load(true); });
  $('sign-out').addEventListener('click', C.signOut);
  var claims = C.claims();
  $('who').textContent = claims ? claims.sub : '';
  load(true);
  setInterval(load, 5000);
})();
