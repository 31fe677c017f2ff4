// `user set-password --password-stdin` on a terminal asks for the password without echo
// (src/main/read-secret.ts), but only once the program has loaded — seconds from the TypeScript
// sources — and until then the terminal echoes whatever is typed: a password typed ahead of the
// prompt stood on the screen (found by an operator). Echo therefore goes off at the launcher's first
// line, before anything is loaded: the keys typed meanwhile wait in the terminal and the prompt's
// reader takes them as typed (Enter, Ctrl-C included). Node puts the terminal back as it was on exit,
// also when the command stops before asking. Only Node's own start-up, before this runs, is left.

/** Whether the command line will read a password from a terminal. */
export const readsSecretFromTerminal = (argv, stdin) =>
  stdin.isTTY === true && argv[0] === 'user' && argv[1] === 'set-password' && argv.includes('--password-stdin');

/** Turns the terminal's echo off (raw mode, as the prompt's reader sets it) when a password will be read; true when it did. */
export function keepTypeAheadOffTheScreen(argv, stdin) {
  if (!readsSecretFromTerminal(argv, stdin)) return false;
  stdin.setRawMode(true);
  return true;
}
