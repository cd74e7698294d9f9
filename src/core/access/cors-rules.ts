// Whether a bucket's CORS rules let a browser on the Label Studio origin GET what presigned URLs point at.
import type { CorsRule } from './storage-client';

/** S3 matches an AllowedOrigin with at most one `*` standing for any run of characters; origins compare case-sensitively. */
function originMatches(pattern: string, origin: string): boolean {
  const star = pattern.indexOf('*');
  if (star === -1) return pattern === origin;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  return origin.length >= head.length + tail.length && origin.startsWith(head) && origin.endsWith(tail);
}

/** The first rule allowing `method` from `origin`, or undefined when none does. */
export function corsRuleFor(rules: readonly CorsRule[], origin: string, method = 'GET'): CorsRule | undefined {
  return rules.find((r) => r.methods.some((m) => m.toUpperCase() === method) && r.origins.some((o) => originMatches(o, origin)));
}
