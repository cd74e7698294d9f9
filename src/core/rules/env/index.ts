import type { Rule } from '../rule';
import { duplicateKey } from './duplicate-key';
import { fileNotMounted } from './file-not-mounted';
import { inlineComment } from './inline-comment';
import { invalidBoolean } from './invalid-boolean';
import { invalidInteger } from './invalid-integer';
import { invalidJson } from './invalid-json';
import { missingRequired } from './missing-required';
import { plaintextSecret } from './plaintext-secret';
import { prefixShadowing } from './prefix-shadowing';
import { providerMismatch } from './provider-mismatch';
import { quotedValue } from './quoted-value';
import { ssrfProtection } from './ssrf-protection';
import { strayWhitespace } from './stray-whitespace';
import { envSyntax } from './syntax';
import { unknownStorageType } from './unknown-storage-type';
import { unknownVariable } from './unknown-variable';

export const envRules: readonly Rule[] = [
  envSyntax,
  quotedValue,
  inlineComment,
  strayWhitespace,
  duplicateKey,
  unknownVariable,
  prefixShadowing,
  unknownStorageType,
  missingRequired,
  providerMismatch,
  invalidBoolean,
  invalidInteger,
  invalidJson,
  fileNotMounted,
  plaintextSecret,
  ssrfProtection,
];
