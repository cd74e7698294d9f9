// The AccessTarget of a bucket, built one way for the CLI, Test Bucket Access in the editor and the Buckets view's
// clients: the presigned check signs with the lifetime the bucket's file configures, as the deployment will.
import type { BucketRef } from '../model';
import type { Workspace } from '../workspace';
import { configuredUrlExpiration } from './configured-expiry';
import type { Credentials } from './credentials';
import type { AccessTarget } from './runner';

export interface TargetOptions {
  /** False in Restricted Mode: an endpoint written in a workspace file is then never called. */
  fileEndpoints: boolean;
}

export function accessTarget(workspace: Workspace, ref: BucketRef, credentials: Credentials, options: TargetOptions): AccessTarget {
  const { endpoint, ...withoutEndpoint } = ref;
  const urlExpirationSecs = configuredUrlExpiration(workspace, ref);
  return { ref: options.fileEndpoints || endpoint === undefined ? ref : withoutEndpoint, credentials, ...(urlExpirationSecs ? { urlExpirationSecs } : {}) };
}
