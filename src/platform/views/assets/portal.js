// The portal's only script, a progressive enhancement (every page works without it; the CSP allows
// same-origin scripts only, so it is served as /assets/portal.js). Esc closes an open 菜单 on a phone
// (portal-header.tsx) and puts the focus back on its summary, as a disclosure widget's keyboard user
// expects (WAI-ARIA APG, Disclosure pattern); the <details> itself has no Esc behaviour.
document.addEventListener('keydown', function (event) {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  var menu = document.querySelector('details.header-menu[open]');
  if (!menu) return;
  menu.open = false;
  var summary = menu.querySelector('summary');
  if (summary) summary.focus();
});
