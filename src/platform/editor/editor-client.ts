/**
 * Runs in the officer's browser (bundled by editor-bundle.ts, served as /assets/editor.js): turns
 * every `textarea[data-rich-text]` into a visual editor (Tiptap on ProseMirror, docs/adr/0017) with a
 * toolbar, tables and links, a 源代码 (HTML) view, and 导入 Word 文档. The textarea stays the form
 * field: the editor writes its HTML back on every change, so the form posts exactly as without
 * JavaScript, and the server's allowlist sanitiser has the last word on what is kept.
 */
import { Editor, Extension } from '@tiptap/core';
import { Slice, type DOMOutputSpec } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { liveNotes } from './live-notes.ts';
import { alsoSaved, guardUnsavedChanges } from './unsaved-changes.ts';

/** The blocks that carry layout: body paragraphs and headings (a centred title, an indented 一、… heading). */
const LAID_OUT = ['paragraph', 'heading'] as const;

/**
 * Layout as the body allowlist keeps it (docs/adr/0017): classes, never an inline style — alignment
 * (`center`, `right`: a 落款 right-aligned, a title centred) on paragraphs and headings; a heading's
 * two-character first-line indent (`indent`, 首行缩进); and, since a body paragraph is indented by
 * default as 公文 正文 is, a paragraph set 顶格 (`flush`: a salutation, 主送机关). The surface shows
 * them as the portal does (site.css). A paragraph saved with `indent` (before `flush` existed) reads
 * as indented and is saved without the class, which is the default.
 */
/**
 * A declaration of the inline style pasted HTML came with. The page's Content-Security-Policy applies no style
 * attribute — `el.style` reads empty — and reports each it meets, so pasted HTML has its `style` attributes renamed
 * `data-pasted-style` before anything parses it (pastedHtml below) and the layout is read from the text.
 */
function pastedStyle(el: HTMLElement, property: 'text-align' | 'text-indent'): string {
  const declarations = (el.getAttribute(PASTED_STYLE) ?? '').split(';');
  for (const d of declarations) {
    const colon = d.indexOf(':');
    if (colon > 0 && d.slice(0, colon).trim().toLowerCase() === property) return d.slice(colon + 1).replace(/!important/i, '').trim().toLowerCase();
  }
  return '';
}
const PASTED_STYLE = 'data-pasted-style';
/** A first-line indent a pasted paragraph says it has (Word: text-indent:32.0pt for 首行缩进 2 字符). */
const pastedIndent = (el: HTMLElement) => parseFloat(pastedStyle(el, 'text-indent')) > 0;

/** The body's class, or — pasted from Word or a web page — the inline style or old align attribute it stands for. */
function alignOf(el: HTMLElement): 'center' | 'right' | null {
  const said = el.classList.contains('right') ? 'right' : el.classList.contains('center') ? 'center' : (pastedStyle(el, 'text-align') || el.getAttribute('align') || '').toLowerCase();
  return said === 'right' || said === 'end' ? 'right' : said === 'center' ? 'center' : null;
}

const BlockLayout = Extension.create({
  name: 'blockLayout',
  addGlobalAttributes() {
    return [{
      types: [...LAID_OUT],
      attributes: {
        align: {
          default: null,
          parseHTML: (el: HTMLElement) => alignOf(el),
          renderHTML: (attrs: { align?: string | null }) => (attrs.align ? { class: attrs.align } : {}),
        },
      },
    }, {
      types: ['heading'],
      attributes: {
        indent: {
          default: false,
          parseHTML: (el: HTMLElement) => el.classList.contains('indent') || pastedIndent(el),
          renderHTML: (attrs: { indent?: boolean }) => (attrs.indent ? { class: 'indent' } : {}),
        },
      },
    }, {
      types: ['paragraph'],
      attributes: {
        // Only the class: what Word's clipboard says is read into it by pastedLayout below. Enter after
        // a 顶格 salutation starts an indented body paragraph, not another 顶格 one.
        flush: {
          default: false,
          keepOnSplit: false,
          parseHTML: (el: HTMLElement) => el.classList.contains('flush'),
          renderHTML: (attrs: { flush?: boolean }) => (attrs.flush ? { class: 'flush' } : {}),
        },
      },
    }];
  },
});

