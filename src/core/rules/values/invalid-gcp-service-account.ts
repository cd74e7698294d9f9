import type { Node } from 'yaml';
import { roleAnnotations } from '../../sources/lse-chart';
import { readLseValues } from '../../sources/lse-values';
import { nodeAt, scalarText, spanOf } from '../../sources/yaml-file';
import { fix, replaceScalar } from '../fixes';
import type { Rule } from '../rule';
import { isPlaceholder } from './placeholder';

export interface ServiceAccountCheck {
  problem?: string;
  /** The email the value evidently means. */
  fixed?: string;
}

// User-managed (`name@project.iam…`), App Engine default (`project@appspot…`) and Compute default / legacy
// (`…@developer…`) service accounts; the exact alphabet of the name is not checked (not confirmed at the source).
const serviceAccountEmail = /^[^@\s:/]+@(?:[^@\s/]+\.iam|appspot|developer)\.gserviceaccount\.com$/i;

/** What is wrong with `value` as a Google service-account email, and its repair when there is one. */
export function checkServiceAccount(value: string, projectId: string | undefined): ServiceAccountCheck {
  const text = value.trim();
  if (serviceAccountEmail.test(text)) return text === value ? {} : { problem: 'it has blanks around it', fixed: text };
  const member = /^serviceAccount:(.+)$/.exec(text) ?? /^projects\/[^/]+\/serviceAccounts\/(.+)$/.exec(text);
  if (member && serviceAccountEmail.test(member[1])) {
    return { problem: text.startsWith('projects/') ? 'it is the resource name of the service account, not its email' : 'it is an IAM policy member ("serviceAccount:" prefix), not the email', fixed: member[1] };
  }
  if (/\.svc\.id\.goog\[/.test(text)) return { problem: 'it is the Workload Identity member of the Kubernetes service account, not the Google service account it should act as' };
  if (!text.includes('@')) {
    const fixed = projectId && /^[a-z][a-z0-9-]*$/.test(text) ? `${text}@${projectId}.iam.gserviceaccount.com` : undefined;
    return { problem: 'it is a bare name, not a service-account email', fixed };
  }
  return { problem: 'it is not a service-account email (name@project.iam.gserviceaccount.com)' };
}

export const invalidGcpServiceAccount: Rule = {
  id: 'values/invalid-gcp-service-account',
  title: 'Workload Identity annotation that is not a service-account email',
  severity: 'error',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const values = readLseValues(workspace.yaml(file));
    const project = scalarText(nodeAt(values.block('gcs'), ['projectID']))?.trim();
    const projectId = project && !isPlaceholder(project) ? project : undefined;
    for (const pod of values.pods) {
      const pair = pod.annotation(roleAnnotations.gke);
      const value = scalarText(pair?.value);
      if (!pair?.value || value === undefined || value.trim() === '') continue;
      const [start, end] = spanOf(pair.value as Node);
      const where = `${pod.pod}.serviceAccount ${roleAnnotations.gke}`;
      const consequence = "GKE cannot let the pod act as that account, so Label Studio gets no Google token (or the node's) and its storage requests are denied";
      if (isPlaceholder(value)) {
        report({ start, end, severity: 'warning', message: `${where} is still a placeholder (${value}): ${consequence}. Put in the email of the Google service account.` });
        continue;
      }
      const { problem, fixed } = checkServiceAccount(value, projectId);
      if (!problem) continue;
      report({
        start,
        end,
        message: `${where} is not a Google service-account email: ${problem}. ${consequence}. ${fixed ? `Use ${fixed}.` : 'Write it as name@project-id.iam.gserviceaccount.com.'}`,
        fixes: fixed ? [fix(`Use ${fixed}`, [replaceScalar(pair.value as Node, fixed)], true)] : [],
      });
    }
  },
};
