// 导入版面: after the editor confirms, import one page per request and show the count.
// Without this script the confirm form posts as it is and the server imports every page in
// that one request; the result page is the same either way.
(function () {
  "use strict";
  var form = document.getElementById("import-confirm");
  var status = document.getElementById("import-progress");
  if (!form || !status || !window.fetch || !window.FormData) {
    return;
  }
  var bar = status.querySelector("progress");
  var text = status.querySelector("span");

  function post(url) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    body.append("by_step", "1");
    return fetch(url, { method: "POST", body: body, credentials: "same-origin" }).then(
      function (response) {
        if (!response.ok) {
          throw new Error("服务器返回 " + response.status);
        }
        return response.json();
      }
    );
  }

  function show(state) {
    bar.max = state.total;
    bar.value = state.done;
    text.textContent = "正在导入：已完成 " + state.done + " / " + state.total + " 个版面";
  }

  function next(state) {
    show(state);
    if (state.finished) {
      window.location.assign(state.result_url);
      return null;
    }
    return post(form.dataset.stepUrl).then(next);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    document.querySelectorAll(".import-actions input[type=submit]").forEach(function (button) {
      button.disabled = true;
    });
    status.hidden = false;
    post(form.action)
      .then(next)
      .catch(function (error) {
        text.textContent =
          "导入中断（" + error.message + "）。已导入的版面已保存；请打开结果页继续导入其余版面。";
      });
  });
})();
