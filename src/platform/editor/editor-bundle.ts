import { projectPath } from '../runtime/project-root.ts';

/** The TypeScript entry in the sources (also when the server runs compiled from dist/): esbuild bundles it for the browser. */
const ENTRY = projectPath('src', 'platform', 'editor', 'editor-client.ts');

let bundled: Promise<string> | null = null;

/**
 * The officer's rich-text editor as one browser script (docs/adr/0017): editor-client.ts with Tiptap
 * and ProseMirror, bundled by esbuild once per process, on first use, and kept in memory. The
 * portal never loads it; only back-office pages with a `textarea[data-rich-text]` do.
 */
export function editorScript(): Promise<string> {
  // esbuild is loaded with the first bundle, not at start (about 10 MB; docs/performance.md "RSS").
  bundled ??= import('esbuild').then(({ build }) => build({
    entryPoints: [ENTRY], bundle: true, write: false, format: 'iife', target: ['es2020'], minify: true, legalComments: 'inline', logLevel: 'silent',
  })).then((r) => r.outputFiles[0].text).catch((e: unknown) => {
    bundled = null; // a failed build is tried again on the next request
    throw e;
  });
  return bundled;
}
