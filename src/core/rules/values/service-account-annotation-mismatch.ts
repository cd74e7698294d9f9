import type { Node } from 'yaml';
import type { Fix } from '../../model';
import { roleAnnotations } from '../../sources/lse-chart';
import { readLseValues, type PodServiceAccount } from '../../sources/lse-values';
import { scalarText, spanOf, type YamlPair } from '../../sources/yaml-file';
import type { SourceFile } from '../../workspace';
import { fix, replace } from '../fixes';
import type { Rule } from '../rule';
import { fillValue, insertAt } from './yaml-edits';

/** What a pod runs as without the annotation. */
const fallback: Readonly<Record<string, string>> = {
  [roleAnnotations.irsa]: "the EKS node's IAM role (or no AWS identity at all)",
  [roleAnnotations.gke]: "the node's Google service account",
};

const whatPodsDo = 'app serves uploads and signed media URLs, rqworker runs background jobs such as exports, and both read and write the bucket';

interface Annotated {
  pod: PodServiceAccount;
  pair: YamlPair | undefined;
  value: string | undefined;
}

/** A node's text as written when it fits on one line, else its value re-quoted. */
function written(file: SourceFile, node: Node | null | undefined): string {
  const text = file.text.slice(...spanOf(node));
  return /[\r\n]/.test(text) ? JSON.stringify(scalarText(node) ?? '') : text;
}

/** Copies `from`'s annotation to the other pod: into its empty value, or as a new entry (creating the maps). */
function copyTo(file: SourceFile, root: Node | null, name: string, from: Annotated, to: Annotated): Fix | undefined {
  const value = { yaml: written(file, from.pair?.value) };
  const edit = to.pair ? fillValue(file, to.pair, value) : insertAt(file, root, [to.pod.pod, 'serviceAccount', 'annotations'], [{ key: written(file, from.pair?.key as Node), value }]);
  return edit ? fix(`Add ${name} to ${to.pod.pod}'s service account`, [edit], true) : undefined;
}

/** Makes `to`'s value the same as `from`'s. */
function alignTo(file: SourceFile, from: Annotated, to: Annotated, preferred: boolean): Fix {
  const [start, end] = spanOf(to.pair?.value);
  return fix(`Use ${from.pod.pod}'s value on ${to.pod.pod}`, [replace(start, end, written(file, from.pair?.value))], preferred);
}

export const serviceAccountAnnotationMismatch: Rule = {
  id: 'values/service-account-annotation-mismatch',
  title: 'Role annotation on one pod but not the other',
  severity: 'warning',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const values = readLseValues(workspace.yaml(file));
    for (const name of Object.values(roleAnnotations)) {
      const [app, rqworker] = values.pods.map((pod): Annotated => {
        const pair = pod.annotation(name);
        return { pod, pair, value: scalarText(pair?.value)?.trim() || undefined };
      });
      if (app.value === rqworker.value) continue;
      if (app.value && rqworker.value) {
        const [start, end] = spanOf(rqworker.pair?.value);
        report({
          start,
          end,
          message:
            `rqworker's ${name} differs from app's: the two pods run as different identities, but ${whatPodsDo}, ` +
            `so one of them is likely denied. Use the same value on both.`,
          fixes: [alignTo(file, app, rqworker, true), alignTo(file, rqworker, app, false)],
        });
        continue;
      }
      const [has, lacks] = app.value ? [app, rqworker] : [rqworker, app];
      const [start, end] = spanOf(has.pair?.key as Node);
      const copy = copyTo(file, values.root, name, has, lacks);
      report({
        start,
        end,
        message:
          `${has.pod.pod}'s service account has ${name} but ${lacks.pod.pod}'s has none: ${whatPodsDo}, and ${lacks.pod.pod} runs as ` +
          `${fallback[name]}, so its storage requests are denied. Add the same annotation to ${lacks.pod.pod}.serviceAccount.annotations.`,
        fixes: copy ? [copy] : [],
      });
    }
  },
};
