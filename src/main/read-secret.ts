import readline from 'node:readline';
import { Writable } from 'node:stream';
import { DomainError } from '../shared/domain-error.ts';

/**
 * The first line of standard input, for a password that must not sit in the shell history
 * (`user set-password --password-stdin`). Piped (`printf '%s\n' "$P" | …`, `< file`): that line,
 * nothing prompted. On a terminal: a prompt on standard error and what is typed not echoed; Ctrl-C
 * cancels. An empty input gives ''.
 */
export function readSecretLine(prompt: string): Promise<string> {
  const tty = process.stdin.isTTY === true;
  // On a terminal readline takes the keys itself (raw mode); its echo goes nowhere.
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = readline.createInterface({ input: process.stdin, output: tty ? silent : undefined, terminal: tty });
  if (tty) process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      resolve(line.replace(/\r$/, ''));
    });
    rl.once('SIGINT', () => {
      answered = true;
      rl.close();
      reject(new DomainError('ERR_CLI_USAGE', '已取消'));
    });
    rl.once('close', () => {
      if (tty) process.stderr.write('\n');
      if (!answered) resolve('');
    });
  });
}
