// Test Bucket Access: runs exactly the live checks a bucket's profile needs through a StorageClient. Independent
// checks run at once; every request has a timeout, bounded retries (5xx, throttling, dropped connections) and obeys
// cancellation. Probes are written only under their own keys, only if absent, and are deleted in every outcome; a
// probe that could not be deleted is reported by its full key. No SDK here: the client comes from `clientFactory`.
import { bucketArn, folderKeyPrefix, objectArn } from '../iam/arn';
import { findProfile, profiles, type Profile } from '../iam/profiles';
import type { BucketRef } from '../model';
import { maxSignedSeconds } from '../signed-url-expiry';
import { regionVerdict } from './bucket-region';
import { corsRuleFor } from './cors-rules';
import { redact, secretsOf, type Credentials } from './credentials';
import { refusedEndpoint } from './endpoint-safety';
import { asStorageError, StorageError, type ErrorClass } from './errors';
import { accessPlan, profileWrites, type PlannedCheck, type Protocol } from './plan';
import { isProbeKey, probeKey, randomProbeId } from './probe-keys';
import type { AccessReport, CheckResult, CheckRow } from './report';
import { defaultRetryPolicy, isRetryable, withRetries, type RetryPolicy } from './retry';
import type { BucketEncryption, StorageClient } from './storage-client';

/** What to test: the bucket as the workspace configures it, and the credentials to test with. */
export interface AccessTarget {
  /** Provider, name, folder, region, endpoint (leave it out in Restricted Mode), profile, auth, roleArn, kmsKeyArn, file. */
  ref: BucketRef;
  credentials: Credentials;
  /** The presigned-URL lifetime the deployment signs with (`urlExpirationSecs`); one hour when unknown. */
  urlExpirationSecs?: number;
  /** STS and IAM endpoints (private endpoints, test doubles); AWS's own otherwise. */
  stsEndpoint?: string;
  iamEndpoint?: string;
}

export interface ClientSettings {
  /** Per-request timeout the SDK may apply too; the runner enforces it anyway. */
  timeoutMs: number;
  /** The SDK's own bounded retries, for browsing; off by default, since the runner retries itself. */
  sdkRetries?: boolean;
}

/** Makes the client for a target: src/providers/access.ts in the CLI and the extension, a fake in unit tests. */
export type ClientFactory = (target: AccessTarget, settings: ClientSettings) => StorageClient | Promise<StorageClient>;

export interface AccessTestOptions {
  signal?: AbortSignal;
  /** Per request (each retry gets its own); 10 s by default. */
  timeoutMs?: number;
  /** The Label Studio origin (`https://label.example.com`) the CORS check asks about. */
  corsOrigin?: string;
  /** Hears each row as soon as its check finishes (rows stream in completion order). */
  onRow?(row: CheckRow): void;
  /** The probe id instead of a random one: only tests need it (to plant an object where the probe will go). */
  probeId?: string;
  retry?: RetryPolicy;
}

/** Auth modes where the deployment is someone the developer's machine is not. */
const deploymentIdentities: ReadonlySet<string> = new Set(['irsa-role', 'existing-secret', 'node-role', 'workload-identity']);

/** Failures after which the service certainly wrote nothing. */
const refusals: ReadonlySet<ErrorClass> = new Set(['denied', 'not-found', 'bad-credentials', 'wrong-region']);

/** The key is taken (S3/GCS 412, Azure 409): someone else's object, never to be deleted. */
const taken = /^(PreconditionFailed|conditionNotMet|ConditionNotMet|BlobAlreadyExists|HTTP 412|HTTP 409)$/;

const resultOf: Readonly<Record<ErrorClass, CheckResult>> = {
  denied: 'denied',
  'not-found': 'not-found',
  'bad-credentials': 'bad-credentials',
  'wrong-region': 'wrong-region',
  unreachable: 'unreachable',
  timeout: 'timed-out',
  unsupported: 'skipped',
  error: 'error',
};

