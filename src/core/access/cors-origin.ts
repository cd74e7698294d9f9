// The Label Studio origin whose browser fetches presigned URLs: what the CORS check asks the bucket about.
import { valueOf } from '../sources/env-file';
import { nodeAt, scalarText } from '../sources/yaml-file';
import type { Workspace } from '../workspace';

/** `https://label.example.com` from a URL-ish host setting; undefined for anything that is not http(s). */
export function originOf(host: string): string | undefined {
  try {
    const url = new URL(host.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first LABEL_STUDIO_HOST the workspace sets, as an origin: in an env file, or in a values file's
 * `global.extraEnvironmentVars` (the chart renders it into the pods' environment).
 */
export function labelStudioOrigin(workspace: Workspace): string | undefined {
  for (const file of workspace.files) {
    let host: string | undefined;
    if (file.kind === 'env') {
      const entry = workspace.env(file).entries.filter((e) => e.name === 'LABEL_STUDIO_HOST').at(-1);
      host = entry && valueOf(entry, workspace.envReader(file));
    } else if (file.kind === 'values') {
      host = scalarText(nodeAt(workspace.yaml(file).doc.contents, ['global', 'extraEnvironmentVars', 'LABEL_STUDIO_HOST']));
    }
    const origin = host ? originOf(host) : undefined;
    if (origin) return origin;
  }
  return undefined;
}
