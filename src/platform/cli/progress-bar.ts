/** A text progress bar: [########------------]  40%  400/1000 条 (reindex, import, export). */
export function progressBar(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${done}/${total} 条`;
}

/** Calls `show` with the bar only when the whole percentage changes (and at the end). */
export function progressReporter(show: (line: string) => void, label = ''): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const pct = Math.floor((done / Math.max(total, 1)) * 100);
    if (pct !== last || done === total) show(`${label}${progressBar(done, total)}`);
    last = pct;
  };
}
