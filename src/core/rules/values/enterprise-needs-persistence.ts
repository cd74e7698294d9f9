import { isScalar, Scalar, type Node } from 'yaml';
import { readLseValues } from '../../sources/lse-values';
import { nodeAt, pairIn, spanOf } from '../../sources/yaml-file';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { isSet } from './persistence';
import { fillValue, insertAt } from './yaml-edits';

// Helm reads values as YAML 1.1, where these plain words are booleans too (the `yaml` library reads them as text).
const yaml11True = /^(?:yes|Yes|YES|on|On|ON)$/;
const yaml11False = /^(?:no|No|NO|off|Off|OFF)$/;

/** Whether a Go template `if` takes the value as true once Helm has read it. */
function helmTruthy(node: unknown): boolean {
  if (isScalar(node) && node.type === Scalar.PLAIN && typeof node.value === 'string') {
    if (yaml11True.test(node.value)) return true;
    if (yaml11False.test(node.value)) return false;
  }
  return isSet(node);
}

const effect =
  "the chart's configuration check for Label Studio Enterprise (lse.checkConfig.persistenceEnabled) fails, so helm install and upgrade stop: " +
  "without persistent storage exports do not work and uploaded data lives only on the pod's node";

export const enterpriseNeedsPersistence: Rule = {
  id: 'values/enterprise-needs-persistence',
  title: 'Label Studio Enterprise with persistence turned off',
  severity: 'error',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const values = readLseValues(workspace.yaml(file));
    if (!helmTruthy(nodeAt(values.root, ['enterprise', 'enabled']))) return;
    const { persistence } = values;
    if (!persistence) return;
    // A null value makes Helm drop the chart's defaults for the key, `enabled: true` among them.
    if (persistence.value === null || (isScalar(persistence.value) && persistence.value.value === null)) {
      const [start, end] = spanOf(persistence.key as Node);
      const edit = insertAt(file, values.root, ['global', 'persistence'], [{ key: 'enabled', value: { yaml: 'true' } }]);
      report({
        start,
        end,
        message: `enterprise.enabled is true but global.persistence is empty, and Helm then drops the chart's defaults for it (enabled: true among them): ${effect}. Add enabled: true and configure a storage type.`,
        fixes: edit ? [fix('Add enabled: true', [edit], true)] : [],
      });
      return;
    }
    const enabled = pairIn(persistence.value, 'enabled');
    if (!enabled || helmTruthy(enabled.value)) return;
    const [valueStart, valueEnd] = spanOf(enabled.value ?? undefined);
    const written = file.text.slice(valueStart, valueEnd).trim();
    const [start, end] = written ? [valueStart, valueEnd] : spanOf(enabled.key as Node);
    const edit = fillValue(file, enabled, { yaml: 'true' });
    report({
      start,
      end,
      message:
        `enterprise.enabled is true but global.persistence.enabled is ${written || "empty, which Helm reads as null and so drops the chart's default (true)"}: ` +
        `${effect}. Set it to true and configure a storage type.`,
      fixes: edit ? [fix('Set global.persistence.enabled to true', [edit], true)] : [],
    });
  },
};