/** What marks HTML as Word's (or WPS's) clipboard: its Office namespaces, ProgId, Mso classes or mso- styles. */
const FROM_WORD = /urn:schemas-microsoft-com:office|content=["']?Word\.Document|class=["']?Mso|mso-/i;

/**
 * Pasted HTML with each tag's `style` attribute renamed (data-pasted-style), before it is parsed: the page applies
 * no inline style under its CSP and would report every one; the layout is read from the renamed attribute. Only
 * attribute names inside tags change (`<` in text is always escaped as &lt; in HTML).
 */
function withoutStyleAttributes(html: string): string {
  return html.replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/(\s)style(\s*=)/gi, `$1${PASTED_STYLE}$2`));
}

/**
 * Pasted HTML, laid out as the body is. Word puts its 标题 1 on the clipboard as h1: it comes in as h3,
 * as a Word import makes it (h6 as h5). Word writes each paragraph's first-line indent as an inline
 * text-indent (text-indent:32.0pt for 首行缩进 2 字符), and nothing for a paragraph without one — so in
 * HTML from Word, a paragraph with a positive text-indent is indented (the body's default) and any
 * other (none, 0, or a hanging indent's negative one; the salutation) is set 顶格 (`flush`), as a Word
 * import does. HTML from anywhere else (a web page, another editor) says nothing reliable about 公文
 * indentation, so its paragraphs keep the body's default. Paragraphs in a table cell or list item take
 * no indent anyway and are left as they are.
 */
function pastedLayout(html: string): string {
  const headings = withoutStyleAttributes(html).replace(/<(\/?)h1\b/gi, '<$1h3').replace(/<(\/?)h6\b/gi, '<$1h5');
  if (!FROM_WORD.test(headings)) return headings;
  const doc = new DOMParser().parseFromString(headings, 'text/html');
  doc.body.querySelectorAll<HTMLElement>('p').forEach((p) => {
    // A centred or right-aligned line takes no first-line indent (Word writes none for it): it is not 顶格 either.
    if (!p.closest('td, th, li')) p.classList.toggle('flush', !pastedIndent(p) && !alignOf(p));
  });
  return doc.body.innerHTML;
}

/**
 * Pasting onto an empty line — the empty editor, an empty paragraph between others, the line Enter left after a
 * centred title — the first pasted paragraph or heading comes in whole, with its own layout (centred, right-aligned,
 * 顶格 or indented), as every pasted block after it does. ProseMirror's own paste puts the first block's text into the
 * line already there and keeps that line's attributes, so a 公文's centred title pasted from Word into the empty 正文
 * came in as an ordinary indented paragraph (an outside tester). A line is empty when it has no text, or when the
 * selection being pasted over is all of its text. Only pasted HTML says a layout: plain text still takes the line's
 * (居中 on an empty line, then a title pasted as text, stays centred), and so does anything pasted inside a line's
 * text. Returns the transaction to dispatch, or null for ProseMirror's own paste.
 */
function pasteOntoEmptyLine(view: EditorView, slice: Slice) {
  const first = slice.content.firstChild;
  if (slice.openStart === 0 || !first || !(LAID_OUT as readonly string[]).includes(first.type.name)) return null;
  // A selected node, every cell of a table or the whole document has no line of text for its parent.
  const { $from, $to } = view.state.selection;
  const line = $from.parent;
  if (!line.isTextblock || !$from.sameParent($to) || $from.parentOffset !== 0 || $to.parentOffset !== line.content.size) return null;
  // A heading the officer made keeps its type unless a heading is pasted onto it; a paragraph takes whatever comes.
  if (line.type.name !== 'paragraph' && line.type !== first.type) return null;
  return view.state.tr.replaceSelection(new Slice(slice.content, 0, slice.openEnd));
}

