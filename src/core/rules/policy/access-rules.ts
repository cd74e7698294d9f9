import type { Rule } from '../rule';

/** Rules about what a policy grants, to whom, on which configured bucket. */
export const accessRules: readonly Rule[] = [];
