import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dirs.ts';

// A setup file (vitest.config.ts): runs for every test file. Hooks run as a stack, so this
// afterAll comes after the file's own (its server and database are closed by then).
afterAll(() => removeTempDirs());
