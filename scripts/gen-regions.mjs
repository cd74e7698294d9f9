// Regenerates src/core/data/aws-regions.json from botocore's partitions data:
// `node scripts/gen-regions.mjs [path/to/aws-partitions-regions.json]` (default: ../shared/reference/ next to the repo).
// Keeps each partition's region regex and the regions that match it, which drops pseudo-regions such as aws-global.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const input = resolve(process.argv[2] ?? `${root}../shared/reference/aws-partitions-regions.json`);
const output = `${root}src/core/data/aws-regions.json`;

const source = JSON.parse(readFileSync(input, 'utf8'));
const partitions = {};
for (const [name, partition] of Object.entries(source.partitions)) {
  const regex = new RegExp(partition.regionRegex);
  const regions = Object.keys(partition.regions).filter((region) => regex.test(region)).sort();
  partitions[name] = { regionRegex: partition.regionRegex, regions };
}

const data = {
  _meta: {
    source: source._meta.source,
    license: source._meta.license,
    generatedBy: 'scripts/gen-regions.mjs',
    note: 'Regions of each AWS partition that match its regionRegex (pseudo-regions like aws-global are dropped).',
  },
  partitions,
};
writeFileSync(output, `${JSON.stringify(data, null, 2)}\n`);
console.log(`wrote ${output.slice(root.length)} (${Object.values(partitions).reduce((n, p) => n + p.regions.length, 0)} regions)`);
