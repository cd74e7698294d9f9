import { parseArn } from '../../iam/arn';
import type { ConditionEntry, Located, Statement } from '../../iam/policy';
import { hasWildcard, Wildcard } from '../../iam/wildcard';
import { roleAnnotations } from '../../sources/lse-chart';
import { readLseValues, type Pod } from '../../sources/lse-values';
import { nodeAt, scalarText } from '../../sources/yaml-file';
import type { SourceFile, Workspace } from '../../workspace';
import { fix } from '../fixes';
import type { Report, Rule } from '../rule';
import { appendToList, jsonString } from './json-edits';
import { whole } from './located';
import { actionsNamed } from './memo';
import { addConditionEntry, entryMember } from './statement-edits';
import { isPositive } from './statement-scope';

/** The audience EKS (and other OIDC providers used with IAM) put in tokens meant for STS. */
const stsAudience = 'sts.amazonaws.com';
const serviceAccountSubject = /^system:serviceaccount:([^:]*):(.*)$/;

/** The pods' service accounts of a Helm values file that runs with an IRSA role: explicit names, else undefined. */
interface PodAccount {
  pod: Pod;
  name?: string;
  file: string;
}

function irsaPods(workspace: Workspace): PodAccount[] {
  return workspace.files
    .filter((f) => f.kind === 'values')
    .flatMap((file: SourceFile) => {
      const values = readLseValues(workspace.yaml(file));
      if (!values.pods.some((p) => p.annotation(roleAnnotations.irsa))) return [];
      return values.pods.map((p) => {
        const name = scalarText(nodeAt(p.serviceAccount, ['name']));
        return name ? { pod: p.pod, name, file: file.path } : { pod: p.pod, file: file.path };
      });
    });
}

/** Whether a :sub value admits the pod's service account: its explicit name, else a chart default ending in the pod name. */
function admits(value: string, like: boolean, account: PodAccount): boolean {
  const subject = serviceAccountSubject.exec(value);
  if (!subject) return like && value === '*';
  const name = subject[2];
  if (account.name) return like ? new Wildcard(name).matches(account.name) : name === account.name;
  // The chart names each pod's service account after the release and the pod (`<release>-lse-app`).
  return like && hasWildcard(name) ? new Wildcard(name).intersects(new Wildcard(`*${account.pod}`)) : name.endsWith(account.pod);
}

/** The same subject for the other pod: the explicit name, else the pod name swapped at the end. */
function subjectFor(values: readonly string[], from: PodAccount, to: PodAccount): string | undefined {
  for (const value of values) {
    const subject = serviceAccountSubject.exec(value);
    if (!subject || hasWildcard(subject[2])) continue;
    if (to.name) return `system:serviceaccount:${subject[1]}:${to.name}`;
    if (!from.name && subject[2].endsWith(from.pod)) return `system:serviceaccount:${subject[1]}:${subject[2].slice(0, -from.pod.length)}${to.pod}`;
  }
  return undefined;
}

function entriesFor(statement: Statement, key: string): { entry: ConditionEntry; like: boolean }[] {
  return (statement.condition ?? [])
    .filter(isPositive)
    .flatMap((c) => c.entries.filter((e) => e.key.value.toLowerCase() === key.toLowerCase()).map((entry) => ({ entry, like: c.operator.value.includes('Like') })));
}

function checkPods(file: SourceFile, subs: { entry: ConditionEntry; like: boolean }[], pods: readonly PodAccount[], report: (r: Report) => void): void {
  const admitted = (account: PodAccount) => subs.some(({ entry, like }) => entry.values.some((v) => admits(v.value, like, account)));
  const lacking = pods.filter((p) => !admitted(p));
  const having = pods.filter(admitted);
  for (const account of lacking) {
    const from = having[0];
    const { entry } = subs[0];
    const subject = from && subjectFor(entry.values.map((v) => v.value), from, account);
    const edits = subject ? appendToList(file, entryMember(file, entry), entry.values, jsonString(subject)) : [];
    report({
      ...whole(entry.key),
      message:
        `The :sub condition does not admit the service account of Label Studio's ${account.pod} pod (${account.name ?? `${account.pod}.serviceAccount`} in ${account.file}), which uses the same role: ` +
        `its storage requests fail with AccessDenied when it cannot assume it. Add ${subject ?? `its system:serviceaccount:<namespace>:<name>`}.`,
      fixes: edits.length > 0 ? [fix(`Admit ${subject}`, edits, true)] : [],
    });
  }
}

export const trustOidcConditions: Rule = {
  id: 'policy/trust-oidc-conditions',
  title: 'Web-identity trust without its audience and subject conditions',
  severity: 'warning',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const policy = workspace.policy(file);
    if (policy.kind !== 'trust') return;
    let pods: PodAccount[] | undefined;
    for (const statement of policy.statements) {
      const action = statement.action?.find((a) => actionsNamed(a.value).some((x) => x.id === 'sts:AssumeRoleWithWebIdentity'));
      if (statement.effect?.value !== 'Allow' || !action) continue;
      const providers = (statement.principal?.entries ?? [])
        .filter((e) => e.type.value === 'Federated')
        .flatMap((e) => e.values)
        .flatMap((v: Located) => {
          const resource = parseArn(v.value)?.resource ?? '';
          return resource.startsWith('oidc-provider/') ? [{ at: v, provider: resource.slice('oidc-provider/'.length) }] : [];
        });
      for (const { at, provider } of providers) {
        const audiences = entriesFor(statement, `${provider}:aud`);
        const subs = entriesFor(statement, `${provider}:sub`);
        if (!audiences.some(({ entry }) => entry.values.some((v) => v.value === stsAudience))) {
          const edit = addConditionEntry(file, statement, 'StringEquals', `${provider}:aud`, jsonString(stsAudience));
          report({
            ...whole(at),
            message: `No "${provider}:aud" = "${stsAudience}" condition: tokens this provider issues for other audiences could assume the role too. Add it.`,
            fixes: edit ? [fix(`Require the ${stsAudience} audience`, [edit], true)] : [],
          });
        }
        if (subs.length === 0) {
          report({
            ...whole(at),
            message: `No "${provider}:sub" condition: every workload the provider issues tokens to (any service account in the cluster) can assume this role. Add "StringEquals": {"${provider}:sub": "system:serviceaccount:<namespace>:<name>"} for each pod that needs it.`,
          });
        } else {
          pods ??= irsaPods(workspace);
          checkPods(file, subs, pods, report);
        }
      }
    }
  },
};
