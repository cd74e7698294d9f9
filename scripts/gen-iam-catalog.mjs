// Regenerates src/core/data/iam-catalog.json from the project's extract of the AWS Service Authorization Reference:
// `node scripts/gen-iam-catalog.mjs [path/to/iam-s3-kms-sts.json]` (default: ../shared/reference/ next to the repo).
// Keeps identifiers only (action names, access levels, resource types, ARN patterns, condition-key names and types):
// the AWS description texts are dropped so the catalog carries no documentation prose.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const input = resolve(process.argv[2] ?? `${root}../shared/reference/iam-s3-kms-sts.json`);
const output = `${root}src/core/data/iam-catalog.json`;
const prefixes = ['s3', 'kms', 'sts', 'iam'];

const source = JSON.parse(readFileSync(input, 'utf8'));
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function action(entry) {
  const out = {
    level: entry.access_level,
    // A trailing `*` marks a required resource type, as the AWS tables print it.
    resources: entry.resource_types.map((r) => (r.required ? `${r.name}*` : r.name)),
  };
  if (entry.condition_keys.length > 0) out.keys = entry.condition_keys;
  if (entry.permission_only) out.permissionOnly = true;
  return out;
}

const services = {};
for (const prefix of prefixes) {
  const service = source[prefix];
  if (!service) throw new Error(`${input} has no "${prefix}" service`);
  const actions = {};
  for (const name of Object.keys(service.actions).sort(byName)) actions[name] = action(service.actions[name]);
  const resourceTypes = {};
  for (const name of Object.keys(service.resource_types).sort(byName)) {
    const type = service.resource_types[name];
    resourceTypes[name] = type.condition_keys.length > 0 ? { arn: type.arn, keys: type.condition_keys } : { arn: type.arn };
  }
  const conditionKeys = {};
  for (const key of Object.keys(service.condition_keys).sort(byName)) conditionKeys[key] = service.condition_keys[key].type;
  const title = service.title.replace(/^Actions, resources, and condition keys for /, '').replace(/ - .*$/, '');
  services[prefix] = { title, page: service.source_page, actions, resourceTypes, conditionKeys };
}

const data = {
  _meta: {
    source: `${input.slice(input.lastIndexOf('/') + 1)} (the project's extract, see ../shared/reference/domain.md §3.4)`,
    upstream: `${source._meta.extracted_from}; MIT, Copyright 2019 Salesforce.com`,
    original: source._meta.original_source,
    license: 'Identifiers only (names, access levels, ARN patterns, condition-key names and types) are kept: they are facts. AWS description texts are dropped.',
    generatedBy: 'scripts/gen-iam-catalog.mjs',
    format: 'services.<prefix>.actions.<Name> = { level, resources: resource-type names (a trailing "*" = required; none = only Resource "*"), keys: action-level condition keys, permissionOnly }',
  },
  services,
};

/** Pretty-prints the outer levels and keeps each action, resource type and key list on one line. */
function format(value, depth = 0) {
  if (depth >= 4 || value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  const pad = '  '.repeat(depth + 1);
  const body = Object.entries(value).map(([k, v]) => `${pad}${JSON.stringify(k)}: ${format(v, depth + 1)}`);
  return `{\n${body.join(',\n')}\n${'  '.repeat(depth)}}`;
}

writeFileSync(output, `${format(data)}\n`);
const count = (key) => prefixes.map((p) => `${p} ${Object.keys(services[p][key]).length}`).join(', ');
console.log(`wrote ${output.slice(root.length)}: actions ${count('actions')}; resource types ${count('resourceTypes')}; condition keys ${count('conditionKeys')}`);
