// Builds schemas/iam-policy.schema.json (for VS Code's JSON service: completion, hover, validation) from the action
// catalog, the condition operators and the global condition keys the rules use.
import data from '../data/iam-catalog.json';
import { actionSummary } from './action-docs';
import { catalogServices, isConditionKeyTemplate, serviceActions } from './catalog';
import { globalConditionKeys } from './global-keys';
import { conditionOperatorNames, parseOperator } from './operators';
import { currentPolicyVersion } from './policy';

type Schema = Record<string, unknown>;

const stringOrList: Schema = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] };

/** Every operator name IAM accepts: each base operator, its IfExists form (not Null's), each behind a set qualifier. */
export function conditionOperatorVariants(): string[] {
  const single = conditionOperatorNames.flatMap((name) => [name, `${name}IfExists`]).filter((name) => parseOperator(name));
  return [...single, ...['ForAnyValue', 'ForAllValues'].flatMap((q) => single.map((name) => `${q}:${name}`))];
}

/** Condition keys as written in policies (templates such as `aws:RequestTag/${TagKey}` left out) and their types. */
function conditionKeys(): [string, string][] {
  const services = Object.values(data.services as Record<string, { conditionKeys: Record<string, string> }>);
  const all = new Map<string, string>([...Object.entries(globalConditionKeys), ...services.flatMap((s) => Object.entries(s.conditionKeys))]);
  return [...all].filter(([key]) => !isConditionKeyTemplate(key)).sort(([a], [b]) => a.localeCompare(b));
}

function actionSchema(): Schema {
  const actions = catalogServices.flatMap((s) => serviceActions(s));
  return {
    anyOf: [
      { enum: actions.map((a) => a.id), enumDescriptions: actions.map(actionSummary) },
      // Wildcards, other services and any spelling IAM accepts (names are case-insensitive); the rules judge them.
      { type: 'string', pattern: '^(\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+)$' },
    ],
  };
}

export function iamPolicySchema(): Schema {
  const value = { anyOf: [{ type: ['string', 'number', 'boolean'] }, { type: 'array', items: { type: ['string', 'number', 'boolean'] } }] };
  const keyBlock: Schema = {
    type: 'object',
    description: 'Condition keys and the values any one of which must match.',
    properties: Object.fromEntries(conditionKeys().map(([key, type]) => [key, { description: `${type} condition key`, allOf: [{ $ref: '#/definitions/conditionValue' }] }])),
    additionalProperties: { $ref: '#/definitions/conditionValue' },
  };
  const principal: Schema = {
    anyOf: [
      { const: '*', description: 'Everyone (anonymous access included).' },
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          AWS: { ...stringOrList, description: 'Account ids, account root ARNs, IAM role/user ARNs, or "*".' },
          Service: { ...stringOrList, description: 'Service principals such as s3.amazonaws.com.' },
          Federated: { ...stringOrList, description: 'An identity provider: an OIDC provider ARN, a SAML provider ARN, or a web identity provider.' },
          CanonicalUser: { ...stringOrList, description: 'S3 canonical user ids.' },
        },
      },
    ],
  };
  const actions = { anyOf: [{ $ref: '#/definitions/action' }, { type: 'array', items: { $ref: '#/definitions/action' }, minItems: 1 }] };
  const exclusive = (a: string, b: string) => ({ not: { required: [a, b] } });
  const statement: Schema = {
    type: 'object',
    additionalProperties: false,
    required: ['Effect'],
    properties: {
      Sid: { type: 'string', description: 'Statement id, unique within the policy.' },
      Effect: { enum: ['Allow', 'Deny'], description: 'Whether the statement allows or denies (case-sensitive).' },
      Principal: { ...principal, description: 'Whom a bucket or trust policy statement applies to.' },
      NotPrincipal: { ...principal, description: 'Everyone except these principals.' },
      Action: { ...actions, description: 'Actions the statement allows or denies (service:Action, wildcards * and ?).' },
      NotAction: { ...actions, description: 'Every action except these.' },
      Resource: { ...stringOrList, description: 'ARNs the statement applies to: arn:aws:s3:::bucket for bucket actions, arn:aws:s3:::bucket/key for object actions, or "*".' },
      NotResource: { ...stringOrList, description: 'Every resource except these ARNs.' },
      Condition: {
        type: 'object',
        description: 'Operator → condition keys → values; every operator block and every key in it must hold.',
        properties: Object.fromEntries(conditionOperatorVariants().map((name) => [name, { $ref: '#/definitions/conditionKeys' }])),
        additionalProperties: false,
      },
    },
    allOf: [exclusive('Action', 'NotAction'), exclusive('Resource', 'NotResource'), exclusive('Principal', 'NotPrincipal'), { anyOf: [{ required: ['Action'] }, { required: ['NotAction'] }] }],
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/bucket-doctor/bucket-doctor/schemas/iam-policy.schema.json',
    title: 'AWS IAM policy (identity, bucket/resource or trust policy)',
    description: 'Generated by scripts/gen-schemas.mjs from Bucket Doctor src/core/iam (action catalog from the AWS Service Authorization Reference for s3, kms, sts and iam).',
    type: 'object',
    required: ['Statement'],
    additionalProperties: false,
    properties: {
      Version: { enum: [currentPolicyVersion, '2008-10-17'], enumDescriptions: ['Current policy language: policy variables such as ${aws:username} are replaced.', 'Legacy policy language: policy variables are literal text.'] },
      Id: { type: 'string', description: 'Optional policy id.' },
      Statement: { anyOf: [{ $ref: '#/definitions/statement' }, { type: 'array', items: { $ref: '#/definitions/statement' }, minItems: 1 }] },
    },
    definitions: { statement, action: actionSchema(), conditionKeys: keyBlock, conditionValue: value },
  };
}
