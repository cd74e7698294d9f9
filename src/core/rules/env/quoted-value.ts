import { fix, replace } from '../fixes';
import type { Rule } from '../rule';
import { envView } from './env-view';

export const quotedValue: Rule = {
  id: 'env/quoted-value',
  title: 'Quoted value kept literally by docker run --env-file',
  severity: 'error',
  kinds: ['env'],
  check({ file, workspace, report }) {
    // Compose strips matching quotes; only `docker run --env-file` passes them on.
    const view = envView(workspace, file);
    if (view.reader !== 'docker-run') return;
    for (const entry of view.padded) {
      if (!entry.quote) continue;
      const inner = entry.raw.slice(1, -1);
      const end = entry.rawOffset + entry.raw.length;
      report({
        start: entry.rawOffset,
        end,
        message:
          `${entry.name} is ${entry.raw}: docker run --env-file keeps quotes as part of the value, so Label Studio gets ` +
          `${JSON.stringify(entry.raw)} (${entry.raw.length} characters), not ${JSON.stringify(inner)}. No compose file ` +
          `in this workspace loads ${file.path}, so nothing strips them. Remove the quotes.`,
        fixes: [fix(`Remove the quotes around ${entry.name}`, [replace(entry.rawOffset, end, inner)], true)],
      });
    }
  },
};
