// The import files the platforms' guides describe, built from a folder's objects: Label Studio tasks that point at
// storage URIs (Label Studio presigns them through its own storage connection), and a Labelbox import of signed
// URLs as JSON (`row_data` + `global_key`) or as the guide's CSV (`Data_URLs,External_ID`).

export type MediaKind = 'image' | 'audio' | 'video' | 'text' | 'json';

const extensions: Readonly<Record<MediaKind, readonly string[]>> = {
  image: ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'tif', 'tiff', 'svg'],
  audio: ['wav', 'mp3', 'flac', 'ogg', 'm4a', 'aac'],
  video: ['mp4', 'webm', 'mov', 'avi', 'mkv'],
  text: ['txt', 'md', 'csv', 'tsv', 'html', 'htm', 'xml'],
  json: ['json', 'jsonl'],
};

/** What an object holds, by its name's extension; undefined for anything else. */
export function mediaKind(key: string): MediaKind | undefined {
  const dot = key.lastIndexOf('.');
  if (dot === -1 || dot < key.lastIndexOf('/')) return undefined;
  const ext = key.slice(dot + 1).toLowerCase();
  return (Object.keys(extensions) as MediaKind[]).find((kind) => extensions[kind].includes(ext));
}

/** The objects an import makes sense for: media files and JSON, not other files. */
export function importable(keys: readonly string[]): string[] {
  return keys.filter((key) => mediaKind(key) !== undefined);
}

/**
 * The task data key a labeling config usually reads for these objects (`$image`, `$audio`, …): the most common kind.
 * JSON files hold structured data a config reads by its own names, so they are offered as `text` when alone.
 */
export function defaultDataKey(keys: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const key of keys) {
    const kind = mediaKind(key);
    if (!kind) continue;
    const name = kind === 'json' ? 'text' : kind;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best = 'image';
  let most = 0;
  for (const [name, count] of counts) {
    if (count > most) [best, most] = [name, count];
  }
  return best;
}

/** Label Studio tasks, one per object: `[{"data": {"image": "s3://b/1.jpg"}}]`, as the import dialog accepts them. */
export function labelStudioTasks(uris: readonly string[], dataKey: string): string {
  return `${JSON.stringify(uris.map((uri) => ({ data: { [dataKey]: uri } })), null, 2)}\n`;
}

export interface SignedObject {
  key: string;
  url: string;
}

/** A Labelbox data row import: the signed URL as `row_data`, the object key as `global_key`. */
export function labelboxJson(objects: readonly SignedObject[]): string {
  return `${JSON.stringify(objects.map((o) => ({ row_data: o.url, global_key: o.key })), null, 2)}\n`;
}

/** A CSV field quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The Labelbox guide's CSV: a URL column and an external id column. */
export function labelboxCsv(objects: readonly SignedObject[]): string {
  return ['Data_URLs,External_ID', ...objects.map((o) => `${csvField(o.url)},${csvField(o.key)}`)].join('\r\n') + '\r\n';
}
