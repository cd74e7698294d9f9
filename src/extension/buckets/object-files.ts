// Objects opened from the Buckets view: a read-only file system whose files live only in memory while an editor
// shows them (VS Code's own text editor and image preview read them), so no bucket data is ever written to disk.
import * as vscode from 'vscode';
import type { StorageClient } from '../../core/access/storage-client';
import { previewKind, previewLimits } from '../../core/object-preview';

export const objectScheme = 'bucket-doctor-object';

/** What reading an opened object needs: its client, and the size and time the listing gave. */
interface OpenedObject {
  client: StorageClient;
  key: string;
  size: number;
  modified?: Date;
}

export class ObjectFiles implements vscode.FileSystemProvider {
  private readonly opened = new Map<string, OpenedObject>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  /** The URI an object is opened under: `bucket-doctor-object:/<provider>/<bucket>/<key>` (the name keeps its extension). */
  uri(client: StorageClient, key: string, size: number, modified?: Date): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: objectScheme, path: `/${client.provider}/${client.bucket}/${key}` });
    this.opened.set(uri.toString(), { client, key, size, ...(modified ? { modified } : {}) });
    return uri;
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const object = this.object(uri);
    const time = object.modified?.getTime() ?? 0;
    return { type: vscode.FileType.File, ctime: time, mtime: time, size: object.size, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const object = this.object(uri);
    const kind = previewKind(object.key);
    const limit = kind ? previewLimits[kind] : 0;
    if (object.size > limit) throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('{0} is larger than the preview limit.', object.key));
    const bytes = await object.client.get(object.key, { signal: AbortSignal.timeout(60_000) });
    // The object may have grown since it was listed.
    if (bytes.length > limit) throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('{0} is larger than the preview limit.', object.key));
    return bytes;
  }

  private object(uri: vscode.Uri): OpenedObject {
    const object = this.opened.get(uri.toString());
    if (!object) throw vscode.FileSystemError.FileNotFound(uri);
    return object;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  register(): vscode.Disposable {
    return vscode.Disposable.from(vscode.workspace.registerFileSystemProvider(objectScheme, this, { isReadonly: true, isCaseSensitive: true }), this.changed);
  }
}
