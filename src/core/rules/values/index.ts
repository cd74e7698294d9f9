import type { Rule } from '../rule';
import { unknownKey } from './unknown-key';

export const valuesRules: readonly Rule[] = [unknownKey];
