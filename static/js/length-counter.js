// Live length as Chinese editors count it (same rule as articles/text.py count_characters):
// Chinese characters, Latin letters and digits count; spaces and punctuation do not.
// The count says in words where it stands against the genre's target (偏短, 合适, 偏长, 超过上限),
// and data-state carries the same for the colour, so colour is never the only sign.
(function () {
  "use strict";
  var COUNTED = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9]|[\ud840-\ud87f][\udc00-\udfff]/g;
  function count(text) { var m = text.match(COUNTED); return m ? m.length : 0; }
  document.querySelectorAll("textarea[data-length-counter]").forEach(function (area) {
    var output = document.getElementById(area.id + "-length");
    var genre = document.getElementById("id_genre");
    // Thresholds come from portal/submissions.py through the textarea's data attributes.
    var warnBelow = parseFloat(area.dataset.warnBelow);
    var warnAbove = parseFloat(area.dataset.warnAbove);
    var ceiling = parseFloat(area.dataset.ceiling);
    function judge(n, target) {
      if (n > target * ceiling) {
        return ["refused", "超过上限 " + Math.floor(target * ceiling) + " 字：可以存草稿，删减后才能投稿"];
      }
      if (n > target * warnAbove) { return ["over", "偏长，建议删减"]; }
      if (n < target * warnBelow) { return ["under", "偏短"]; }
      return ["within", "字数合适"];
    }
    function update() {
      var n = count(area.value);
      var option = genre ? genre.options[genre.selectedIndex] : null;
      var target = option ? parseInt(option.getAttribute("data-target") || "0", 10) : 0;
      var text = "已写 " + n + " 字";
      var state = "none";
      if (target) {
        var verdict = judge(n, target);
        state = verdict[0];
        text += "，" + option.text + "要求 " + target + " 字左右：" + verdict[1];
      }
      output.textContent = text;
      output.dataset.state = state;
    }
    area.addEventListener("input", update);
    if (genre) { genre.addEventListener("change", update); }
    update();
  });
})();
