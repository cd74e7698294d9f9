import type { Node } from 'yaml';
import type { Fix, Provider, TextEdit } from '../../model';
import { readLseValues } from '../../sources/lse-values';
import { pairIn, spanOf } from '../../sources/yaml-file';
import type { SourceFile } from '../../workspace';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import {
  credentialSettings,
  isProvider,
  keyPlaceholders,
  kubectlCommand,
  requiredKeys,
  secretKeyKey,
  secretNameKey,
  setPair,
  storageSecret,
  type Credential,
} from './persistence';
import { fillValue, insertAt, type NewEntry, type NewValue } from './yaml-edits';

/** Writes each key: into its pair when the key is there but empty, else as new entries at the end of the block. */
function addKeys(file: SourceFile, root: Node | null, provider: Provider, block: Node | undefined, keys: readonly { key: string; value: NewValue }[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const added: NewEntry[] = [];
  for (const { key, value } of keys) {
    const empty = pairIn(block, key);
    if (!empty) {
      added.push({ key, value });
      continue;
    }
    const edit = fillValue(file, empty, value);
    if (!edit) return undefined;
    edits.push(edit);
  }
  if (added.length > 0) {
    const insert = insertAt(file, root, ['global', 'persistence', 'config', provider], added);
    if (!insert) return undefined;
    edits.push(insert);
  }
  return edits;
}

const placeholder = (key: string): NewValue => ({ placeholder: keyPlaceholders[key] });

/** The existing-Secret form of a credential, with the Secret the kubectl command in the fix creates. */
const fromSecret = (credential: Credential) => [
  { key: secretNameKey(credential), value: { placeholder: storageSecret } },
  { key: secretKeyKey(credential), value: { placeholder: credential.secretKeyName } },
];

export const missingRequired: Rule = {
  id: 'values/missing-required',
  title: 'Required storage setting missing',
  severity: 'error',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const values = readLseValues(workspace.yaml(file));
    const provider = values.type;
    if (!isProvider(provider) || !values.typePair?.value) return;
    const block = values.block(provider);
    const missing = requiredKeys[provider].filter((key) => !setPair(block, key));
    // A credential given only in part is values/incomplete-existing-secret's finding.
    const noCredential = credentialSettings(block, provider)
      .filter((s) => provider === 'azure' && !s.inline && !s.secretName && !s.secretKey)
      .map((s) => s.credential);
    if (missing.length === 0 && noCredential.length === 0) return;
    const problems: string[] = [];
    if (missing.length > 0) {
      const empty = missing.some((key) => pairIn(block, key)) ? ' (an empty value counts as unset)' : '';
      problems.push(`has no ${missing.join(' and ')}${empty}: the chart's configuration check fails, so helm install stops before deploying anything`);
    }
    if (noCredential.length > 0) {
      const names = noCredential.map((c) => `${c.label} (${c.key}, or ${secretNameKey(c)} with ${secretKeyKey(c)})`);
      problems.push(`gives no ${names.join(' and no ')}: the chart still points the pods at keys of its own Secret that do not exist, so they fail with CreateContainerConfigError`);
    }
    const blockKey = pairIn(values.config, provider)?.key;
    const [start, end] = spanOf((block && blockKey ? blockKey : values.typePair.value) as Node);
    const required = missing.map((key) => ({ key, value: placeholder(key) }));
    const inline = noCredential.map((c) => ({ key: c.key, value: placeholder(c.key) }));
    const fixes: Fix[] = [];
    // The account key is a secret: the preferred fix reads it from a Secret (created by the copied command).
    const key = noCredential.find((c) => c.key === 'storageAccountKey');
    if (key) {
      const viaSecret = addKeys(file, values.root, provider, block, [...required, ...inline.filter((e) => e.key !== key.key), ...fromSecret(key)]);
      if (viaSecret) fixes.push({ ...fix(`Add the missing keys, the account key from the Secret ${storageSecret}`, viaSecret, true), clipboard: kubectlCommand(key) });
    }
    const plain = addKeys(file, values.root, provider, block, [...required, ...inline]);
    if (plain) fixes.push(fix(`Add ${[...missing, ...noCredential.map((c) => c.key)].join(', ')} with placeholders`, plain, fixes.length === 0));
    report({
      start,
      end,
      message: `type is "${provider}" but global.persistence.config.${provider} ${problems.join('; it also ')}. Add ${missing.length + noCredential.length > 1 ? 'them' : 'it'}.`,
      fixes,
    });
  },
};
