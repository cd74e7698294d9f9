// The generated region data and the did-you-mean over it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import data from '../../src/core/data/aws-regions.json';
import { awsRegions, isKnownRegion, regionCandidates, regionPartition } from '../../src/core/aws-regions';

test('the data covers every partition, without pseudo-regions, and records its source and license', () => {
  assert.match(data._meta.source, /botocore/);
  assert.match(data._meta.license, /Apache-2\.0/);
  assert.deepEqual(Object.keys(data.partitions).sort(), ['aws', 'aws-cn', 'aws-eusc', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-us-gov']);
  for (const region of ['us-east-1', 'eu-west-3', 'ap-southeast-7', 'cn-northwest-1', 'us-gov-west-1', 'eusc-de-east-1', 'us-isob-east-1', 'eu-isoe-west-1']) assert.ok(isKnownRegion(region), region);
  for (const pseudo of ['aws-global', 'aws-cn-global', 'aws-us-gov-global', 'aws-iso-global']) assert.ok(!isKnownRegion(pseudo), pseudo);
  assert.equal(new Set(awsRegions).size, awsRegions.length);
});

test('partition patterns recognise lowercase codes shaped like a region', () => {
  assert.equal(regionPartition('us-east-9'), 'aws');
  assert.equal(regionPartition('cn-south-1'), 'aws-cn');
  assert.equal(regionPartition('us-gov-central-1'), 'aws-us-gov');
  assert.equal(regionPartition('US-EAST-1'), undefined);
  assert.equal(regionPartition('us-east1'), undefined);
  assert.equal(regionPartition('aws-global'), undefined);
});

test('candidates: case and separators, a missing number, small typos; ambiguity stays visible', () => {
  const cases: [string, string[]][] = [
    ['us-east1', ['us-east-1']],
    ['US-EAST-1', ['us-east-1']],
    ['useast1', ['us-east-1']],
    ['us_east_1', ['us-east-1']],
    [' eu-west-1 ', ['eu-west-1']],
    ['eu-west', ['eu-west-1', 'eu-west-2', 'eu-west-3']],
    ['il-central', ['il-central-1']],
    ['eu-centrall-1', ['eu-central-1']],
    ['us-est-1', ['us-east-1', 'us-west-1']],
    ['virginia', []],
    ['', []],
  ];
  for (const [value, expected] of cases) assert.deepEqual(regionCandidates(value), expected, value);
});
