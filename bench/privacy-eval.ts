/**
 * Precision and recall of the privacy scanner on the labelled corpus in test/corpus/privacy.
 *   node --import tsx bench/privacy-eval.ts [--json] [--mistakes N]
 * (the same as `./bin/gongkai scan-eval`).
 */
import { runScanEvalCommand } from '../src/modules/privacy/index.ts';

process.exitCode = await runScanEvalCommand(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
