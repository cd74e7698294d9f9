// How an IAM action is described to people: in the policy schema's completion list and in the editor's hover.
import { conditionKeysOf, resourceTypesOf, type CatalogAction } from './catalog';
import { globalConditionKeys } from './global-keys';

/** `bucket*, accesspoint` (a `*` marks a resource type the action requires), or `"*" only`. */
export function resourceTypesText(action: CatalogAction): string {
  return action.resourceTypes.length === 0 ? '"*" only' : action.resourceTypes.map((r) => `${r.name}${r.required ? '*' : ''}`).join(', ');
}

/** One line: `Read · resource types: object*, accesspointobject`. */
export function actionSummary(action: CatalogAction): string {
  return `${action.accessLevel}${action.permissionOnly ? ' (permission only)' : ''} · resource types: ${resourceTypesText(action)}`;
}

/** Markdown: access level, the ARN pattern of each resource type, and the condition keys beyond the global ones. */
export function actionMarkdown(action: CatalogAction): string {
  const arns = resourceTypesOf(action).map((t) => `- ${t.name}${action.resourceTypes.find((r) => r.name === t.name)?.required ? ' (required)' : ''}: \`${t.arn}\``);
  const keys = conditionKeysOf(action).filter((k) => !Object.hasOwn(globalConditionKeys, k));
  return [
    `**${action.id}** — ${action.accessLevel}${action.permissionOnly ? ' (permission only: no API call of its own)' : ''}`,
    arns.length > 0 ? `Resource types:\n${arns.join('\n')}` : 'Resource: `"*"` only (no resource types).',
    keys.length > 0 ? `Condition keys: ${keys.map((k) => `\`${k}\``).join(', ')} (and the global \`aws:\` keys)` : 'Condition keys: the global `aws:` keys.',
  ].join('\n\n');
}