class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** A check's own outcome; the runner adds operation, action, required and latency. */
interface Step {
  result: CheckResult;
  code?: string;
  hint?: string;
  /** What later checks need from this one (the listed key, the encryption). */
  value?: unknown;
  /** Checks that report one row per action (testIamPermissions, the simulation) return them here. */
  rows?: CheckRow[];
  /** Not applicable (no KMS key anywhere): no row at all. */
  omit?: boolean;
}

/** Rejects as soon as `signal` aborts, even when the SDK underneath ignores it. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * A signal that aborts after `ms`. Unlike AbortSignal.timeout its timer keeps the process alive, so a run waits out
 * a request that holds no socket of its own.
 */
function deadline(ms: number): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new StorageError('request', { code: 'TimeoutError' })), ms);
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

class AccessRun {
  private readonly profile: Profile;
  private readonly protocol: Protocol;
  private readonly signal: AbortSignal;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly id: string;
  private readonly key: string;
  private readonly body: Uint8Array;
  private readonly folder: string;
  /** Probe keys that may exist right now: each is deleted before the run ends, or reported. */
  private readonly maybeWritten = new Set<string>();
  /** Multipart uploads started and not yet aborted, by key. */
  private readonly uploads = new Map<string, string>();
  readonly notes: string[] = [];
  identity?: string;

  constructor(
    private readonly target: AccessTarget,
    private readonly client: StorageClient,
    private readonly options: AccessTestOptions,
    startedAt: Date,
  ) {
    this.profile = findProfile(target.ref.profile) ?? profiles['lse-persistence'];
    this.protocol = target.credentials.kind === 'hmac' ? 's3' : target.ref.provider;
    this.signal = options.signal ?? new AbortController().signal;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retry = options.retry ?? defaultRetryPolicy;
    this.id = options.probeId ?? randomProbeId();
    this.folder = folderKeyPrefix(target.ref.folder);
    this.key = probeKey(target.ref.folder, this.id);
    this.body = new TextEncoder().encode(`Bucket Doctor access probe ${startedAt.toISOString()} ${this.id}\n`);
  }

  /** One request: its own timeout, retried while the failure is transient, cancelled with the run. */
  private call<T>(run: (signal: AbortSignal) => Promise<T>, onAttempt?: (n: number) => void): Promise<T> {
    return withRetries(
      async (n) => {
        onAttempt?.(n);
        if (this.signal.aborted) throw new Cancelled();
        const timeout = deadline(this.timeoutMs);
        const signal = AbortSignal.any([this.signal, timeout.signal]);
        const pending = run(signal);
        // An SDK call that outlives its abort must not surface later as an unhandled rejection.
        pending.catch(() => undefined);
        try {
          return await abortable(pending, signal);
        } catch (error) {
          if (this.signal.aborted) throw new Cancelled();
          if (timeout.signal.aborted) throw new StorageError('request', { code: 'TimeoutError' });
          throw error;
        } finally {
          timeout.clear();
        }
      },
      (error) => {
        const failure = asStorageError(error);
        return failure !== undefined && isRetryable(failure);
      },
      this.retry,
      this.signal,
    );
  }

  private objectsArn(): string {
    return objectArn(this.target.ref.name, `${this.folder}*`);
  }

  /** Where a check's requests go: the simulation to IAM, the identity (S3) to STS, the rest to the storage endpoint. */
  private serviceOf(check: PlannedCheck): string {
    const { ref, iamEndpoint, stsEndpoint } = this.target;
    if (check.operation === 'simulate') return iamEndpoint ?? 'AWS IAM';
    if (check.operation === 'identity' && this.protocol === 's3') return stsEndpoint ?? ref.endpoint ?? 'AWS STS';
    return ref.endpoint ?? 'The service';
  }

