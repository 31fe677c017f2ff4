/**
 * Runs in the officer's browser, bundled with the editor (editor-client.ts): notes the server wrote for a form, each
 * shown while the form's fields are as it says, updated as they change — not only at the next save (an outside
 * tester: the 规范性文件 warning stayed after its 栏目 was unticked). The server decides every note and its words
 * (the rule stays the server's one source); the page carries the candidates, each with the field values it applies
 * to, and this only compares values. Without JavaScript the page shows what the server found at the last save.
 *
 * A container `[data-live-notes]` holds notes `[data-when]`: a JSON object of field name → value, all of which must
 * hold. A text field's value is compared trimmed; a select's as chosen. For the names in the container's
 * `data-first-of` (JSON: name → values in the server's order) a field's value is the first of those values whose box
 * is ticked (the first 栏目 named 规范性文件, as the server's rule takes it), '' when none is.
 */
export function liveNotes(form: HTMLFormElement): void {
  form.querySelectorAll<HTMLElement>('[data-live-notes]').forEach((box) => {
    const firstOf = JSON.parse(box.dataset.firstOf || '{}') as Record<string, string[]>;
    const notes = Array.from(box.querySelectorAll<HTMLElement>('[data-when]')).map((el) => ({ el, when: JSON.parse(el.dataset.when!) as Record<string, string> }));
    const fields = (name: string) => Array.from(form.elements).filter((e): e is HTMLInputElement | HTMLSelectElement =>
      (e instanceof HTMLInputElement || e instanceof HTMLSelectElement) && e.name === name);
    const valueOf = (name: string): string => {
      const all = fields(name);
      if (firstOf[name]) return firstOf[name].find((v) => all.some((e) => e instanceof HTMLInputElement && e.value === v && e.checked)) ?? '';
      const el = all[0];
      return el ? el.value.trim() : '';
    };
    const update = () => {
      let any = false;
      for (const n of notes) {
        const holds = Object.entries(n.when).every(([name, value]) => valueOf(name) === value);
        n.el.hidden = !holds;
        any ||= holds;
      }
      box.hidden = !any;
    };
    // On the document: a field may belong to the form from outside it (its `form` attribute).
    document.addEventListener('input', update);
    document.addEventListener('change', update);
    // After the browser's Back button the fields come back as typed: the notes follow them.
    window.addEventListener('pageshow', update);
    update();
  });
}
