import type { Node } from 'yaml';
import { readLseValues } from '../../sources/lse-values';
import { scalarText, spanOf } from '../../sources/yaml-file';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { activeCredentialSettings, completeSecret, secretKeyKey, secretNameKey, type CredentialSetting } from './persistence';
import { removePair } from './yaml-edits';

/** Which of the two the templates use, and what becomes of the other. */
function outcome(setting: CredentialSetting): string {
  const { credential, secretName, secretKey } = setting;
  const { key } = credential;
  if (!completeSecret(setting)) {
    const stray = secretName ? secretNameKey(credential) : secretKeyKey(credential);
    return `the chart uses an existing Secret only when both ${secretNameKey(credential)} and ${secretKeyKey(credential)} are set, so the pods get the inline ${key} and ${stray} is ignored. Remove ${stray}, or complete the pair and remove ${key}`;
  }
  const name = JSON.stringify(scalarText(secretName?.value));
  const inSecret = scalarText(secretKey?.value);
  if (credential.provider === 'gcs' && inSecret !== credential.chartSecretKey) {
    return (
      `the pods mount the existing Secret ${name}, but because ${key} is set GOOGLE_APPLICATION_CREDENTIALS points at ${credential.delivery}, ` +
      `a file that Secret has only if it holds a key named "${credential.chartSecretKey}" (it is read as "${inSecret}"), so Google authentication fails. Remove ${key}`
    );
  }
  return `the pods read the ${credential.label} from the existing Secret ${name}; the inline ${key} is only copied into the chart's own Secret and never used. Remove ${key}`;
}

export const conflictingCredentials: Rule = {
  id: 'values/conflicting-credentials',
  title: 'Inline credential and existing Secret for the same key',
  severity: 'warning',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const { block, settings } = activeCredentialSettings(readLseValues(workspace.yaml(file)));
    for (const setting of settings) {
      const { inline, secretName, secretKey, credential } = setting;
      if (!inline || (!secretName && !secretKey)) continue;
      const [start, end] = spanOf(inline.key as Node);
      // Dropping the side the templates ignore changes nothing at runtime (the GCS mix-up aside, which it repairs).
      const drop = completeSecret(setting) ? inline : (secretName ?? secretKey);
      const edit = drop && removePair(file, drop, block);
      const dropped = drop === inline ? credential.key : String(scalarText(drop?.key));
      report({
        start,
        end,
        message: `${credential.key} is set inline and through an existing Secret: ${outcome(setting)}.`,
        fixes: edit ? [fix(`Remove ${dropped}`, [edit], true)] : [],
      });
    }
  },
};
