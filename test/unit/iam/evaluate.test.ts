// The evaluator as data tables: every case cites the documented rule it checks (IAM User Guide page slug, then the
// rule). Pages: reference_policies_condition_operators ("condition_operators"), …_evaluation-logic
// ("evaluation-logic"), …_policy-eval-basics ("policy-eval-basics"), …_condition-single-vs-multi-valued-context-keys
// ("multivalued"), …_variables ("policy-variables"), …_elements_* ("elements_<name>").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { evaluate, type DecisionValue, type PolicyInput, type Request, type RequestContext } from '../../../src/core/iam/evaluate';
import { parsePolicy, type PolicyKind } from '../../../src/core/iam/policy';

interface Case {
  rule: string;
  policies: PolicyInput[];
  request: Request;
  expect: DecisionValue;
  /** Expected condition keys (checked when given; defaults per builder). */
  keys?: string[];
  /** Sids (or indices) of the deciding statements, in order. */
  by?: string[];
  explicit?: boolean;
}

type Json = Record<string, unknown>;

const input = (document: Json | string, file = 'policy.json', kind?: PolicyKind): PolicyInput => {
  const policy: PolicyInput = { policy: parsePolicy(typeof document === 'string' ? document : JSON.stringify(document)), file };
  if (kind) policy.kind = kind;
  return policy;
};
const v2012 = (...statements: Json[]): Json => ({ Version: '2012-10-17', Statement: statements });
const allow = (extra: Json = {}): Json => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', ...extra });
const deny = (extra: Json = {}): Json => ({ Effect: 'Deny', Action: 's3:GetObject', Resource: '*', ...extra });
const get = (context: RequestContext = {}, extra: Partial<Request> = {}): Request => ({ action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context, ...extra });

// ---------------------------------------------------------------------------------------------------------------
// One condition key under one operator: [operator, key, policy value(s), request value, expected, rule].
// Request value: undefined = not supplied (unknown → conditional), null = the request lacks the key.
type ConditionRow = [operator: string, key: string, values: unknown, request: string | string[] | null | undefined, expect: DecisionValue, rule: string];