  /** What to do about a failure, one sentence. */
  private hintFor(check: PlannedCheck, kind: ErrorClass, code: string): string | undefined {
    const { ref } = this.target;
    switch (kind) {
      case 'denied': {
        if (this.protocol === 'azure') return `The credentials may not ${check.operation === 'list' ? 'list' : check.operation === 'put' ? 'write' : check.operation === 'delete' ? 'delete' : 'read'} blobs: grant ${check.action} (a SAS needs the matching permission letter).`;
        if (this.protocol === 'gcs') return `Grant ${check.action} on bucket ${ref.name} to ${this.identity ?? 'the identity tested'}.`;
        const onBucket = /^s3:(ListBucket|GetBucket|GetEncryption)/.test(check.action);
        return `Grant ${check.action} on ${onBucket ? bucketArn(ref.name) : this.objectsArn()} to ${this.identity ?? 'the identity tested'}.`;
      }
      case 'not-found':
        return `No bucket ${ref.name} here: check the name${ref.endpoint ? ` and the endpoint ${ref.endpoint}` : ' and the account'}.`;
      case 'bad-credentials':
        return `The service rejected ${this.target.credentials.source.description} (${code}): check the key, secret or token.`;
      case 'wrong-region':
        return `The bucket is not in ${ref.region ?? 'the configured region'}: set the region the bucket is in.`;
      case 'unreachable':
        return `${this.serviceOf(check)} could not be reached: check the URL, the network and any proxy.`;
      case 'timeout':
        return `No answer within ${this.timeoutMs / 1000} s.`;
      case 'unsupported':
        return 'The service does not offer this operation.';
      case 'error':
        return taken.test(code) ? 'An object already exists at the probe key: it was neither overwritten nor deleted.' : `The service answered ${code}.`;
    }
  }

  /** Runs one planned check and turns its outcome or failure into a row (or rows). */
  async check(check: PlannedCheck, before: ReadonlyMap<string, Step>): Promise<{ step: Step; rows: CheckRow[] }> {
    const started = performance.now();
    let step: Step;
    if (this.signal.aborted) {
      step = { result: 'skipped', hint: 'Cancelled.' };
    } else {
      try {
        step = await this.execute(check, before);
      } catch (error) {
        if (error instanceof Cancelled || this.signal.aborted) {
          step = { result: 'skipped', hint: 'Cancelled.' };
        } else {
          const failure = asStorageError(error) ?? { kind: 'error' as const, code: error instanceof Error ? error.name : 'Error' };
          step = { result: resultOf[failure.kind], code: failure.code, hint: this.hintFor(check, failure.kind, failure.code) };
        }
      }
    }
    if (step.omit) return { step, rows: [] };
    // A check skipped without asking the service has no latency to show.
    const latency = step.result === 'skipped' && !step.code ? {} : { latencyMs: Math.round(performance.now() - started) };
    const rows = step.rows ?? [{ operation: check.operation, required: check.required, result: step.result, action: check.action, ...latency, ...(step.code ? { code: step.code } : {}), ...(step.hint ? { hint: step.hint } : {}) }];
    for (const row of rows) this.options.onRow?.(row);
    return { step, rows };
  }

  private execute(check: PlannedCheck, before: ReadonlyMap<string, Step>): Promise<Step> {
    const c = this.client;
    switch (check.operation) {
      case 'identity':
        return this.call((signal) => c.identity!({ signal })).then((who) => {
          this.identity = who;
          return { result: 'passed', hint: who };
        });
      case 'location':
        return this.location();
      case 'test-permissions':
        return this.testPermissions(check);
      case 'list':
        return this.call((signal) => c.list({ prefix: this.folder, maxKeys: 1 }, { signal })).then((page) => {
          const existing = page.objects.find((o) => !isProbeKey(o.key));
          return { result: 'passed', value: existing?.key, hint: page.objects.length > 0 ? `Listed ${this.folder || 'the bucket'}: it holds objects.` : `Listed ${this.folder || 'the bucket'}: it is empty.` };
        });
      case 'cors':
        return this.cors();
      case 'encryption':
        return this.call((signal) => c.encryption!({ signal })).then((enc) => ({
          result: 'passed',
          value: enc,
          hint: enc ? `Default encryption ${enc.algorithm}${enc.kmsKeyId ? ` with key ${enc.kmsKeyId}` : ''}.` : 'No default encryption is configured.',
        }));
      case 'put':
        return this.put();
      case 'get':
        return this.readBack(before);
      case 'presigned-get':
        return this.presignedGet(before);
      case 'acl':
        if (before.get('put')?.result !== 'passed') return Promise.resolve({ result: 'skipped', hint: 'No probe object was written.' });
        return this.call((signal) => c.putAcl!(this.key, { signal })).then(() => ({ result: 'passed' }));
      case 'delete':
        return this.deleteProbe(before);
      case 'multipart':
        return this.multipart(check);
      case 'kms-put':
        return this.kmsPut(before);
      case 'read-existing':
        return this.readExisting(before);
      case 'simulate':
        return this.simulate(check);
      default:
        return Promise.resolve({ result: 'skipped', hint: `Unknown check ${check.operation}.` });
    }
  }

