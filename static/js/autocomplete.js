/* Header search autocomplete: progressive enhancement of the site search box.
 * Without JS the box is a plain GET form. With JS it becomes an ARIA 1.2 combobox with a listbox:
 * arrows move, Enter follows the active suggestion (or submits), Escape closes. No inline code (CSP). */
(function () {
  "use strict";
  var input = document.querySelector("input[data-autocomplete-url]");
  if (!input || !window.fetch) { return; }
  var url = input.getAttribute("data-autocomplete-url");
  var listId = input.id + "-listbox";
  var list = document.createElement("ul");
  list.id = listId;
  list.className = "autocomplete-list";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  var status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  input.parentNode.style.position = "relative";
  input.parentNode.appendChild(list);
  input.parentNode.appendChild(status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);

  var items = [];
  var active = -1;
  var timer = null;
  var lastQuery = "";
  var controller = null;

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    items = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function setActive(index) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) { return; }
    if (index < 0) { index = options.length - 1; }
    if (index >= options.length) { index = 0; }
    active = index;
    for (var i = 0; i < options.length; i++) {
      options[i].setAttribute("aria-selected", i === active ? "true" : "false");
    }
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  function choose(index) {
    var item = items[index];
    if (!item) { return; }
    if (item.url) {
      window.location.href = item.url;
    } else {
      input.value = item.value || item.label;
      close();
      if (input.form) { input.form.submit(); }
    }
  }

  function render(results) {
    list.innerHTML = "";
    items = results;
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (!results.length) { close(); status.textContent = ""; return; }
    results.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = listId + "-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      var label = document.createElement("span");
      label.textContent = item.label;
      var kind = document.createElement("span");
      kind.className = "autocomplete-kind";
      kind.textContent = item.type ? " · " + item.type : "";
      option.appendChild(label);
      option.appendChild(kind);
      option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(index); });
      list.appendChild(option);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    status.textContent = results.length + " ↓";
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (query === lastQuery) { return; }
    lastQuery = query;
    if (query.length < 2) { close(); return; }
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + "?q=" + encodeURIComponent(query), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined
    })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (input.value.trim() === query) { render(data.results || []); } })
      .catch(function () { /* offline or aborted: the plain form still works */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(fetchSuggestions, 200);
  });
  input.addEventListener("keydown", function (event) {
    var open = !list.hidden;
    if (event.key === "ArrowDown") {
      if (!open) { lastQuery = ""; fetchSuggestions(); return; }
      event.preventDefault();
      setActive(active + 1);
    } else if (event.key === "ArrowUp") {
      if (!open) { return; }
      event.preventDefault();
      setActive(active - 1);
    } else if (event.key === "Enter") {
      if (open && active >= 0) { event.preventDefault(); choose(active); }
    } else if (event.key === "Escape") {
      if (open) { event.preventDefault(); close(); }
    }
  });
  input.addEventListener("blur", function () { window.setTimeout(close, 150); });
})();
