// The portal's only script, a progressive enhancement (every page works without it; the CSP allows
// same-origin scripts only, so it is served as /assets/portal.js).
//
// Esc closes an open 菜单 on a phone (portal-header.tsx) and puts the focus back on its summary, as a
// disclosure widget's keyboard user expects (WAI-ARIA APG, Disclosure pattern); the <details> itself has
// no Esc behaviour. A tap or click outside the open 菜单 closes it too, as a menu does, and does only that:
// the link, button or date box under it is not activated or focused (found by an outside tester: a tap to
// close the menu opened a link or a date picker). The pointer is caught on the document before anything
// under it (capture), only while the menu is open; a keyboard's Enter on a link outside still follows it.
document.addEventListener('keydown', function (event) {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  var menu = document.querySelector('details.header-menu[open]');
  if (!menu) return;
  menu.open = false;
  var summary = menu.querySelector('summary');
  if (summary) summary.focus();
});
var openMenuOutside = function (event) {
  var menu = document.querySelector('details.header-menu[open]');
  return menu && event.target instanceof Node && !menu.contains(event.target) ? menu : null;
};
// A press that began outside the open menu: it only closes the menu — on a touch screen when the finger
// lifts (touchend, whose default is the tap's mouse events and click), with a mouse on its click.
var swallowing = false;
var closeOnly = function (event) {
  var menu = document.querySelector('details.header-menu[open]');
  swallowing = false;
  event.preventDefault();
  event.stopPropagation();
  if (menu) menu.open = false;
};
document.addEventListener('pointerdown', function (event) {
  swallowing = !!openMenuOutside(event);
  if (swallowing) event.preventDefault();
}, true);
document.addEventListener('pointercancel', function () { swallowing = false; }, true); // the press became a scroll
document.addEventListener('mousedown', function (event) { if (swallowing) event.preventDefault(); }, true); // no focus
document.addEventListener('touchend', function (event) { if (swallowing && event.cancelable) closeOnly(event); }, { capture: true, passive: false });
document.addEventListener('click', function (event) {
  if (swallowing) return closeOnly(event);
  var menu = openMenuOutside(event);
  if (menu) menu.open = false;
}, true);

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

// 打印本页 on a receipt (print-link.tsx): a link to the page's print view, which works without this
// script; with it, the browser's print dialog opens on the page itself (printed without the site's
// frame, @media print in site.css).
document.addEventListener('click', function (event) {
  var link = event.target instanceof Element ? event.target.closest('a[data-print]') : null;
  if (!link || typeof window.print !== 'function') return;
  event.preventDefault();
  window.print();
});