  private async location(): Promise<Step> {
    const location = await this.call((signal) => this.client.location!({ signal }));
    const { region, verdict } = regionVerdict(location, this.target.ref.region);
    switch (verdict) {
      case 'mismatch':
        return { result: 'wrong-region', code: 'RegionMismatch', hint: `The bucket is in ${region}, the configuration says ${this.target.ref.region}: set ${region}.` };
      case 'match':
        return { result: 'passed', hint: `In ${region}, as configured.` };
      case 'unconfigured':
        return { result: 'passed', hint: `In ${region}; no region is configured: set it to ${region}.` };
      case 'unknown':
        return { result: 'passed', hint: `The service reports location "${location}" (no AWS region: nothing to compare).` };
    }
  }

  private async testPermissions(check: PlannedCheck): Promise<Step> {
    const wanted = this.profile.gcs ?? ['storage.objects.list', 'storage.objects.get'];
    const granted = new Set(await this.call((signal) => this.client.testPermissions!(wanted, { signal })));
    const rows: CheckRow[] = wanted.map((permission) =>
      granted.has(permission)
        ? { operation: check.operation, required: true, result: 'passed', action: permission, hint: `${permission} is granted.` }
        : { operation: check.operation, required: true, result: 'denied', action: permission, code: 'PermissionNotGranted', hint: `Grant ${permission} on bucket ${this.target.ref.name} to ${this.identity ?? 'the identity tested'}.` },
    );
    return { result: rows.every((r) => r.result === 'passed') ? 'passed' : 'denied', rows };
  }

  private async cors(): Promise<Step> {
    const origin = this.options.corsOrigin;
    if (!origin) return { result: 'skipped', hint: 'No Label Studio host is configured (LABEL_STUDIO_HOST) or entered: CORS was not checked.' };
    const rules = await this.call((signal) => this.client.cors!({ signal }));
    if (corsRuleFor(rules, origin)) return { result: 'passed', hint: `Browsers on ${origin} may GET objects.` };
    return {
      result: 'error',
      code: rules.length === 0 ? 'NoSuchCORSConfiguration' : 'CorsOriginNotAllowed',
      hint: `No CORS rule allows GET from ${origin}: browsers there will not load media through presigned URLs. Add one.`,
    };
  }

  private async put(): Promise<Step> {
    let attempts = 0;
    this.maybeWritten.add(this.key);
    try {
      await this.call((signal) => this.client.putIfAbsent(this.key, this.body, { signal }), (n) => (attempts = n));
      return { result: 'passed', hint: `Wrote ${this.key}.` };
    } catch (error) {
      const failure = asStorageError(error);
      // A refusal wrote nothing; a taken key on the first attempt is someone else's object. A taken key after an
      // interrupted attempt is that attempt's probe (the key is random), so it stays listed for cleanup.
      if (failure && (refusals.has(failure.kind) || (taken.test(failure.code) && attempts === 1))) this.maybeWritten.delete(this.key);
      throw error;
    }
  }

