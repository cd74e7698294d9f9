// AWS identity adapter (STS); bundled apart, loaded only for live work.
import { GetCallerIdentityCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { StorageError } from '../core/access/errors';
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
}

export async function getCallerIdentity(options: IdentityOptions): Promise<CallerIdentity> {
  const config: STSClientConfig = { region: options.region, maxAttempts: 3 };
  if (options.endpoint) config.endpoint = options.endpoint;
  if (options.credentials) config.credentials = options.credentials;
  try {
    const out = await new STSClient(config).send(new GetCallerIdentityCommand({}));
    return { arn: out.Arn ?? '', account: out.Account ?? '', userId: out.UserId ?? '' };
  } catch (error) {
    throw new StorageError('GetCallerIdentity', failureOf(error));
  }
}
