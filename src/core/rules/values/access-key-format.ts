import { readLseValues, type LseValues } from '../../sources/lse-values';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { blanksReport, inlineCredential, rewriteValue, valueSpan } from './inline-credential';

/** Long-term (AKIA) and temporary STS (ASIA) access key IDs: the prefix and 16 upper-case letters and digits. */
const accessKeyId = /^A[KS]IA[A-Z0-9]{16}$/;
/** 40 characters of the base64 alphabet: the shape of a secret access key. */
const secretShape = /^[A-Za-z0-9/+]{40}$/;
const secretLength = 40;
/** IAM unique IDs (from `aws iam get-user` / `get-role`) that get copied instead of the access key ID. */
const uniqueIds: Readonly<Record<string, string>> = { AIDA: 'an IAM user', AROA: 'an IAM role' };

export interface KeyCheck {
  problems: string[];
  /** An ASIA key: issued by STS together with a session token. */
  temporary?: boolean;
}

/** What is wrong with `value` (trimmed) as an access key ID. */
export function checkAccessKeyId(value: string): KeyCheck {
  if (accessKeyId.test(value)) return { problems: [], temporary: value.startsWith('ASIA') };
  const prefix = value.slice(0, 4);
  if (uniqueIds[prefix] && /^[A-Z0-9]{20,21}$/.test(value)) return { problems: [`it is the unique ID of ${uniqueIds[prefix]} (${prefix}…), not an access key ID`] };
  if (secretShape.test(value)) return { problems: ['it looks like a secret access key (40 characters), not an access key ID'] };
  const problems: string[] = [];
  if (!/^A[KS]IA/.test(value)) problems.push('it does not start with AKIA');
  if (value.length !== 20) problems.push(`it has ${value.length} characters, not 20`);
  if (/[^A-Z0-9]/.test(value)) problems.push('it has characters other than upper-case letters and digits');
  return { problems };
}

/** What is wrong with `value` (trimmed) as a secret access key. */
export function checkSecretKey(value: string): KeyCheck {
  if (accessKeyId.test(value)) return { problems: ['it is an access key ID (AKIA…), not the secret access key'] };
  return { problems: value.length === secretLength ? [] : [`it has ${value.length} characters; a secret access key has ${secretLength}`] };
}

// AWS documentation marks its sample keys with EXAMPLE (AKIAIOSFODNN7EXAMPLE): such a value is a placeholder too.
const awsCredential = (values: LseValues, key: string) => {
  const credential = inlineCredential(values, 's3', key);
  return credential?.text?.includes('EXAMPLE') ? undefined : credential;
};

const rejected = (code: string) => `S3 rejects every request signed with it (${code}), so Label Studio can neither read nor write its storage`;

export const accessKeyFormat: Rule = {
  id: 'values/access-key-format',
  title: 'S3 access key ID or secret key of the wrong shape',
  severity: 'warning',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const values = readLseValues(workspace.yaml(file));
    const id = awsCredential(values, 'accessKey');
    const secret = awsCredential(values, 'secretKey');
    const idText = id?.text?.trim();
    const secretText = secret?.text?.trim();
    if (id && secret && idText !== undefined && secretText !== undefined && secretShape.test(idText) && accessKeyId.test(secretText)) {
      report({
        ...valueSpan(id),
        message:
          `${id.path} and secretKey are swapped: accessKey holds a 40-character secret access key and secretKey an access key ID. ` +
          `${rejected('InvalidAccessKeyId')}. Swap them.`,
        fixes: [fix('Swap accessKey and secretKey', [rewriteValue(file, id.node, secretText), rewriteValue(file, secret.node, idText)], true)],
      });
      return;
    }
    if (id && idText !== undefined) {
      const { problems, temporary } = checkAccessKeyId(idText);
      if (temporary) {
        report({
          ...valueSpan(id),
          severity: 'error',
          message:
            `${id.path} is a temporary access key ID (ASIA…) issued by AWS STS: it is valid only together with the session token issued with it, ` +
            'which the chart has no setting for, and it expires within hours, so S3 rejects the requests signed with it. ' +
            'Use a long-term access key (AKIA…) of an IAM user, or no keys at all and an IAM role for the service accounts (IRSA).',
        });
      } else if (problems.length > 0) {
        report({ ...valueSpan(id), message: `${id.path} is not an access key ID: ${problems.join('; ')}. ${rejected('InvalidAccessKeyId')}. Copy the access key ID (AKIA…) of the IAM user's access key.` });
      } else {
        const blanks = blanksReport(file, id, 'access key ID', rejected('InvalidAccessKeyId'));
        if (blanks) report(blanks);
      }
    }
    if (secret && secretText !== undefined) {
      const { problems } = checkSecretKey(secretText);
      if (problems.length > 0) {
        report({ ...valueSpan(secret), message: `${secret.path} is not a secret access key: ${problems.join('; ')}. ${rejected('SignatureDoesNotMatch')}. Copy the secret access key shown when the access key was created.` });
      } else {
        const blanks = blanksReport(file, secret, 'secret access key', rejected('SignatureDoesNotMatch'));
        if (blanks) report(blanks);
      }
    }
  },
};
