// Live length as Chinese editors count it (same rule as articles/text.py count_characters):
// Chinese characters, Latin letters and digits count; spaces and punctuation do not.
(function () {
  "use strict";
  var COUNTED = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9]|[\ud840-\ud87f][\udc00-\udfff]/g;
  function count(text) { var m = text.match(COUNTED); return m ? m.length : 0; }
  document.querySelectorAll("textarea[data-length-counter]").forEach(function (area) {
    var output = document.getElementById(area.id + "-length");
    var genre = document.getElementById("id_genre");
    // Thresholds come from articles/submissions.py through the textarea's data attributes.
    var warnBelow = parseFloat(area.dataset.warnBelow);
    var warnAbove = parseFloat(area.dataset.warnAbove);
    var ceiling = parseFloat(area.dataset.ceiling);
    function update() {
      var n = count(area.value);
      var option = genre ? genre.options[genre.selectedIndex] : null;
      var target = option ? parseInt(option.getAttribute("data-target") || "0", 10) : 0;
      var text = "已写 " + n + " 字";
      if (target) {
        text += "，" + option.text + "要求 " + target + " 字左右";
        if (n > target * ceiling) { text += "（超过上限，无法投稿）"; }
        else if (n > target * warnAbove || (n > 0 && n < target * warnBelow)) { text += "（与要求相差较多）"; }
      }
      output.textContent = text;
    }
    area.addEventListener("input", update);
    if (genre) { genre.addEventListener("change", update); }
    update();
  });
})();
