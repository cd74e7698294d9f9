import { readLseValues } from '../../sources/lse-values';
import type { Rule } from '../rule';
import { blanksReport, inlineCredential, repairFixes, valueSpan, type ValueCheck } from './inline-credential';

/** Storage account keys are 512 bits: 64 bytes, written as 88 base64 characters ending in `==`. */
const keyBytes = 64;
const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** What is wrong with `value` as the bare base64 key. */
function checkBase64Key(value: string): ValueCheck {
  if (!base64.test(value)) return { problem: 'it has characters base64 does not use (letters, digits, + and /, then = at the end)' };
  const digits = value.replace(/=+$/, '');
  // Four base64 characters carry three bytes; a lone trailing character carries none.
  const bytes = Math.floor((digits.length * 3) / 4);
  if (bytes !== keyBytes) return { problem: `it decodes to ${bytes} bytes, and an account key is ${keyBytes} bytes (88 base64 characters ending in ==)` };
  if (value !== `${digits}==`) return { problem: 'its padding is wrong: an account key ends in ==', repair: { title: 'End it in ==', value: `${digits}==` } };
  return {};
}

/** What is wrong with `value` (trimmed) as a storage account key. */
export function checkAccountKey(value: string): ValueCheck {
  const connection = /(?:^|;)\s*AccountKey=([^;]*)/i.exec(value);
  if (connection) {
    const key = connection[1].trim();
    const repair = checkBase64Key(key).problem ? undefined : { title: 'Keep only the AccountKey part', value: key };
    return { problem: 'it is a whole connection string; the chart wants only its AccountKey part', repair };
  }
  if (/(?:^|[?&])(?:sv|sig)=/.test(value)) return { problem: 'it is a SAS token, not an account key, and the chart has no setting for a SAS' };
  return checkBase64Key(value);
}

const consequence = 'Label Studio cannot sign its requests to Azure with it, and every storage request fails (403 AuthenticationFailed)';

export const azureKeyFormat: Rule = {
  id: 'values/azure-key-format',
  title: 'Azure storage account key that is not 64 bytes of base64',
  severity: 'warning',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const key = inlineCredential(readLseValues(workspace.yaml(file)), 'azure', 'storageAccountKey');
    if (!key || key.text === undefined) return;
    const check = checkAccountKey(key.text.trim());
    if (!check.problem) {
      const blanks = blanksReport(file, key, 'account key', consequence);
      if (blanks) report(blanks);
      return;
    }
    report({
      ...valueSpan(key),
      message: `${key.path} is not a storage account key: ${check.problem}. ${consequence}. Copy key1 or key2 from the storage account's access keys.`,
      fixes: repairFixes(file, key, check),
    });
  },
};
