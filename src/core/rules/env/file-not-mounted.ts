import { posix } from 'node:path';
import type { TextEdit } from '../../model';
import type { EnvEntry } from '../../sources/env-file';
import type { EnvUse, Workspace } from '../../workspace';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { mountEdit } from './compose-volume';
import { envView, intendedValue } from './env-view';
import { listed } from './wording';

interface PathSetting {
  /** What fails when the file is not there. */
  effect: string;
  /** Host file to mount, until the user names the real one. */
  source(target: string): string;
  /** Whether the value is a comma-separated list (CUSTOM_CA_CERTS, split without trimming). */
  list?: boolean;
}

// Read by google-auth, botocore and the image's entrypoint under these exact names (no LABEL_STUDIO_ prefix).
const pathSettings: Readonly<Record<string, PathSetting>> = {
  GOOGLE_APPLICATION_CREDENTIALS: {
    effect: 'Google authentication fails and Label Studio cannot reach the bucket',
    source: () => './service-account-file.json',
  },
  AWS_CA_BUNDLE: {
    effect: 'botocore cannot load the CA bundle and every S3 request fails',
    source: (target) => `./${posix.basename(target)}`,
  },
  CUSTOM_CA_CERTS: {
    effect: 'the entrypoint skips it (logging "Missing certificate file") and TLS connections to servers signed by that CA fail',
    source: (target) => `./${posix.basename(target)}`,
    list: true,
  },
};

// The base image's own CA bundles: present without a mount.
const systemCaDirs = ['/etc/ssl/', '/etc/pki/'];

/**
 * Whether a volume of the service puts something at `path` (the path itself or a folder above it). Compose merges
 * services of the same name from the files it is given together (docker-compose.override.yml), so every compose
 * file of the same folder counts.
 */
function isMounted(workspace: Workspace, use: EnvUse, path: string): boolean {
  const folder = posix.dirname(use.composeFile.path);
  const volumes = workspace.files
    .filter((f) => f.kind === 'compose' && posix.dirname(f.path) === folder)
    .flatMap((f) => workspace.services(f).filter((s) => s.name === use.service.name))
    .flatMap((s) => s.volumes);
  return volumes.some(({ target }) => {
    const dir = posix.normalize(target).replace(/\/+$/, '');
    return target !== '' && (path === dir || path.startsWith(`${dir}/`));
  });
}

/** Paths of `entry` (one, or each item of a list) with their offsets in the file. */
function pathsOf(entry: EnvEntry, setting: PathSetting): { path: string; start: number }[] {
  // Compose reads every file this rule checks.
  const { value, start } = intendedValue(entry);
  const parts = setting.list ? value.split(',') : [value];
  const out: { path: string; start: number }[] = [];
  let at = start;
  for (const part of parts) {
    out.push({ path: part, start: at });
    at += part.length + 1;
  }
  return out;
}

/** Whether Bucket Doctor can judge `path`: absolute, literal (no interpolation), not a Compose secret or system file. */
function checkable(path: string): boolean {
  return path.startsWith('/') && !path.includes('$') && !path.startsWith('/run/secrets/') && !systemCaDirs.some((d) => path.startsWith(d));
}

/** `service "app" in docker-compose.yml`, `services "app" and "rqworker" in docker-compose.yml`. */
function describeServices(uses: EnvUse[]): string {
  const byFile = new Map<string, string[]>();
  for (const use of uses) byFile.set(use.composeFile.path, [...(byFile.get(use.composeFile.path) ?? []), `"${use.service.name}"`]);
  const parts = [...byFile].map(([path, names]) => `${listed(names)} in ${path}`);
  return `the compose service${uses.length > 1 ? 's' : ''} ${listed(parts)}`;
}

function mountEdits(workspace: Workspace, uses: EnvUse[], source: string, target: string): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const use of uses) {
    // Editing a compose file YAML cannot read would only add to its problems.
    if (workspace.yaml(use.composeFile).problems.length > 0) return undefined;
    const edit = mountEdit(use.composeFile, use.service, { source, target });
    if (!edit) return undefined;
    edits.push({ ...edit, file: use.composeFile.path });
  }
  return edits;
}

export const fileNotMounted: Rule = {
  id: 'env/file-not-mounted',
  title: 'File path no Compose volume mounts',
  severity: 'error',
  kinds: ['env'],
  check({ file, workspace, report }) {
    // Under docker run the -v flags are on a command line Bucket Doctor cannot see.
    const uses = workspace.envUses(file);
    if (uses.length === 0) return;
    const view = envView(workspace, file);
    for (const [name, setting] of Object.entries(pathSettings)) {
      const entry = view.lastSet(name);
      if (!entry) continue;
      for (const { path, start } of pathsOf(entry, setting)) {
        if (!checkable(path)) continue;
        const target = posix.normalize(path);
        const missing = uses.filter((use) => !isMounted(workspace, use, target));
        if (missing.length === 0) continue;
        const services = describeServices(missing);
        const source = setting.source(target);
        const edits = mountEdits(workspace, missing, source, path);
        report({
          start,
          end: start + path.length,
          message:
            `${name} points to ${path}, but no volume of ${services} mounts it: the file does not exist in the container, so ${setting.effect}. Mount the file there.`,
          fixes: edits ? [fix(`Mount ${source} at ${path} in ${missing.map((u) => u.service.name).join(', ')}`, edits, true)] : [],
        });
      }
    }
  },
};
