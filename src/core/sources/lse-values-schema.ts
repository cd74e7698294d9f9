// Builds schemas/lse-values.schema.json (for the Red Hat YAML extension) from the chart data in lse-chart.ts.
import { configKeys, persistenceKeys, serviceAccountKeys, storageTypes, type KeySpec } from './lse-chart';

type Schema = Record<string, unknown>;

function property(spec: KeySpec): Schema {
  return { type: spec.type, markdownDescription: spec.description, description: spec.description.replace(/`/g, '') };
}

function object(keys: Readonly<Record<string, KeySpec>>, extra: Schema = {}): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(keys).map(([k, spec]) => [k, property(spec)])),
    ...extra,
  };
}

const required: Record<string, string[]> = { s3: ['bucket', 'region'], gcs: ['bucket', 'projectID'], azure: ['containerName'] };

export function lseValuesSchema(): Schema {
  const config: Schema = {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(storageTypes.map((t) => [t, object(configKeys[t])])),
  };
  const persistence = object(persistenceKeys);
  (persistence.properties as Schema).type = { ...property(persistenceKeys.type), enum: storageTypes };
  (persistence.properties as Schema).config = config;
  // The chart's own checks: each cloud type needs its bucket settings (helm fails otherwise).
  persistence.allOf = Object.entries(required).map(([type, keys]) => ({
    if: { properties: { type: { const: type } }, required: ['type'] },
    then: { required: ['config'], properties: { config: { required: [type], properties: { [type]: { required: keys } } } } },
  }));
  const pod = { type: 'object', properties: { serviceAccount: object(serviceAccountKeys) } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/bucket-doctor/bucket-doctor/schemas/lse-values.schema.json',
    title: 'Label Studio Enterprise Helm values: persistent storage',
    description: 'Generated from Bucket Doctor src/core/sources/lse-chart.ts (HumanSignal/charts heartex/label-studio 2.0.5). Covers global.persistence and the app/rqworker service accounts.',
    type: 'object',
    properties: {
      global: { type: 'object', properties: { persistence } },
      app: pod,
      rqworker: pod,
    },
  };
}
