// Fill-in markers the platform guides print in their policies (`<YOUR_S3_BUCKET>`, `{YOUR_BUCKET}`,
// `YOUR_BUCKET_NAME`, `<ACCOUNT_ID>`, `x.x.x.x/32`, `YOUR_VPN_SUBNET`, `<my-shared-secret>`), told apart from the
// `${aws:username}` policy variables AWS fills in itself.
import { memoize } from './memo';

// Angle brackets; braces not opened by `$`; upper-case YOUR_… words (bucket names and ARNs are lower case); x.x.x.x.
const marker = /<[^<>"]{1,80}>|(?<!\$)\{[A-Za-z_][\w -]{0,79}\}|\bYOUR[_-][A-Z0-9_-]+|(?<![\w.])[xX]\.[xX]\.[xX]\.[xX](?![\w.])/g;

export interface PlaceholderAt {
  text: string;
  index: number;
}

/** Whether `value` holds a character every placeholder starts with (plain searches: far cheaper than the pattern). */
const mayHold = (value: string) => value.includes('<') || value.includes('{') || value.includes('YOUR') || value.includes('.x') || value.includes('.X');

/** The placeholders in `value`, in order (remembered per string: several rules ask about every ARN and value). */
export const findPlaceholders: (value: string) => readonly PlaceholderAt[] = memoize((value) => (mayHold(value) ? [...value.matchAll(marker)].map((m) => ({ text: m[0], index: m.index })) : []));

export function hasPlaceholder(value: string): boolean {
  return findPlaceholders(value).length > 0;
}
