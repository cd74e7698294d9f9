// The presigned-URL lifetime a bucket's own file configures (chart `urlExpirationSecs`, or the env variable the
// chart renders it into): the presigned check signs with it, as Label Studio will.
import type { BucketRef } from '../model';
import { valueOf } from '../sources/env-file';
import { readLseValues } from '../sources/lse-values';
import { nodeAt, scalarText } from '../sources/yaml-file';
import type { Workspace } from '../workspace';

const envNames = { s3: 'STORAGE_AWS_X_AMZ_EXPIRES', gcs: 'STORAGE_GCS_EXPIRATION_SECS', azure: 'STORAGE_AZURE_URL_EXPIRATION_SECS' } as const;

/** Seconds; undefined when the file sets none, or nothing that reads as a positive integer. */
export function configuredUrlExpiration(workspace: Workspace, ref: BucketRef): number | undefined {
  const file = workspace.get(ref.file);
  let text: string | undefined;
  if (file?.kind === 'values') {
    text = scalarText(nodeAt(readLseValues(workspace.yaml(file)).block(ref.provider), ['urlExpirationSecs']));
  } else if (file?.kind === 'env') {
    const entry = workspace.env(file).entries.filter((e) => e.name === envNames[ref.provider]).at(-1);
    text = entry && valueOf(entry, workspace.envReader(file));
  }
  const seconds = text === undefined ? NaN : Number(text.trim());
  return Number.isInteger(seconds) && seconds > 0 ? seconds : undefined;
}
