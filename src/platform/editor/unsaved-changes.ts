/**
 * Runs in the officer's browser, bundled with the editor (editor-client.ts): a form whose fields differ from what the
 * page was loaded with asks before the page is left — the browser's own "离开此网站？" prompt (`beforeunload`) — so a
 * menu link, 退出 or a closed tab does not throw typed work away without a word (an outside tester lost a body typed
 * in the 正文 editor to a click on 待办). Every field the form sends counts, also those outside the <form> element that
 * belong to it by their `form` attribute (the 保密审查表, the attachment box): a text or date typed, a box ticked, an
 * option chosen, a file chosen. What the page was loaded with is each field's default (its markup), so after the
 * browser's Back button restores typed values, leaving asks again until they are saved. The form's own buttons,
 * `formaction` ones too, send the form: no prompt then. A page that arrives with work not yet saved in it (a refused
 * save, a file uploaded with the form as typed; the server marks it `data-unsaved`) asks until it is saved.
 */

/** Values other than a field's markup that are still what was saved: the editor's own HTML for the stored body. */
const savedAlso = new WeakMap<Element, string>();

/** `value`, written by `field` in its own way (the editor normalises HTML), stands for the saved text too. */
export function alsoSaved(field: Element, value: string): void {
  savedAlso.set(field, value);
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function changed(el: Field): boolean {
  if (el instanceof HTMLSelectElement) {
    const options = Array.from(el.options);
    if (el.multiple) return options.some((o) => o.selected !== o.defaultSelected);
    // A single select with no option marked selected shows its first (enabled) one.
    const marked = options.map((o) => o.defaultSelected).lastIndexOf(true);
    const shown = marked >= 0 ? marked : options.findIndex((o) => !o.disabled);
    return el.selectedIndex !== shown;
  }
  if (el instanceof HTMLInputElement) {
    if (el.type === 'checkbox' || el.type === 'radio') return el.checked !== el.defaultChecked;
    if (el.type === 'file') return (el.files?.length ?? 0) > 0;
    if (['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type)) return false;
  }
  return el.value !== el.defaultValue && el.value !== savedAlso.get(el);
}

/** Whether any field the form sends differs from what the page was loaded with. */
export function formChanged(form: HTMLFormElement): boolean {
  return Array.from(form.elements).some((el) =>
    (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) && el.name !== '' && !el.disabled && changed(el));
}

const guarded = new WeakSet<HTMLFormElement>();

/** Asks before the page is left while `form` holds work not yet sent; its own submission leaves without asking. */
export function guardUnsavedChanges(form: HTMLFormElement): void {
  if (guarded.has(form)) return;
  guarded.add(form);
  const arrivedUnsaved = form.hasAttribute('data-unsaved');
  let sending = false;
  form.addEventListener('submit', () => { sending = true; });
  // Back to this page from the browser's cache (bfcache): the submission it was left by is over.
  window.addEventListener('pageshow', (e) => { if (e.persisted) sending = false; });
  window.addEventListener('beforeunload', (e) => {
    if (sending || !(arrivedUnsaved || formChanged(form))) return;
    e.preventDefault();
    // Older browsers ask only when returnValue is set; none shows the text any more.
    e.returnValue = '';
  });
}
