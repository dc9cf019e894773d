/* The sign-in page: the demo users of the development sign-in when the service offers it, else a pasted token. */
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
      'role.contractor': '施工单位', 'role.device': '设备'
    },
    'en': {
      'title': 'Cunjian · Sign in', 'demo.title': 'Development sign-in (demo users)',
      'demo.note': 'Only on the local stack; in production you sign in through your organisation\'s identity provider (OIDC).',
      'col.user': 'User', 'col.role': 'Role', 'col.regions': 'Regions', 'sign-in': 'Sign in as this user',
      'paste.title': 'Sign in with an access token', 'paste.off': 'This service has no development sign-in. Paste an access token (bearer token) issued by your identity provider.',
      'paste.placeholder': 'eyJ…', 'paste.use': 'Sign in', 'paste.bad': 'This is not a valid access token',
      'role.district-admin': 'District admin', 'role.township-staff': 'Township staff', 'role.viewer': 'Viewer (read only)',
      'role.contractor': 'Contractor', 'role.device': 'Device'
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
  fetch('/dev/sign-in', { cache: 'no-store' }).then(function (r) {
    if (!r.ok) { throw new Error('off'); }
    return r.json();
  }).then(function (list) {
    users = list;
    document.getElementById('demo').hidden = false;
    render();
  }).catch(function () {
    document.getElementById('off').hidden = false;
  });
})();
