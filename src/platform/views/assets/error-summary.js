// A refused form's error summary (ErrorSummary in components.tsx, the one component every form uses) takes the
// focus when the page loads, so the reader — on a phone, with a keyboard or a screen reader — starts at what went
// wrong, not at the top of the page (found by an outside tester). The summary also carries `autofocus`, which
// some browsers honour without this script and others (Safari on a phone, a div) do not; this is the enhancement.
// Nothing is moved when the reader has already moved on, or when the address names another place on the page.
(function () {
  var summary = document.getElementById('error-summary');
  if (!summary || !summary.hasAttribute('autofocus')) return;
  var active = document.activeElement;
  if (active && active !== document.body && active !== document.documentElement && active !== summary) return;
  if (location.hash && location.hash !== '#error-summary') return;
  if (active !== summary) summary.focus();
})();
