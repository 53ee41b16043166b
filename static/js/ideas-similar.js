/* ideas: suggest similar existing ideas while a member types a new one (progressive enhancement). */
(function () {
  "use strict";
  var box = document.getElementById("similar-ideas");
  if (!box || !window.fetch) { return; }
  var title = document.querySelector("[data-similar-source=title]");
  var summary = document.querySelector("[data-similar-source=summary]");
  var timer = null;
  var last = "";

  function render(results) {
    box.textContent = "";
    if (!results.length) { box.hidden = true; return; }
    var heading = document.createElement("p");
    heading.className = "similar-heading";
    heading.textContent = box.getAttribute("data-heading");
    var list = document.createElement("ul");
    results.forEach(function (item) {
      var li = document.createElement("li");
      if (item.url) {
        var a = document.createElement("a");
        a.href = item.url;
        a.textContent = item.title;
        a.target = "_blank";
        li.appendChild(a);
      } else {
        li.textContent = item.title;
      }
      list.appendChild(li);
    });
    box.appendChild(heading);
    box.appendChild(list);
    box.hidden = false;
  }

  function lookup() {
    var query = (title ? title.value : "") + "\n" + (summary ? summary.value : "");
    if (query.trim().length < 4 || query === last) { return; }
    last = query;
    var url = new URL(box.getAttribute("data-similar-url"), window.location.href);
    url.searchParams.set("title", title ? title.value : "");
    url.searchParams.set("summary", summary ? summary.value : "");
    if (box.getAttribute("data-exclude")) { url.searchParams.set("exclude", box.getAttribute("data-exclude")); }
    fetch(url.toString(), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { render(data.results || []); })
      .catch(function () { /* hints are optional */ });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(lookup, 400);
  }

  [title, summary].forEach(function (el) { if (el) { el.addEventListener("input", schedule); } });
})();
