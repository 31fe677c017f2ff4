/**
 * The archive's folder layout (docs/archive-format.md): one place that names every file, so the
 * documentation, the writer and the test agree.
 */
export const ARCHIVE_PATHS = {
  index: 'index.html',
  manifest: 'manifest.json',
  format: 'FORMAT.md',
  itemMetadata: (folder: string) => `items/${folder}/metadata.json`,
  itemBody: (folder: string) => `items/${folder}/body.html`,
  itemAttachment: (folder: string, name: string) => `items/${folder}/attachments/${name}`,
  itemReviewForm: (folder: string, ext: 'pdf' | 'docx') => `items/${folder}/review-form.${ext}`,
  itemSignOffs: (folder: string) => `items/${folder}/sign-offs.json`,
  applicationCase: (folder: string) => `applications/${folder}/case.json`,
  applicationLetter: (folder: string, name: string, ext: 'pdf' | 'docx') => `applications/${folder}/letters/${name}.${ext}`,
  mailboxLetter: (folder: string) => `mailbox/${folder}/letter.json`,
  proposal: (folder: string) => `proposals/${folder}/proposal.json`,
  annualReport: (year: number, ext: 'pdf' | 'docx' | 'html' | 'json') => `annual-report/annual-report-${year}.${ext}`,
} as const;

/** A name usable as a file or folder name on every system the archives may use (Windows included). */
export function safeName(raw: string, fallback: string): string {
  const s = raw.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 120);
  return s || fallback;
}

/** Folder names unique within their section: a second record with the same name gets `-2`, `-3` … */
export function uniqueNames() {
  const seen = new Map<string, number>();
  return (name: string) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}-${n}`;
  };
}
