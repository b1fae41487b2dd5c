// The upload limit (a photo, a Word document) checked as soon as a photo is chosen. The limit comes from the input's
// data-max-bytes (articles/photos.py MAX_BYTES through articles/forms.py). A larger upload
// would be refused by nginx with a page of its own and nothing saved; here the choice is
// cleared at once, with a Chinese note beside the field, and the rest of the form stays.
(function () {
  "use strict";
  var MB = 1024 * 1024;
  function megabytes(bytes) { return (bytes / MB).toFixed(1).replace(/\.0$/, ""); }
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    var limit = parseInt(input.dataset.maxBytes, 10);
    var note = document.createElement("span");
    note.className = "error";
    note.setAttribute("role", "alert");
    note.id = input.id + "-size";
    input.insertAdjacentElement("afterend", note);
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (file && file.size > limit) {
        note.textContent = "所选" + (input.dataset.what || "图片") + "“" + file.name + "”有 " + megabytes(file.size) +
          " MB，超过 " + megabytes(limit) + " MB 的上限，已取消选择。" + (input.dataset.smaller || "请换一张较小的图片（可先缩小或压缩）。");
        input.value = "";
      } else {
        note.textContent = "";
      }
    });
  });
})();
