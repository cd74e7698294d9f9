import type { TextEdit } from '../../model';
import type { SourceFile } from '../../workspace';
import { fix, replace } from '../fixes';
import type { Rule } from '../rule';
import { envView, intendedValue, valueSpan } from './env-view';
import { boolValue } from './value-checks';
import { quoted } from './wording';

const risk =
  'URLs in imported tasks and ML backend settings can then make the server call addresses on its private network. ' +
  'The Label Studio security guide says production deployments must set it to true.';

/** Appends `SSRF_PROTECTION_ENABLED=true` as the file's last line. */
function appendSetting(file: SourceFile): TextEdit {
  const eol = file.lines.eol;
  const line = 'SSRF_PROTECTION_ENABLED=true';
  const at = file.text.length;
  return replace(at, at, file.text === '' || file.text.endsWith('\n') ? `${line}${eol}` : `${eol}${line}`);
}

export const ssrfProtection: Rule = {
  id: 'env/ssrf-protection',
  title: 'SSRF protection not enabled',
  severity: 'info',
  kinds: ['env'],
  check({ file, workspace, report }) {
    const view = envView(workspace, file);
    // Only files that configure Label Studio: other .env files are none of its business.
    const [known] = view.known;
    if (!known) return;
    const entry = view.resolve('SSRF_PROTECTION_ENABLED');
    if (!entry) {
      const anchor = view.resolve('STORAGE_TYPE') ?? known;
      report({
        start: anchor.nameOffset,
        end: anchor.nameOffset + anchor.name.length,
        message: `SSRF_PROTECTION_ENABLED is not set, so SSRF protection is off (Label Studio's default): ${risk}`,
        fixes: [fix('Add SSRF_PROTECTION_ENABLED=true', [appendSetting(file)], true)],
      });
      return;
    }
    // A bare `NAME` line takes the host's value; a value get_bool_env refuses is env/invalid-boolean's.
    const value = entry.hasEquals ? intendedValue(entry).value : undefined;
    if (value === undefined || boolValue(value) !== false) return;
    const [start, end] = valueSpan(entry);
    report({
      start,
      end,
      message: `${entry.name} is ${quoted(value)}, which turns SSRF protection off: ${risk}`,
      fixes: [fix(`Set ${entry.name} to true`, [view.replaceValue(entry, 'true')], true)],
    });
  },
};
