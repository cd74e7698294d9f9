// Reads what Bucket Doctor needs from a Compose file: each service's env files and volume mounts, located.
import { posix } from 'node:path';
import type { Node } from 'yaml';
import { isMap, isScalar, isSeq, keyOf, nodeAt, pairsOf, scalarText, spanOf, type YamlFile } from './yaml-file';

export interface ComposeVolume {
  /** Host path or volume name, as written. */
  source: string;
  /** Path inside the container. */
  target: string;
  offset: number;
  length: number;
}

export interface ComposeService {
  name: string;
  /** Env files, as workspace-relative paths resolved against the compose file's folder. */
  envFiles: string[];
  volumes: ComposeVolume[];
  /** The `volumes:` sequence node (to append to) or the service mapping (to add `volumes:` to). */
  volumesNode: Node | undefined;
  serviceNode: Node;
}

function envFilesOf(value: unknown, dir: string): string[] {
  const items = isSeq(value) ? value.items : [value];
  const out: string[] = [];
  for (const item of items) {
    // Long syntax: `- path: ./a.env` (required: false is still read when present).
    const path = isMap(item) ? scalarText(nodeAt(item, ['path'])) : scalarText(item);
    if (path) out.push(posix.normalize(posix.join(dir, path)));
  }
  return out;
}

function volumesOf(value: unknown): ComposeVolume[] {
  if (!isSeq(value)) return [];
  const out: ComposeVolume[] = [];
  for (const item of value.items) {
    const [offset, end] = spanOf(item as Node);
    if (isScalar(item)) {
      // Short syntax `SOURCE:TARGET[:MODE]`, or just `TARGET` for an anonymous volume.
      const parts = String(item.value).split(':');
      const [source, target] = parts.length === 1 ? ['', parts[0]] : [parts[0], parts[1]];
      out.push({ source, target, offset, length: end - offset });
    } else if (isMap(item)) {
      out.push({ source: scalarText(nodeAt(item, ['source'])) ?? '', target: scalarText(nodeAt(item, ['target'])) ?? '', offset, length: end - offset });
    }
  }
  return out;
}

/** Services of a parsed compose file at workspace-relative `path`. */
export function composeServices(path: string, yaml: YamlFile): ComposeService[] {
  const dir = posix.dirname(path);
  const services: ComposeService[] = [];
  for (const pair of pairsOf(nodeAt(yaml.doc.contents, ['services']))) {
    const name = keyOf(pair);
    if (name === undefined || !isMap(pair.value)) continue;
    const volumesNode = nodeAt(pair.value, ['volumes']) ?? undefined;
    services.push({
      name,
      envFiles: envFilesOf(nodeAt(pair.value, ['env_file']), dir),
      volumes: volumesOf(volumesNode),
      volumesNode: volumesNode ?? undefined,
      serviceNode: pair.value,
    });
  }
  return services;
}
