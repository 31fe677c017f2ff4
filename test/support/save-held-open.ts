/**
 * A save in another process, for the tests of what two processes writing one SQLite file at once do
 * (src/modules/catalog/use-cases/document-number-race.db.test.ts): creates a draft with the given 文号
 * and, once it is stored but not yet committed, says `holding` on stdout and keeps its transaction open
 * for `holdMs` (it lets go by itself: the test's own save, waiting for the lock in better-sqlite3, blocks
 * the test's thread); then commits and says `saved <id>`, or `refused <code>`.
 *
 * node --import tsx test/support/save-held-open.ts <sqlite file> <data dir> <organ id> <node id> <title> <文号> <holdMs>
 */
import pino from 'pino';
import { openSqlite } from '../../src/platform/db/connect.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { createSecretBox } from '../../src/platform/secrets/secret-box.ts';
import { useAuditKey } from '../../src/modules/audit/index.ts';
import { createPublication } from '../../src/modules/catalog/index.ts';
import { systemActor } from '../../src/modules/identity/index.ts';
import { DomainError } from '../../src/shared/domain-error.ts';
import { TEST_AUDIT_KEY, TEST_SECRET_KEY, publicationInput } from './factories.ts';

const [file, dataDir, organId, nodeId, title, documentNumber, holdMs] = process.argv.slice(2);
const handle = openSqlite(file);
useAuditKey(TEST_AUDIT_KEY, dataDir);
const deps = { db: handle.db, dialect: handle.dialect, clock: fixedClock('2026-03-10T02:00:00Z'), dataDir, logger: pino({ level: 'silent' }), secretBox: createSecretBox(TEST_SECRET_KEY) };
try {
  const p = await createPublication(deps, systemActor('另一个进程'), Number(organId), publicationInput([Number(nodeId)], { title, documentNumber }), {
    inTransaction: async () => {
      process.stdout.write('holding\n');
      await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
    },
  });
  process.stdout.write(`saved ${p.id}\n`);
} catch (e) {
  process.stdout.write(e instanceof DomainError ? `refused ${e.code}\n` : `failed ${(e as Error).message}\n`);
} finally {
  await handle.destroy();
  process.exit(0);
}
