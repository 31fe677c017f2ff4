import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import type { Actor } from '../../identity/index.ts';
import { InteractionErrorCode as E } from '../domain/error-codes.ts';
import { PHOTO_TYPES } from '../domain/letter-verbs.ts';
import { listLetterEvents } from '../storage/events-repository.ts';
import { letterDetails } from './letter-details.ts';
import { performLetterVerb } from './perform-letter-verb.ts';

const photoPath = (dataDir: string, storageKey: string) => path.join(dataDir, 'letter-photos', storageKey);

/**
 * A photo of follow-up work (实地调查 …) attached to one follow-up record of the letter: stored under
 * the data directory, recorded by the `attachPhoto` verb (history and audit log). Refused, no file stays.
 */
export async function attachFollowUpPhoto(deps: AppDeps, actor: Actor, letterId: number, followUpEventId: number, file: { fileName: string; bytes: Buffer }) {
  const fileName = path.basename(file.fileName.replace(/\\/g, '/')).trim();
  const ext = path.extname(fileName).toLowerCase();
  const storageKey = `${deps.clock.now().toISOString().slice(0, 7)}/${randomUUID()}${PHOTO_TYPES[ext] ? ext : ''}`;
  const target = photoPath(deps.dataDir, storageKey);
  const command = {
    verb: 'attachPhoto' as const, followUpEventId, fileName, sizeBytes: file.bytes.length, storageKey, sha256: createHash('sha256').update(file.bytes).digest('hex'),
  };
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, file.bytes);
  try {
    return await performLetterVerb(deps, actor, letterId, command);
  } catch (e) {
    await fs.rm(target, { force: true }); // nothing partial: no file without its record
    throw e;
  }
}

/** A follow-up photo for staff of the letter's organ: its bytes and how to send them. */
export async function readFollowUpPhoto(deps: AppDeps, actor: Actor, letterId: number, photoEventId: number) {
  await letterDetails(deps, actor, letterId);
  const event = (await listLetterEvents(deps.db, letterId)).find((e) => e.id === photoEventId && e.verb === 'attachPhoto');
  if (!event) throw new DomainError(E.notFound, '照片不存在', { httpStatus: 404 });
  const storageKey = String(event.data.storageKey);
  const ext = path.extname(storageKey).toLowerCase();
  return { fileName: String(event.data.fileName), mimeType: PHOTO_TYPES[ext] ?? 'application/octet-stream', bytes: await fs.readFile(photoPath(deps.dataDir, storageKey)) };
}
