/*
 * The sign-in page. Production: the organisation's OIDC provider, authorization code flow with PKCE
 * run here (the service only says where the provider is: /web/sign-in/oidc); the provider's access
 * token is the bearer token. Local stack: the demo users of the development sign-in. Always: a
 * pasted token.
 */
(function () {
  'use strict';
  var C = window.Cunjian;
  C.messages({
    'zh-CN': {
      'title': '村建 · 登录', 'demo.title': '开发环境登录（演示用户）',
      'demo.note': '仅在本地环境开启；生产环境通过单位的统一身份认证（OIDC）登录。',
      'col.user': '用户', 'col.role': '角色', 'col.regions': '地区', 'sign-in': '以此身份登录',
      'paste.title': '使用访问令牌登录', 'paste.off': '此服务未开启开发环境登录。请粘贴由统一身份认证签发的访问令牌（Bearer token）。',
      'paste.placeholder': 'eyJ…', 'paste.use': '登录', 'paste.bad': '这不是有效的访问令牌',
      'role.district-admin': '区县管理员', 'role.township-staff': '乡镇工作人员', 'role.viewer': '领导/只读',
      'role.contractor': '施工单位', 'role.device': '设备',
      'oidc.title': '单位统一身份认证', 'oidc.note': '使用单位的账号登录；登录后回到本页面。', 'oidc.go': '使用单位账号登录',
      'oidc.failed': '统一身份认证登录失败：', 'oidc.unreachable': '无法连接统一身份认证服务', 'oidc.state': '登录请求已失效，请重新登录',
      'oidc.insecure': '此页面需要通过 HTTPS 打开才能登录'
    },
    'en': {
      'title': 'Cunjian · Sign in', 'demo.title': 'Development sign-in (demo users)',
      'demo.note': 'Only on the local stack; in production you sign in through your organisation\'s identity provider (OIDC).',
      'col.user': 'User', 'col.role': 'Role', 'col.regions': 'Regions', 'sign-in': 'Sign in as this user',
      'paste.title': 'Sign in with an access token', 'paste.off': 'This service has no development sign-in. Paste an access token (bearer token) issued by your identity provider.',
      'paste.placeholder': 'eyJ…', 'paste.use': 'Sign in', 'paste.bad': 'This is not a valid access token',
      'role.district-admin': 'District admin', 'role.township-staff': 'Township staff', 'role.viewer': 'Viewer (read only)',
      'role.contractor': 'Contractor', 'role.device': 'Device',
      'oidc.title': 'Organisation sign-in', 'oidc.note': 'Sign in with your organisation\'s account; you come back here afterwards.',
      'oidc.go': 'Sign in with your organisation account',
      'oidc.failed': 'Sign-in with the identity provider failed: ', 'oidc.unreachable': 'The identity provider cannot be reached',
      'oidc.state': 'This sign-in request has expired; please sign in again', 'oidc.insecure': 'This page must be opened over HTTPS to sign in'
    }
  });

  /** Where to go after signing in: a path of this site only (never another origin). */
  function next() {
    var n = new URLSearchParams(location.search).get('next') || '/';
    // "//host" and "/\\host" would leave the site
    return /^\/(?![\/\\])/.test(n) ? n : '/';
  }

  function done(token) {
    C.setToken(token);
    location.replace(next());
  }

  var users = [];
  function render() {
    C.fill(document.getElementById('users'), users.map(function (u) {
      var b = C.el('button', { type: 'button', 'data-user': u.id }, C.t('sign-in'));
      b.addEventListener('click', function () {
        fetch('/dev/sign-in/' + encodeURIComponent(u.id), { method: 'POST', cache: 'no-store' })
          .then(function (r) { return r.json(); }).then(function (r) { done(r.token); });
      });
      return C.el('div', { class: 'user row' },
        C.el('div', { class: 'grow' }, C.el('strong', null, C.lang() === 'en' ? u.nameEn : u.nameZh),
          C.el('div', { class: 'muted' }, C.t('role.' + u.role) + ' · ' + C.t('col.regions') + ' ' + u.regions.join(', ')
            + (u.contractorId ? ' · ' + u.contractorId : '') + ' · ' + u.id)),
        b);
    }));
  }

  C.langSwitch(document.getElementById('lang'), render);
  C.translate();
  document.getElementById('use').addEventListener('click', function () {
    var t = document.getElementById('token').value.trim().replace(/^Bearer\s+/i, '');
    if (t.split('.').length !== 3) {
      document.getElementById('message').textContent = C.t('paste.bad');
      return;
    }
    done(t);
  });

  // ---- OIDC: authorization code flow with PKCE (RFC 7636), the verifier kept in this tab only ----

  var PENDING = 'cunjian.oidc';
  var redirectUri = location.origin + location.pathname;

  function base64url(bytes) {
    var s = '';
    bytes.forEach(function (b) { s += String.fromCharCode(b); });
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function random() { return base64url(crypto.getRandomValues(new Uint8Array(32))); }
  function oidcMessage(text) { document.getElementById('oidc-message').textContent = text; }
  function discover(issuer) {
    return fetch(issuer + '/.well-known/openid-configuration').then(function (r) {
      if (!r.ok) { throw new Error('discovery ' + r.status); }
      return r.json();
    });
  }

  function startOidc(oidc) {
    if (!window.crypto || !crypto.subtle) { oidcMessage(C.t('oidc.insecure')); return; }
    var verifier = random(), state = random();
    Promise.all([discover(oidc.issuer),
      crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))]).then(function (r) {
      var provider = r[0];
      sessionStorage.setItem(PENDING, JSON.stringify({ state: state, verifier: verifier, next: next(),
        tokenEndpoint: provider.token_endpoint, clientId: oidc.clientId }));
      var q = new URLSearchParams({ response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri,
        scope: oidc.scope, state: state, code_challenge: base64url(new Uint8Array(r[1])), code_challenge_method: 'S256',
        ui_locales: C.lang() });
      location.assign(provider.authorization_endpoint + '?' + q.toString());
    }).catch(function (e) { oidcMessage(C.t('oidc.unreachable') + ' (' + e.message + ')'); });
  }

  /** Back from the provider: exchange the code (once: the pending request is removed first). */
  function finishOidc(params) {
    var pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', redirectUri);
    document.getElementById('oidc').hidden = false;
    if (params.get('error')) {
      oidcMessage(C.t('oidc.failed') + (params.get('error_description') || params.get('error')));
      return;
    }
    if (!pending || pending.state !== params.get('state')) { oidcMessage(C.t('oidc.state')); return; }
    fetch(pending.tokenEndpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri,
        client_id: pending.clientId, code_verifier: pending.verifier }) })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (r) {
        if (!r.ok || !r.body.access_token) {
          oidcMessage(C.t('oidc.failed') + (r.body.error_description || r.body.error || ''));
          return;
        }
        C.setToken(r.body.access_token);
        location.replace(pending.next);
      }).catch(function (e) { oidcMessage(C.t('oidc.unreachable') + ' (' + e.message + ')'); });
  }

  var params = new URLSearchParams(location.search);
  var returning = params.has('state') && (params.has('code') || params.has('error'));
  function json(url) {
    return fetch(url, { cache: 'no-store' }).then(function (r) { return r.ok ? r.json() : null; }).catch(function () { return null; });
  }
  Promise.all([json('/web/sign-in/oidc'), json('/dev/sign-in')]).then(function (r) {
    var oidc = r[0], demo = r[1];
    if (oidc) {
      document.getElementById('oidc').hidden = false;
      document.getElementById('oidc-go').addEventListener('click', function () { startOidc(oidc); });
    }
    if (demo) {
      users = demo;
      document.getElementById('demo').hidden = false;
      render();
    } else {
      document.getElementById('off').hidden = false;
    }
    if (returning) {
      finishOidc(params);
    } else if (oidc && !demo && !params.has('stay')) {
      // The provider is the only way in: go there at once (with its session still open, the user
      // comes straight back, which is what an expired token's redirect here should feel like).
      startOidc(oidc);
    }
  });
})();
