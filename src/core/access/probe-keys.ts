// Names of the objects a live test writes: `.bucket-doctor-probe-<random>` under the folder, joined the way Label
// Studio's storage backends join the folder and a file name (safe_join: normalized folder, one "/", the name).
import { randomBytes } from 'node:crypto';
import { folderKeyPrefix } from '../iam/arn';

const probeName = '.bucket-doctor-probe-';

/** 16 random hex digits: no two runs, anywhere, pick the same key. */
export function randomProbeId(): string {
  return randomBytes(8).toString('hex');
}

/** `media/.bucket-doctor-probe-0123abcd…` for folder `media` (or `/media/`); just the name for the whole bucket. */
export function probeKey(folder: string, id: string): string {
  return `${folderKeyPrefix(folder)}${probeName}${id}`;
}

/** True only for keys a live test writes: cleanup never deletes anything else, whatever a stored report says. */
export function isProbeKey(key: string): boolean {
  return /(?:^|\/)\.bucket-doctor-probe-[0-9a-z-]+$/.test(key);
}
