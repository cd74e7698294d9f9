import { didYouMean } from '../../did-you-mean';
import { parseArn, partitions } from '../../iam/arn';
import { roleAnnotations } from '../../sources/lse-chart';
import { readLseValues } from '../../sources/lse-values';
import type { Rule } from '../rule';
import { checkAnnotations, type AnnotationCheck } from './role-annotations';

/** Why `value` is not `arn:<partition>:iam::<12 digits>:role/<path/name>`; no problems for a role ARN. */
export function checkRoleArn(value: string): AnnotationCheck {
  const text = value.trim();
  const problems: string[] = text === value ? [] : ['it has blanks around it'];
  const prefixed = /^arn:/i.test(text) && !text.startsWith('arn:') ? `arn:${text.slice(4)}` : text;
  if (prefixed !== text) problems.push('"arn:" is written in lower case');
  const arn = parseArn(prefixed);
  if (!arn) {
    if (/^\d{12}$/.test(text)) return { problems: ['it is an account ID, not a role ARN'] };
    if (/^[\w+=,.@/-]+$/.test(text)) return { problems: ['it is a bare name, not a role ARN'] };
    return { problems: [prefixed.startsWith('arn:') ? 'it does not have the six colon-separated parts of an ARN' : 'it is not an ARN'] };
  }
  let fixable = true;
  const unfixable = (problem: string) => {
    problems.push(problem);
    fixable = false;
  };
  let partition = arn.partition;
  if (!partitions.includes(partition)) {
    const suggestion = didYouMean(partition, partitions);
    if (suggestion) problems.push(`"${partition}" is not an AWS partition`);
    else unfixable(`"${partition}" is not an AWS partition (${partitions.join(', ')})`);
    partition = suggestion ?? partition;
  }
  let resource = arn.resource;
  const session = /^assumed-role\/([^/]+)\/./.exec(resource);
  if (arn.service === 'sts' && session) {
    problems.push('it is the ARN of an assumed-role session (as sts get-caller-identity prints it), not of the role');
    resource = `role/${session[1]}`;
  } else if (arn.service !== 'iam') {
    unfixable(`it names the service "${arn.service}" where a role ARN has "iam"`);
  }
  if (arn.region !== '') problems.push(`it has a region ("${arn.region}"), which IAM ARNs leave empty`);
  const digits = arn.account.replace(/[\s-]/g, '');
  if (!/^\d{12}$/.test(arn.account)) {
    if (/^\d{12}$/.test(digits)) problems.push('the account ID is written with separators');
    else unfixable(`the account "${arn.account}" is not a 12-digit account ID`);
  }
  if (!/^role\/\S/.test(resource) || /\s/.test(resource)) {
    const kind = /^(user|instance-profile|group|policy)\//.exec(resource)?.[1];
    unfixable(kind ? `it names an IAM ${kind.replace('-', ' ')}, and pods can only assume a role` : 'its resource is not role/<name>');
  }
  return fixable && problems.length > 0 ? { problems, fixed: `arn:${partition}:iam::${digits}:${resource}` } : { problems };
}

export const invalidRoleArn: Rule = {
  id: 'values/invalid-role-arn',
  title: 'IRSA role annotation that is not a role ARN',
  severity: 'error',
  kinds: ['values'],
  check(context) {
    checkAnnotations(context, readLseValues(context.workspace.yaml(context.file)), {
      annotation: roleAnnotations.irsa,
      expected: 'a role ARN',
      consequence: 'EKS passes it to the pod as AWS_ROLE_ARN and AssumeRoleWithWebIdentity fails, so Label Studio cannot reach the bucket',
      shape: 'Write it as arn:aws:iam::<12-digit account ID>:role/<role name>.',
      fillIn: 'Put in the ARN of the role you created.',
      check: checkRoleArn,
    });
  },
};
