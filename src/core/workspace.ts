// A snapshot of the workspace's deployment files, parsed lazily once, with the cross-file questions rules ask.
import { workspaceBuckets } from './buckets';
import { parsePolicy, type Policy } from './iam/policy';
import type { BucketRef } from './model';
import { parseBucketConfig, type BucketConfig } from './sources/bucket-config';
import { composeServices, type ComposeService } from './sources/compose-file';
import { parseEnvFile, type EnvFile, type EnvReader } from './sources/env-file';
import { fileKind, noExtraGlobs, type FileGlobs, type FileKind } from './sources/file-kinds';
import { parseYaml, type YamlFile } from './sources/yaml-file';
import { LineIndex } from './text';

export interface SourceFile {
  /** Workspace-relative, `/`-separated. */
  path: string;
  kind: FileKind;
  text: string;
  lines: LineIndex;
}

export interface WorkspaceOptions {
  extraGlobs?: FileGlobs;
  /** Whether git tracks the file (secrets in tracked files are worse); unknown → false. */
  isTracked?: (path: string) => boolean;
}

/** A compose service that loads an env file. */
export interface EnvUse {
  composeFile: SourceFile;
  service: ComposeService;
}

export class Workspace {
  readonly files: SourceFile[] = [];
  private readonly byPath = new Map<string, SourceFile>();
  private readonly cache = new Map<string, unknown>();

  constructor(
    inputs: Iterable<{ path: string; text: string }>,
    readonly options: WorkspaceOptions = {},
  ) {
    for (const { path, text } of inputs) {
      const kind = fileKind(path, text, options.extraGlobs ?? noExtraGlobs);
      if (!kind) continue;
      const file: SourceFile = { path, kind, text, lines: new LineIndex(text) };
      this.files.push(file);
      this.byPath.set(path, file);
    }
  }

  get(path: string): SourceFile | undefined {
    return this.byPath.get(path);
  }

  isTracked(file: SourceFile): boolean {
    return this.options.isTracked?.(file.path) ?? false;
  }

  /** Computes `make()` once per snapshot under `key`: parses, and the views several rules share. */
  memo<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  yaml(file: SourceFile): YamlFile {
    return this.memo(`yaml:${file.path}`, () => parseYaml(file.text));
  }

  env(file: SourceFile): EnvFile {
    return this.memo(`env:${file.path}`, () => parseEnvFile(file.text));
  }

  policy(file: SourceFile): Policy {
    return this.memo(`policy:${file.path}`, () => parsePolicy(file.text));
  }

  /** Every bucket definition of the workspace (see `workspaceBuckets`). */
  buckets(): BucketRef[] {
    return this.memo('buckets', () => workspaceBuckets(this));
  }

  bucketConfig(file: SourceFile): BucketConfig {
    return this.memo(`config:${file.path}`, () => parseBucketConfig(file.text));
  }

  services(file: SourceFile): ComposeService[] {
    return this.memo(`compose:${file.path}`, () => composeServices(file.path, this.yaml(file)));
  }

  /** The compose services that load `envFile` through `env_file:`. */
  envUses(envFile: SourceFile): EnvUse[] {
    return this.files
      .filter((f) => f.kind === 'compose')
      .flatMap((composeFile) =>
        this.services(composeFile)
          .filter((service) => service.envFiles.includes(envFile.path))
          .map((service) => ({ composeFile, service })),
      );
  }

  /** Compose strips quotes and comments; a file no compose file references is read by `docker run --env-file`. */
  envReader(envFile: SourceFile): EnvReader {
    return this.envUses(envFile).length > 0 ? 'compose' : 'docker-run';
  }
}
