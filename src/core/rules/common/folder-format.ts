import { checkKeyPrefix, normalizePrefix, unnormalizedSegments } from '../../key-prefix';
import { parseStorageUrl } from '../../naming';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { shown, storageNames } from './storage-names';

const refused = 'django-storages normalizes every object key and refuses it when it no longer starts with the folder as written (SuspiciousOperation), so every upload and download fails';

export const folderFormat: Rule = {
  id: 'folder/format',
  title: 'Folder that is not a clean key prefix',
  severity: 'warning',
  kinds: ['values', 'env'],
  check({ file, workspace, report }) {
    for (const name of storageNames(workspace, file)) {
      if (name.kind !== 'folder' || name.placeholder) continue;
      const { problems, normalized } = checkKeyPrefix(name.value, name.provider);
      const location = parseStorageUrl(name.value);
      let message: string;
      let target: string;
      if (location) {
        target = normalizePrefix(location.prefix);
        const effect = problems.includes('unnormalized') ? refused : `objects would be stored under keys starting with the whole ${location.form.replace(/^an? /, '')}`;
        message = `${name.setting} is ${location.form}, not a key prefix: the bucket belongs in its own setting and ${effect}. ${target ? `Use ${shown(target)}.` : 'Leave it empty to store at the bucket root.'}`;
      } else if (problems.length > 0) {
        target = normalized;
        const reasons: string[] = [];
        if (problems.includes('leading-slash')) {
          reasons.push(`it starts with "/", and django-storages refuses such a location ("cannot begin with a leading slash", ImproperlyConfigured), so Label Studio cannot open its media storage`);
        }
        if (problems.includes('unnormalized')) reasons.push(`it has ${unnormalizedSegments(name.value).join(' and ')}: ${refused}`);
        message = `${name.setting} is ${shown(name.value)}: ${reasons.join('; ')}. ${target ? `Use ${shown(target)}.` : 'Leave it empty to store at the bucket root.'}`;
      } else {
        continue;
      }
      report({
        start: name.start,
        end: name.end,
        message,
        fixes: [fix(target ? `Use the key prefix "${target}"` : 'Clear the folder', [name.replaceWith(target)], true)],
      });
    }
  },
};
