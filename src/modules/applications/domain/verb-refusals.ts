import type { ErrorReason } from '../../../shared/domain-error.ts';
import type { Application } from './application.ts';
import { verbsIn, type Command, type Verb } from './application-verbs.ts';
import { decide, type DecideFacts } from './decide.ts';

/**
 * What refuses each verb of the case's state before anything is typed into its form: the reasons
 * decide gives for the verb with no input that name no field (a period not yet run out, an approval
 * only the office head gives, a step not yet taken). The case page offers a verb only without them,
 * so it never shows a button the server would refuse whatever the form says.
 */
export function refusalsBeforeInput(app: Application, facts: DecideFacts): Partial<Record<Verb, ErrorReason[]>> {
  const out: Partial<Record<Verb, ErrorReason[]>> = {};
  for (const verb of verbsIn(app.state)) {
    const decision = decide(app, { verb } as Command, facts);
    const reasons = decision.ok ? [] : decision.reasons.filter((r) => !r.field);
    if (reasons.length) out[verb] = reasons;
  }
  return out;
}
