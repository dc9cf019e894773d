/*
 * What every Cunjian page shares (served by each service from the chassis jar, /web/cunjian.js):
 * the bearer token and the fetch that carries it, the language switch, and building the DOM with
 * textContent only — data never goes through innerHTML, so a name like <script> stays text.
 * Plain JS, no build step (docs/adr/0011-web-pages.md).
 */
(function () {
  'use strict';
  var TOKEN = 'cunjian.token';
  var LANG = 'cunjian.lang';
  var dict = {};

  // localStorage, not sessionStorage: a contractor's phone may reload the page while a completion
  // waits to be sent, and the retry needs the token (ADR 0011).
  function token() { return localStorage.getItem(TOKEN); }
  function setToken(t) { localStorage.setItem(TOKEN, t); }

  function claims() {
    var t = token();
    if (!t) { return null; }
    try {
      var part = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      var json = decodeURIComponent(Array.prototype.map.call(atob(part),
        function (c) { return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2); }).join(''));
      return JSON.parse(json);
    } catch (e) { return null; }
  }

  function signInUrl() {
    return '/web/sign-in.html?next=' + encodeURIComponent(location.pathname + location.search + location.hash);
  }

  /** Sends the user to the sign-in page unless a token that has not expired is kept. */
  function requireSignIn() {
    var c = claims();
    if (!c || (c.exp && c.exp * 1000 < Date.now())) {
      localStorage.removeItem(TOKEN);
      location.replace(signInUrl());
      return false;
    }
    return true;
  }

  function signOut() {
    localStorage.removeItem(TOKEN);
    location.replace(signInUrl());
  }

  /** An answer that was not 2xx, with its problem+json body when there is one. */
  function ApiError(status, problem) {
    this.status = status;
    this.problem = problem || {};
    this.message = (problem && (problem.detail || problem.title)) || ('HTTP ' + status);
  }

  /**
   * fetch with the bearer token and the page's language. Rejects with a TypeError when the network
   * is down (the caller decides whether to retry), with an ApiError for a non-2xx answer; a 401
   * (token expired) goes back to the sign-in page.
   */
  function api(path, options) {
    options = options || {};
    var headers = new Headers(options.headers || {});
    headers.set('Authorization', 'Bearer ' + token());
    headers.set('Accept-Language', lang());
    options.headers = headers;
    options.cache = 'no-store';
    return fetch(path, options).then(function (r) {
      if (r.ok) { return r; }
      if (r.status === 401) { signOut(); }
      return r.json().catch(function () { return null; }).then(function (p) { throw new ApiError(r.status, p); });
    });
  }

  /**
   * Puts an answer's problem+json field errors ({field, message}) next to the fields they name: into the
   * element of box marked data-field-error="<field>". Clears the earlier ones first; returns whether any
   * was placed, so that the caller shows the detail elsewhere when none was.
   */
  function fieldErrors(box, error) {
    box.querySelectorAll('[data-field-error]').forEach(function (e) { e.textContent = ''; });
    var placed = false;
    ((error && error.problem && error.problem.errors) || []).forEach(function (fe) {
      box.querySelectorAll('[data-field-error]').forEach(function (e) {
        if (e.getAttribute('data-field-error') === fe.field) { e.textContent = fe.message; placed = true; }
      });
    });
    return placed;
  }

  function json(path, options) {
    return api(path, options).then(function (r) { return r.status === 204 ? null : r.json(); });
  }

  /** A random key for Idempotency-Key headers (crypto.randomUUID needs a secure context; this does not). */
  function newKey() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }

  // ---- language ----

  function lang() { return localStorage.getItem(LANG) === 'en' ? 'en' : 'zh-CN'; }

  /** Registers the page set's dictionary: {'zh-CN': {key: text}, en: {key: text}}. */
  function messages(d) { dict = d; }

  /** The text of key in the current language, {0} {1} replaced by the arguments. */
  function t(key) {
    var table = dict[lang()] || {};
    var s = table[key] !== undefined ? table[key] : ((dict['zh-CN'] || {})[key] !== undefined ? dict['zh-CN'][key] : key);
    for (var i = 1; i < arguments.length; i++) {
      s = s.split('{' + (i - 1) + '}').join(String(arguments[i]));
    }
    return s;
  }

  /** Fills every [data-i18n] element's text (and [data-i18n-placeholder]) from the dictionary. */
  function translate(root) {
    root = root || document;
    document.documentElement.lang = lang();
    root.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.getAttribute('data-i18n')); });
    root.querySelectorAll('[data-i18n-placeholder]').forEach(function (e) {
      e.setAttribute('placeholder', t(e.getAttribute('data-i18n-placeholder')));
    });
  }

  /** A button that switches between 中文 and English and calls onChange to re-render. */
  function langSwitch(button, onChange) {
    function label() { button.textContent = lang() === 'en' ? '中文' : 'English'; }
    label();
    button.addEventListener('click', function () {
      localStorage.setItem(LANG, lang() === 'en' ? 'zh-CN' : 'en');
      label();
      translate();
      if (onChange) { onChange(); }
    });
  }

  // ---- DOM, text only ----

  /**
   * el('td', {class: 'num', title: x}, 'text', childNode, ...): strings become text nodes, never
   * markup. Attributes are set with setAttribute; on* handlers and href/src are not accepted here.
   */
  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (/^on|^href$|^src$/i.test(k)) { throw new Error('el: set ' + k + ' in code, not from data'); }
        if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) { e.setAttribute(k, String(attrs[k])); }
      });
    }
    for (var i = 2; i < arguments.length; i++) { append(e, arguments[i]); }
    return e;
  }

  function append(parent, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(parent, c); }); return; }
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  /** Replaces an element's children. */
  function fill(parent) {
    while (parent.firstChild) { parent.removeChild(parent.firstChild); }
    for (var i = 1; i < arguments.length; i++) { append(parent, arguments[i]); }
    return parent;
  }

  /** A time as it is read in China (Asia/Shanghai), in the page's language. */
  function time(iso) {
    if (!iso) { return '—'; }
    return new Date(iso).toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  }

  function percent(x) {
    return x === null || x === undefined ? '—' : (Math.round(Number(x) * 1000) / 10) + '%';
  }

  /** A progress bar (role=progressbar) for a share 0..1. */
  function bar(x) {
    var v = Math.max(0, Math.min(1, Number(x) || 0));
    var fillEl = el('span', { class: 'bar-fill' });
    fillEl.style.width = (v * 100) + '%';
    return el('span', { class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100,
      'aria-valuenow': Math.round(v * 100) }, fillEl);
  }

  window.Cunjian = {
    token: token, setToken: setToken, claims: claims, requireSignIn: requireSignIn, signOut: signOut,
    api: api, json: json, ApiError: ApiError, newKey: newKey, fieldErrors: fieldErrors,
    lang: lang, messages: messages, t: t, translate: translate, langSwitch: langSwitch,
    el: el, fill: fill, time: time, percent: percent, bar: bar
  };
})();
