// AWS identity adapters (STS, IAM policy simulation); bundled apart, loaded only for live work.
import { IAMClient, SimulatePrincipalPolicyCommand, type IAMClientConfig } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { StorageError } from '../core/access/errors';
import type { CallOptions, SimulationResult } from '../core/access/storage-client';
import { failureOf } from './failure';

export interface CallerIdentity {
  arn: string;
  account: string;
  userId: string;
}

export interface IdentityOptions {
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** A named profile of the shared config/credentials files (when no explicit credentials are given). */
  awsProfile?: string;
  maxAttempts?: number;
  timeoutMs?: number;
}

function clientConfig(options: IdentityOptions): STSClientConfig & IAMClientConfig {
  const config: STSClientConfig & IAMClientConfig = { region: options.region, maxAttempts: options.maxAttempts ?? 3 };
  if (options.timeoutMs) config.requestHandler = { requestTimeout: options.timeoutMs, connectionTimeout: 10_000 };
  if (options.endpoint) config.endpoint = options.endpoint;
  if (options.credentials) config.credentials = options.credentials;
  else if (options.awsProfile) config.profile = options.awsProfile;
  return config;
}

export async function getCallerIdentity(options: IdentityOptions, call?: CallOptions): Promise<CallerIdentity> {
  try {
    const out = await new STSClient(clientConfig(options)).send(new GetCallerIdentityCommand({}), { abortSignal: call?.signal });
    return { arn: out.Arn ?? '', account: out.Account ?? '', userId: out.UserId ?? '' };
  } catch (error) {
    throw new StorageError('GetCallerIdentity', failureOf(error));
  }
}

export interface Simulation {
  roleArn: string;
  actions: readonly string[];
  resources: readonly string[];
  /** The bucket policy, evaluated as the resource policy. */
  resourcePolicy?: string;
}

const decisions: ReadonlySet<string> = new Set(['allowed', 'implicitDeny', 'explicitDeny']);

/** IAM SimulatePrincipalPolicy, every page of it. */
export async function simulatePrincipalPolicy(options: IdentityOptions, simulation: Simulation, call?: CallOptions): Promise<SimulationResult[]> {
  const iam = new IAMClient({ ...clientConfig(options), region: 'us-east-1' });
  const results: SimulationResult[] = [];
  let marker: string | undefined;
  try {
    do {
      const out = await iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: simulation.roleArn,
          ActionNames: [...simulation.actions],
          ResourceArns: [...simulation.resources],
          ...(simulation.resourcePolicy ? { ResourcePolicy: simulation.resourcePolicy } : {}),
          ...(marker ? { Marker: marker } : {}),
        }),
        { abortSignal: call?.signal },
      );
      for (const r of out.EvaluationResults ?? []) {
        const decision = r.EvalDecision ?? 'implicitDeny';
        results.push({ action: r.EvalActionName ?? '', resource: r.EvalResourceName ?? '', decision: decisions.has(decision) ? (decision as SimulationResult['decision']) : 'implicitDeny' });
      }
      marker = out.IsTruncated ? out.Marker : undefined;
    } while (marker);
  } catch (error) {
    throw new StorageError('SimulatePrincipalPolicy', failureOf(error));
  }
  return results;
}
