import { fix } from '../fixes';
import type { Rule } from '../rule';
import { envView, valueSpan } from './env-view';
import { storageTypeCheck } from './value-checks';
import { quoted } from './wording';

export const unknownStorageType: Rule = {
  id: 'env/unknown-storage-type',
  title: 'STORAGE_TYPE Label Studio does not recognise',
  severity: 'error',
  kinds: ['env'],
  check({ file, workspace, report }) {
    const view = envView(workspace, file);
    const type = view.storageType();
    // A valid type spoiled only by quotes, a comment or blanks is reported by the rule for that syntax.
    if (!type || type.provider) return;
    const { entry } = type;
    const value = type.intended.value;
    // `volume` is the Helm chart's own value for local disk storage: local disk is what its author wants.
    if (value === 'volume') return;
    const [start, end] = valueSpan(entry);
    if (value.trim() === '') {
      report({
        start,
        end,
        severity: 'warning',
        message: `${entry.name} is empty, so Label Studio stores media on local disk, not in a bucket. Set it to s3, gcs or azure, or remove the line if local disk is meant.`,
      });
      return;
    }
    const suggestion = storageTypeCheck.suggest(value);
    report({
      start,
      end,
      message:
        `${entry.name} is ${quoted(type.delivered)}; Label Studio ${storageTypeCheck.expects} and silently falls back ` +
        `to local disk. ${suggestion ? `Use "${suggestion}".` : 'Set one of them.'}`,
      fixes: suggestion ? [fix(`Use "${suggestion}"`, [view.replaceValue(entry, suggestion)], true)] : [],
    });
  },
};
