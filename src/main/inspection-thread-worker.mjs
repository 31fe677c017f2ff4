// Boots the nightly inspection's worker thread: the sources are TypeScript, loaded through tsx like bin/gongkai.
import { register } from 'tsx/esm/api';

register();
await import('./inspection-thread-worker.ts');
