/**
 * Builds extracted text with the layout rules shared by the HTML reader: collapsed spaces, one
 * "\n" per block, "\t" after each table cell, a table row per line.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private last = '\n';

  /** Text whose whitespace has already been collapsed (or must stay, as in <pre>). */
  text(s: string): void {
    if (this.last === '\n' || this.last === '\t' || this.last === ' ') s = s.replace(/^ +/, '');
    if (!s) return;
    this.parts.push(s);
    this.last = s[s.length - 1];
  }

  /** Ends the current line unless it is already ended. */
  block(): void {
    this.trimTrailingSpace();
    if (this.last !== '\n') this.push('\n');
  }

  cell(): void {
    this.trimTrailingSpace();
    this.push('\t');
  }

  row(): void {
    this.trimTrailingSpace();
    if (this.last === '\t') this.dropLastChar();
    this.block();
  }

  lineBreak(): void {
    this.trimTrailingSpace();
    this.push('\n');
  }

  toString(): string {
    return this.parts.join('').replace(/\n+$/, '');
  }

  private push(s: string): void {
    this.parts.push(s);
    this.last = s[s.length - 1];
  }

  private trimTrailingSpace(): void {
    while (this.last === ' ') this.dropLastChar();
  }

  private dropLastChar(): void {
    const i = this.parts.length - 1;
    if (i < 0) return;
    const p = this.parts[i].slice(0, -1);
    if (p) this.parts[i] = p;
    else this.parts.pop();
    const prev = this.parts[this.parts.length - 1];
    this.last = prev ? prev[prev.length - 1] : '\n';
  }
}