  private async readBack(before: ReadonlyMap<string, Step>): Promise<Step> {
    if (before.get('put')?.result !== 'passed') return { result: 'skipped', hint: 'No probe object was written.' };
    const bytes = await this.call((signal) => this.client.get(this.key, { signal }));
    return sameBytes(bytes, this.body) ? { result: 'passed', hint: 'Read the probe back: same bytes.' } : { result: 'error', code: 'ContentMismatch', hint: 'The probe read back differs from what was written.' };
  }

  /** A URL signed for the deployment's lifetime, fetched over plain HTTP the way a browser would. */
  private async presignedGet(before: ReadonlyMap<string, Step>): Promise<Step> {
    const writes = profileWrites(this.profile);
    const key = writes ? (before.get('put')?.result === 'passed' ? this.key : undefined) : (before.get('list')?.value as string | undefined);
    if (key === undefined) return { result: 'skipped', hint: writes ? 'No probe object was written.' : 'No object to sign: the list found none.' };
    if (!this.client.fetchSigned) return { result: 'skipped', hint: 'This provider cannot fetch URLs.' };
    const seconds = Math.min(this.target.urlExpirationSecs ?? 3600, maxSignedSeconds);
    let url: string;
    try {
      url = await this.client.signedUrl(key, seconds);
    } catch (error) {
      const code = asStorageError(error)?.code ?? (error instanceof Error ? error.name : 'Error');
      return { result: 'skipped', code, hint: 'These credentials cannot sign URLs (GCS needs a service-account key, Azure an account key or a SAS).' };
    }
    // Existing objects: the first byte only.
    const bytes = await this.call((signal) => this.client.fetchSigned!(url, { signal, firstByteOnly: !writes }));
    if (writes && !sameBytes(bytes, this.body)) return { result: 'error', code: 'ContentMismatch', hint: 'The presigned URL returned other bytes than the probe holds.' };
    return { result: 'passed', hint: `A GET through a URL signed for ${seconds} s worked.` };
  }

  private async deleteProbe(before: ReadonlyMap<string, Step>): Promise<Step> {
    const put = before.get('put');
    if (put?.result === 'passed') {
      await this.call((signal) => this.client.delete(this.key, { signal }));
      try {
        await this.call((signal) => this.client.get(this.key, { signal }));
        return { result: 'error', code: 'StillPresent', hint: `The service accepted the delete, but ${this.key} is still there.` };
      } catch (error) {
        const failure = asStorageError(error);
        if (failure?.kind === 'not-found') {
          this.maybeWritten.delete(this.key);
          return { result: 'passed', hint: 'Deleted the probe and confirmed it is gone.' };
        }
        if (error instanceof Cancelled) throw error;
        // The delete itself was accepted; reading may be denied (S3 without ListBucket answers 403 for a missing key).
        this.maybeWritten.delete(this.key);
        return { result: 'passed', hint: `Deleted the probe; could not confirm it is gone (${failure?.code ?? 'read failed'}).` };
      }
    }
    // Write refused: whether delete is allowed is still worth knowing, tested on the probe key only once it is
    // proven free (a HEAD-like read answers 404), so nothing that exists is ever deleted.
    if (put?.result !== 'denied') return { result: 'skipped', hint: put?.code && taken.test(put.code) ? 'An object exists at the probe key: it is never deleted.' : 'No probe object was written.' };
    try {
      await this.call((signal) => this.client.get(this.key, { signal }));
      return { result: 'skipped', hint: 'An object exists at the probe key: it is never deleted.' };
    } catch (error) {
      if (error instanceof Cancelled) throw error;
      if (asStorageError(error)?.kind !== 'not-found') return { result: 'skipped', hint: 'The probe was not written and whether its key is free cannot be read: delete was not tested.' };
    }
    try {
      await this.call((signal) => this.client.delete(this.key, { signal }));
    } catch (error) {
      if (asStorageError(error)?.kind !== 'not-found') throw error;
    }
    return { result: 'passed', hint: 'Allowed (tested on the absent probe key: the write was refused).' };
  }

