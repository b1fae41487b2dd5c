// 上移/下移 on an issue's assembly screen: each button swaps the piece's 版内顺序 with its
// neighbour's on the same page, in the form, and moves the row; nothing is saved until
// 保存 or 发布本期. A script file, not inline: the Content-Security-Policy runs no inline script.
(function () {
  "use strict";
  var status;

  function positionInput(row) {
    return row.querySelector(".field-position input");
  }

  function title(row) {
    return row.querySelector("th a").textContent;
  }

  function neighbour(row, step) {
    var other = step < 0 ? row.previousElementSibling : row.nextElementSibling;
    while (other && !other.classList.contains("assembly-row")) {
      other = step < 0 ? other.previousElementSibling : other.nextElementSibling;
    }
    return other;
  }

  function move(row, step, button) {
    var other = neighbour(row, step);
    if (!other) {
      return;
    }
    var mine = positionInput(row);
    var theirs = positionInput(other);
    var value = mine.value;
    mine.value = theirs.value;
    theirs.value = value;
    if (step < 0) {
      other.parentNode.insertBefore(row, other);
    } else {
      other.parentNode.insertBefore(other, row);
    }
    button.focus();
    if (status) {
      status.textContent = "《" + title(row) + "》移到第" + mine.value + "条（尚未保存）";
    }
  }

  function addButton(row, cell, label, step) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button reorder-button";
    button.textContent = label;
    button.setAttribute("aria-label", label + "：" + title(row));
    button.addEventListener("click", function () { move(row, step, button); });
    cell.appendChild(button);
  }

  // The admin loads its scripts in <head>, before the rows exist.
  document.addEventListener("DOMContentLoaded", function () {
    status = document.querySelector(".issue-placement .assembly-status");
    document.querySelectorAll(".issue-placement tr.assembly-row").forEach(function (row) {
      var cell = row.querySelector("td.reorder");
      if (!cell || !positionInput(row)) {
        return;
      }
      addButton(row, cell, "上移", -1);
      addButton(row, cell, "下移", 1);
    });
  });
})();
