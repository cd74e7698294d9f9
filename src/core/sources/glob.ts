// Minimal glob matching (`**`, `*`, `?`, `{a,b}`) on forward-slash paths, shared by the CLI and the editor.

const cache = new Map<string, RegExp>();

function toRegExp(glob: string): RegExp {
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more whole segments; a trailing `**` matches the rest.
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      depth++;
      out += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      out += ')';
    } else if (c === ',' && depth > 0) out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** True when `path` (relative, `/`-separated) matches `glob`; a glob without `/` matches the base name. */
export function matchesGlob(path: string, glob: string): boolean {
  let re = cache.get(glob);
  if (!re) {
    re = toRegExp(glob);
    cache.set(glob, re);
  }
  const subject = glob.includes('/') ? path : path.slice(path.lastIndexOf('/') + 1);
  return re.test(subject);
}

/** `glob` with every `{a,b}` group expanded into separate globs (VS Code's search rejects nested groups). */
export function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open < 0) return [glob];
  let depth = 0;
  const cuts: number[] = [];
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) {
      const alternatives: string[] = [];
      let from = open + 1;
      for (const cut of [...cuts, i]) {
        alternatives.push(glob.slice(from, cut));
        from = cut + 1;
      }
      const rest = glob.slice(i + 1);
      return alternatives.flatMap((a) => expandBraces(glob.slice(0, open) + a + rest));
    } else if (glob[i] === ',' && depth === 1) cuts.push(i);
  }
  return [glob];
}
