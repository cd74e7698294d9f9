import type { Rule } from '../rule';
import { invalidConfig } from './invalid';

export const configRules: readonly Rule[] = [invalidConfig];
