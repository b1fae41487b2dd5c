// Print buttons (<button type="button" data-print>) of the awards pages. A script file rather
// than onclick="window.print()": the Content-Security-Policy runs no inline event handler.
(function () {
  "use strict";
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
