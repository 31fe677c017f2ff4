import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript without types (scripts/ runs before any TypeScript can load)
import { keepTypeAheadOffTheScreen } from '../../scripts/type-ahead-echo.mjs';

// A password typed ahead of `user set-password --password-stdin`'s prompt stood on the screen: the
// terminal echoed it while the program loaded (found by an operator). The launcher turns echo off
// first thing, for that command on a terminal only. (Checked on a pseudo-terminal with `script`: a
// password typed 4 s after start, before the prompt, is read and not echoed; Ctrl-C typed ahead
// cancels; after a refused command line the terminal has echo and line editing back.)
describe('bin/gongkai: echo off before loading when a password will be read from a terminal', () => {
  const terminal = () => {
    const modes: boolean[] = [];
    return { isTTY: true, setRawMode: (on: boolean) => modes.push(on), modes };
  };

  it('turns echo off for user set-password --password-stdin on a terminal', () => {
    const stdin = terminal();
    expect(keepTypeAheadOffTheScreen(['user', 'set-password', '--username', 'admin', '--password-stdin'], stdin)).toBe(true);
    expect(stdin.modes).toEqual([true]);
  });

  it.each([
    [['user', 'set-password', '--username', 'admin', '--password', 'long-enough-1']],
    [['user', 'reset-2fa', '--username', 'admin']],
    [['serve']],
    [[]],
  ])('leaves the terminal alone for %j', (argv) => {
    const stdin = terminal();
    expect(keepTypeAheadOffTheScreen(argv, stdin)).toBe(false);
    expect(stdin.modes).toEqual([]);
  });

  it('leaves piped standard input alone', () => {
    const stdin = { isTTY: undefined, setRawMode: () => { throw new Error('not a terminal'); } };
    expect(keepTypeAheadOffTheScreen(['user', 'set-password', '--username', 'admin', '--password-stdin'], stdin)).toBe(false);
  });
});
