// Checks the value of a role annotation on the app and rqworker service accounts: placeholders get their own
// message, and a repair is applied to every pod that carries the same wrong value.
import type { Node } from 'yaml';
import type { LseValues } from '../../sources/lse-values';
import { scalarText, spanOf } from '../../sources/yaml-file';
import { fix, replaceScalar } from '../fixes';
import type { RuleContext } from '../rule';
import { isPlaceholder } from './placeholder';

export interface AnnotationCheck {
  problems: string[];
  /** The value the author evidently means, when every problem has one obvious repair. */
  fixed?: string;
}

export interface AnnotationRule {
  annotation: string;
  /** What the value must be, for messages: "a role ARN". */
  expected: string;
  /** What happens at runtime with a wrong value. */
  consequence: string;
  /** How to write it when there is no repair. */
  shape: string;
  /** What to put in instead of a placeholder. */
  fillIn: string;
  check(value: string): AnnotationCheck;
}

export function checkAnnotations({ report }: RuleContext, values: LseValues, rule: AnnotationRule): void {
  for (const pod of values.pods) {
    const node = pod.annotation(rule.annotation)?.value;
    const value = scalarText(node);
    if (!node || value === undefined || value.trim() === '') continue;
    const [start, end] = spanOf(node);
    const where = `${pod.pod}.serviceAccount ${rule.annotation}`;
    if (isPlaceholder(value)) {
      report({ start, end, severity: 'warning', message: `${where} is still a placeholder (${value}): ${rule.consequence}. ${rule.fillIn}` });
      continue;
    }
    const { problems, fixed } = rule.check(value);
    if (problems.length === 0) continue;
    // Both pods usually carry the same value: repairing one alone would leave them mismatched.
    const same = values.pods.map((p) => p.annotation(rule.annotation)?.value).filter((n): n is Node => !!n && scalarText(n) === value);
    report({
      start,
      end,
      message: `${where} is not ${rule.expected}: ${problems.join('; ')}. ${rule.consequence}. ${fixed ? `Use ${fixed}.` : rule.shape}`,
      fixes: fixed ? [fix(`Use ${fixed}`, same.map((n) => replaceScalar(n, fixed)), true)] : [],
    });
  }
}
