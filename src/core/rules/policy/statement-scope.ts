// Who a statement reaches: a Principal that is everyone, and the condition clauses that narrow a statement (a
// positive test) rather than widen it (negated operators and Null hold for everything they do not name).
import { parseOperator } from '../../iam/operators';
import type { ConditionClause, Located, Principal } from '../../iam/policy';

/** The `*` that makes a Principal everyone: `"*"` or `{"AWS": "*"}`. */
export function everyoneValue(principal: Principal | undefined): Located | undefined {
  if (!principal) return undefined;
  if (principal.text?.value === '*') return principal.text;
  return principal.entries.find((e) => e.type.value === 'AWS')?.values.find((v) => v.value === '*');
}

/** Whether a clause's operator tests for a match (not a negated or Null operator): it narrows what it guards. */
export function isPositive(clause: ConditionClause): boolean {
  const operator = parseOperator(clause.operator.value);
  return operator !== undefined && !operator.negated && operator.family !== 'Null';
}

/** Whether a clause's operator is negated (`NotIpAddress`, `StringNotEquals`…): it holds outside what it names. */
export function isNegated(clause: ConditionClause): boolean {
  return parseOperator(clause.operator.value)?.negated ?? false;
}
