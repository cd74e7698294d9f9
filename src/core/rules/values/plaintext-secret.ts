import { Scalar, type Node } from 'yaml';
import type { Fix } from '../../model';
import { configKeys } from '../../sources/lse-chart';
import { readLseValues } from '../../sources/lse-values';
import { isScalar, pairIn, scalarText, spanOf, type YamlPair } from '../../sources/yaml-file';
import type { SourceFile } from '../../workspace';
import { fix, indentAt, replace } from '../fixes';
import type { Rule } from '../rule';
import { completeSecret, credentialSettings, kubectlCommand, providers, secretKeyKey, secretNameKey, settingPath, storageSecret, type CredentialSetting } from './persistence';
import { isPlaceholder } from './placeholder';
import { pairLines, removePair } from './yaml-edits';

/** Shorter than any real key (AWS secrets have 40 characters, Azure account keys 88, key JSON far more). */
const minimumSecretLength = 16;

const looksReal = (value: string) => value.trim().length >= minimumSecretLength && !isPlaceholder(value);

/** Replaces the inline pair (key to the end of its value) with the existing-Secret pair. */
function toExistingSecret(file: SourceFile, block: Node | undefined, setting: CredentialSetting, pair: YamlPair): Fix | undefined {
  const { credential } = setting;
  const lines = pairLines(file, pair, block);
  if (!lines) return undefined;
  const start = spanOf(pair.key as Node)[0];
  const value = pair.value;
  const blockScalar = isScalar(value) && (value.type === Scalar.BLOCK_LITERAL || value.type === Scalar.BLOCK_FOLDED);
  const end = blockScalar || !value?.range ? file.lines.lineEnd(lines.last) : value.range[1];
  const indent = indentAt(file, start);
  const text = `${secretNameKey(credential)}: "${storageSecret}"${file.lines.eol}${indent}${secretKeyKey(credential)}: "${credential.secretKeyName}"`;
  return { ...fix(`Read ${credential.key} from the Secret ${storageSecret}`, [replace(start, end, text)], true), clipboard: kubectlCommand(credential) };
}

/** Dropping the inline copy is enough when a complete existing-Secret pair is already there. */
function removeInline(file: SourceFile, block: Node | undefined, setting: CredentialSetting, pair: YamlPair): Fix | undefined {
  const edit = removePair(file, pair, block);
  return edit ? fix(`Remove the inline ${setting.credential.key} (the existing Secret is used)`, [edit], true) : undefined;
}

export const plaintextSecret: Rule = {
  id: 'values/plaintext-secret',
  title: 'Storage secret written inline',
  severity: 'warning',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const values = readLseValues(workspace.yaml(file));
    const tracked = workspace.isTracked(file);
    for (const provider of providers) {
      const block = values.block(provider);
      for (const setting of credentialSettings(block, provider)) {
        const { credential, inline } = setting;
        if (!inline || !configKeys[provider][credential.key].secret || !looksReal(scalarText(inline.value) ?? '')) continue;
        const [start, end] = spanOf(inline.key as Node);
        const referenced = pairIn(block, secretNameKey(credential)) || pairIn(block, secretKeyKey(credential));
        const remedy = referenced ? (completeSecret(setting) ? removeInline(file, block, setting, inline) : undefined) : toExistingSecret(file, block, setting, inline);
        report({
          start,
          end,
          severity: tracked ? 'error' : undefined,
          message:
            `${settingPath(provider, credential.key)} holds a real-looking secret written inline${tracked ? ', and git tracks this file' : ''}: ` +
            `helm copies it into a Secret, but the ${credential.label} itself is in this file${tracked ? ' and in the repository history' : ''}, ` +
            `readable by everyone who has a copy. Create a Kubernetes Secret and point ${secretNameKey(credential)} and ${secretKeyKey(credential)} at it` +
            `${tracked ? ', then rotate the key' : ''}.`,
          fixes: remedy ? [remedy] : [],
        });
      }
    }
  },
};
