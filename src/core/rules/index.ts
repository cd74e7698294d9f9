// The rule registry: every rule the editor and the CLI run, grouped as their ids are.
import { commonRules } from './common';
import { configRules } from './config';
import { envRules } from './env';
import { policyRules } from './policy';
import type { Rule } from './rule';
import { valuesRules } from './values';

export const allRules: readonly Rule[] = [...commonRules, ...valuesRules, ...envRules, ...policyRules, ...configRules];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}