  private async multipart(check: PlannedCheck): Promise<Step> {
    const key = probeKey(this.target.ref.folder, `${this.id}-mpu`);
    let uploadId: string;
    try {
      uploadId = await this.call((signal) => this.client.createMultipart!(key, { signal }));
    } catch (error) {
      const failure = asStorageError(error);
      if (failure?.kind === 'denied') return { result: 'denied', code: failure.code, hint: `Starting a multipart upload needs s3:PutObject on ${this.objectsArn()}.` };
      throw error;
    }
    this.uploads.set(key, uploadId);
    await this.call((signal) => this.client.abortMultipart!(key, uploadId, { signal }));
    this.uploads.delete(key);
    return { result: 'passed', hint: `Started and aborted a multipart upload (${check.action}).` };
  }

  private async kmsPut(before: ReadonlyMap<string, Step>): Promise<Step> {
    const encryption = before.get('encryption')?.value as BucketEncryption | undefined;
    const kmsKeyId = this.target.ref.kmsKeyArn ?? (encryption?.algorithm === 'aws:kms' ? encryption.kmsKeyId : undefined);
    if (!kmsKeyId) return { result: 'skipped', omit: true };
    const key = probeKey(this.target.ref.folder, `${this.id}-kms`);
    this.maybeWritten.add(key);
    try {
      await this.call((signal) => this.client.putIfAbsent(key, this.body, { signal, kmsKeyId }));
    } catch (error) {
      const failure = asStorageError(error);
      if (failure && refusals.has(failure.kind)) this.maybeWritten.delete(key);
      if (failure?.kind === 'denied') return { result: 'denied', code: failure.code, hint: `Writing with SSE-KMS needs kms:GenerateDataKey on ${kmsKeyId} (and s3:PutObject).` };
      throw error;
    }
    await this.call((signal) => this.client.delete(key, { signal }));
    this.maybeWritten.delete(key);
    return { result: 'passed', hint: `Wrote and deleted a probe encrypted with ${kmsKeyId}.` };
  }

  private async readExisting(before: ReadonlyMap<string, Step>): Promise<Step> {
    const list = before.get('list');
    const key = list?.value as string | undefined;
    if (key === undefined) return { result: 'skipped', hint: list?.result === 'passed' ? 'The folder holds no object to read.' : 'The list failed: no object to read.' };
    const peek = await this.call((signal) => this.client.peek!(key, { signal }));
    return { result: 'passed', hint: `Read the size (${peek.size} bytes) and the first byte of ${key}; nothing was written.` };
  }

  /** The deployment's role, simulated by IAM with the bucket policy as the resource policy. */
  private async simulate(check: PlannedCheck): Promise<Step> {
    const roleArn = this.target.ref.roleArn!;
    const { name } = this.target.ref;
    let policy: string | undefined;
    try {
      policy = await this.call((signal) => this.client.bucketPolicy!({ signal }));
    } catch (error) {
      if (error instanceof Cancelled) throw error;
      // Without the bucket policy the simulation covers the role's own policies only.
      if (asStorageError(error)?.kind !== 'not-found') this.notes.push(`The bucket policy could not be read (${asStorageError(error)?.code ?? 'error'}): the simulation for ${roleArn} covers its own policies only.`);
    }
    const probeArn = objectArn(name, this.key);
    const byResource = new Map<string, string[]>();
    for (const n of this.profile.s3) {
      const resource = n.on === 'bucket' ? bucketArn(name) : probeArn;
      byResource.set(resource, [...(byResource.get(resource) ?? []), n.action]);
    }
    let results;
    try {
      results = (await Promise.all([...byResource].map(([resource, actions]) => this.call((signal) => this.client.simulate!(roleArn, actions, [resource], policy, { signal }))))).flat();
    } catch (error) {
      const failure = asStorageError(error);
      if (!failure || error instanceof Cancelled) throw error;
      const hint = failure.kind === 'denied' ? `Simulating ${roleArn} needs iam:SimulatePrincipalPolicy on it for the identity tested.` : this.hintFor(check, failure.kind, failure.code);
      return { result: resultOf[failure.kind], rows: [{ operation: 'simulate', required: false, result: resultOf[failure.kind], code: failure.code, action: check.action, simulatedFor: roleArn, ...(hint ? { hint } : {}) }] };
    }
    const rows: CheckRow[] = this.profile.s3.map((n) => {
      const found = results.find((r) => r.action === n.action);
      const decision = found?.decision ?? 'implicitDeny';
      return {
        operation: 'simulate',
        required: n.required,
        result: decision === 'allowed' ? 'passed' : 'denied',
        code: decision,
        action: n.action,
        simulatedFor: roleArn,
        hint: decision === 'allowed' ? `${n.action} on ${found?.resource ?? ''} is allowed for the role.` : `${n.action} on ${found?.resource ?? ''}: ${decision === 'explicitDeny' ? 'a statement denies it' : 'no statement grants it'} (${roleArn}).`,
      };
    });
    return { result: rows.some((r) => r.result === 'denied' && r.required) ? 'denied' : 'passed', rows };
  }

