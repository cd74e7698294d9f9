// The storage names a values or env file sets (bucket, container, account, region, folder, S3 endpoint), each
// located with the value Label Studio will see and an edit that replaces it: shared by the bucket, region and
// folder rules.
import type { Node } from 'yaml';
import type { Provider, TextEdit } from '../../model';
import { valueOf, type EnvEntry, type EnvReader } from '../../sources/env-file';
import type { FileKind } from '../../sources/file-kinds';
import { bareEnvName } from '../../sources/ls-env';
import { readLseValues } from '../../sources/lse-values';
import { isScalar, nodeAt, scalarText, spanOf } from '../../sources/yaml-file';
import type { SourceFile, Workspace } from '../../workspace';
import { envView } from '../env/env-view';
import { replace, replaceScalar } from '../fixes';

export type StorageNameKind = 'bucket' | 'container' | 'account' | 'region' | 'folder' | 'endpoint';

export interface StorageName {
  provider: Provider;
  kind: StorageNameKind;
  /** The setting as written in the file: `global.persistence.config.s3.bucket`, `STORAGE_AWS_BUCKET_NAME`. */
  setting: string;
  /** The value as Label Studio receives it (inside the quotes when docker run would keep them). */
  value: string;
  /** `<YOUR_BUCKET>`, `${VAR}` or `{{ .Values.x }}`: not a real value yet. */
  placeholder: boolean;
  /** Offsets of the value in the file text. */
  start: number;
  end: number;
  /** Replaces the value with `value` (a plain name or prefix), written so the file's reader delivers it as is. */
  replaceWith(value: string): TextEdit;
}

interface Setting {
  provider: Provider;
  kind: StorageNameKind;
  /** Key under `global.persistence.config.<provider>`. */
  chartKey: string;
  env: string;
}

const settings: readonly Setting[] = [
  { provider: 's3', kind: 'bucket', chartKey: 'bucket', env: 'STORAGE_AWS_BUCKET_NAME' },
  { provider: 's3', kind: 'region', chartKey: 'region', env: 'STORAGE_AWS_REGION_NAME' },
  { provider: 's3', kind: 'folder', chartKey: 'folder', env: 'STORAGE_AWS_FOLDER' },
  { provider: 's3', kind: 'endpoint', chartKey: 'endpointUrl', env: 'STORAGE_AWS_ENDPOINT_URL' },
  { provider: 'gcs', kind: 'bucket', chartKey: 'bucket', env: 'STORAGE_GCS_BUCKET_NAME' },
  { provider: 'gcs', kind: 'folder', chartKey: 'folder', env: 'STORAGE_GCS_FOLDER' },
  { provider: 'azure', kind: 'container', chartKey: 'containerName', env: 'STORAGE_AZURE_CONTAINER_NAME' },
  { provider: 'azure', kind: 'account', chartKey: 'storageAccountName', env: 'STORAGE_AZURE_ACCOUNT_NAME' },
  { provider: 'azure', kind: 'folder', chartKey: 'folder', env: 'STORAGE_AZURE_FOLDER' },
];

const settingByEnv = new Map(settings.map((s) => [s.env, s]));

// Each alternative stops at its own opening character, so the scan stays linear on unclosed input.
const placeholder = /<[^<>]*>|\$\{[^}$]*\}|\$[A-Za-z_]|\{\{[^{}]*\}\}/;

/** Where a provider's setting of `kind` lives in a file of `fileKind` (for "put the prefix in …" messages). */
export function settingName(fileKind: FileKind, provider: Provider, kind: StorageNameKind): string | undefined {
  const setting = settings.find((s) => s.provider === provider && s.kind === kind);
  if (!setting) return undefined;
  return fileKind === 'env' ? setting.env : `global.persistence.config.${provider}.${setting.chartKey}`;
}

