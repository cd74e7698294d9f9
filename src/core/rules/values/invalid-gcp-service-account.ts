import { roleAnnotations } from '../../sources/lse-chart';
import { readLseValues } from '../../sources/lse-values';
import { nodeAt, scalarText } from '../../sources/yaml-file';
import type { Rule } from '../rule';
import { isPlaceholder } from './placeholder';
import { checkAnnotations, type AnnotationCheck } from './role-annotations';

// User-managed (`name@project.iam…`), App Engine default (`project@appspot…`) and Compute default / legacy
// (`…@developer…`) service accounts; the exact alphabet of the name is not checked (not confirmed at the source).
const serviceAccountEmail = /^[^@\s:/]+@(?:[^@\s/]+\.iam|appspot|developer)\.gserviceaccount\.com$/i;

/** What is wrong with `value` as a Google service-account email, and its repair when there is one. */
export function checkServiceAccount(value: string, projectId: string | undefined): AnnotationCheck {
  const text = value.trim();
  if (serviceAccountEmail.test(text)) return text === value ? { problems: [] } : { problems: ['it has blanks around it'], fixed: text };
  const member = /^serviceAccount:(.+)$/.exec(text) ?? /^projects\/[^/]+\/serviceAccounts\/(.+)$/.exec(text);
  if (member && serviceAccountEmail.test(member[1])) {
    const problem = text.startsWith('projects/') ? 'it is the resource name of the service account, not its email' : 'it is an IAM policy member ("serviceAccount:" prefix), not the email';
    return { problems: [problem], fixed: member[1] };
  }
  if (/\.svc\.id\.goog\[/.test(text)) return { problems: ['it is the Workload Identity member of the Kubernetes service account, not the Google service account it should act as'] };
  if (!text.includes('@')) {
    const fixed = projectId && /^[a-z][a-z0-9-]*$/.test(text) ? `${text}@${projectId}.iam.gserviceaccount.com` : undefined;
    return { problems: ['it is a bare name, not a service-account email'], fixed };
  }
  return { problems: ['its domain is not one of Google\'s service-account domains'] };
}

export const invalidGcpServiceAccount: Rule = {
  id: 'values/invalid-gcp-service-account',
  title: 'Workload Identity annotation that is not a service-account email',
  severity: 'error',
  kinds: ['values'],
  check(context) {
    const values = readLseValues(context.workspace.yaml(context.file));
    const project = scalarText(nodeAt(values.block('gcs'), ['projectID']))?.trim();
    const projectId = project && !isPlaceholder(project) ? project : undefined;
    checkAnnotations(context, values, {
      annotation: roleAnnotations.gke,
      expected: 'a Google service-account email',
      consequence: "GKE cannot let the pod act as that account, so Label Studio gets no Google token of its own and its storage requests are denied",
      shape: 'Write it as name@project-id.iam.gserviceaccount.com.',
      fillIn: 'Put in the email of the Google service account.',
      check: (value) => checkServiceAccount(value, projectId),
    });
  },
};

