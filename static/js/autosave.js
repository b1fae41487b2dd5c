// Never lose a word: the piece being written is saved by itself (portal.views.autosave) a few
// seconds after each change and when the page is left, and "已自动保存 10:42" says so. Every
// change is also kept in this browser (localStorage) until the site has it, so a session that
// expired, or a lost connection, loses nothing: after logging in again through the link shown,
// the form comes back with the text. The byline and the photo are saved with the form's buttons.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-url]");
  if (!form) { return; }
  var FIELDS = ["call", "theme", "genre", "zone", "kicker", "title", "subtitle", "body"];
  var EVERY_MS = 4000;
  var status = document.getElementById("autosave-status");
  var url = form.dataset.autosaveUrl;
  var dirty = false, timer = null, inFlight = false, leaving = false;

  function storeKey() {
    var token = form.elements.submission_token;
    var piece = form.dataset.piece === "new" && token ? "new:" + token.value : form.dataset.piece;
    return "kfq-draft:" + form.dataset.owner + ":" + piece;
  }
  function values() {
    var found = {};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (field) { found[name] = field.value; }
    });
    return found;
  }
  function remember() {
    try {
      localStorage.setItem(storeKey(), JSON.stringify({ values: values(), at: Date.now() }));
    } catch (e) { /* private mode or full: the server copy still goes */ }
  }
  function forget() { try { localStorage.removeItem(storeKey()); } catch (e) { /* nothing kept */ } }
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : form.elements.csrfmiddlewaretoken.value;
  }
  function payload() {
    var data = new FormData();
    var found = values();
    Object.keys(found).forEach(function (name) { data.append(name, found[name]); });
    if (form.elements.submission_token) { data.append("submission_token", form.elements.submission_token.value); }
    data.append("csrfmiddlewaretoken", csrfToken());
    return data;
  }
  function say(text, state) {
    status.textContent = text;
    status.dataset.state = state;
  }
  function sayExpired() {
    var next = form.dataset.piece === "new" && form.elements.submission_token
      ? location.pathname + "?restore=" + form.elements.submission_token.value
      : location.pathname;
    status.textContent = "登录已过期，刚写的文字已保存在这台设备的浏览器里。请";
    var link = document.createElement("a");
    link.href = form.dataset.loginUrl + "?next=" + encodeURIComponent(next);
    link.textContent = "重新登录";
    status.appendChild(link);
    status.appendChild(document.createTextNode("，登录后会回到这篇稿件，文字自动恢复。"));
    status.dataset.state = "problem";
  }
  function adopt(answer) {
    // The first save of a new piece made a draft: from now on the form is that draft's.
    if (form.dataset.piece !== "new") { return; }
    var oldKey = storeKey();
    form.action = answer.edit_url;
    url = answer.autosave_url;
    form.dataset.piece = String(answer.piece);
    try { localStorage.removeItem(oldKey); } catch (e) { /* nothing kept */ }
    if (window.history && history.replaceState) { history.replaceState(null, "", answer.edit_url); }
  }
  function save() {
    timer = null;
    if (!dirty || inFlight || leaving) { return; }
    inFlight = true;
    var sent = JSON.stringify(values());
    fetch(url, {
      method: "POST",
      body: payload(),
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" },
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        inFlight = false;
        if (response.ok) {
          adopt(answer);
          if (JSON.stringify(values()) === sent) { dirty = false; forget(); } else { remember(); schedule(); }
          say("已自动保存 " + answer.saved_at, "saved");
        } else if (response.status === 401 || response.status === 403) {
          sayExpired();
        } else {
          say("未能自动保存：" + (answer.error || "请点“保存草稿”。"), "problem");
        }
      });
    }).catch(function () {
      inFlight = false;
      say("暂时连不上网站：文字已保存在这台设备的浏览器里，连上后会自动保存。", "problem");
      schedule();
    });
  }
  function schedule() { if (!timer) { timer = setTimeout(save, EVERY_MS); } }
  function changed() { dirty = true; remember(); schedule(); }
  function restore() {
    // The form came back from the server filled from a Word document: the copy kept before the
    // post went in with the post, and restoring it would undo what the document filled in.
    if ("composedByServer" in form.dataset) { forget(); return; }
    var kept;
    try { kept = JSON.parse(localStorage.getItem(storeKey()) || "null"); } catch (e) { kept = null; }
    if (!kept || !kept.values) { return; }
    var savedAt = Date.parse(form.dataset.savedAt || "") || 0;
    if (kept.at <= savedAt || JSON.stringify(kept.values) === JSON.stringify(values())) { forget(); return; }
    Object.keys(kept.values).forEach(function (name) {
      if (form.elements[name]) { form.elements[name].value = kept.values[name]; }
    });
    ["input", "change"].forEach(function (kind) {
      form.elements.body.dispatchEvent(new Event(kind, { bubbles: false }));
    });
    var time = new Date(kept.at);
    say("已恢复 " + ("0" + time.getHours()).slice(-2) + ":" + ("0" + time.getMinutes()).slice(-2) +
      " 保存在本机、尚未存到网站的文字，正在自动保存。", "restored");
    dirty = true;
    schedule();
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", function (event) {
    if (FIELDS.indexOf(event.target.name) !== -1) { changed(); }
  });
  form.addEventListener("submit", function () { leaving = true; });
  window.addEventListener("pagehide", function () {
    if (dirty && !leaving && navigator.sendBeacon) { navigator.sendBeacon(url, payload()); }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { save(); }
  });
  restore();
})();
