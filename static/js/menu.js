// The header menu is a <details> disclosure that works without JavaScript. On wide screens CSS
// shows its content anyway; this only keeps the `open` state in step for browsers without
// ::details-content, so the menu never hides behind the button on a desktop.
(function () {
  var menu = document.querySelector("[data-site-menu]");
  if (!menu || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 48rem)");
  function sync() { menu.open = wide.matches; }
  sync();
  if (wide.addEventListener) wide.addEventListener("change", sync);
})();
