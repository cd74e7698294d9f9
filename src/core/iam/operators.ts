// Condition operators: the names IAM accepts (a base operator, optionally `…IfExists` except for Null, optionally
// behind `ForAnyValue:` / `ForAllValues:`) and how each base operator compares one policy value with one request value.
import { cidrContains, parseCidr, parseIp } from './ip';
import { Wildcard, type PatternPiece } from './wildcard';

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

/** A policy value after variable substitution: text pieces (wildcards for *Like) and literal characters. */
export type PolicyValue = readonly PatternPiece[];

/** Whether one request value satisfies the (positive form of the) operator for one prepared policy value. */
export type ValueTest = (request: string) => boolean;

interface BaseOperator {
  family: OperatorFamily;
  /** StringNotEquals, NotIpAddress, ArnNotLike…: true when no policy value matches (and when the key is missing). */
  negated: boolean;
  prepare(value: PolicyValue): ValueTest;
}

export interface ConditionOperator {
  /** As written (`ForAnyValue:StringLikeIfExists`). */
  name: string;
  /** The base operator (`StringLike`). */
  base: string;
  family: OperatorFamily;
  negated: boolean;
  ifExists: boolean;
  qualifier?: 'ForAnyValue' | 'ForAllValues';
  /** The comparison in its positive form (StringNotLike compares like StringLike; the evaluator negates). */
  prepare(value: PolicyValue): ValueTest;
}

const never: ValueTest = () => false;

/** The pieces as one string (for operators without wildcards: `${*}` and `*` are the same character there). */
const joined = (value: PolicyValue) => value.map((p) => (typeof p === 'string' ? p : 'literal' in p ? p.literal : '')).join('');

/** A decimal number as condition values write them (`10`, `-1.5`); undefined otherwise. */
export function parseNumber(text: string): number | undefined {
  return /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text.trim()) ? Number(text) : undefined;
}

