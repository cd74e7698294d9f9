// The nodes of the Buckets view: plain objects kept by id, so a node keeps its identity (and VS Code its expanded
// state) across rescans; each kind has one fixed contextValue the menus match.
import type { ListingProblem, ObjectEntry } from '../../core/bucket-listing';
import type { BucketPlace, ConflictingBucket, PolicyOnlyBucket, TreeBucket, TreeConflict } from '../../core/bucket-tree';
import type { ListingFix } from '../../core/bucket-listing';
import type { Provider } from '../../core/model';
import type { BucketTarget } from './bucket-clients';

export const contextValues = {
  group: 'bucketDoctor.providerGroup',
  bucket: 'bucketDoctor.bucket',
  folder: 'bucketDoctor.folder',
  object: 'bucketDoctor.object',
  loadMore: 'bucketDoctor.loadMore',
  problem: 'bucketDoctor.listingProblem',
  fix: 'bucketDoctor.listingFix',
  message: 'bucketDoctor.message',
  conflict: 'bucketDoctor.conflict',
  conflictEntry: 'bucketDoctor.conflictEntry',
  policies: 'bucketDoctor.policyBuckets',
  policyBucket: 'bucketDoctor.policyBucket',
} as const;

export interface GroupNode {
  kind: 'group';
  id: string;
  provider: Provider;
  buckets: BucketNode[];
}

/** `ref` (and `bucket`) let Test Bucket Access take the node as its argument. */
export interface BucketNode extends BucketTarget {
  kind: 'bucket';
  id: string;
  tree: TreeBucket;
  /** Shown when the workspace has several folders. */
  folderLabel?: string;
}

/** A node whose children are a paged listing: a bucket at its configured folder, or a folder under it. */
export interface FolderNode {
  kind: 'folder';
  id: string;
  bucket: BucketNode;
  prefix: string;
  label: string;
}

export type ListedNode = BucketNode | FolderNode;

export interface ObjectNode {
  kind: 'object';
  id: string;
  bucket: BucketNode;
  entry: ObjectEntry;
}

export interface LoadMoreNode {
  kind: 'loadMore';
  id: string;
  parent: ListedNode;
}

export interface ProblemNode {
  kind: 'problem';
  id: string;
  parent: ListedNode;
  problem: ListingProblem;
}

export interface FixNode {
  kind: 'fix';
  id: string;
  parent: ProblemNode;
  fix: ListingFix;
}

/** A line of text in place of children: an empty folder, no credentials chosen. */
export interface MessageNode {
  kind: 'message';
  id: string;
  parent: ListedNode;
  text: string;
  /** Clicking it lists the parent again. */
  retry: boolean;
}

export interface ConflictNode {
  kind: 'conflict';
  id: string;
  conflict: TreeConflict;
  target: Omit<BucketTarget, 'ref'>;
}

export interface ConflictEntryNode {
  kind: 'conflictEntry';
  id: string;
  entry: ConflictingBucket;
  target: Omit<BucketTarget, 'ref'>;
}

export interface PoliciesNode {
  kind: 'policies';
  id: string;
  buckets: PolicyBucketNode[];
}

export interface PolicyBucketNode {
  kind: 'policyBucket';
  id: string;
  bucket: PolicyOnlyBucket;
  target: Omit<BucketTarget, 'ref'>;
}

export type Node = GroupNode | BucketNode | FolderNode | ObjectNode | LoadMoreNode | ProblemNode | FixNode | MessageNode | ConflictNode | ConflictEntryNode | PoliciesNode | PolicyBucketNode;

/** The place a node stands for in a file, for Reveal Definition. */
export function placeOf(node: Node): { folder: BucketTarget['folder']; place: Pick<BucketPlace, 'file' | 'line' | 'column'> } | undefined {
  switch (node.kind) {
    case 'bucket':
      return { folder: node.folder, place: { file: node.ref.file, line: node.ref.range.start.line, column: node.ref.range.start.column } };
    case 'conflictEntry':
      return { folder: node.target.folder, place: { file: node.entry.file, line: node.entry.line, column: 1 } };
    case 'policyBucket':
      return { folder: node.target.folder, place: node.bucket.places[0] };
    case 'problem':
    case 'fix':
    case 'message':
    case 'loadMore':
      return placeOf(bucketOf(node));
    default:
      return undefined;
  }
}

/** The bucket a listing node belongs to. */
export function bucketOf(node: FolderNode | ObjectNode | LoadMoreNode | ProblemNode | FixNode | MessageNode | BucketNode): BucketNode {
  switch (node.kind) {
    case 'bucket':
      return node;
    case 'folder':
    case 'object':
      return node.bucket;
    case 'fix':
      return bucketOf(node.parent);
    default:
      return bucketOf(node.parent);
  }
}
