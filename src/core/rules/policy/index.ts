import type { Rule } from '../rule';
import { accessRules } from './access-rules';
import { documentRules } from './document-rules';

/** Rules for IAM policy files: how the document is written, then what it grants. */
export const policyRules: readonly Rule[] = [...documentRules, ...accessRules];