/** The editor's paste handling (editorProps): the HTML laid out as the body is, and the first pasted block's layout kept on an empty line. */
function pasteProps() {
  /** Whether the paste being handled was read as text (no HTML, or pasted as plain text): ProseMirror asks for one of the two transforms first. */
  let fromText = false;
  return {
    transformPastedText: (text: string) => { fromText = true; return text; },
    transformPastedHTML: (html: string) => { fromText = false; return pastedLayout(html); },
    handlePaste: (view: EditorView, _event: ClipboardEvent, slice: Slice) => {
      const tr = fromText ? null : pasteOntoEmptyLine(view, slice);
      if (!tr) return false;
      view.dispatch(tr.scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste'));
      return true;
    },
  };
}

/**
 * Pictures from the item's own attachments. The body keeps the public address
 * (`/attachments/ID/NAME`, served once the item is published); the editor shows the staff copy
 * (`/admin/attachments/ID`) so a draft's pictures are visible while it is written.
 */
const BodyImage = Image.extend({
  addNodeView() {
    return ({ node }) => {
      const img = document.createElement('img');
      const src = String(node.attrs.src ?? '');
      img.src = src.replace(/^\/attachments\/(\d+)\/.*$/, '/admin/attachments/$1');
      img.alt = String(node.attrs.alt ?? '');
      return { dom: img };
    };
  },
});

/**
 * The page's Content-Security-Policy allows no style attribute (docs/security.md), and the body keeps none
 * (docs/adr/0017), yet Tiptap's tables write some: a table's and its columns' min-width, a cell's text-align
 * (from pasted HTML). These tables write the same markup without them. On the surface the table's own view
 * sets its widths through the CSSOM, which the policy allows; a pasted cell's alignment is not shown, as it
 * was never kept.
 */
function withoutStyle(spec: DOMOutputSpec): DOMOutputSpec {
  if (!Array.isArray(spec)) return spec;
  return spec.map((part, i) => {
    if (i === 1 && part && typeof part === 'object' && !Array.isArray(part)) {
      const { style: _style, ...rest } = part as Record<string, unknown>;
      return rest;
    }
    return Array.isArray(part) ? withoutStyle(part as unknown as DOMOutputSpec) : part;
  }) as unknown as DOMOutputSpec;
}
const BodyTable = Table.extend({ renderHTML(props) { return withoutStyle(this.parent!(props)); } });
const BodyTableCell = TableCell.extend({ renderHTML(props) { return withoutStyle(this.parent!(props)); } });
const BodyTableHeader = TableHeader.extend({ renderHTML(props) { return withoutStyle(this.parent!(props)); } });

/** Sets layout on the paragraphs and headings of the selection; a heading stays a heading. */
const layout = (e: Editor, attrs: { align?: 'center' | 'right' | null }) =>
  e.chain().focus().command(({ commands }) => LAID_OUT.map((type) => commands.updateAttributes(type, attrs)).some(Boolean)).run();
/**
 * Centred or right-aligned, a line takes no first-line indent: aligning clears what would say
 * otherwise (a paragraph back to the default, a heading's indent off), so 居左 later gives a plain block.
 */
const align = (e: Editor, to: 'center' | 'right' | null) =>
  to ? e.chain().focus().command(({ commands }) =>
    [commands.updateAttributes('paragraph', { align: to, flush: false }), commands.updateAttributes('heading', { align: to, indent: false })].some(Boolean)).run()
    : layout(e, { align: null });
const hasLayout = (e: Editor, attrs: { align?: string }) => LAID_OUT.some((type) => e.isActive(type, attrs));
/**
 * 首行缩进 is pressed where the first line is set to be indented: a paragraph not 顶格 (the default),
 * a heading with `indent`. Pressed, it sets the selection's paragraphs 顶格 and takes the headings'
 * indent off; not pressed, it indents both.
 */
const isIndented = (e: Editor) => indentApplies(e) && (e.isActive('paragraph', { flush: false }) || e.isActive('heading', { indent: true }));
/** Where a first-line indent shows at all: not in a table cell or list item, not on a centred or right-aligned line. */
const indentApplies = (e: Editor) =>
  !['tableCell', 'tableHeader', 'listItem'].some((type) => e.isActive(type)) && !hasLayout(e, { align: 'center' }) && !hasLayout(e, { align: 'right' });
const toggleIndent = (e: Editor) => {
  const on = !isIndented(e);
  return e.chain().focus().command(({ commands }) =>
    [commands.updateAttributes('paragraph', { flush: !on }), commands.updateAttributes('heading', { indent: on })].some(Boolean)).run();
};

type Button = { label: string; title: string; run: (e: Editor) => void; active?: (e: Editor) => boolean; enabled?: (e: Editor) => boolean };

const BUTTONS: (Button | '|')[] = [
  { label: '正文', title: '正文段落', run: (e) => e.chain().focus().setParagraph().run(), active: (e) => e.isActive('paragraph') },
  { label: '标题', title: '小标题', run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
  '|',
  { label: '加粗', title: '加粗', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
  { label: '斜体', title: '斜体', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
  { label: '下划线', title: '下划线', run: (e) => e.chain().focus().toggleUnderline().run(), active: (e) => e.isActive('underline') },
  '|',
  { label: '居左', title: '段落靠左（默认）', run: (e) => align(e, null) },
  { label: '居中', title: '段落或标题居中', run: (e) => align(e, 'center'), active: (e) => hasLayout(e, { align: 'center' }) },
  { label: '居右', title: '段落靠右（落款、日期）', run: (e) => align(e, 'right'), active: (e) => hasLayout(e, { align: 'right' }) },
  { label: '首行缩进', title: '首行缩进两个字（正文段落默认缩进；再按一次取消，即顶格；表格、列表和居中、居右的行不缩进）', run: toggleIndent, active: isIndented, enabled: indentApplies },
  '|',
  { label: '编号', title: '编号列表', run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
  { label: '项目符号', title: '项目符号列表', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
  '|',
  { label: '插入表格', title: '插入 3 行 3 列的表格（首行为表头）', run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  { label: '加行', title: '在下方插入一行', run: (e) => e.chain().focus().addRowAfter().run() },
  { label: '加列', title: '在右侧插入一列', run: (e) => e.chain().focus().addColumnAfter().run() },
  { label: '删行', title: '删除所在行', run: (e) => e.chain().focus().deleteRow().run() },
  { label: '删列', title: '删除所在列', run: (e) => e.chain().focus().deleteColumn().run() },
  { label: '删表', title: '删除整个表格', run: (e) => e.chain().focus().deleteTable().run() },
  '|',
  {
    label: '链接', title: '给选中的文字加链接，或去掉链接',
    run: (e) => {
      if (e.isActive('link')) { e.chain().focus().unsetLink().run(); return; }
      const href = window.prompt('链接地址（以 http:// 或 https:// 开头）', 'https://');
      if (href && /^https?:\/\//i.test(href.trim())) e.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
    },
    active: (e) => e.isActive('link'),
  },
  { label: '撤销', title: '撤销', run: (e) => e.chain().focus().undo().run() },
  { label: '重做', title: '重做', run: (e) => e.chain().focus().redo().run() },
];

function button(label: string, title: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'btn btn-small btn-secondary';
  b.textContent = label;
  b.title = title;
  return b;
}

/** What a phone's one toolbar row holds, in this order; the rest is behind 更多. */
const PHONE_ROW = ['正文', '标题', '加粗', '撤销', '重做'];
/** The width at and below which the toolbar folds (site.css says the same). */
const PHONE = '(max-width: 700px)';
let folds = 0;

/**
 * On a phone the toolbar is one row — 正文, 标题, 加粗, 撤销, 重做 and 更多 — and the rest (斜体 … 删表, 链接, 源代码,
 * 插入图片, 导入 Word 文档) opens below it from 更多 (aria-expanded), in the toolbar's order: wrapped into rows, the
 * whole toolbar took six rows (~345 px of a 390 × 844 screen) above the text (an outside tester); one row scrolling
 * sideways, tried before, hid 源代码 and 导入 Word 文档 with nothing saying so. Escape in the opened part closes it
 * and returns to 更多. The controls are moved, not copied: each keeps its listeners, and the keyboard order is the
 * order seen. A wider screen keeps the toolbar as built, in one piece; turning the phone to a wide screen or back
 * arranges it again.
 */
function foldOnPhone(toolbar: HTMLElement): void {
  const all = Array.from(toolbar.children) as HTMLElement[];
  const row = PHONE_ROW.map((label) => all.find((el) => el.tagName === 'BUTTON' && el.textContent === label)).filter((el): el is HTMLElement => !!el);
  const more = button('更多', '更多编辑工具：斜体、下划线、对齐、首行缩进、列表、表格、链接、源代码、导入 Word 文档');
  more.classList.add('rich-more-toggle');
  const panel = document.createElement('div');
  panel.className = 'rich-more';
  panel.id = `rich-more-${++folds}`;
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-label', '更多编辑工具');
  more.setAttribute('aria-controls', panel.id);
  const open = (on: boolean) => { panel.hidden = !on; more.setAttribute('aria-expanded', String(on)); };
  open(false);
  more.addEventListener('click', () => open(panel.hidden));
  panel.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Escape') return;
    ev.preventDefault();
    open(false);
    more.focus();
  });
  const phone = window.matchMedia(PHONE);
  const arrange = () => {
    const focused = document.activeElement;
    if (phone.matches) {
      panel.replaceChildren(...all.filter((el) => !row.includes(el)));
      toolbar.replaceChildren(...row, more, panel);
    } else {
      toolbar.replaceChildren(...all);
    }
    if (focused instanceof HTMLElement && focused !== document.activeElement && toolbar.contains(focused)) focused.focus();
  };
  arrange();
  phone.addEventListener('change', arrange);
}

/** How much of the top of the screen the pinned toolbar covers: its height, where it is pinned (it is not on a printout). */
const pinnedHeight = (toolbar: HTMLElement) => (getComputedStyle(toolbar).position === 'sticky' ? toolbar.offsetHeight : 0);

function mount(textarea: HTMLTextAreaElement): void {
  const wrap = document.createElement('div');
  wrap.className = 'rich-editor';
  const toolbar = document.createElement('div');
  toolbar.className = 'rich-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', '正文编辑工具');
  const surface = document.createElement('div');
  surface.className = 'rich-surface';
  const status = document.createElement('p');
  status.className = 'hint';
  status.setAttribute('role', 'status');
  textarea.before(wrap);
  wrap.append(toolbar, surface, status);
  wrap.append(textarea);

  /** The body the editor last wrote to the field or read from it. */
  let shown = textarea.defaultValue;
  const labelledBy = textarea.id ? document.querySelector(`label[for="${textarea.id}"]`)?.id || '' : '';
  const editor = new Editor({
    element: surface,
    extensions: [
      // The body's headings are h2–h5 (the page's own title is its h1), as the allowlist keeps them.
      StarterKit.configure({ heading: { levels: [2, 3, 4, 5] }, link: { openOnClick: false, protocols: ['http', 'https', 'mailto'] } }),
      BlockLayout, BodyTable.configure({ resizable: false }), TableRow, BodyTableHeader, BodyTableCell, BodyImage.configure({ inline: false }),
    ],
    // Tiptap's few rules for the surface are in site.css (.ProseMirror): the CSP allows no <style> it would add.
    injectCSS: false,
    // First what the page was loaded with: the editor's HTML of it is the saved body too (unsaved-changes.ts).
    content: textarea.defaultValue,
    editorProps: {
      ...pasteProps(),
      // The toolbar is pinned at the top of the editor (site.css): a line typed or reached with the arrow keys is scrolled
      // to below it, not under it — on a phone too, where 更多 opened makes it taller, so it is measured each time.
      scrollThreshold: { get top() { return pinnedHeight(toolbar); }, right: 0, bottom: 0, left: 0 },
      scrollMargin: { get top() { return pinnedHeight(toolbar) + 5; }, right: 5, bottom: 5, left: 5 },
      attributes: { class: 'rich-content', role: 'textbox', 'aria-multiline': 'true', 'aria-label': labelledBy ? '' : '正文', ...(labelledBy ? { 'aria-labelledby': labelledBy } : {}) },
    },
    onUpdate: ({ editor: e }) => { textarea.value = e.getHTML(); shown = textarea.value; },
  });
  alsoSaved(textarea, editor.getHTML());
  if (textarea.form) { guardUnsavedChanges(textarea.form); liveNotes(textarea.form); }

  // The field and the editor are one text. After the browser's Back button, the browser restores the field as it was
  // left — the officer's typed body, not yet saved — and may do so after this script has run: an editor still showing
  // the page's body sent the restored one on 保存, text the officer could not see (an outside tester). The editor takes
  // the field's text in whenever it differs from what the editor last wrote or read, and says so.
  const adopt = () => {
    if (!textarea.hidden || textarea.value === shown) return;
    editor.commands.setContent(textarea.value, { emitUpdate: false });
    shown = textarea.value;
    status.textContent = '已恢复您离开本页前输入但尚未保存的正文，请核对后保存。';
  };
  const refresh: (() => void)[] = [];
  for (const b of BUTTONS) {
    if (b === '|') { const sep = document.createElement('span'); sep.className = 'rich-sep'; sep.setAttribute('aria-hidden', 'true'); toolbar.append(sep); continue; }
    const el = button(b.label, b.title);
    el.addEventListener('click', () => b.run(editor));
    if (b.active) refresh.push(() => el.setAttribute('aria-pressed', String(b.active!(editor))));
    if (b.enabled) refresh.push(() => { el.disabled = !b.enabled!(editor); });
    toolbar.append(el);
  }
  editor.on('transaction', () => refresh.forEach((r) => r()));

  // 源代码: the HTML itself, for what the toolbar does not offer; switching back reads it in again.
  const source = button('源代码', '查看和修改 HTML 源代码');
  source.setAttribute('aria-pressed', 'false');
  textarea.hidden = true;
  source.addEventListener('click', () => {
    const showing = !textarea.hidden;
    if (showing) editor.commands.setContent(textarea.value, { emitUpdate: false });
    else textarea.value = editor.getHTML();
    shown = textarea.value;
    textarea.hidden = showing;
    surface.hidden = !showing;
    source.setAttribute('aria-pressed', String(!showing));
  });
  toolbar.append(source);

  // 插入图片: one of the item's picture attachments, with a text alternative for readers who cannot see it.
  const images = JSON.parse(textarea.dataset.images || '[]') as { src: string; name: string }[];
  if (images.length > 0) {
    const pickImage = document.createElement('select');
    pickImage.setAttribute('aria-label', '选择要插入的图片附件');
    for (const img of images) pickImage.append(new Option(img.name, img.src));
    const insert = button('插入图片', '把选中的图片附件插入正文');
    insert.addEventListener('click', () => {
      const chosen = images.find((i) => i.src === pickImage.value);
      if (!chosen) return;
      const alt = window.prompt('图片的文字说明（供无法看到图片的读者使用）', chosen.name.replace(/\.[a-z]+$/i, ''));
      if (alt === null) return;
      editor.chain().focus().setImage({ src: chosen.src, alt: alt.trim() || chosen.name }).run();
    });
    toolbar.append(pickImage, insert);
  }

  // 导入 Word 文档: the server converts a .docx to clean HTML (mammoth) and the editor takes it in.
  const publicationId = textarea.dataset.publicationId;
  let keepOriginal: HTMLInputElement | null = null;
  const importUrl = textarea.dataset.docxImport
    ? `${textarea.dataset.docxImport}${publicationId ? `${textarea.dataset.docxImport.includes('?') ? '&' : '?'}publication=${encodeURIComponent(publicationId)}` : ''}` : undefined;
  const csrf = (textarea.form?.querySelector('input[name="_csrf"]') as HTMLInputElement | null)?.value;
  if (importUrl && csrf) {
    const pick = document.createElement('input');
    pick.type = 'file';
    pick.accept = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    pick.hidden = true;
    const open = button('导入 Word 文档', '把 .docx 文档的内容导入正文（替换现有正文）');
    open.addEventListener('click', () => pick.click());
    pick.addEventListener('change', async () => {
      const file = pick.files?.[0];
      pick.value = '';
      if (!file) return;
      if (editor.getText().trim() && !window.confirm('导入的内容将替换现有正文，是否继续？')) return;
      status.textContent = `正在导入“${file.name}”……`;
      const body = new FormData();
      body.append('_csrf', csrf);
      // Before the file, so the server reads it first: the document's title line fills an empty 标题 or is dropped when it repeats it.
      const titleBox = document.getElementById('f-title') as HTMLInputElement | null;
      if (titleBox) body.append('title', titleBox.value);
      // And the 文号: a 版头's 文号 line fills it when it is empty.
      const numberBox = document.getElementById('f-documentNumber') as HTMLInputElement | null;
      if (numberBox) body.append('documentNumber', numberBox.value);
      // And the 成文日期 with the date the form gave it: while the box still holds that one, the 落款's date fills it.
      const dateBox = document.getElementById('f-formedOn') as HTMLInputElement | null;
      const dateDefault = document.getElementById('f-formedOnDefault') as HTMLInputElement | null;
      if (dateBox) body.append('formedOn', dateBox.value);
      if (dateDefault) body.append('formedOnDefault', dateDefault.value);
      body.append('file', file);
      const url = keepOriginal?.checked ? `${importUrl}${importUrl.includes('?') ? '&' : '?'}keepOriginal=1` : importUrl;
      try {
        const res = await fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { accept: 'application/json' } });
        const answer = (await res.json()) as { html?: string; notes?: string[]; title?: string; documentNumber?: string; formedOn?: string; error?: { message: string } };
        if (!res.ok || answer.html === undefined) { status.textContent = `未能导入：${answer.error?.message ?? res.statusText}`; return; }
        editor.commands.setContent(answer.html, { emitUpdate: true });
        textarea.value = editor.getHTML();
        if (titleBox && answer.title && !titleBox.value.trim()) titleBox.value = answer.title;
        if (numberBox && answer.documentNumber && !numberBox.value.trim()) numberBox.value = answer.documentNumber;
        // Filled from the document, the date is still not the officer's: another import may fill it again.
        if (dateBox && answer.formedOn) { dateBox.value = answer.formedOn; if (dateDefault) dateDefault.value = answer.formedOn; }
        const notes = answer.notes ?? [];
        status.textContent = `已导入“${file.name}”。${notes.length > 0 ? `${notes.join('；')}。` : ''}请核对后保存。`;
      } catch {
        status.textContent = '未能导入：网络错误，请稍后重试';
      }
    });
    toolbar.append(open, pick);
    // The form's own import box is for pages without JavaScript; the toolbar's button does it here, and the hint says so.
    textarea.form?.querySelectorAll<HTMLElement>('[data-docx-fallback]').forEach((el) => { el.hidden = true; });
    const hint = textarea.id ? document.getElementById(`h-${textarea.id.replace(/^f-/, '')}`) : null;
    if (hint && textarea.dataset.hint) hint.textContent = textarea.dataset.hint;
    // For a saved draft, its pictures become attachments and the .docx itself may be kept as one too;
    // an item not yet saved has nowhere to keep them, so the choice is shown, off, with what unlocks it.
    const label = document.createElement('label');
    label.className = 'rich-option';
    keepOriginal = document.createElement('input');
    keepOriginal.type = 'checkbox';
    keepOriginal.disabled = !publicationId;
    label.append(keepOriginal, publicationId ? ' 导入时把 Word 原件保存为附件' : ' 导入时把 Word 原件保存为附件（先保存草稿后可选，文档中的图片也才能一并导入）');
    toolbar.append(label);
  }
  foldOnPhone(toolbar);

  adopt();
  window.addEventListener('load', adopt);
  window.addEventListener('pageshow', adopt);
}

document.querySelectorAll<HTMLTextAreaElement>('textarea[data-rich-text]').forEach(mount);
