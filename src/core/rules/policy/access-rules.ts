import type { Rule } from '../rule';
import { bucketMismatch } from './bucket-mismatch';
import { kmsMissing } from './kms-missing';
import { lockoutRisk } from './lockout-risk';
import { missingRequiredActions } from './missing-required-actions';
import { overlyBroad } from './overly-broad';
import { prefixMismatch } from './prefix-mismatch';
import { publicAccess } from './public-access';
import { redundant } from './redundant';
import { trustExternalId } from './trust-external-id';
import { trustOidcConditions } from './trust-oidc-conditions';

/** Rules about what a policy grants, to whom, on which configured bucket. */
export const accessRules: readonly Rule[] = [
  publicAccess,
  lockoutRisk,
  overlyBroad,
  missingRequiredActions,
  bucketMismatch,
  prefixMismatch,
  kmsMissing,
  trustExternalId,
  trustOidcConditions,
  redundant,
];
