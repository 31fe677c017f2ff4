// Boots a tokenizing worker thread: the sources are TypeScript, loaded through tsx like bin/gongkai.
import { register } from 'tsx/esm/api';

register();
await import('./tokenize-worker.ts');
