import { bareEnvName, storageEnv } from '../../sources/ls-env';
import type { Rule } from '../rule';
import { envView, intendedValue, valueSpan } from './env-view';

// Template values people leave in place of a key; each alternative stops at its own first character (linear).
const placeholderLike = /<[^<>]*>|\$\{|\$[A-Za-z_]|\{\{|change[-_ ]?me|xxx|example|dummy|placeholder|redacted|^your[-_ ]|^[*.]+$/i;

/** Long enough to be a key (AWS secrets have 40 characters, Azure account keys 88) and not a template value. */
const looksReal = (value: string) => value.length >= 16 && !placeholderLike.test(value);

export const plaintextSecret: Rule = {
  id: 'env/plaintext-secret',
  title: 'Storage key in plain text',
  severity: 'info',
  kinds: ['env'],
  check({ file, workspace, report }) {
    const view = envView(workspace, file);
    const tracked = workspace.isTracked(file);
    for (const entry of view.known) {
      const bare = bareEnvName(entry.name);
      if (!entry.hasEquals || !Object.hasOwn(storageEnv, bare) || !storageEnv[bare].secret) continue;
      if (!looksReal(intendedValue(entry).value)) continue;
      const [start, end] = valueSpan(entry);
      report({
        start,
        end,
        ...(tracked ? { severity: 'warning' as const } : {}),
        message: tracked
          ? `${entry.name} holds a real-looking secret, and git tracks this file: everyone with a copy of the repository, ` +
            'and of its history, has the key. Take the file out of git (git rm --cached, then .gitignore it), load the ' +
            'key from an env file outside the repository or from Compose secrets, and rotate the key.'
          : `${entry.name} holds a real-looking secret in plain text: anyone who can read this file has the key. Keep ` +
            'the file out of version control (.gitignore it), or load the key from Compose secrets.',
      });
    }
  },
};
