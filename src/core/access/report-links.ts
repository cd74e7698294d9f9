// Ties failed checks back to the workspace: a denied S3 action to the policy statement that decides it (or should
// grant it), a configuration problem (missing bucket, wrong region, bad credentials, unreachable endpoint) to the
// line that configures the bucket.
import { actionAppliesTo, lookupAction } from '../iam/catalog';
import { bucketArn, folderKeyPrefix, folderObjectsArn, s3Location } from '../iam/arn';
import { evaluate, type PolicyInput, type RequestContext, type StatementRef } from '../iam/evaluate';
import type { Policy, Statement } from '../iam/policy';
import { wildcardMatch } from '../iam/wildcard';
import type { SourceFile, Workspace } from '../workspace';
import type { AccessReport, CheckResult, CheckRow } from './report';

export interface RowLink {
  kind: 'policy' | 'config';
  /** Workspace-relative path. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  /**
   * For policy links: the statement denies the action explicitly (or may, depending on the request), already grants
   * it (so the identity tested is not the one this policy is attached to), grants it only under conditions, or is
   * where the grant belongs.
   */
  relation?: 'denies' | 'may-deny' | 'grants' | 'conditional' | 'should-grant';
  sid?: string;
}

/** `iam/policy.json:12 (ObjectAccess)`: where a link points, as the report and the Markdown show it. */
export function linkLabel(link: RowLink): string {
  return `${link.file}:${link.line}${link.sid ? ` (${link.sid})` : ''}`;
}

/** Failures that a line of the bucket's configuration causes. */
const configProblems: ReadonlySet<CheckResult> = new Set(['not-found', 'wrong-region', 'bad-credentials', 'unreachable']);

function namesBucket(resource: string, bucket: string): boolean {
  const location = s3Location(resource);
  return location !== undefined && wildcardMatch(location.bucket, bucket);
}

function statementNamesBucket(statement: Statement, bucket: string): boolean {
  return (statement.resource ?? []).some((r) => namesBucket(r.value, bucket));
}

/**
 * Identity and bucket policies that apply to `bucket`: the ones `.bucket-doctor.json` attaches to it when it names
 * any (the user said which), else every policy file naming the bucket.
 */
function policiesFor(workspace: Workspace, bucket: string, attached: readonly string[]): PolicyInput[] {
  const applies = (file: SourceFile, policy: Policy) => (attached.length > 0 ? attached.includes(file.path) : policy.statements.some((s) => statementNamesBucket(s, bucket)));
  return workspace.files
    .filter((f) => f.kind === 'policy')
    .map((file) => ({ file, policy: workspace.policy(file) }))
    .filter(({ file, policy }) => policy.kind !== 'trust' && applies(file, policy))
    .map(({ file, policy }) => ({ file: file.path, policy }));
}

/** The ARN the action is checked on: the bucket for bucket actions, every object under the folder otherwise. */
function resourceFor(action: string, bucket: string, prefix: string): string {
  const known = lookupAction(action);
  return known && actionAppliesTo(known, bucketArn(bucket)) ? bucketArn(bucket) : folderObjectsArn(bucket, prefix);
}

/**
 * Where a grant of `action` belongs when no statement grants it: an Allow statement naming the bucket with ARNs the
 * action applies to, else any Allow naming the bucket, else (in a policy attached to the bucket) any Allow.
 */
function grantPlace(policies: readonly PolicyInput[], action: string, bucket: string): { input: PolicyInput; statement: Statement } | undefined {
  const known = lookupAction(action);
  const allows = policies.flatMap((input) => input.policy.statements.filter((s) => s.effect?.value === 'Allow').map((statement) => ({ input, statement })));
  const candidates = allows.filter(({ statement }) => statementNamesBucket(statement, bucket));
  const fits = ({ statement }: { statement: Statement }) =>
    known !== undefined && (statement.resource ?? []).some((r) => namesBucket(r.value, bucket) && actionAppliesTo(known, r.value));
  return candidates.find(fits) ?? candidates[0] ?? allows[0];
}

function policyLink(workspace: Workspace, file: string, offset: number, relation: RowLink['relation'], sid: string | undefined): RowLink | undefined {
  const source = workspace.get(file);
  if (!source) return undefined;
  const { line, column } = source.lines.position(offset);
  return { kind: 'policy', file, line, column, relation, ...(sid ? { sid } : {}) };
}

function fromDecision(workspace: Workspace, ref: StatementRef, relation: RowLink['relation']): RowLink | undefined {
  return policyLink(workspace, ref.file, ref.offset, relation, ref.sid);
}

function deniedLink(workspace: Workspace, policies: readonly PolicyInput[], row: CheckRow, report: AccessReport): RowLink | undefined {
  const action = row.action;
  if (!action || !/^(?:s3|kms):/i.test(action) || policies.length === 0) return undefined;
  const folder = folderKeyPrefix(report.prefix);
  const resource = action.toLowerCase().startsWith('kms:') ? '*' : resourceFor(action, report.bucket, report.prefix);
  const context: RequestContext = action.toLowerCase() === 's3:listbucket' ? { 's3:prefix': folder === '' ? null : folder } : {};
  const decision = evaluate({ action, resource, context }, policies);
  const decider = decision.decidedBy[0];
  if (decider) {
    const relation = decision.decision === 'allowed' ? 'grants' : decision.decision === 'denied' ? 'denies' : decision.explicitDeny ? 'may-deny' : 'conditional';
    return fromDecision(workspace, decider, relation);
  }
  const place = grantPlace(policies, action, report.bucket);
  return place ? policyLink(workspace, place.input.file, place.statement.offset, 'should-grant', place.statement.sid?.value) : undefined;
}

function configLink(report: AccessReport, file: SourceFile | undefined): RowLink | undefined {
  if (!report.source || !file) return undefined;
  const { line, column } = report.source.range.start;
  return { kind: 'config', file: report.source.file, line, column };
}

/**
 * One entry per row of `report.checks`: the place in the workspace that explains the failure, or undefined.
 * `attached` are the policy files `.bucket-doctor.json` lists for the bucket.
 */
export function rowLinks(report: AccessReport, workspace: Workspace, attached: readonly string[] = []): (RowLink | undefined)[] {
  const policies = report.provider === 's3' ? policiesFor(workspace, report.bucket, attached) : [];
  const configFile = report.source ? workspace.get(report.source.file) : undefined;
  return report.checks.map((row) => {
    if (row.result === 'denied') return deniedLink(workspace, policies, row, report);
    return configProblems.has(row.result) ? configLink(report, configFile) : undefined;
  });
}
