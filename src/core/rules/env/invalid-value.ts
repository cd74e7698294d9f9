// The rule shape behind env/invalid-boolean, env/invalid-integer and env/invalid-json: values that Label Studio's
// parsers reject, which stops it at startup.
import { bareEnvName, knownEnv } from '../../sources/ls-env';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { envView, intendedValue, valueSpan } from './env-view';
import { parseCheck, parseOf, type StrictParse } from './value-checks';
import { quoted } from './wording';

export function invalidValueRule(id: string, title: string, parses: readonly StrictParse[]): Rule {
  return {
    id,
    title,
    severity: 'error',
    kinds: ['env'],
    check({ file, workspace, report }) {
      const view = envView(workspace, file);
      const provider = view.storageType()?.provider;
      for (const entry of view.known) {
        const bare = bareEnvName(entry.name);
        const parse = parseOf(bare);
        if (!entry.hasEquals || !parse || !parses.includes(parse)) continue;
        // Label Studio parses only the line that wins the lookup, and a provider's settings only for that provider.
        const owner = knownEnv[bare].provider;
        if (view.resolve(bare) !== entry || (owner && owner !== provider)) continue;
        const check = parseCheck(parse);
        const delivered = view.delivered(entry);
        // When the value the author meant parses, only quotes, a comment or blanks spoil it: their rules say so.
        const meant = intendedValue(entry).value;
        if (check.accepts(delivered) || check.accepts(meant)) continue;
        const suggestion = check.suggest(meant);
        const [start, end] = valueSpan(entry);
        report({
          start,
          end,
          message:
            `${entry.name} is ${delivered === '' ? 'empty' : quoted(delivered)}: Label Studio ${check.expects}, and it ` +
            `does not start otherwise.${suggestion === undefined ? '' : ` Use ${suggestion}.`}`,
          fixes: suggestion === undefined ? [] : [fix(`Use ${suggestion}`, [view.replaceValue(entry, suggestion)], true)],
        });
      }
    },
  };
}