const conditionRows: ConditionRow[] = [
  // String
  ['StringEquals', 'aws:username', 'alice', 'alice', 'allowed', 'condition_operators: StringEquals is an exact match'],
  ['StringEquals', 'aws:username', 'Alice', 'alice', 'denied', 'condition_operators: StringEquals is case-sensitive'],
  ['StringEquals', 'aws:username', ['bob', 'alice'], 'alice', 'allowed', 'condition_operators: several values for one key are ORed'],
  ['StringEquals', 'aws:username', ['bob', 'carol'], 'alice', 'denied', 'condition_operators: no value matches, the condition is false'],
  ['StringEquals', 'aws:username', 'alice', null, 'denied', 'condition_operators: a missing key makes the condition false'],
  ['StringEquals', 'aws:username', 'alice', undefined, 'conditional', 'evaluation: a key the context does not supply leaves the decision open'],
  ['StringNotEquals', 'aws:username', 'bob', 'alice', 'allowed', 'condition_operators: StringNotEquals is true when the value differs'],
  ['StringNotEquals', 'aws:username', 'alice', 'alice', 'denied', 'condition_operators: StringNotEquals is false on an equal value'],
  ['StringNotEquals', 'aws:username', ['bob', 'alice'], 'alice', 'denied', 'condition_operators: negated operator with several values is a NOR'],
  ['StringNotEquals', 'aws:username', ['bob', 'carol'], 'alice', 'allowed', 'condition_operators: negated operator true when no value matches'],
  ['StringNotEquals', 'aws:username', 'bob', null, 'allowed', 'condition_operators: negated operator with missing key evaluates true'],
  ['StringNotEquals', 'aws:username', 'bob', undefined, 'conditional', 'evaluation: negated operator on an unsupplied key stays open'],
  ['StringEqualsIgnoreCase', 'aws:username', 'ALICE', 'alice', 'allowed', 'condition_operators: StringEqualsIgnoreCase ignores case'],
  ['StringEqualsIgnoreCase', 'aws:username', 'bob', 'alice', 'denied', 'condition_operators: StringEqualsIgnoreCase still compares the text'],
  ['StringEqualsIgnoreCase', 'aws:username', 'alice', null, 'denied', 'condition_operators: a missing key makes the condition false'],
  ['StringNotEqualsIgnoreCase', 'aws:username', 'ALICE', 'alice', 'denied', 'condition_operators: StringNotEqualsIgnoreCase ignores case'],
  ['StringNotEqualsIgnoreCase', 'aws:username', 'bob', 'alice', 'allowed', 'condition_operators: StringNotEqualsIgnoreCase true on another value'],
  ['StringNotEqualsIgnoreCase', 'aws:username', 'bob', null, 'allowed', 'condition_operators: negated operator with missing key evaluates true'],
  ['StringLike', 'aws:username', 'ali*', 'alice', 'allowed', 'condition_operators: StringLike * matches any run of characters'],
  ['StringLike', 'aws:username', 'a?ice', 'alice', 'allowed', 'condition_operators: StringLike ? matches one character'],
  ['StringLike', 'aws:username', 'a?ice', 'aice', 'denied', 'condition_operators: StringLike ? matches exactly one character'],
  ['StringLike', 'aws:username', 'A*', 'alice', 'denied', 'condition_operators: StringLike is case-sensitive'],
  ['StringLike', 'aws:username', '*', null, 'denied', 'condition_operators: a missing key makes even "*" false'],
  ['StringLike', 's3:prefix', 'media/*', 'media/', 'allowed', 'condition_operators: StringLike on s3:prefix with a folder'],
  ['StringLike', 's3:prefix', 'media/*', 'other/', 'denied', 'condition_operators: StringLike on s3:prefix outside the folder'],
  ['StringLike', 's3:prefix', ['', 'media/*'], '', 'allowed', 'condition_operators: an empty string is a value like any other'],
  ['StringNotLike', 'aws:username', 'ali*', 'alice', 'denied', 'condition_operators: StringNotLike false when the pattern matches'],
  ['StringNotLike', 'aws:username', 'bob*', 'alice', 'allowed', 'condition_operators: StringNotLike true when the pattern does not match'],
  ['StringNotLike', 'aws:username', 'bob*', null, 'allowed', 'condition_operators: negated operator with missing key evaluates true'],
  ['StringNotLike', 'aws:username', ['bob*', 'al*'], 'alice', 'denied', 'condition_operators: negated operator with several values is a NOR'],
  ['StringEquals', 'aws:SourceVpc', 'vpc-111bbb22', 'vpc-111bbb22', 'allowed', 'condition_operators: StringEquals on aws:SourceVpc (LightlyOne guide)'],
  ['StringEquals', 'aws:SourceVpc', 'vpc-111bbb22', 'vpc-999', 'denied', 'condition_operators: StringEquals on another VPC'],
  ['StringEquals', 's3:max-keys', 10, '10', 'allowed', 'condition_operators: a JSON number compares by its text under String operators'],
  ['StringEqualsIfExists', 'aws:username', 'alice', null, 'allowed', 'condition_operators: IfExists with a missing key evaluates true'],
  ['StringEqualsIfExists', 'aws:username', 'alice', 'alice', 'allowed', 'condition_operators: IfExists with the key present is the base operator'],
  ['StringEqualsIfExists', 'aws:username', 'alice', 'bob', 'denied', 'condition_operators: IfExists with the key present and no match is false'],
  ['StringEqualsIfExists', 'aws:username', 'alice', undefined, 'conditional', 'evaluation: IfExists on an unsupplied key stays open (it may be present)'],
  ['StringLikeIfExists', 'aws:username', 'a*', null, 'allowed', 'condition_operators: IfExists with a missing key evaluates true'],
  ['StringNotLikeIfExists', 'aws:username', 'a*', null, 'allowed', 'condition_operators: IfExists with a missing key evaluates true'],
  ['StringNotLikeIfExists', 'aws:username', 'a*', 'alice', 'denied', 'condition_operators: IfExists with the key present is the base operator'],
  // Numeric
  ['NumericEquals', 's3:max-keys', 10, '10', 'allowed', 'condition_operators: NumericEquals'],
  ['NumericEquals', 's3:max-keys', '10', '10.0', 'allowed', 'condition_operators: Numeric operators compare numbers, not text'],
  ['NumericEquals', 's3:max-keys', 10, '11', 'denied', 'condition_operators: NumericEquals on another number'],
  ['NumericNotEquals', 's3:max-keys', 10, '11', 'allowed', 'condition_operators: NumericNotEquals'],
  ['NumericNotEquals', 's3:max-keys', 10, '10', 'denied', 'condition_operators: NumericNotEquals on the same number'],
  ['NumericNotEquals', 's3:max-keys', 10, null, 'allowed', 'condition_operators: negated operator with missing key evaluates true'],
  ['NumericNotEquals', 's3:max-keys', [10, 20], '20', 'denied', 'condition_operators: negated operator with several values is a NOR'],
  ['NumericLessThan', 's3:max-keys', 10, '9', 'allowed', 'condition_operators: NumericLessThan'],
  ['NumericLessThan', 's3:max-keys', 10, '10', 'denied', 'condition_operators: NumericLessThan is strict'],
  ['NumericLessThanEquals', 's3:max-keys', 10, '10', 'allowed', 'condition_operators: NumericLessThanEquals includes equality'],
  ['NumericLessThanEquals', 's3:max-keys', 10, '11', 'denied', 'condition_operators: NumericLessThanEquals above the value'],
  ['NumericGreaterThan', 's3:max-keys', 10, '11', 'allowed', 'condition_operators: NumericGreaterThan'],
  ['NumericGreaterThan', 's3:max-keys', 10, '10', 'denied', 'condition_operators: NumericGreaterThan is strict'],
  ['NumericGreaterThanEquals', 's3:max-keys', 10, '10', 'allowed', 'condition_operators: NumericGreaterThanEquals includes equality'],
  ['NumericGreaterThanEquals', 's3:max-keys', 10, '9', 'denied', 'condition_operators: NumericGreaterThanEquals below the value'],
  ['NumericLessThan', 's3:max-keys', 10, null, 'denied', 'condition_operators: a missing key makes the condition false'],
  ['NumericLessThanIfExists', 's3:max-keys', 10, null, 'allowed', 'condition_operators: IfExists with a missing key evaluates true'],
  ['NumericLessThanIfExists', 's3:max-keys', 10, '50', 'denied', 'condition_operators: IfExists with the key present is the base operator'],
  ['NumericEquals', 's3:max-keys', 'ten', '10', 'denied', 'condition_operators: a policy value that is not a number never matches'],
  ['NumericEquals', 's3:max-keys', 10, 'ten', 'denied', 'condition_operators: a request value that is not a number never matches'],
  ['NumericLessThan', 's3:max-keys', [1, 100], '50', 'allowed', 'condition_operators: several values for one key are ORed'],
  ['NumericLessThan', 's3:max-keys', 10, undefined, 'conditional', 'evaluation: a key the context does not supply leaves the decision open'],
  ['NumericLessThan', 'aws:MultiFactorAuthAge', 3600, '120', 'allowed', 'condition_operators: NumericLessThan on aws:MultiFactorAuthAge'],
  // Date
  ['DateGreaterThan', 'aws:CurrentTime', '2020-01-01T00:00:00Z', '2024-05-01T12:00:00Z', 'allowed', 'condition_operators: DateGreaterThan'],
  ['DateGreaterThan', 'aws:CurrentTime', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'denied', 'condition_operators: DateGreaterThan is strict'],
  ['DateLessThan', 'aws:CurrentTime', '2020-01-01T00:00:00Z', '2019-12-31T23:59:59Z', 'allowed', 'condition_operators: DateLessThan'],
  ['DateLessThan', 'aws:CurrentTime', '2020-01-01T00:00:00Z', '2020-06-01T00:00:00Z', 'denied', 'condition_operators: DateLessThan after the date'],
  ['DateEquals', 'aws:CurrentTime', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'allowed', 'condition_operators: DateEquals'],
  ['DateEquals', 'aws:CurrentTime', '2020-01-01', '2020-01-01T00:00:00Z', 'allowed', 'condition_operators: Date operators compare instants, not text'],
  ['DateEquals', 'aws:CurrentTime', '2020-01-01T02:00:00+02:00', '2020-01-01T00:00:00Z', 'allowed', 'condition_operators: Date values with offsets are the same instant'],
  ['DateNotEquals', 'aws:CurrentTime', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'denied', 'condition_operators: DateNotEquals on the same instant'],
  ['DateNotEquals', 'aws:CurrentTime', '2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z', 'allowed', 'condition_operators: DateNotEquals on another instant'],
  ['DateNotEquals', 'aws:CurrentTime', '2020-01-01T00:00:00Z', null, 'allowed', 'condition_operators: negated operator with missing key evaluates true'],
  ['DateLessThanEquals', 'aws:CurrentTime', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'allowed', 'condition_operators: DateLessThanEquals includes equality'],
  ['DateGreaterThanEquals', 'aws:CurrentTime', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'allowed', 'condition_operators: DateGreaterThanEquals includes equality'],
  ['DateGreaterThanEquals', 'aws:CurrentTime', '2020-01-01T00:00:00Z', '2019-01-01T00:00:00Z', 'denied', 'condition_operators: DateGreaterThanEquals before the date'],
  ['DateGreaterThan', 'aws:CurrentTime', '1577836800', '2024-01-01T00:00:00Z', 'allowed', 'condition_operators: Date values may be epoch seconds'],
  ['DateLessThan', 'aws:EpochTime', '2030-01-01T00:00:00Z', '1700000000', 'allowed', 'condition_operators: aws:EpochTime compares as a date'],
  ['DateLessThan', 'aws:CurrentTime', 'next tuesday', '2020-01-01T00:00:00Z', 'denied', 'condition_operators: a policy value that is not a date never matches'],
  ['DateGreaterThan', 'aws:CurrentTime', '2020-01-01T00:00:00Z', null, 'denied', 'condition_operators: a missing key makes the condition false'],
  ['DateGreaterThanIfExists', 'aws:CurrentTime', '2020-01-01T00:00:00Z', null, 'allowed', 'condition_operators: IfExists with a missing key evaluates true'],
  ['DateGreaterThan', 'aws:TokenIssueTime', '2020-01-01T00:00:00Z', undefined, 'conditional', 'evaluation: a key the context does not supply leaves the decision open'],
  // Bool
  ['Bool', 'aws:SecureTransport', 'true', 'true', 'allowed', 'condition_operators: Bool'],
  ['Bool', 'aws:SecureTransport', 'true', 'false', 'denied', 'condition_operators: Bool on the other value'],
  ['Bool', 'aws:SecureTransport', true, 'true', 'allowed', 'condition_operators: Bool accepts a JSON boolean'],
  ['Bool', 'aws:SecureTransport', false, 'false', 'allowed', 'condition_operators: Bool false'],
  ['Bool', 'aws:SecureTransport', 'true', null, 'denied', 'condition_operators: a missing key makes the condition false'],
  ['BoolIfExists', 'aws:MultiFactorAuthPresent', 'false', null, 'allowed', 'condition_operators: IfExists with a missing key evaluates true'],
  ['BoolIfExists', 'aws:MultiFactorAuthPresent', 'false', 'true', 'denied', 'condition_operators: IfExists with the key present is the base operator'],
  ['Bool', 'aws:SecureTransport', 'true', undefined, 'conditional', 'evaluation: a key the context does not supply leaves the decision open'],
  ['Bool', 'aws:SecureTransport', 'yes', 'true', 'denied', 'condition_operators: a Bool value other than true/false never matches'],
  // Binary
  ['BinaryEquals', 'aws:userid', 'QmluYXJ5VmFsdWU=', 'QmluYXJ5VmFsdWU=', 'allowed', 'condition_operators: BinaryEquals compares the base64 text'],
  ['BinaryEquals', 'aws:userid', 'QmluYXJ5VmFsdWU=', 'T3RoZXI=', 'denied', 'condition_operators: BinaryEquals on another value'],
  ['BinaryEquals', 'aws:userid', 'QmluYXJ5VmFsdWU=', null, 'denied', 'condition_operators: a missing key makes the condition false'],
  ['BinaryEqualsIfExists', 'aws:userid', 'QmluYXJ5VmFsdWU=', null, 'allowed', 'condition_operators: IfExists with a missing key evaluates true'],
  // IP addresses
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', '203.0.113.7', 'allowed', 'condition_operators: IpAddress matches an address in the CIDR block'],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', '203.0.114.7', 'denied', 'condition_operators: IpAddress outside the block'],
  ['IpAddress', 'aws:SourceIp', '203.0.113.7', '203.0.113.7', 'allowed', 'condition_operators: IpAddress with a plain address is a block of one'],
  ['IpAddress', 'aws:SourceIp', '203.0.113.7/32', '203.0.113.8', 'denied', 'condition_operators: IpAddress /32 is one address'],
  ['IpAddress', 'aws:SourceIp', '0.0.0.0/0', '8.8.8.8', 'allowed', 'condition_operators: IpAddress /0 is every IPv4 address'],
  ['IpAddress', 'aws:SourceIp', ['10.0.0.0/8', '203.0.113.0/24'], '10.1.2.3', 'allowed', 'condition_operators: several values for one key are ORed'],
  ['IpAddress', 'aws:SourceIp', '2001:db8::/32', '2001:db8:1::5', 'allowed', 'condition_operators: IpAddress with an IPv6 block'],
  ['IpAddress', 'aws:SourceIp', '2001:db8::/32', '2001:db9::5', 'denied', 'condition_operators: IpAddress outside an IPv6 block'],
  ['IpAddress', 'aws:SourceIp', '2001:DB8:0:0:0:0:0:1/128', '2001:db8::1', 'allowed', 'condition_operators: IPv6 compares addresses, not their spelling'],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', '2001:db8::1', 'denied', 'condition_operators: an IPv6 address is never in an IPv4 block'],
  ['IpAddress', 'aws:SourceIp', '::ffff:203.0.113.0/120', '::ffff:203.0.113.9', 'allowed', 'condition_operators: IPv6 with a dotted IPv4 tail'],
  ['IpAddress', 'aws:SourceIp', 'x.x.x.x/32', '203.0.113.7', 'denied', 'condition_operators: a value that is no CIDR block never matches (the guide placeholder)'],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', 'not-an-ip', 'denied', 'condition_operators: a request value that is no address never matches'],
  ['IpAddress', 'aws:SourceIp', '2001:db8::/129', '2001:db8::1', 'denied', 'condition_operators: a prefix longer than the address never matches'],
  ['IpAddress', 'aws:SourceIp', '203.0.113.7/24', '203.0.113.200', 'allowed', 'condition_operators: a block matches by its prefix bits'],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', null, 'denied', 'condition_operators: a missing key makes the condition false'],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', undefined, 'conditional', 'evaluation: an unsupplied aws:SourceIp leaves the decision open'],
  ['NotIpAddress', 'aws:SourceIp', '203.0.113.0/24', '198.51.100.1', 'allowed', 'condition_operators: NotIpAddress outside the block'],
  ['NotIpAddress', 'aws:SourceIp', '203.0.113.0/24', '203.0.113.5', 'denied', 'condition_operators: NotIpAddress inside the block'],
  ['NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8', '203.0.113.0/24'], '203.0.113.5', 'denied', 'condition_operators: negated operator with several values is a NOR'],
  ['NotIpAddress', 'aws:SourceIp', '203.0.113.0/24', null, 'allowed', 'condition_operators: negated operator with missing key evaluates true'],
  ['NotIpAddress', 'aws:SourceIp', '203.0.113.0/24', undefined, 'conditional', 'evaluation: an unsupplied aws:SourceIp leaves the decision open'],
  ['IpAddressIfExists', 'aws:SourceIp', '203.0.113.0/24', null, 'allowed', 'condition_operators: IfExists with a missing key evaluates true'],
  ['NotIpAddressIfExists', 'aws:SourceIp', '203.0.113.0/24', '203.0.113.5', 'denied', 'condition_operators: IfExists with the key present is the base operator'],
  // ARNs
  ['ArnEquals', 'aws:PrincipalArn', 'arn:aws:iam::123456789012:role/r', 'arn:aws:iam::123456789012:role/r', 'allowed', 'condition_operators: ArnEquals'],
  ['ArnEquals', 'aws:PrincipalArn', 'arn:aws:iam::123456789012:role/r', 'arn:aws:iam::123456789012:role/s', 'denied', 'condition_operators: ArnEquals on another ARN'],
  ['ArnEquals', 'aws:PrincipalArn', 'arn:aws:iam::123456789012:role/R', 'arn:aws:iam::123456789012:role/r', 'denied', 'condition_operators: Arn operators are case-sensitive'],
  ['ArnEquals', 'aws:PrincipalArn', 'arn:aws:iam::123456789012:role/*', 'arn:aws:iam::123456789012:role/r', 'allowed', 'condition_operators: ArnEquals also takes wildcards in each part'],
  ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::123456789012:role/*', 'arn:aws:iam::123456789012:role/r', 'allowed', 'condition_operators: ArnLike with * in the resource part'],
  ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/r', 'arn:aws:iam::999999999999:role/r', 'allowed', 'condition_operators: ArnLike with * as the account'],
  ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/r', 'arn:aws:iam::123456789012:user/r', 'denied', 'condition_operators: ArnLike checks every part'],
  ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::12345678901?:role/r', 'arn:aws:iam::123456789012:role/r', 'allowed', 'condition_operators: ArnLike with ? in a part'],
  ['ArnLike', 'aws:SourceArn', 'arn:aws:logs:us-east-1:123456789012:log-group:*', 'arn:aws:logs:us-east-1:123456789012:log-group:a:b', 'allowed', 'condition_operators: the resource part of an ARN keeps its colons'],
  ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/r', 'arn:aws:iam::1:x:role/r', 'denied', 'condition_operators: a * in one part never spans into another part'],
  ['ArnLike', 'aws:PrincipalArn', '*', 'arn:aws:iam::123456789012:role/r', 'allowed', 'condition_operators: a bare * matches any ARN'],
  ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/r', 'not-an-arn', 'denied', 'condition_operators: a request value that is no ARN never matches'],
  ['ArnNotEquals', 'aws:PrincipalArn', 'arn:aws:iam::123456789012:role/a', 'arn:aws:iam::123456789012:role/b', 'allowed', 'condition_operators: ArnNotEquals on another ARN'],
  ['ArnNotEquals', 'aws:PrincipalArn', 'arn:aws:iam::123456789012:role/a', 'arn:aws:iam::123456789012:role/a', 'denied', 'condition_operators: ArnNotEquals on the same ARN'],
  ['ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::123456789012:*', 'arn:aws:iam::123456789012:role/r', 'denied', 'condition_operators: ArnNotLike when the pattern matches'],
  ['ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::123456789012:*', 'arn:aws:iam::210987654321:role/r', 'allowed', 'condition_operators: ArnNotLike when the pattern does not match'],
  ['ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::123456789012:*', null, 'allowed', 'condition_operators: negated operator with missing key evaluates true'],
  ['ArnLike', 'aws:SourceArn', 'arn:aws:s3:::b', null, 'denied', 'condition_operators: a missing key makes the condition false'],
  ['ArnLikeIfExists', 'aws:SourceArn', 'arn:aws:s3:::b', null, 'allowed', 'condition_operators: IfExists with a missing key evaluates true'],
  ['ArnLike', 'aws:SourceArn', 'arn:aws:s3:::b', undefined, 'conditional', 'evaluation: a key the context does not supply leaves the decision open'],
  // Null
  ['Null', 'aws:TokenIssueTime', 'true', null, 'allowed', 'condition_operators: Null "true" holds when the key is absent'],
  ['Null', 'aws:TokenIssueTime', 'true', '2020-01-01T00:00:00Z', 'denied', 'condition_operators: Null "true" fails when the key is present'],
  ['Null', 'aws:TokenIssueTime', 'false', '2020-01-01T00:00:00Z', 'allowed', 'condition_operators: Null "false" holds when the key is present'],
  ['Null', 'aws:TokenIssueTime', 'false', null, 'denied', 'condition_operators: Null "false" fails when the key is absent'],
  ['Null', 'aws:TokenIssueTime', true, null, 'allowed', 'condition_operators: Null accepts a JSON boolean'],
  ['Null', 'aws:TokenIssueTime', 'true', undefined, 'conditional', 'evaluation: whether an unsupplied key is present is open'],
  ['NullIfExists', 'aws:TokenIssueTime', 'true', null, 'denied', 'condition_operators: IfExists can be added to every operator except Null (no such operator)'],
  ['StringEqual', 'aws:username', 'alice', 'alice', 'denied', 'condition_operators: an unknown operator never holds (AWS rejects the policy)'],
  ['IPAddress', 'aws:SourceIp', '203.0.113.0/24', '203.0.113.7', 'denied', 'condition_operators: operator names are case-sensitive'],
  // Set qualifiers over multivalued keys
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['a', 'b'], ['a'], 'allowed', 'multivalued: ForAllValues holds when every request value matches'],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['a', 'b'], ['a', 'b'], 'allowed', 'multivalued: ForAllValues with all values allowed'],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['a', 'b'], ['a', 'c'], 'denied', 'multivalued: ForAllValues fails on one value outside the set'],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['a', 'b'], null, 'allowed', 'multivalued: ForAllValues with a missing key evaluates true'],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['a', 'b'], [], 'allowed', 'multivalued: ForAllValues with an empty set evaluates true'],
  ['ForAnyValue:StringEquals', 'aws:TagKeys', ['a', 'b'], ['c', 'b'], 'allowed', 'multivalued: ForAnyValue holds when one request value matches'],
  ['ForAnyValue:StringEquals', 'aws:TagKeys', 'a', ['c', 'd'], 'denied', 'multivalued: ForAnyValue fails when no request value matches'],
  ['ForAnyValue:StringEquals', 'aws:TagKeys', 'a', null, 'denied', 'multivalued: ForAnyValue with a missing key evaluates false'],
  ['ForAnyValue:StringEquals', 'aws:TagKeys', 'a', [], 'denied', 'multivalued: ForAnyValue with an empty set evaluates false'],
  ['ForAnyValue:StringLike', 'aws:TagKeys', 'team-*', ['x', 'team-1'], 'allowed', 'multivalued: ForAnyValue with StringLike'],
  ['ForAllValues:StringLike', 'aws:TagKeys', 'team-*', ['team-1', 'team-2'], 'allowed', 'multivalued: ForAllValues with StringLike'],
  ['ForAllValues:StringLike', 'aws:TagKeys', 'team-*', ['team-1', 'x'], 'denied', 'multivalued: ForAllValues with StringLike and one stray value'],
  ['ForAnyValue:StringNotEquals', 'aws:TagKeys', 'a', ['a', 'b'], 'allowed', 'multivalued: ForAnyValue with a negated operator: some value differs from all'],
  ['ForAnyValue:StringNotEquals', 'aws:TagKeys', 'a', ['a'], 'denied', 'multivalued: ForAnyValue with a negated operator: every value matches'],
  ['ForAllValues:StringNotEquals', 'aws:TagKeys', ['a', 'b'], ['c', 'd'], 'allowed', 'multivalued: ForAllValues with a negated operator: no value in the set'],
  ['ForAllValues:StringNotEquals', 'aws:TagKeys', ['a', 'b'], ['c', 'a'], 'denied', 'multivalued: ForAllValues with a negated operator: one value in the set'],
  ['ForAnyValue:StringNotEquals', 'aws:TagKeys', 'a', null, 'denied', 'multivalued: ForAnyValue with a missing key is false even when negated'],
  ['ForAllValues:StringNotEquals', 'aws:TagKeys', 'a', null, 'allowed', 'multivalued: ForAllValues with a missing key is true'],
  ['ForAllValues:StringEqualsIfExists', 'aws:TagKeys', 'a', null, 'allowed', 'condition_operators: IfExists with a qualifier and a missing key evaluates true'],
  ['ForAnyValue:StringEquals', 'aws:TagKeys', 'a', undefined, 'conditional', 'evaluation: a key the context does not supply leaves the decision open'],
  ['ForAnyValue:StringEqualsIgnoreCase', 'aws:TagKeys', 'A', ['a'], 'allowed', 'multivalued: qualifiers work with every String operator'],
  ['ForAnyValue:NumericLessThan', 's3:max-keys', 5, ['1', '10'], 'allowed', 'multivalued: qualifiers work with Numeric operators'],
  ['ForAllValues:NumericLessThan', 's3:max-keys', 5, ['1', '10'], 'denied', 'multivalued: ForAllValues with Numeric operators'],
  ['StringEquals', 'aws:TagKeys', 'b', ['a', 'b'], 'allowed', 'multivalued: without a qualifier a multivalued key matches when any value does'],
  ['StringNotEquals', 'aws:TagKeys', 'b', ['a', 'b'], 'denied', 'multivalued: without a qualifier a negated operator needs no value to match'],
  ['forallvalues:StringEquals', 'aws:TagKeys', 'a', ['a'], 'denied', 'multivalued: set qualifiers are spelled ForAllValues / ForAnyValue'],
];

function conditionCase([operator, key, values, request, expect, rule]: ConditionRow): Case {
  const context: Record<string, string | string[] | null> = request === undefined ? {} : { [key]: request };
  return { rule, policies: [input(v2012(allow({ Condition: { [operator]: { [key]: values } } })))], request: get(context), expect, keys: expect === 'conditional' ? [key] : [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Several keys and operators in one Condition block.
const conditionBlock = (condition: Json, context: RequestContext, expect: DecisionValue, rule: string, keys: string[] = []): Case => ({
  rule,
  policies: [input(v2012(allow({ Condition: condition })))],
  request: get(context),
  expect,
  keys,
});

const blockCases: Case[] = [
  conditionBlock({ StringEquals: { 'aws:username': 'alice', 'aws:SourceVpc': 'vpc-1' } }, { 'aws:username': 'alice', 'aws:SourceVpc': 'vpc-1' }, 'allowed', 'condition_operators: several keys under one operator must all hold (AND)'),
  conditionBlock({ StringEquals: { 'aws:username': 'alice', 'aws:SourceVpc': 'vpc-1' } }, { 'aws:username': 'alice', 'aws:SourceVpc': 'vpc-2' }, 'denied', 'condition_operators: one key failing fails the operator'),
  conditionBlock({ StringEquals: { 'aws:username': 'alice', 'aws:SourceVpc': 'vpc-1' } }, { 'aws:username': 'alice' }, 'conditional', 'evaluation: the unsupplied key is the one the decision waits on', ['aws:SourceVpc']),
  conditionBlock({ StringEquals: { 'aws:username': 'alice', 'aws:SourceVpc': 'vpc-1' } }, { 'aws:username': 'bob' }, 'denied', 'evaluation: a failing key decides even when another is unsupplied'),
  conditionBlock({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, StringEquals: { 'aws:username': 'alice' } }, { 'aws:SourceIp': '203.0.113.9', 'aws:username': 'alice' }, 'allowed', 'condition_operators: several operators must all hold (AND)'),
  conditionBlock({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SourceIp': '203.0.113.9', 'aws:SecureTransport': 'false' }, 'denied', 'condition_operators: one operator failing fails the statement'),
  conditionBlock({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, StringEquals: { 'aws:SourceVpc': 'vpc-1' } }, {}, 'conditional', 'evaluation: every unsupplied key is named', ['aws:SourceIp', 'aws:SourceVpc']),
  conditionBlock({ StringEquals: { 'AWS:USERNAME': 'alice' } }, { 'aws:username': 'alice' }, 'allowed', 'condition keys: key names are case-insensitive'),
  conditionBlock({ StringEquals: { 'aws:username': 'alice' } }, { 'AWS:UserName': 'alice' }, 'allowed', 'condition keys: key names are case-insensitive in the request too'),
  conditionBlock({}, {}, 'allowed', 'elements_condition: an empty Condition block imposes nothing'),
];

// ---------------------------------------------------------------------------------------------------------------
// Policy variables.
const objectIn = (key: string) => get({}, { resource: `arn:aws:s3:::b/${key}` });
const withContext = (request: Request, context: RequestContext): Request => ({ ...request, context });
const homePolicy = (version?: string) => input({ ...(version ? { Version: version } : {}), Statement: [allow({ Resource: 'arn:aws:s3:::b/home/${aws:username}/*' })] });

const variableCases: Case[] = [
  { rule: 'policy-variables: ${aws:username} in Resource is replaced by the request value', policies: [homePolicy('2012-10-17')], request: withContext(objectIn('home/alice/x'), { 'aws:username': 'alice' }), expect: 'allowed' },
  { rule: 'policy-variables: another user does not match the replaced Resource', policies: [homePolicy('2012-10-17')], request: withContext(objectIn('home/alice/x'), { 'aws:username': 'bob' }), expect: 'denied' },
  { rule: 'policy-variables: an unsupplied variable leaves the decision open', policies: [homePolicy('2012-10-17')], request: objectIn('home/alice/x'), expect: 'conditional', keys: ['aws:username'] },
  { rule: 'elements_version: with Version 2008-10-17 a variable is literal text', policies: [homePolicy('2008-10-17')], request: withContext(objectIn('home/${aws:username}/x'), { 'aws:username': 'alice' }), expect: 'allowed' },
  { rule: 'elements_version: with Version 2008-10-17 the variable is not replaced', policies: [homePolicy('2008-10-17')], request: withContext(objectIn('home/alice/x'), { 'aws:username': 'alice' }), expect: 'denied' },
  { rule: 'elements_version: without Version a variable is literal text', policies: [homePolicy()], request: withContext(objectIn('home/alice/x'), { 'aws:username': 'alice' }), expect: 'denied' },
  { rule: 'policy-variables: a variable whose key the request lacks makes the element not match', policies: [homePolicy('2012-10-17')], request: withContext(objectIn('home/alice/x'), { 'aws:username': null }), expect: 'denied' },
  {
    rule: "policy-variables: a default value ${key, 'default'} stands in for a missing key",
    policies: [input(v2012(allow({ Resource: "arn:aws:s3:::b/${aws:PrincipalTag/team, 'shared'}/*" })))],
    request: withContext(objectIn('shared/x'), { 'aws:PrincipalTag/team': null }),
    expect: 'allowed',
  },
  {
    rule: 'policy-variables: the default is not used when the key is present',
    policies: [input(v2012(allow({ Resource: "arn:aws:s3:::b/${aws:PrincipalTag/team, 'shared'}/*" })))],
    request: withContext(objectIn('shared/x'), { 'aws:PrincipalTag/team': 'ml' }),
    expect: 'denied',
  },
  { rule: 'policy-variables: a replaced value is literal text (its * is no wildcard)', policies: [homePolicy('2012-10-17')], request: withContext(objectIn('home/abc/x'), { 'aws:username': 'a*' }), expect: 'denied' },
  { rule: 'policy-variables: a multivalued key cannot stand for one value', policies: [homePolicy('2012-10-17')], request: withContext(objectIn('home/alice/x'), { 'aws:username': ['alice', 'bob'] }), expect: 'denied' },
  { rule: 'policy-variables: aws:username comes from the IAM user making the request', policies: [homePolicy('2012-10-17')], request: { ...objectIn('home/alice/x'), principal: 'arn:aws:iam::123456789012:user/alice' }, expect: 'allowed' },
  { rule: 'policy-variables: ${*} is a literal *', ...literalCase('StringEquals', 'a${*}', 'a*', 'allowed') },
  { rule: 'policy-variables: ${*} in StringLike is no wildcard', ...literalCase('StringLike', 'a${*}', 'ab', 'denied') },
  { rule: 'policy-variables: ${*} in StringLike matches the star itself', ...literalCase('StringLike', 'a${*}', 'a*', 'allowed') },
  { rule: 'policy-variables: ${?} is a literal ?', ...literalCase('StringLike', 'a${?}', 'ab', 'denied') },
  { rule: 'policy-variables: ${?} matches the question mark itself', ...literalCase('StringLike', 'a${?}', 'a?', 'allowed') },
  { rule: 'policy-variables: ${$} is a literal $', ...literalCase('StringEquals', 'cost${$}', 'cost$', 'allowed') },
  { rule: 'policy-variables: variables work in condition values', ...prefixCase({ 's3:prefix': 'home/alice/x', 'aws:username': 'alice' }, 'allowed') },
  { rule: 'policy-variables: a condition value with another user does not match', ...prefixCase({ 's3:prefix': 'home/alice/x', 'aws:username': 'bob' }, 'denied') },
  { rule: 'policy-variables: an unsupplied variable in a condition value leaves the decision open', ...prefixCase({ 's3:prefix': 'home/alice/x' }, 'conditional'), keys: ['aws:username'] },
];

function literalCase(operator: string, value: string, request: string, expect: DecisionValue): Omit<Case, 'rule'> {
  return { policies: [input(v2012(allow({ Condition: { [operator]: { 'aws:username': value } } })))], request: get({ 'aws:username': request }), expect };
}

function prefixCase(context: RequestContext, expect: DecisionValue): Omit<Case, 'rule'> {
  const statement = { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b', Condition: { StringLike: { 's3:prefix': 'home/${aws:username}/*' } } };
  return { policies: [input(v2012(statement))], request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::b', context }, expect };
}

// ---------------------------------------------------------------------------------------------------------------
// Action / NotAction, Resource / NotResource, Effect.
const elementCase = (rule: string, statement: Json, request: Partial<Request>, expect: DecisionValue): Case => ({ rule, policies: [input(v2012(statement))], request: { ...get(), ...request }, expect });

const elementCases: Case[] = [
  elementCase('elements_action: action names are case-insensitive (request)', allow(), { action: 's3:getobject' }, 'allowed'),
  elementCase('elements_action: action names are case-insensitive (policy)', allow({ Action: 'S3:GETOBJECT' }), {}, 'allowed'),
  elementCase('elements_action: * in an action matches any run of characters', allow({ Action: 's3:Get*' }), {}, 'allowed'),
  elementCase('elements_action: a wildcard action does not match other actions', allow({ Action: 's3:Get*' }), { action: 's3:PutObject' }, 'denied'),
  elementCase('elements_action: * may stand anywhere in the name', allow({ Action: 's3:*Object' }), {}, 'allowed'),
  elementCase('elements_action: ? matches one character', allow({ Action: 's3:?etObject' }), {}, 'allowed'),
  elementCase('elements_action: "*" is every action', allow({ Action: '*' }), { action: 'kms:Decrypt' }, 'allowed'),
  elementCase('elements_action: an array of actions matches any of them', allow({ Action: ['s3:PutObject', 's3:GetObject'] }), {}, 'allowed'),
  elementCase('elements_action: another service does not match', allow({ Action: 's3:*' }), { action: 'kms:Decrypt' }, 'denied'),
  elementCase('elements_notaction: NotAction matches every action not listed', allow({ Action: undefined, NotAction: 's3:DeleteObject' }), {}, 'allowed'),
  elementCase('elements_notaction: NotAction does not match a listed action', allow({ Action: undefined, NotAction: 's3:DeleteObject' }), { action: 's3:DeleteObject' }, 'denied'),
  elementCase('elements_notaction: NotAction takes wildcards', allow({ Action: undefined, NotAction: 's3:Delete*' }), { action: 's3:DeleteObjectVersion' }, 'denied'),
  elementCase('elements_notaction: NotAction also matches other services', allow({ Action: undefined, NotAction: 'iam:*' }), {}, 'allowed'),
  elementCase('elements_notaction: NotAction is case-insensitive', allow({ Action: undefined, NotAction: 'S3:GETOBJECT' }), {}, 'denied'),
  elementCase('elements_statement: a statement without Action or NotAction matches nothing', allow({ Action: undefined }), {}, 'denied'),
  elementCase('elements_resource: a wildcard ARN matches the object', allow({ Resource: 'arn:aws:s3:::b/*' }), {}, 'allowed'),
  elementCase('elements_resource: resource ARNs are case-sensitive', allow({ Resource: 'arn:aws:s3:::B/*' }), {}, 'denied'),
  elementCase('elements_resource: the bucket ARN does not match its objects', allow({ Resource: 'arn:aws:s3:::b' }), {}, 'denied'),
  elementCase('elements_resource: "*" is every resource', allow({ Resource: '*' }), {}, 'allowed'),
  elementCase('elements_resource: ? matches one character', allow({ Resource: 'arn:aws:s3:::b?' }), { resource: 'arn:aws:s3:::b1' }, 'allowed'),
  elementCase('elements_resource: an array of resources matches any of them', allow({ Action: 's3:ListBucket', Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] }), { action: 's3:ListBucket', resource: 'arn:aws:s3:::b' }, 'allowed'),
  elementCase('elements_resource: a folder pattern covers the folder the request names', allow({ Resource: 'arn:aws:s3:::b/media/*' }), { resource: 'arn:aws:s3:::b/media/*' }, 'allowed'),
  elementCase('elements_resource: a folder pattern does not cover the whole bucket', allow({ Resource: 'arn:aws:s3:::b/media/*' }), { resource: 'arn:aws:s3:::b/*' }, 'denied'),
  elementCase('elements_resource: a file-type pattern does not cover every object of the folder', allow({ Resource: 'arn:aws:s3:::b/media/*.jpg' }), { resource: 'arn:aws:s3:::b/media/*' }, 'denied'),
  elementCase('elements_resource: the bucket pattern covers a wider request', allow({ Resource: 'arn:aws:s3:::b/*' }), { resource: 'arn:aws:s3:::b/media/*' }, 'allowed'),
  elementCase('elements_resource: an identity statement without Resource matches nothing', allow({ Resource: undefined }), {}, 'denied'),
  elementCase('elements_notresource: NotResource matches resources not listed', allow({ Resource: undefined, NotResource: 'arn:aws:s3:::secret/*' }), {}, 'allowed'),
  elementCase('elements_notresource: NotResource does not match a listed resource', allow({ Resource: undefined, NotResource: 'arn:aws:s3:::b/*' }), {}, 'denied'),
  elementCase('elements_notresource: NotResource excluding part of a folder does not cover the folder', allow({ Resource: undefined, NotResource: 'arn:aws:s3:::b/private/*' }), { resource: 'arn:aws:s3:::b/*' }, 'denied'),
  elementCase('elements_notresource: NotResource excluding another bucket covers the folder', allow({ Resource: undefined, NotResource: 'arn:aws:s3:::other/*' }), { resource: 'arn:aws:s3:::b/*' }, 'allowed'),
  elementCase('elements_effect: Effect is "Allow" or "Deny"; "allow" is neither', allow({ Effect: 'allow' }), {}, 'denied'),
  elementCase('elements_effect: a statement without Effect grants nothing', allow({ Effect: undefined }), {}, 'denied'),
];

// ---------------------------------------------------------------------------------------------------------------
// Combining statements and policies.
const withSid = (sid: string, statement: Json): Json => ({ Sid: sid, ...statement });
const ipCondition = (cidr: string, operator = 'IpAddress') => ({ Condition: { [operator]: { 'aws:SourceIp': cidr } } });
const combine = (rule: string, statements: Json[], request: Request, expect: DecisionValue, extra: Partial<Case> = {}): Case => ({ rule, policies: [input(v2012(...statements))], request, expect, ...extra });

const combinationCases: Case[] = [
  combine('evaluation-logic: with no statement the request is implicitly denied', [], get(), 'denied', { by: [], explicit: false }),
  combine('evaluation-logic: an Allow allows', [withSid('A', allow())], get(), 'allowed', { by: ['A'] }),
  combine('evaluation-logic: explicit deny overrides allow', [withSid('A', allow()), withSid('D', deny())], get(), 'denied', { by: ['D'], explicit: true }),
  combine('evaluation-logic: statement order does not matter', [withSid('D', deny()), withSid('A', allow())], get(), 'denied', { by: ['D'], explicit: true }),
  combine('evaluation-logic: a Deny for another action leaves the Allow', [withSid('A', allow()), withSid('D', deny({ Action: 's3:DeleteObject' }))], get(), 'allowed', { by: ['A'] }),
  combine('evaluation-logic: a Deny whose condition holds denies', [allow(), withSid('D', deny(ipCondition('203.0.113.0/24', 'NotIpAddress')))], get({ 'aws:SourceIp': '8.8.8.8' }), 'denied', { by: ['D'] }),
  combine('evaluation-logic: a Deny whose condition fails does not apply', [withSid('A', allow()), deny(ipCondition('203.0.113.0/24', 'NotIpAddress'))], get({ 'aws:SourceIp': '203.0.113.1' }), 'allowed', { by: ['A'] }),
  combine('evaluation-logic: an Allow with a Deny that may apply is conditional on the Deny', [withSid('A', allow()), withSid('D', deny(ipCondition('203.0.113.0/24', 'NotIpAddress')))], get(), 'conditional', { keys: ['aws:SourceIp'], by: ['D', 'A'], explicit: true }),
  combine('evaluation-logic: without an Allow a possible Deny changes nothing', [deny(ipCondition('203.0.113.0/24', 'NotIpAddress'))], get(), 'denied', { keys: [], by: [], explicit: false }),
  combine('evaluation-logic: one unconditional Allow settles it whatever a conditional Allow says', [withSid('A', allow()), withSid('C', allow(ipCondition('203.0.113.0/24')))], get(), 'allowed', { by: ['A'] }),
  combine('evaluation-logic: conditional Allows name every key they wait on', [allow(ipCondition('203.0.113.0/24')), allow({ Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } })], get(), 'conditional', { keys: ['aws:SourceIp', 'aws:SourceVpc'] }),
  combine('evaluation-logic: a certain Deny beats a conditional Allow', [allow(ipCondition('203.0.113.0/24')), withSid('D', deny())], get(), 'denied', { by: ['D'] }),
  combine('evaluation-logic: every matching Allow is reported, in order', [withSid('A1', allow()), withSid('A2', allow({ Action: 's3:*' }))], get(), 'allowed', { by: ['A1', 'A2'] }),
  combine('evaluation-logic: statements without a Sid are reported by index', [allow({ Action: 's3:PutObject' }), allow()], get(), 'allowed', { by: ['1'] }),
  combine('evaluation-logic: a Deny with NotAction denies what it does not list', [allow({ Action: '*' }), withSid('D', deny({ Action: undefined, NotAction: 's3:GetObject' }))], get({}, { action: 's3:PutObject' }), 'denied', { by: ['D'] }),
  combine('evaluation-logic: a Deny with NotAction leaves what it lists', [withSid('A', allow({ Action: '*' })), deny({ Action: undefined, NotAction: 's3:GetObject' })], get(), 'allowed', { by: ['A'] }),
  combine('evaluation-logic: a Deny on part of a folder does not deny the whole folder request', [withSid('A', allow({ Resource: 'arn:aws:s3:::b/*' })), deny({ Resource: 'arn:aws:s3:::b/media/private/*' })], get({}, { resource: 'arn:aws:s3:::b/media/*' }), 'allowed', { by: ['A'] }),
  combine('evaluation-logic: a Deny on the whole bucket denies the folder request', [allow({ Resource: 'arn:aws:s3:::b/*' }), withSid('D', deny({ Resource: 'arn:aws:s3:::b/*' }))], get({}, { resource: 'arn:aws:s3:::b/media/*' }), 'denied', { by: ['D'] }),
];

// ---------------------------------------------------------------------------------------------------------------
// Identity and bucket policies together; Principal and NotPrincipal.
const alice = 'arn:aws:iam::123456789012:user/alice';
const bob = 'arn:aws:iam::123456789012:user/bob';
const outsider = 'arn:aws:iam::210987654321:user/eve';
const identityAllows = input(v2012(withSid('IdentityAllow', allow())), 'identity.json');
const identitySilent = input(v2012(allow({ Action: 's3:PutObject' })), 'identity.json');
const bucket = (...statements: Json[]) => input(v2012(...statements), 'bucket-policy.json', 'resource');
const to = (principal: unknown, statement: Json): Json => ({ Principal: principal, ...statement });
const ask = (principal: string | undefined, context: RequestContext = {}): Request => (principal ? get(context, { principal }) : get(context));
const both = (rule: string, policies: PolicyInput[], request: Request, expect: DecisionValue, extra: Partial<Case> = {}): Case => ({ rule, policies, request, expect, ...extra });

const combinedCases: Case[] = [
  both('policy-eval-basics: an identity Allow suffices within one account', [identityAllows, bucket(to({ AWS: bob }, allow({ Action: 's3:PutObject' })))], ask(alice), 'allowed', { by: ['IdentityAllow'] }),
  both('policy-eval-basics: a bucket-policy Allow suffices within one account', [identitySilent, bucket(withSid('BucketAllow', to({ AWS: alice }, allow())))], ask(alice), 'allowed', { by: ['BucketAllow'] }),
  both('evaluation-logic: a bucket-policy Deny overrides an identity Allow', [identityAllows, bucket(withSid('BucketDeny', to({ AWS: alice }, deny())))], ask(alice), 'denied', { by: ['BucketDeny'] }),
  both('evaluation-logic: an identity Deny overrides a bucket-policy Allow', [input(v2012(withSid('IdentityDeny', deny()))), bucket(to({ AWS: alice }, allow()))], ask(alice), 'denied', { by: ['IdentityDeny'] }),
  both('evaluation-logic: neither policy allows: implicit deny', [identitySilent, bucket(to({ AWS: bob }, allow()))], ask(alice), 'denied', { by: [] }),
  both('elements_principal: a bucket Allow for another user does not apply', [bucket(to({ AWS: bob }, allow()))], ask(alice), 'denied'),
  both('elements_principal: Principal "*" is everyone', [bucket(withSid('Public', to('*', allow())))], ask(outsider), 'allowed', { by: ['Public'] }),
  both('elements_principal: {"AWS": "*"} is everyone', [bucket(to({ AWS: '*' }, allow()))], ask(outsider), 'allowed'),
  both('elements_principal: a user ARN names that user', [bucket(to({ AWS: alice }, allow()))], ask(alice), 'allowed'),
  both('elements_principal: an array of principals names each of them', [bucket(to({ AWS: [bob, alice] }, allow()))], ask(alice), 'allowed'),
  both('elements_principal: an account id names the principals of that account', [bucket(to({ AWS: '123456789012' }, allow()))], ask(alice), 'allowed'),
  both('elements_principal: an account root ARN names the principals of that account', [bucket(to({ AWS: 'arn:aws:iam::123456789012:root' }, allow()))], ask('arn:aws:sts::123456789012:assumed-role/app/s1'), 'allowed'),
  both('elements_principal: an account does not name principals of another account', [bucket(to({ AWS: 'arn:aws:iam::123456789012:root' }, allow()))], ask(outsider), 'denied'),
  both('elements_principal: a role ARN names its sessions', [bucket(to({ AWS: 'arn:aws:iam::123456789012:role/app' }, allow()))], ask('arn:aws:sts::123456789012:assumed-role/app/s1'), 'allowed'),
  both('elements_principal: a role with a path names its sessions', [bucket(to({ AWS: 'arn:aws:iam::123456789012:role/team/app' }, allow()))], ask('arn:aws:sts::123456789012:assumed-role/app/s1'), 'allowed'),
  both('elements_principal: a role does not name sessions of another role', [bucket(to({ AWS: 'arn:aws:iam::123456789012:role/app' }, allow()))], ask('arn:aws:sts::123456789012:assumed-role/other/s1'), 'denied'),
  both('elements_principal: a service principal names the service', [bucket(to({ Service: 's3.amazonaws.com' }, allow()))], ask('s3.amazonaws.com'), 'allowed'),
  both('elements_principal: a service principal does not name a user', [bucket(to({ Service: 's3.amazonaws.com' }, allow()))], ask(alice), 'denied'),
  both('elements_principal: a bucket statement without Principal applies to no one', [bucket(allow())], ask(alice), 'denied'),
  both('evaluation: a bucket policy naming a principal, with no caller given, is conditional on the caller', [bucket(to({ AWS: alice }, allow()))], ask(undefined), 'conditional', { keys: ['aws:PrincipalArn'] }),
  both('evaluation: a caller known from its ARN fixes aws:PrincipalArn', [input(v2012(allow({ Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:user/*' } } })))], ask(alice), 'allowed'),
  both('evaluation: a session ARN fixes aws:PrincipalArn to its role', [input(v2012(allow({ Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/app' } } })))], ask('arn:aws:sts::123456789012:assumed-role/app/s1'), 'allowed'),
  both('elements_notprincipal: a Deny with NotPrincipal denies everyone not listed', [identityAllows, bucket(withSid('D', to(undefined, { NotPrincipal: { AWS: alice }, ...deny() })))], ask(bob), 'denied', { by: ['D'] }),
  both('elements_notprincipal: a Deny with NotPrincipal spares the listed principal', [identityAllows, bucket(to(undefined, { NotPrincipal: { AWS: alice }, ...deny() }))], ask(alice), 'allowed'),
  both('elements_notprincipal: with no caller given, NotPrincipal is conditional on the caller', [identityAllows, bucket(to(undefined, { NotPrincipal: { AWS: alice }, ...deny() }))], ask(undefined), 'conditional', { keys: ['aws:PrincipalArn'] }),
  both('evaluation-logic: a bucket Deny unless from an IP range allows from inside', [identityAllows, bucket(to('*', deny(ipCondition('203.0.113.0/24', 'NotIpAddress'))))], ask(alice, { 'aws:SourceIp': '203.0.113.8' }), 'allowed'),
  both('evaluation-logic: a bucket Deny unless from an IP range denies from outside', [identityAllows, bucket(to('*', deny(ipCondition('203.0.113.0/24', 'NotIpAddress'))))], ask(alice, { 'aws:SourceIp': '198.51.100.8' }), 'denied'),
  both('evaluation-logic: a bucket Deny unless from an IP range is conditional on the IP', [identityAllows, bucket(to('*', deny(ipCondition('203.0.113.0/24', 'NotIpAddress'))))], ask(alice), 'conditional', { keys: ['aws:SourceIp'], explicit: true }),
  both('evaluation: the kind given with a policy overrides the inferred one', [input(v2012(allow({ Resource: undefined })), 'trust.json', 'trust')], ask(undefined), 'denied'),
];

// ---------------------------------------------------------------------------------------------------------------
// The guides' own policies.
const guide = (name: string, kind?: PolicyKind) => input(readFileSync(`test/fixtures/iam/guides/${name}.json`, 'utf8'), `${name}.json`, kind);
const earthmover = 'arn:aws:iam::842143331303:role/EarthmoverSignerServiceRole-production';
const role = 'arn:aws:iam::111122223333:role/arraylake';
const assume = (principal: string, context: RequestContext = {}, action = 'sts:AssumeRole'): Request => ({ action, resource: role, principal, context });
const s3 = (action: string, resource: string, context: RequestContext = {}): Request => ({ action, resource, context });

const guideCases: Case[] = [
  both('guide 000: ListBucket on the bucket ARN', [guide('lse-persistence')], s3('s3:ListBucket', 'arn:aws:s3:::<YOUR_S3_BUCKET>'), 'allowed'),
  both('guide 000: PutObject on the objects', [guide('lse-persistence')], s3('s3:PutObject', 'arn:aws:s3:::<YOUR_S3_BUCKET>/*'), 'allowed'),
  both('guide 000: no object action on the bucket ARN', [guide('lse-persistence')], s3('s3:GetObject', 'arn:aws:s3:::<YOUR_S3_BUCKET>'), 'denied'),
  both('guide 000: nothing on another bucket', [guide('lse-persistence')], s3('s3:GetObject', 'arn:aws:s3:::my-bucket/*'), 'denied'),
  both('guide 002: delegated access allows DeleteObject', [guide('lightly-delegated')], s3('s3:DeleteObject', 'arn:aws:s3:::{YOUR_BUCKET}/x'), 'allowed'),
  both('guide 002: "AllowListing" lists the bucket', [guide('lightly-user-folder')], s3('s3:ListBucket', 'arn:aws:s3:::datalake'), 'allowed'),
  both('guide 002: "AllowAccess" covers the shared folder', [guide('lightly-user-folder')], s3('s3:GetObject', 'arn:aws:s3:::datalake/projects/farm-animals/*'), 'allowed'),
  both('guide 002: nothing outside the shared folder', [guide('lightly-user-folder')], s3('s3:GetObject', 'arn:aws:s3:::datalake/projects/other/x'), 'denied'),
  both('guide 002: "RestrictIP" from inside the range', [guide('lightly-restrict-ip')], s3('s3:GetObject', 'arn:aws:s3:::datalake/projects/farm-animals/a.jpg', { 'aws:SourceIp': '21.21.21.7' }), 'allowed'),
  both('guide 002: "RestrictIP" from outside the range', [guide('lightly-restrict-ip')], s3('s3:GetObject', 'arn:aws:s3:::datalake/projects/farm-animals/a.jpg', { 'aws:SourceIp': '8.8.8.8' }), 'denied'),
  both('guide 002: "RestrictIP" with no source address given', [guide('lightly-restrict-ip')], s3('s3:GetObject', 'arn:aws:s3:::datalake/projects/farm-animals/a.jpg'), 'conditional', { keys: ['aws:SourceIp'], by: ['RestrictIP'] }),
  both('guide 002: "AllowLightly" lists from anywhere', [guide('lightly-restrict-ip')], s3('s3:ListBucket', 'arn:aws:s3:::datalake', { 'aws:SourceIp': '8.8.8.8' }), 'allowed', { by: ['AllowLightly'] }),
  both('guide 002: "RestrictVPC" from the VPC', [guide('lightly-restrict-vpc')], s3('s3:PutObject', 'arn:aws:s3:::datalake/projects/farm-animals/a.jpg', { 'aws:SourceVpc': 'vpc-111bbb22' }), 'allowed'),
  both('guide 002: "RestrictVPC" outside any VPC', [guide('lightly-restrict-vpc')], s3('s3:PutObject', 'arn:aws:s3:::datalake/projects/farm-animals/a.jpg', { 'aws:SourceVpc': null }), 'denied'),
  both('guide 003: nine actions, bucket-level on the bucket', [guide('arraylake-permissions')], s3('s3:PutBucketNotification', 'arn:aws:s3:::<my-arraylake-bucket>'), 'allowed'),
  both('guide 003: AbortMultipartUpload on the objects', [guide('arraylake-permissions')], s3('s3:AbortMultipartUpload', 'arn:aws:s3:::<my-arraylake-bucket>/*'), 'allowed'),
  both('guide 003: trust with the shared external id', [guide('arraylake-trust')], assume(earthmover, { 'sts:ExternalId': '<my-shared-secret>' }), 'allowed'),
  both('guide 003: trust with a wrong external id', [guide('arraylake-trust')], assume(earthmover, { 'sts:ExternalId': 'guess' }), 'denied'),
  both('guide 003: trust without an external id given is conditional on it', [guide('arraylake-trust')], assume(earthmover), 'conditional', { keys: ['sts:ExternalId'] }),
  both('guide 003: trust for another role of the vendor account', [guide('arraylake-trust')], assume('arn:aws:iam::842143331303:role/Other', { 'sts:ExternalId': '<my-shared-secret>' }), 'denied'),
  both('guide 003: trust for another account', [guide('arraylake-trust')], assume('arn:aws:iam::210987654321:role/EarthmoverSignerServiceRole-production', { 'sts:ExternalId': '<my-shared-secret>' }), 'denied'),
  both('guide 003: sts:TagSession for the signer role', [guide('arraylake-trust')], assume(earthmover, {}, 'sts:TagSession'), 'allowed'),
  both('guide 004: GetObject from the allowed range (despite the trailing comma)', [guide('labelbox-ip-allow')], { ...s3('s3:GetObject', 'arn:aws:s3:::examplebucket/a.png', { 'aws:SourceIp': '54.240.143.9' }), principal: outsider }, 'allowed', { by: ['IPAllow'] }),
  both('guide 004: GetObject from elsewhere', [guide('labelbox-ip-allow')], { ...s3('s3:GetObject', 'arn:aws:s3:::examplebucket/a.png', { 'aws:SourceIp': '8.8.8.8' }), principal: outsider }, 'denied'),
  both('guide 001: the SaaS user from outside the SaaS IPs is denied', [guide('lse-persistence'), guide('ls-source-storage-ip-vpn')], { ...s3('s3:GetObject', 'arn:aws:s3:::YOUR_BUCKET_NAME/a.jpg', { 'aws:SourceIp': '8.8.8.8' }), principal: 'arn:aws:iam::490065312183:user/rw_bucket' }, 'denied', { by: ['DenyAccessUnlessFromSaaSIPsForListAndGet', 'DenyAccessUnlessFromVPNForGetObject'] }),
  both('guide 001: the placeholder ranges can never admit anyone', [input(v2012(allow({ Resource: 'arn:aws:s3:::YOUR_BUCKET_NAME/*' }))), guide('ls-source-storage-ip-vpn')], { ...s3('s3:GetObject', 'arn:aws:s3:::YOUR_BUCKET_NAME/a.jpg', { 'aws:SourceIp': '203.0.113.5' }), principal: 'arn:aws:iam::490065312183:user/rw_bucket' }, 'denied'),
];

const cases: Case[] = [...conditionRows.map(conditionCase), ...blockCases, ...variableCases, ...elementCases, ...combinationCases, ...combinedCases, ...guideCases];

test('the table has at least 200 cases and covers every operator family', () => {
  assert.ok(cases.length >= 200, `${cases.length} cases`);
  const operators = new Set(conditionRows.map(([op]) => op.replace(/^For(?:All|Any)Values?:/, '').replace(/IfExists$/, '')));
  for (const family of ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike', 'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals', 'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals', 'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null']) {
    assert.ok(operators.has(family), family);
  }
});

cases.forEach((c, i) => {
  test(`#${i + 1} ${c.rule}`, () => {
    const decision = evaluate(c.request, c.policies);
    assert.equal(decision.decision, c.expect, JSON.stringify(decision));
    if (c.keys) assert.deepEqual(decision.conditionKeys, c.keys);
    if (c.by) assert.deepEqual(decision.decidedBy.map((r) => r.sid ?? String(r.index)), c.by);
    if (c.explicit !== undefined) assert.equal(decision.explicitDeny, c.explicit);
    if (decision.decision !== 'denied' || decision.explicitDeny) assert.ok(decision.decidedBy.length > 0, 'a decision other than an implicit deny names its statements');
  });
});

test('decidedBy locates the statement: file, index, sid, line, offset, effect', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Sid": "One", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}';
  const [ref] = evaluate(get(), [{ policy: parsePolicy(text), file: 'iam/p.json' }]).decidedBy;
  assert.deepEqual(ref, { file: 'iam/p.json', index: 0, sid: 'One', line: 4, offset: text.indexOf('{"Sid"'), effect: 'Allow' });
});

const fragments = ['{', '}', '[', ']', ',', ':', '"', '*', '?', '${aws:username}', '${*}', '"Deny"', '"Allow"', '"NotAction"', '"NotResource"', '"NotPrincipal"', '"ForAllValues:StringLike"', '"IpAddressIfExists"', '"Null"', '"::/0"', '"arn:aws:s3:::*"', '\n'];

test('property: mutated guide policies evaluate without throwing, and a conditional answer names its keys', () => {
  const seeds = ['lightly-restrict-ip', 'arraylake-trust', 'ls-source-storage-ip-vpn', 'labelbox-ip-allow'].map((name) => readFileSync(`test/fixtures/iam/guides/${name}.json`, 'utf8'));
  const requests: Request[] = [
    get(),
    get({}, { action: 's3:ListBucket', resource: 'arn:aws:s3:::datalake' }),
    get({ 'aws:SourceIp': '21.21.21.9' }, { resource: 'arn:aws:s3:::datalake/projects/farm-animals/*', principal: 'arn:aws:iam::1:user/u' }),
    { action: 'sts:AssumeRole', resource: '*', principal: 'arn:aws:iam::842143331303:root', context: {} },
  ];
  const mutation = fc.array(fc.record({ at: fc.nat(), len: fc.nat({ max: 8 }), insert: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 5 })) }), { maxLength: 8 });
  fc.assert(
    fc.property(fc.nat({ max: seeds.length - 1 }), mutation, (which, steps) => {
      let text = seeds[which];
      for (const { at, len, insert } of steps) {
        const p = at % (text.length + 1);
        text = text.slice(0, p) + insert + text.slice(p + len);
      }
      const policies = [{ policy: parsePolicy(text), file: 'p.json' }];
      for (const request of requests) {
        const decision = evaluate(request, policies);
        assert.ok(['allowed', 'denied', 'conditional'].includes(decision.decision));
        assert.equal(decision.conditionKeys.length > 0, decision.decision === 'conditional');
      }
    }),
    { seed: 2024, numRuns: 1500 },
  );
});
