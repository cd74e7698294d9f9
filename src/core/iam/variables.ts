// Policy variables in Resource and Condition values (Version 2012-10-17 only): `${aws:username}`, a default for a
// missing key `${aws:PrincipalTag/team, 'none'}`, and `${*}`, `${?}`, `${$}` for the characters themselves.

export type TemplatePart =
  /** Text as written (in a Resource or a *Like value its `*` and `?` are wildcards). */
  | { text: string }
  /** A character that must match itself: `${*}` is a literal `*`. */
  | { literal: string }
  | { variable: string; fallback?: string };

const variable = /\$\{([^}]*)\}/g;
const withDefault = /^\s*([^,\s]+)\s*,\s*'([^']*)'\s*$/;

export function hasPolicyVariable(text: string): boolean {
  return text.includes('${');
}

/** Splits `text` into text, literal characters and variables; anything `${…}` that is not a variable stays text. */
export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let at = 0;
  for (const match of text.matchAll(variable)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    const inner = match[1].trim();
    const fallback = withDefault.exec(match[1]);
    if (inner === '*' || inner === '?' || inner === '$') parts.push({ literal: inner });
    else if (fallback) parts.push({ variable: fallback[1], fallback: fallback[2] });
    else if (inner !== '') parts.push({ variable: inner });
    else parts.push({ text: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
