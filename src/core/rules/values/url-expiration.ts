import type { Node } from 'yaml';
import { readLseValues } from '../../sources/lse-values';
import { isScalar, pairIn, spanOf } from '../../sources/yaml-file';
import { fix, replace, replaceScalar } from '../fixes';
import type { Rule } from '../rule';
import { activeProvider, providers, settingPath } from './persistence';

/** SigV4 presigned URLs and GCS V4 signed URLs live at most 7 days. */
const maxSignedSeconds = 604800;

export const urlExpiration: Rule = {
  id: 'values/url-expiration',
  title: 'Signed URL lifetime the chart or the provider refuses',
  severity: 'error',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const values = readLseValues(workspace.yaml(file));
    const active = activeProvider(values);
    for (const provider of providers) {
      const node = pairIn(values.block(provider), 'urlExpirationSecs')?.value;
      if (!isScalar(node) || node.value === null) continue;
      const [start, end] = spanOf(node as Node);
      const path = settingPath(provider, 'urlExpirationSecs');
      const { value } = node;
      if (typeof value !== 'string') {
        // The schema applies to every block, whether type selects it or not.
        const quoted = typeof value === 'number' && Number.isSafeInteger(value) ? `"${value}"` : undefined;
        report({
          start,
          end,
          message: `${path} is ${file.text.slice(start, end)} unquoted, but the chart's schema wants a string, so helm install fails schema validation.${quoted ? ` Quote it: ${quoted}.` : ' Write the number of seconds in quotes.'}`,
          fixes: quoted ? [fix(`Quote it: ${quoted}`, [replace(start, end, quoted)], true)] : [],
        });
      }
      if (provider !== active) continue;
      const text = String(value).trim();
      if (!/^\d+$/.test(text)) {
        if (typeof value === 'string') {
          report({ start, end, message: `${path} is ${JSON.stringify(value)}: Label Studio reads it with int(), which refuses it, so it does not start. Write a whole number of seconds, e.g. "86400".` });
        }
        continue;
      }
      if (provider === 'azure' || Number(text) <= maxSignedSeconds) continue;
      report({
        start,
        end,
        severity: 'warning',
        message:
          `${path} is ${text} seconds, longer than the 7 days (604800 s) a ${provider === 's3' ? 'SigV4 presigned' : 'GCS V4 signed'} URL can live: ` +
          'such URLs are refused, so media in the labeling UI does not load. Use "604800" or less.',
        fixes: [fix('Set it to 604800 (7 days)', [replaceScalar(node as Node, String(maxSignedSeconds))], true)],
      });
    }
  },
};
