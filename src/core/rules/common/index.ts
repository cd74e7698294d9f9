import type { Rule } from '../rule';
import { yamlSyntax } from './yaml-syntax';

export const commonRules: readonly Rule[] = [yamlSyntax];
