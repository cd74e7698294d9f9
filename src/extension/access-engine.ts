// Test Bucket Access and the Buckets view run on the engine the CLI runs (src/core/access/runner.ts), with the SDK
// client factory of dist/providers/access.js. It is required at run time, on first use, next to the bundle: esbuild
// leaves it out, so activation never loads a cloud SDK. This file only adapts: the user's credentials choice and
// workspace trust in, a report or a client out.
import { createRequire } from 'node:module';
import * as vscode from 'vscode';
import { choiceCredentials, isUnusable, type CredentialChoice, type Unusable } from '../core/access/choice-credentials';
import { redact, secretsOf } from '../core/access/credentials';
import { fileCredentials } from '../core/access/file-credentials';
import type { AccessReport } from '../core/access/report';
import { deleteProbes, runAccessTest, type AccessTarget, type AccessTestOptions, type ClientFactory } from '../core/access/runner';
import type { StorageClient } from '../core/access/storage-client';
import { accessTarget } from '../core/access/target';
import type { BucketRef } from '../core/model';
import type { Workspace } from '../core/workspace';
import { awsProfiles } from './access-credentials';

function unusableMessage(ref: BucketRef, reason: Unusable): string {
  switch (reason.unusable) {
    case 'no-file-credentials':
      return vscode.l10n.t('{0} no longer holds usable credentials.', ref.file);
    case 'gcp-key-json':
      return vscode.l10n.t('Testing with the key JSON written in {0} is not supported yet: use application-default credentials or a key file instead.', ref.file);
    case 'unknown-aws-profile':
      return vscode.l10n.t('There is no AWS profile {0} in ~/.aws/config or ~/.aws/credentials: check bucketDoctor.aws.profile or the profile the bucket configures.', reason.profile);
    case 'other-provider':
      return vscode.l10n.t('The credentials chosen are not for {0}.', ref.name);
  }
}

export class AccessEngine {
  private factory: ClientFactory | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /**
   * What to test or browse `ref` with. Read at use time: the file's credentials as they are now, the AWS profiles
   * the shared files name, the extension host's environment. Throws a message for the user when the choice cannot be used.
   */
  target(workspace: Workspace, ref: BucketRef, choice: CredentialChoice): AccessTarget {
    const credentials = choiceCredentials(ref, choice, {
      file: choice.kind === 'config-file' ? fileCredentials(workspace, ref) : undefined,
      awsProfiles: choice.kind === 'aws' && choice.profile ? awsProfiles() : [],
      env: process.env,
    });
    if (isUnusable(credentials)) throw new Error(unusableMessage(ref, credentials));
    // Restricted Mode never calls an endpoint a workspace file names.
    return accessTarget(workspace, ref, credentials, { fileEndpoints: vscode.workspace.isTrusted });
  }

  run(target: AccessTarget, options: AccessTestOptions): Promise<AccessReport> {
    return runAccessTest(target, this.load(), options);
  }

  /** Deletes probes an earlier run left (only probe keys); resolves with the keys still there. */
  deleteProbes(target: AccessTarget, keys: readonly string[], timeoutMs: number): Promise<string[]> {
    return deleteProbes(target, this.load(), keys, timeoutMs);
  }

  /** A client for browsing: the same adapter as the checks, with the SDKs' own bounded retries. */
  async client(target: AccessTarget, timeoutMs: number): Promise<StorageClient> {
    try {
      return await this.load()(target, { timeoutMs, sdkRetries: true });
    } catch (error) {
      throw new Error(redact(error instanceof Error ? error.message : String(error), secretsOf(target.credentials)));
    }
  }

  private load(): ClientFactory {
    this.factory ??= (createRequire(__filename)(vscode.Uri.joinPath(this.extensionUri, 'dist', 'providers', 'access.js').fsPath) as { createAccessClient: ClientFactory }).createAccessClient;
    return this.factory;
  }
}
