/**
 * The part of the command list in `help` about one command: each line that starts with it (two
 * spaces, the command word) and the indented lines that continue it. Null when the list has none.
 */
export function commandHelp(help: string, command: string): string | null {
  const lines = help.split('\n');
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (/^ {2}\S/.test(line)) inside = line.slice(2).split(/\s/)[0] === command;
    else if (!/^ {3,}\S/.test(line)) inside = false;
    if (inside) out.push(line);
  }
  return out.length ? out.join('\n') : null;
}
