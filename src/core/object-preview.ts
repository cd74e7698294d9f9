// Which objects the editor opens as a read-only preview, and how large they may be: the bytes are held in memory
// only (no temp file with bucket data is ever written), so the limit bounds what one click downloads.
import { mediaKind } from './import-formats';

/** Text and JSON up to 5 MiB, images up to 20 MiB. */
export const previewLimits = { text: 5 * 1024 * 1024, image: 20 * 1024 * 1024 } as const;

export type PreviewKind = keyof typeof previewLimits;

const textNames = /(?:^|\/)(?:[^/]*\.(?:ya?ml|log|ini|toml|conf|cfg|env|list|py|js|ts|sh)|README|LICENSE|Dockerfile)$/i;

/** How `key` can be previewed; undefined for binary kinds the editor cannot show (audio, video, archives…). */
export function previewKind(key: string): PreviewKind | undefined {
  const kind = mediaKind(key);
  if (kind === 'image') return 'image';
  if (kind === 'text' || kind === 'json' || textNames.test(key)) return 'text';
  return undefined;
}

export type PreviewRefusal = 'unsupported' | 'too-large';

/** Why `key` of `size` bytes is not opened, or undefined when it is. */
export function previewRefusal(key: string, size: number): PreviewRefusal | undefined {
  const kind = previewKind(key);
  if (!kind) return 'unsupported';
  return size > previewLimits[kind] ? 'too-large' : undefined;
}
