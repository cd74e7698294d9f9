import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Fix } from '../../model';
import { readLseValues } from '../../sources/lse-values';
import { spanOf } from '../../sources/yaml-file';
import type { SourceFile } from '../../workspace';
import { fix, replace } from '../fixes';
import type { Rule } from '../rule';
import { inlineCredential, repairFixes, type ValueCheck } from './inline-credential';

/** google-auth requires client_email and token_uri of a service-account key and builds its signer from private_key. */
const requiredFields = ['client_email', 'private_key', 'token_uri'] as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parsed(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** `text` with the raw line breaks and tabs inside its JSON strings written as escapes; one pass. */
export function escapeBreaksInStrings(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString && c === '\\') {
      out += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    out += inString && c === '\n' ? '\\n' : inString && c === '\r' ? '\\r' : inString && c === '\t' ? '\\t' : c;
  }
  return out;
}

/** Where `text` stops being JSON, as "line L, column C of the JSON", from jsonc-parser in strict mode. */
function firstSyntaxError(text: string): string | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return undefined;
  const before = text.slice(0, first.offset).split('\n');
  return `${printParseErrorCode(first.error)} at line ${before.length}, column ${before[before.length - 1].length + 1} of the JSON`;
}

/** Why text that JSON.parse refuses is not key JSON, with the repair when the cause is plain. */
function notJson(text: string): ValueCheck {
  const escaped = escapeBreaksInStrings(text);
  if (escaped !== text && parsed(escaped)) {
    return {
      problem: 'a string in it holds a raw line break where JSON needs the two characters \\n (the private key\'s line breaks were unescaped on the way into YAML)',
      repair: { title: 'Escape the line breaks inside its strings', value: escaped },
    };
  }
  if (/^[A-Za-z0-9+/]{16,}={0,2}$/.test(text.replace(/\s+/g, ''))) {
    const decoded = Buffer.from(text, 'base64').toString('utf8');
    if (!checkKeyJson(decoded).problem) {
      return { problem: 'it is base64-encoded, and the chart writes the value into key.json as it is', repair: { title: 'Decode the base64', value: decoded } };
    }
  }
  if (/^[^{}\s]*\.json$/i.test(text)) return { problem: 'it is a file path, and the chart needs the content of the key file itself' };
  const where = firstSyntaxError(text);
  return { problem: `it is not valid JSON${where ? ` (${where})` : ''}` };
}

/** What is wrong with `text` as a service-account key JSON; never repeats any of it but the credential type. */
export function checkKeyJson(text: string): ValueCheck {
  const trimmed = text.trim();
  const json = parsed(trimmed);
  if (!json) return notJson(trimmed);
  if (!isObject(json.value)) return { problem: 'it is JSON, but not an object' };
  const { type } = json.value;
  if (type !== 'service_account') {
    const kind = typeof type !== 'string' ? 'a credential without a "type"' : /^[a-z_]{1,40}$/.test(type) ? `a credential of type "${type}"` : 'a credential of an unknown type';
    return { problem: `it is ${kind}, not a service-account key ("type": "service_account")` };
  }
  const record = json.value;
  const missing = requiredFields.filter((field) => typeof record[field] !== 'string' || (record[field] as string).trim() === '');
  return missing.length === 0 ? {} : { problem: `it lacks ${missing.join(', ')}` };
}

/** A flow mapping that is JSON as written (`{"type": …}` unquoted) becomes that same JSON in single quotes. */
function quoteFlowJson(file: SourceFile, node: Node): Fix | undefined {
  if (!isMap(node) || !(node as YAMLMap).flow) return undefined;
  const [start, end] = spanOf(node);
  const written = file.text.slice(start, end);
  if (!parsed(written)) return undefined;
  return fix('Quote the JSON', [replace(start, end, `'${written.replace(/'/g, "''")}'`)], true);
}

const loading =
  'The chart writes it to key.json and points GOOGLE_APPLICATION_CREDENTIALS at that file; Google\'s client library cannot use it as a service-account key, so every storage request of Label Studio fails';
const remedy = 'Paste the whole key file from `gcloud iam service-accounts keys create` under `applicationCredentialsJSON: |-`, or better, keep it in a Secret or use Workload Identity.';

export const gcsCredentialsJson: Rule = {
  id: 'values/gcs-credentials-json',
  title: 'GCS key that is not a service-account key JSON',
  severity: 'error',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const key = inlineCredential(readLseValues(workspace.yaml(file)), 'gcs', 'applicationCredentialsJSON');
    if (!key) return;
    const [start, end] = spanOf(key.pair.key as Node);
    if (key.text === undefined) {
      const quote = quoteFlowJson(file, key.node);
      report({
        start,
        end,
        message:
          `${key.path} is a YAML ${isSeq(key.node) ? 'sequence' : 'mapping'}, not a string${quote ? ' (YAML reads JSON written without quotes as a mapping)' : ''}: ` +
          `the chart's schema wants a string, so helm install fails schema validation. ${quote ? 'Quote the JSON.' : remedy}`,
        fixes: quote ? [quote] : [],
      });
      return;
    }
    const check = checkKeyJson(key.text);
    if (!check.problem) return;
    report({
      start,
      end,
      message: `${key.path} is not a service-account key JSON: ${check.problem}. ${loading}. ${check.repair ? `${check.repair.title}.` : remedy}`,
      fixes: repairFixes(file, key, check),
    });
  },
};
