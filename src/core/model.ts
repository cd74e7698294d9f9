// Shared vocabulary of the core: everything else speaks in these types.

/** Providers Bucket Doctor understands. */
export type Provider = 's3' | 'gcs' | 'azure';

/** 1-based line and column, as the CLI prints them; the editor converts to 0-based. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** How a deployment authenticates to its bucket. */
export type AuthMode =
  | 'irsa-role'
  | 'access-keys'
  | 'existing-secret'
  | 'node-role'
  | 'workload-identity'
  | 'key-json'
  | 'account-key'
  | 'sas'
  | 'connection-string'
  | 'hmac'
  | 'unknown';

/** A bucket (or container) that a workspace file configures. */
export interface BucketRef {
  provider: Provider;
  name: string;
  folder: string;
  region?: string;
  endpoint?: string;
  auth: AuthMode;
  /** Requirement profile id (`lse-persistence`, `lightly-output`, ...). */
  profile: string;
  /** Role the deployment runs as (IRSA annotation or `.bucket-doctor.json` roleArn). */
  roleArn?: string;
  kmsKeyArn?: string;
  awsProfile?: string;
  /** Policy files `.bucket-doctor.json` attaches to the bucket (workspace-relative). */
  policies?: string[];
  /** Azure storage account, for Azure containers. */
  account?: string;
  /** Where it is defined: file path and the range of the name. */
  file: string;
  range: Range;
}

export type Severity = 'error' | 'warning' | 'info';

/** Replace `length` characters at `offset` (UTF-16 offsets into the file text) with `text`. */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
  /** Workspace-relative path of another file this edit applies to (e.g. a volume line in docker-compose.yml). */
  file?: string;
  /** The same insertion in VS Code snippet syntax, with tab stops on placeholders (`${1:<YOUR_BUCKET>}`). */
  snippet?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
  /** Text to hand to the user with the fix (the editor copies it to the clipboard, the CLI prints it). */
  clipboard?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  fixes?: Fix[];
}