/** Milliseconds since the epoch of an ISO 8601 date/time or of epoch seconds; undefined otherwise. */
export function parseDate(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

function compared<T>(parse: (text: string) => T | undefined, holds: (request: T, policy: T) => boolean): (value: PolicyValue) => ValueTest {
  return (value) => {
    const policy = parse(joined(value));
    if (policy === undefined) return never;
    return (request) => {
      const r = parse(request);
      return r !== undefined && holds(r, policy);
    };
  };
}

const stringEquals = (value: PolicyValue): ValueTest => {
  const text = joined(value);
  return (request) => request === text;
};
const stringEqualsIgnoreCase = (value: PolicyValue): ValueTest => {
  const text = joined(value).toLowerCase();
  return (request) => request.toLowerCase() === text;
};
const stringLike = (value: PolicyValue): ValueTest => {
  const pattern = new Wildcard(value);
  return (request) => pattern.matches(request);
};
const numeric = (holds: (r: number, p: number) => boolean) => compared(parseNumber, holds);
const date = (holds: (r: number, p: number) => boolean) => compared(parseDate, holds);
const bool = compared((t) => (/^(?:true|false)$/i.test(t.trim()) ? t.trim().toLowerCase() : undefined), (r, p) => r === p);
const ipAddress = (value: PolicyValue): ValueTest => {
  const cidr = parseCidr(joined(value).trim());
  if (!cidr) return never;
  return (request) => {
    const ip = parseIp(request.trim());
    return ip !== undefined && cidrContains(cidr, ip);
  };
};

/** Splits pattern pieces at the first five colons of their text (the six parts of an ARN). */
function arnParts(value: PolicyValue): PatternPiece[][] {
  const parts: PatternPiece[][] = [[]];
  for (const piece of value) {
    if (typeof piece !== 'string') {
      parts[parts.length - 1].push(piece);
      continue;
    }
    let rest = piece;
    for (let colon = rest.indexOf(':'); colon !== -1 && parts.length < 6; colon = rest.indexOf(':')) {
      parts[parts.length - 1].push(rest.slice(0, colon));
      parts.push([]);
      rest = rest.slice(colon + 1);
    }
    parts[parts.length - 1].push(rest);
  }
  return parts;
}

const splitRequestArn = (text: string): string[] => {
  const parts = text.split(':');
  return parts.length < 6 ? parts : [...parts.slice(0, 5), parts.slice(5).join(':')];
};

/** ArnEquals and ArnLike alike: each of the six colon-separated parts matches on its own, wildcards allowed. */
const arnLike = (value: PolicyValue): ValueTest => {
  const parts = arnParts(value);
  // A value that is no six-part ARN (`*`) can only match as a whole.
  if (parts.length < 6) return stringLike(value);
  const patterns = parts.map((p) => new Wildcard(p));
  return (request) => {
    const r = splitRequestArn(request);
    return r.length === 6 && patterns.every((p, i) => p.matches(r[i]));
  };
};

const base = (family: OperatorFamily, prepare: (value: PolicyValue) => ValueTest, negated = false): BaseOperator => ({ family, negated, prepare });

const baseOperators: Readonly<Record<string, BaseOperator>> = {
  StringEquals: base('String', stringEquals),
  StringNotEquals: base('String', stringEquals, true),
  StringEqualsIgnoreCase: base('String', stringEqualsIgnoreCase),
  StringNotEqualsIgnoreCase: base('String', stringEqualsIgnoreCase, true),
  StringLike: base('String', stringLike),
  StringNotLike: base('String', stringLike, true),
  NumericEquals: base('Numeric', numeric((r, p) => r === p)),
  NumericNotEquals: base('Numeric', numeric((r, p) => r === p), true),
  NumericLessThan: base('Numeric', numeric((r, p) => r < p)),
  NumericLessThanEquals: base('Numeric', numeric((r, p) => r <= p)),
  NumericGreaterThan: base('Numeric', numeric((r, p) => r > p)),
  NumericGreaterThanEquals: base('Numeric', numeric((r, p) => r >= p)),
  DateEquals: base('Date', date((r, p) => r === p)),
  DateNotEquals: base('Date', date((r, p) => r === p), true),
  DateLessThan: base('Date', date((r, p) => r < p)),
  DateLessThanEquals: base('Date', date((r, p) => r <= p)),
  DateGreaterThan: base('Date', date((r, p) => r > p)),
  DateGreaterThanEquals: base('Date', date((r, p) => r >= p)),
  Bool: base('Bool', bool),
  BinaryEquals: base('Binary', stringEquals),
  IpAddress: base('IpAddress', ipAddress),
  NotIpAddress: base('IpAddress', ipAddress, true),
  ArnEquals: base('Arn', arnLike),
  ArnLike: base('Arn', arnLike),
  ArnNotEquals: base('Arn', arnLike, true),
  ArnNotLike: base('Arn', arnLike, true),
  Null: base('Null', () => never),
};

/** The base operator names, for did-you-mean suggestions (`IPAddress` → `IpAddress`). */
export const conditionOperatorNames: readonly string[] = Object.keys(baseOperators);

/** Reads an operator name as IAM does (case-sensitive); undefined for `IPAddress`, `StringEqual`, `NullIfExists`… */
export function parseOperator(name: string): ConditionOperator | undefined {
  const qualifier = /^(ForAnyValue|ForAllValues):/.exec(name)?.[1] as ConditionOperator['qualifier'];
  let rest = qualifier ? name.slice(qualifier.length + 1) : name;
  const ifExists = rest.endsWith('IfExists');
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  if (!Object.hasOwn(baseOperators, rest)) return undefined;
  const op = baseOperators[rest];
  if (op.family === 'Null' && ifExists) return undefined;
  const parsed: ConditionOperator = { name, base: rest, family: op.family, negated: op.negated, ifExists, prepare: op.prepare };
  if (qualifier) parsed.qualifier = qualifier;
  return parsed;
}
