import { conditionKeyType } from '../../iam/catalog';
import { parseCidr } from '../../iam/ip';
import { parseDate, parseNumber, parseOperator, type ConditionOperator } from '../../iam/operators';
import { hasPolicyVariable } from '../../iam/variables';
import { hasWildcard } from '../../iam/wildcard';
import type { Rule } from '../rule';
import { jsonString } from './json-edits';
import { whole } from './located';
import { memoize2 } from './memo';
import { hasPlaceholder } from './placeholders';

const isBool = (text: string) => /^(?:true|false)$/i.test(text);

/** What a value of `operator` must look like, when it does not; undefined when it fits. */
function familyProblem(operator: ConditionOperator, text: string): string | undefined {
  switch (operator.family) {
    case 'IpAddress':
      return parseCidr(text.trim()) ? undefined : 'is not an IP address or CIDR block (203.0.113.0/24, 2001:db8::/32)';
    case 'Bool':
      return isBool(text) ? undefined : 'is not true or false';
    case 'Null':
      return isBool(text) ? undefined : 'is not true (the key is absent) or false (the key is present)';
    case 'Numeric':
      return parseNumber(text) !== undefined ? undefined : 'is not a number';
    case 'Date':
      return parseDate(text) !== undefined ? undefined : 'is not a date (ISO 8601 such as 2026-01-31T00:00:00Z, or epoch seconds)';
    default:
      return undefined;
  }
}

/** An address key (`aws:SourceIp`) compared as a string still holds an address: a value that is none never matches. */
function ipKeyProblem(operator: ConditionOperator, key: string, text: string): string | undefined {
  if (operator.family !== 'String' || conditionKeyType(key) !== 'IPAddress' || parseCidr(text.trim())) return undefined;
  return `is not an IP address (${key} holds the caller's address; compare it with IpAddress or NotIpAddress)`;
}

/** VPC and VPC endpoint ids, compared as strings: a value of another shape never matches. */
const idShapes: Readonly<Record<string, { shape: RegExp; example: string; instead: readonly [RegExp, string][] }>> = {
  'aws:sourcevpc': {
    shape: /^vpc-[0-9a-f]+$/,
    example: 'vpc-1a2b3c4d',
    instead: [
      [/^vpce-/, 'a VPC endpoint id belongs in aws:SourceVpce'],
      [/^[\d.:a-f]+\/\d+$/i, 'an address range belongs in aws:VpcSourceIp with IpAddress'],
    ],
  },
  'aws:sourcevpce': { shape: /^vpce-[0-9a-f]+$/, example: 'vpce-1a2b3c4d', instead: [[/^vpc-/, 'a VPC id belongs in aws:SourceVpc']] },
};

function idProblem(operator: ConditionOperator, key: string, text: string): string | undefined {
  const id = Object.hasOwn(idShapes, key.toLowerCase()) ? idShapes[key.toLowerCase()] : undefined;
  if (!id || operator.family !== 'String' || id.shape.test(text) || (operator.base.includes('Like') && hasWildcard(text))) return undefined;
  const hint = id.instead.find(([pattern]) => pattern.test(text))?.[1];
  return `is not the id ${key} compares with (${id.example})${hint ? `: ${hint}` : ''}`;
}

/** The problem of one value (as read) of a key under an operator (`operator\nkey`), asked once per distinct value. */
const problemOf = memoize2((clause: string, text: string) => {
  const [name, key] = clause.split('\n');
  const operator = parseOperator(name);
  // Variables are filled in per request; guide placeholders are policy/placeholder's to report.
  if (!operator || hasPolicyVariable(text) || hasPlaceholder(text)) return undefined;
  return familyProblem(operator, text) ?? ipKeyProblem(operator, key, text) ?? idProblem(operator, key, text);
});

export const invalidConditionValue: Rule = {
  id: 'policy/invalid-condition-value',
  title: 'Condition value of the wrong form',
  severity: 'error',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    for (const statement of workspace.policy(file).statements) {
      for (const clause of statement.condition ?? []) {
        for (const entry of clause.entries) {
          const asked = `${clause.operator.value}\n${entry.key.value}`;
          for (const value of entry.values) {
            const problem = problemOf(asked, value.value);
            if (!problem) continue;
            report({
              ...whole(value),
              message: `${entry.key.value} value ${value.type === 'string' ? jsonString(value.value) : value.value} ${problem}: AWS rejects the policy or the condition never matches as intended.`,
            });
          }
        }
      }
    }
  },
};
