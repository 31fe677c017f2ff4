// The portal's only script, a progressive enhancement (every page works without it; the CSP allows
// same-origin scripts only, so it is served as /assets/portal.js).
//
// Esc closes an open 菜单 on a phone (portal-header.tsx) and puts the focus back on its summary, as a
// disclosure widget's keyboard user expects (WAI-ARIA APG, Disclosure pattern); the <details> itself has
// no Esc behaviour. A tap or click outside the open 菜单 closes it too, as a menu does. On a link, a button or
// a fold's summary the tap also does what it says (found by an outside tester: a tap on a result, 按条件筛选 or
// 检索选项 that only closed the menu read as a broken link); on a form field (a date box would open its picker
// over the page, found by an earlier tester) or on text it only closes the menu, the field neither focused nor
// opened. The pointer is caught on the document before anything under it (capture), only while the menu is
// open; a keyboard's Enter on a link outside follows it as ever. The menu closes on the click, after the
// browser has chosen what was tapped: it is in the page's flow, and closing it earlier would move the page
// under the finger.
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
// What a tap outside the menu may still do: follow a link, press a button, open or shut a fold.
var acts = function (target) {
  return target instanceof Element && !!target.closest('a[href], button, summary');
};
// A press that began outside the open menu and not on such a control: it only closes the menu — on a touch
// screen when the finger lifts (touchend, whose default is the tap's mouse events and click), with a mouse on
// its click.
var swallowing = false;
var closeOnly = function (event) {
  var menu = document.querySelector('details.header-menu[open]');
  swallowing = false;
  event.preventDefault();
  event.stopPropagation();
  if (menu) menu.open = false;
};
document.addEventListener('pointerdown', function (event) {
  swallowing = !!openMenuOutside(event) && !acts(event.target);
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

// A 字号 or 适老化 link comes back to the page addressed to itself (#pref-…, the wide header's) or, in the 菜单, to
// the 菜单's button, the 菜单 shut (#site-menu-toggle, portal-header.tsx). Chosen with the keyboard — a click without a
// pointer (detail 0) — a 菜单 link comes back to itself instead (#menu-pref-…), so the keyboard's place is kept: the fragment opens the
// 菜单, and below the toggle gets the focus, the reader's next key going on from it.
document.addEventListener('click', function (event) {
  var link = event.detail === 0 && event.target instanceof Element ? event.target.closest('.header-menu .reading-tools a[id]') : null;
  if (!link) return;
  var url = new URL(link.href, location.href);
  var back = url.searchParams.get('return');
  if (!back) return;
  url.searchParams.set('return', back.replace(/#.*$/, '') + '#' + link.id);
  link.href = url.pathname + url.search;
});
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