  /** Deletes every probe that may still exist and aborts open uploads; resolves with the keys left behind. */
  async cleanUp(): Promise<string[]> {
    const left: string[] = [];
    const quietly = async (run: (signal: AbortSignal) => Promise<void>): Promise<boolean> => {
      // A fresh signal: cleanup runs after a cancel too, bounded by the timeout only.
      for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
        const timeout = deadline(this.timeoutMs);
        try {
          const pending = run(timeout.signal);
          pending.catch(() => undefined);
          await abortable(pending, timeout.signal);
          return true;
        } catch (error) {
          if (asStorageError(error)?.kind === 'not-found') return true;
        } finally {
          timeout.clear();
        }
      }
      return false;
    };
    for (const [key, uploadId] of this.uploads) if (!(await quietly((signal) => this.client.abortMultipart!(key, uploadId, { signal })))) left.push(key);
    for (const key of this.maybeWritten) if (!(await quietly((signal) => this.client.delete(key, { signal })))) left.push(key);
    return left;
  }

  plan(): PlannedCheck[] {
    const offered: Readonly<Record<string, unknown>> = {
      identity: this.client.identity,
      location: this.client.location,
      'test-permissions': this.client.testPermissions,
      cors: this.client.cors,
      encryption: this.client.encryption,
      acl: this.client.putAcl,
      multipart: this.client.createMultipart,
      'read-existing': this.client.peek,
      simulate: this.client.simulate,
    };
    const { ref, iamEndpoint } = this.target;
    // IAM's simulator knows AWS's policies only: a role beside an S3-compatible endpoint is not sent to AWS.
    const simulated = ref.roleArn && (!ref.endpoint || iamEndpoint) ? ref.roleArn : undefined;
    if (ref.roleArn && !simulated) this.notes.push(`The role ${ref.roleArn} was not simulated: the bucket is served by ${ref.endpoint}, not AWS S3, and AWS IAM's policy simulator knows only AWS's policies.`);
    const plan = accessPlan({ protocol: this.protocol, profile: this.profile, corsOrigin: this.options.corsOrigin, roleArn: simulated, identity: Boolean(this.client.identity) });
    // A check whose operation the provider lacks is not run.
    return plan.filter((c) => !Object.hasOwn(offered, c.operation) || typeof offered[c.operation] === 'function');
  }

  /** Runs every check, each as soon as the checks it needs are done; rows in plan order. */
  async runAll(): Promise<CheckRow[]> {
    const plan = this.plan();
    const byOperation = new Map(plan.map((c) => [c.operation, c]));
    const started = new Map<string, Promise<{ step: Step; rows: CheckRow[] }>>();
    // Every finished check's step: a check may read any check it waits for, directly or through another.
    const finished = new Map<string, Step>();
    const start = (check: PlannedCheck): Promise<{ step: Step; rows: CheckRow[] }> => {
      let running = started.get(check.operation);
      if (!running) {
        running = (async () => {
          await Promise.all(check.after.flatMap((op) => (byOperation.has(op) ? [start(byOperation.get(op)!)] : [])));
          const outcome = await this.check(check, finished);
          finished.set(check.operation, outcome.step);
          return outcome;
        })();
        started.set(check.operation, running);
      }
      return running;
    };
    const outcomes = await Promise.all(plan.map(start));
    return outcomes.flatMap((o) => o.rows);
  }
}