function fromValues(workspace: Workspace, file: SourceFile): StorageName[] {
  const values = readLseValues(workspace.yaml(file));
  const names: StorageName[] = [];
  for (const setting of settings) {
    const node = nodeAt(values.block(setting.provider), [setting.chartKey]);
    const value = scalarText(node);
    if (!isScalar(node) || !value) continue;
    const [start, end] = spanOf(node);
    names.push({
      provider: setting.provider,
      kind: setting.kind,
      setting: `global.persistence.config.${setting.provider}.${setting.chartKey}`,
      value,
      placeholder: placeholder.test(value),
      start,
      end,
      replaceWith: (text) => replaceScalar(node as Node, text),
    });
  }
  return names;
}

/** Offsets of `value` inside the entry's raw text, when the raw text holds it literally (no escapes). */
function valueSpan(entry: EnvEntry, value: string, reader: EnvReader): { start: number; end: number; quoted: boolean } | undefined {
  if (reader === 'docker-run') {
    return entry.quote ? { start: entry.rawOffset + 1, end: entry.rawOffset + entry.raw.length - 1, quoted: true } : { start: entry.rawOffset, end: entry.rawOffset + entry.raw.length, quoted: false };
  }
  const lead = entry.raw.length - entry.raw.trimStart().length;
  const text = entry.raw.slice(lead);
  const quote = text[0] === '"' || text[0] === "'" ? text[0] : '';
  const at = entry.rawOffset + lead + quote.length;
  if (text.startsWith(value, quote.length) && (!quote || text[quote.length + value.length] === quote)) return { start: at, end: at + value.length, quoted: quote !== '' };
  return undefined;
}

function fromEnv(workspace: Workspace, file: SourceFile): StorageName[] {
  const { reader, known } = envView(workspace, file);
  const names: StorageName[] = [];
  // Storage settings are known variables: the view has already picked those lines out.
  for (const entry of known) {
    const setting = settingByEnv.get(bareEnvName(entry.name));
    if (!setting || !entry.hasEquals) continue;
    const received = valueOf(entry, reader);
    // docker run passes quotes on; the name inside them is judged here, the quotes by env/quoted-value.
    const value = reader === 'docker-run' && entry.quote ? received.slice(1, -1) : received;
    if (!value) continue;
    const span = valueSpan(entry, value, reader);
    const whole = { start: entry.rawOffset, end: entry.rawOffset + entry.raw.length };
    names.push({
      provider: setting.provider,
      kind: setting.kind,
      setting: entry.name,
      value,
      placeholder: placeholder.test(value),
      start: span?.start ?? whole.start,
      end: span?.end ?? whole.end,
      // Quotes Compose strips stay; quotes docker run would keep go, and so does anything the span cannot map.
      replaceWith: (text) => (span && (reader === 'compose' || !span.quoted) ? replace(span.start, span.end, text) : replace(whole.start, whole.end, text)),
    });
  }
  return names;
}

/** Every storage name `file` sets, in file order for env files and setting order for values files. */
export function storageNames(workspace: Workspace, file: SourceFile): StorageName[] {
  return workspace.memo(`storage-names:${file.path}`, () => {
    if (file.kind === 'values') return fromValues(workspace, file);
    if (file.kind === 'env') return fromEnv(workspace, file);
    return [];
  });
}

/** An S3 endpoint outside AWS's own domains (MinIO, Ceph, ...), even a placeholder: the server's own rules apply. */
export function hasS3CompatibleEndpoint(names: readonly StorageName[]): boolean {
  return names.some((n) => {
    if (n.kind !== 'endpoint' || n.provider !== 's3') return false;
    const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(n.value.trim())?.[1]?.toLowerCase();
    return !host || !/(?:^|\.)amazonaws\.(?:com|com\.cn|eu)$/.test(host);
  });
}

/** `"value"` for a message when it is short and plain; otherwise a neutral phrase, so a pasted secret never shows. */
export function shown(value: string): string {
  return value.length <= 63 && /^[\w.\-/:# ]+$/.test(value) ? `"${value}"` : 'this value';
}
