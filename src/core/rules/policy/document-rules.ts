import type { Rule } from '../rule';

/** Rules about how a policy document is written (syntax, elements, names, values). */
export const documentRules: readonly Rule[] = [];