/** The report of a run that could not start: one failed row saying why. */
function refusedReport(target: AccessTarget, startedAt: Date, operation: string, code: string, hint: string): AccessReport {
  const { ref } = target;
  return {
    version: 1,
    bucket: ref.name,
    provider: ref.provider,
    identity: target.credentials.source.description,
    profile: ref.profile,
    prefix: ref.folder,
    ...(ref.endpoint ? { endpoint: ref.endpoint } : {}),
    source: { file: ref.file, range: ref.range },
    checks: [{ operation, required: true, result: 'error', code, hint }],
    leftovers: [],
    notes: [],
    startedAt: startedAt.toISOString(),
    durationMs: 0,
  };
}

/**
 * Tests live what `target.ref.profile` needs on the bucket. Never throws for a failed check (that is a row); throws
 * only when the client cannot be made, with every secret of the credentials removed from the message.
 */
export async function runAccessTest(target: AccessTarget, clientFactory: ClientFactory, options: AccessTestOptions = {}): Promise<AccessReport> {
  const startedAt = new Date();
  const { ref } = target;
  for (const endpoint of [ref.endpoint, target.stsEndpoint, target.iamEndpoint]) {
    const refused = endpoint === undefined ? undefined : refusedEndpoint(endpoint);
    if (refused) return refusedReport(target, startedAt, 'endpoint', 'RefusedEndpoint', `Refused: ${refused}. Nothing was sent.`);
  }
  let client: StorageClient;
  try {
    client = await clientFactory(target, { timeoutMs: options.timeoutMs ?? 10_000 });
  } catch (error) {
    throw new Error(redact(error instanceof Error ? error.message : String(error), secretsOf(target.credentials)));
  }
  const run = new AccessRun(target, client, options, startedAt);
  let checks: CheckRow[] = [];
  let leftovers: string[] = [];
  try {
    checks = await run.runAll();
  } finally {
    leftovers = await run.cleanUp();
  }
  const notes = [...run.notes];
  if (!profileWrites(findProfile(ref.profile) ?? profiles['lse-persistence'])) notes.push(`Profile ${ref.profile} only reads: nothing was written, and of existing objects only one HEAD and one first byte were read.`);
  if (target.credentials.source.kind !== 'config-file' && deploymentIdentities.has(ref.auth)) {
    notes.push(`The checks ran as ${run.identity ?? target.credentials.source.description}, the caller, not as the deployment (${ref.roleArn ?? ref.auth}): its own permissions may differ.`);
  }
  if (target.credentials.kind === 'hmac') notes.push('Tested through the GCS S3-interoperable endpoint with HMAC keys.');
  return {
    version: 1,
    bucket: ref.name,
    provider: ref.provider,
    identity: run.identity ?? target.credentials.source.description,
    profile: ref.profile,
    prefix: ref.folder,
    ...(ref.endpoint ? { endpoint: ref.endpoint } : {}),
    source: { file: ref.file, range: ref.range },
    checks,
    leftovers,
    notes,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
  };
}

/**
 * Retry cleanup: deletes probe objects an earlier run left (only keys that are probe keys, whatever the caller
 * passes); resolves with the keys still there.
 */
export async function deleteProbes(target: AccessTarget, clientFactory: ClientFactory, keys: readonly string[], timeoutMs = 10_000): Promise<string[]> {
  const client = await clientFactory(target, { timeoutMs });
  const left: string[] = [];
  for (const key of keys) {
    if (!isProbeKey(key)) continue;
    const timeout = deadline(timeoutMs);
    try {
      const pending = client.delete(key, { signal: timeout.signal });
      pending.catch(() => undefined);
      await abortable(pending, timeout.signal);
    } catch (error) {
      if (asStorageError(error)?.kind !== 'not-found') left.push(key);
    } finally {
      timeout.clear();
    }
  }
  return left;
}
