import type { Rule } from '../rule';
import { quotedValue } from './quoted-value';
import { envSyntax } from './syntax';

export const envRules: readonly Rule[] = [envSyntax, quotedValue];
