/* ideas: show the running total of a budget ballot while the voter ticks ideas (the server checks it again). */
(function () {
  "use strict";
  var form = document.querySelector(".ballot-form[data-budget]");
  var out = document.getElementById("ballot-total");
  if (!form || !out || !form.getAttribute("data-budget")) { return; }
  var budget = parseFloat(form.getAttribute("data-budget"));
  function update() {
    var total = 0;
    form.querySelectorAll("input[name=ideas]:checked").forEach(function (box) {
      total += parseFloat(box.getAttribute("data-cost") || "0");
    });
    out.textContent = out.getAttribute("data-template")
      .replace("{total}", total.toLocaleString(document.documentElement.lang))
      .replace("{budget}", budget.toLocaleString(document.documentElement.lang));
    out.classList.toggle("errors", total > budget);
    out.hidden = false;
  }
  form.addEventListener("change", update);
  update();
})();
