// How long a signed URL may live: what the user typed, read and clamped to what the provider signs, with the reasons
// it may stop working sooner (temporary credentials end the URL with them).
import type { Provider } from './model';

/** S3 SigV4 and GCS V4 signatures are valid for at most 7 days. */
export const maxSignedSeconds = 7 * 24 * 3600;

export interface ExpiryContext {
  provider: Provider;
  /** Session credentials (STS, a role, IRSA, an instance profile): the URL dies with them. */
  temporary?: boolean;
  /** When the signing credentials expire, if known. */
  credentialsExpire?: Date;
  now?: Date;
}

export type ExpiryWarning = 'clamped' | 'temporary-credentials' | 'credentials-expire-sooner';

export interface Expiry {
  seconds: number;
  warnings: ExpiryWarning[];
}

const units: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Reads `90`, `90s`, `15m`, `12h`, `7d` (or `1h30m`) as seconds; undefined for anything else or zero. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) > 0 ? Number(trimmed) : undefined;
  if (!/^(?:\d+\s*[smhd]\s*)+$/.test(trimmed)) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)\s*([smhd])/g)) seconds += Number(amount) * units[unit];
  return seconds > 0 ? seconds : undefined;
}

/**
 * The longest lifetime signed per provider. An Azure account-key SAS has no documented maximum, but a user-delegation
 * SAS ends with its key (at most 7 days): the same bound keeps a link valid whichever way the container is signed.
 */
const maxByProvider: Readonly<Record<Provider, number>> = { s3: maxSignedSeconds, gcs: maxSignedSeconds, azure: maxSignedSeconds };

export function maxExpirySeconds(provider: Provider): number {
  return maxByProvider[provider];
}

/** The lifetime to sign with for `requested` seconds, and why the URL may not live that long. */
export function clampExpiry(requested: number, context: ExpiryContext): Expiry {
  const warnings: ExpiryWarning[] = [];
  let seconds = Math.max(1, Math.floor(requested));
  if (seconds > maxExpirySeconds(context.provider)) {
    seconds = maxExpirySeconds(context.provider);
    warnings.push('clamped');
  }
  if (context.credentialsExpire) {
    const left = Math.floor((context.credentialsExpire.getTime() - (context.now ?? new Date()).getTime()) / 1000);
    if (left < seconds) {
      seconds = Math.max(1, left);
      warnings.push('credentials-expire-sooner');
    }
  } else if (context.temporary) {
    warnings.push('temporary-credentials');
  }
  return { seconds, warnings };
}

/** `3600` → `1 h`, `604800` → `7 d`, `5400` → `1 h 30 min`. */
export function formatDuration(seconds: number): string {
  const parts: string[] = [];
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (rest || parts.length === 0) parts.push(`${rest} s`);
  return parts.join(' ');
}
