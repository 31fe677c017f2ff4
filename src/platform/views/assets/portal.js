// The portal's only script, a progressive enhancement (every page works without it; the CSP allows
// same-origin scripts only, so it is served as /assets/portal.js).
//
// Esc closes an open 菜单 on a phone (portal-header.tsx) and puts the focus back on its summary, as a
// disclosure widget's keyboard user expects (WAI-ARIA APG, Disclosure pattern); the <details> itself has
// no Esc behaviour. A tap or click outside the open 菜单 closes it too, as a menu does (the focus stays
// where the tap put it).
document.addEventListener('keydown', function (event) {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  var menu = document.querySelector('details.header-menu[open]');
  if (!menu) return;
  menu.open = false;
  var summary = menu.querySelector('summary');
  if (summary) summary.focus();
});
document.addEventListener('click', function (event) {
  var menu = document.querySelector('details.header-menu[open]');
  if (menu && event.target instanceof Node && !menu.contains(event.target)) menu.open = false;
});

// A 字号 or 适老化 link comes back to the page addressed to itself (#pref-… or #menu-pref-…, portal-header.tsx):
// the browser scrolls to it; here it also gets the focus, so the reader's next key goes on from the toggle.
(function () {
  var id = location.hash.slice(1);
  if (!/^(menu-)?pref-[a-z-]+$/.test(id)) return;
  var toggle = document.getElementById(id);
  if (!toggle) return;
  var menu = toggle.closest('details');
  if (menu) menu.open = true;
  toggle.focus();
})();
