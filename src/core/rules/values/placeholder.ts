// Values that are not real yet: template markers and the filler words guides use for "put yours here".

// `<YOUR_KEY>`, `${VAR}`, `$VAR`, `{{ .Values.x }}`; each alternative stops at its own first character (linear).
const marker = /<[^<>]*>|\$\{[^}$]*\}|\$[A-Za-z_]|\{\{[^{}]*\}\}/;
const filler = /^(?:change[-_ ]?me|replace[-_ ]?me|todo|tbd|x{3,}|[*.]{3,}|none|null|dummy|redacted)$/i;

/** True when `value` is a marker to be filled in or substituted at deploy time, not a value anyone could use. */
export function isPlaceholder(value: string): boolean {
  const text = value.trim();
  return marker.test(text) || filler.test(text);
}
