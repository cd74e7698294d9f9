// Clients and URL signers for browsing a bucket, with the credentials Test Bucket Access uses (the same choice, asked
// once per bucket and session) and made by the same engine (access-engine.ts): one place builds the extension's
// clients, and activation loads no cloud SDK. Endpoints from workspace files are never used in Restricted Mode.
import * as vscode from 'vscode';
import type { CredentialChoice } from '../../core/access/choice-credentials';
import type { Credentials } from '../../core/access/credentials';
import { fileCredentials } from '../../core/access/file-credentials';
import type { AccessTarget } from '../../core/access/runner';
import type { StorageClient } from '../../core/access/storage-client';
import type { BucketRef } from '../../core/model';
import type { Workspace } from '../../core/workspace';
import { awsProfileKeys, type AccessCredentials } from '../access-credentials';
import type { AccessEngine } from '../access-engine';

/** A bucket as one workspace folder configures it. */
export interface BucketTarget {
  ref: BucketRef;
  folder: vscode.WorkspaceFolder;
}

/** Thrown when Restricted Mode forbids the endpoint a workspace file names. */
export class RestrictedEndpointError extends Error {
  override readonly name = 'RestrictedEndpointError';
}

export interface Signing {
  sign(key: string, seconds: number): Promise<string>;
  /** Session credentials: the URL stops working when they expire. */
  temporary: boolean;
  /** The URL carries the SAS the user entered: its own expiry applies, not the one asked for. */
  fixedSas: boolean;
}

interface Connection {
  client: StorageClient;
  target: AccessTarget;
}

const targetKey = ({ ref, folder }: BucketTarget) => `${folder.uri.toString()} ${ref.provider}:${ref.name}:${ref.endpoint ?? ''}:${ref.region ?? ''}`;

export class BucketClients {
  private readonly choices = new Map<string, CredentialChoice>();
  /** One pending or made connection per target: concurrent expansions ask for credentials once. */
  private readonly connections = new Map<string, Promise<Connection | undefined>>();

  constructor(
    private readonly engine: AccessEngine,
    private readonly credentials: AccessCredentials,
    private readonly snapshot: (folder: vscode.WorkspaceFolder) => Workspace,
  ) {}

  /** The client to list and read `target` with; asks for credentials the first time. Undefined when the user cancels. */
  async client(target: BucketTarget): Promise<StorageClient | undefined> {
    return (await this.connection(target))?.client;
  }

  /** Lets the user choose other credentials for `target` (after a denial or bad credentials). True when chosen. */
  async pickCredentials(target: BucketTarget): Promise<boolean> {
    const choice = await this.credentials.repick(target.ref, target.folder.uri);
    if (!choice) return false;
    this.connections.delete(targetKey(target));
    this.choices.set(targetKey(target), choice);
    return true;
  }

  /**
   * How `target`'s client signs URLs (StorageClient.signedUrl), and whether the URLs may die before their expiry:
   * session credentials end them, and an Azure SAS the user entered is handed out as it is, expiring when it does.
   */
  async signing(target: BucketTarget): Promise<Signing | undefined> {
    const connection = await this.connection(target);
    if (!connection) return undefined;
    const { client, target: { credentials } } = connection;
    return { sign: (key, seconds) => client.signedUrl(key, seconds), temporary: isSession(credentials), fixedSas: credentials.kind === 'sas' };
  }

  private connection(target: BucketTarget): Promise<Connection | undefined> {
    const key = targetKey(target);
    let pending = this.connections.get(key);
    if (!pending) {
      pending = this.connect(target);
      this.connections.set(key, pending);
      // A cancelled question or a failure is asked again on the next use.
      pending.then(
        (made) => made ?? this.connections.delete(key),
        () => this.connections.delete(key),
      );
    }
    return pending;
  }

  private async connect(target: BucketTarget): Promise<Connection | undefined> {
    const { ref, folder } = target;
    // Restricted Mode refuses before any question about credentials is asked.
    if (ref.endpoint && !vscode.workspace.isTrusted) throw new RestrictedEndpointError(vscode.l10n.t('{0} is reached through {1}, an endpoint from a workspace file: trust the workspace to browse it.', ref.name, ref.endpoint));
    const choice = await this.choice(target);
    if (!choice) return undefined;
    const accessTarget = this.engine.target(this.snapshot(folder), ref, choice);
    const timeoutMs = Math.max(1, vscode.workspace.getConfiguration('bucketDoctor.access').get<number>('timeoutSeconds', 10)) * 1000;
    return { client: await this.engine.client(accessTarget, timeoutMs), target: accessTarget };
  }

  private async choice(target: BucketTarget): Promise<CredentialChoice | undefined> {
    const key = targetKey(target);
    const known = this.choices.get(key);
    if (known) return known;
    const hasFileCredentials = fileCredentials(this.snapshot(target.folder), target.ref) !== undefined;
    const choice = await this.credentials.choose(target.ref, target.folder.uri, hasFileCredentials);
    if (choice) this.choices.set(key, choice);
    return choice;
  }
}

/**
 * Whether URLs signed with `credentials` may stop working before their expiry: AWS session credentials (a session
 * token, or the default chain without static keys: a role, SSO, an instance profile).
 */
function isSession(credentials: Credentials): boolean {
  if (credentials.kind === 'keys') return Boolean(credentials.sessionToken);
  if (credentials.kind !== 'default-chain') return false;
  const keys = staticChainKeys(credentials.awsProfile);
  return !keys || Boolean(keys.sessionToken);
}

/** Keys of a named profile, or of the environment for the default chain; undefined when neither holds static keys. */
function staticChainKeys(profile: string | undefined): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined {
  if (profile) return awsProfileKeys(profile);
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken, AWS_PROFILE: named } = process.env;
  if (accessKeyId && secretAccessKey) return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
  return awsProfileKeys(named || 'default');
}

