// The statistics pages' filter shows only the fields its chosen period uses (a quarter needs
// the year and the quarter, a custom period its two dates). Without this script every field
// shows, and the form works just the same: the server ignores the fields a period does not use.
(function () {
  "use strict";
  const USED_BY = {
    year: ["month", "quarter", "year"],
    month: ["month"],
    quarter: ["quarter"],
    start: ["custom"],
    end: ["custom"],
  };
  const period = document.getElementById("id_period");
  if (!period) {
    return;
  }
  function showTheFieldsInUse() {
    for (const [name, periods] of Object.entries(USED_BY)) {
      const input = document.getElementById("id_" + name);
      if (input) {
        input.closest(".filter-field").hidden = !periods.includes(period.value);
      }
    }
  }
  period.addEventListener("change", showTheFieldsInUse);
  showTheFieldsInUse();
})();
