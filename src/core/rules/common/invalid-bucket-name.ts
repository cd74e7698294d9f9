import type { Provider } from '../../model';
import { locationInName, nameViolations, type NameKind, type StorageUrl } from '../../naming';
import { fix } from '../fixes';
import type { Rule, RuleContext } from '../rule';
import { hasS3CompatibleEndpoint, settingName, shown, storageNames, type StorageName } from './storage-names';

const providerLabel: Record<Provider, string> = { s3: 'S3', gcs: 'GCS', azure: 'Azure' };
const providerArticle: Record<Provider, string> = { s3: 'an', gcs: 'a', azure: 'an' };
const noun: Record<NameKind, string> = { bucket: 'bucket name', container: 'container name', account: 'storage account name' };

const consequence: Record<NameKind, string> = {
  bucket: 'No bucket can have this name, so every upload, download and presigned URL Label Studio makes for it fails.',
  container: 'No container can have this name, so every upload, download and SAS URL Label Studio makes for it fails.',
  account: 'Label Studio builds the endpoint https://<account>.blob.core.windows.net from it, and no account can have this name, so every storage request fails.',
};

/** `value` itself, or lowercased, whichever passes every naming rule. */
function validName(provider: Provider, kind: NameKind, value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  return [trimmed, trimmed.toLowerCase()].find((v) => v !== '' && nameViolations(provider, kind, v).every((x) => x.reservedFor));
}

function reportLocation(context: RuleContext, name: StorageName, kind: NameKind, location: StorageUrl) {
  const target = kind === 'account' ? location.account : location.bucket;
  const wrongProvider = location.provider !== undefined && location.provider !== name.provider;
  const suggestion = wrongProvider ? undefined : validName(name.provider, kind, target);
  const moves: string[] = [];
  const folder = settingName(context.file.kind, name.provider, 'folder');
  if (location.prefix && folder) moves.push(`put the prefix ${shown(location.prefix)} in ${folder}`);
  const account = settingName(context.file.kind, name.provider, 'account');
  if (location.account && kind !== 'account' && account) moves.push(`the account ${shown(location.account)} in ${account}`);
  const message =
    `${name.setting} is ${location.form}, not ${providerArticle[name.provider]} ${providerLabel[name.provider]} ${noun[kind]}` +
    (wrongProvider ? ` (and it points at ${providerLabel[location.provider as Provider]}, not ${providerLabel[name.provider]})` : '') +
    `. ${consequence[kind]} ` +
    (suggestion ? `Use ${shown(suggestion)}` : `Write the bare ${noun[kind]}`) +
    (moves.length ? `, and ${moves.join(' and ')}.` : '.');
  context.report({
    start: name.start,
    end: name.end,
    message,
    fixes: suggestion ? [fix(`Use the bare ${noun[kind]} "${suggestion}"`, [name.replaceWith(suggestion)], true)] : [],
  });
}

/** AWS's own reservations, which S3-compatible servers don't share. */
const awsOnly = new Set(['reserved-prefix', 'reserved-suffix']);

function reportViolations(context: RuleContext, name: StorageName, kind: NameKind, s3Compatible: boolean) {
  const relaxed = s3Compatible && name.provider === 's3';
  const violations = nameViolations(name.provider, kind, name.value).filter((v) => !relaxed || !awsOnly.has(v.rule));
  if (violations.length === 0) return;
  const blocking = violations.filter((v) => !v.reservedFor);
  if (blocking.length === 0) {
    const [reserved] = violations;
    context.report({
      start: name.start,
      end: name.end,
      severity: 'info',
      message:
        `${name.setting}: ${reserved.message}, so this is not a general-purpose bucket. Label Studio uses it as a bucket ` +
        `name, which works only where ${reserved.reservedFor} accept the same requests; use the bucket's own name unless this is deliberate.`,
    });
    return;
  }
  const suggestion = validName(name.provider, kind, name.value);
  const why = relaxed ? 'The endpoint is an S3-compatible server, whose own rules apply; most (MinIO, Ceph by default) enforce these too, so requests for this bucket are likely to fail.' : consequence[kind];
  context.report({
    start: name.start,
    end: name.end,
    // Only AWS's rules are documented here; an S3-compatible server may accept more.
    severity: relaxed ? 'warning' : undefined,
    message:
      `${name.setting} breaks the ${providerLabel[name.provider]} naming rules: ${blocking.map((v) => v.message).join('; ')}. ` +
      `${why} ${suggestion ? `Use ${shown(suggestion)}.` : `Use the real ${noun[kind]}.`}`,
    fixes: suggestion ? [fix(`Use "${suggestion}"`, [name.replaceWith(suggestion)], true)] : [],
  });
}

export const invalidBucketName: Rule = {
  id: 'bucket/invalid-name',
  title: 'Bucket, container or account name the provider rejects',
  severity: 'error',
  kinds: ['values', 'env'],
  check(context) {
    const names = storageNames(context.workspace, context.file);
    const s3Compatible = hasS3CompatibleEndpoint(names);
    for (const name of names) {
      if (name.placeholder || (name.kind !== 'bucket' && name.kind !== 'container' && name.kind !== 'account')) continue;
      const location = locationInName(name.value);
      if (location) reportLocation(context, name, name.kind, location);
      else reportViolations(context, name, name.kind, s3Compatible);
    }
  },
};
