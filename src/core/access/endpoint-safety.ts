// Endpoints a live test refuses to call: the cloud instance-metadata services (IPv4 link-local 169.254.0.0/16, AWS's
// IPv6 fd00:ec2::254, GCP's metadata host names). A workspace file must not be able to point credentials at them.
import { cidrContains, parseCidr, parseIp } from '../iam/ip';

const refusedBlocks = ['169.254.0.0/16', 'fd00:ec2::254/128'].map((c) => parseCidr(c)!);
const refusedHosts = new Set(['metadata.google.internal', 'metadata.goog', 'metadata']);

/** The IPv4 address an IPv4-mapped IPv6 address (`::ffff:a9fe:a9fe`) stands for. */
function unmapped(bytes: Uint8Array): Uint8Array | undefined {
  const mapped = bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? bytes.slice(12) : undefined;
}

/** Why `endpoint` must not be called, or undefined when it may be. The URL parser already folds `2852039166` or `0xa9.0xfe…` into dotted form. */
export function refusedEndpoint(endpoint: string): string | undefined {
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    return `${endpoint} is not a URL`;
  }
  host = host.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (refusedHosts.has(host)) return `${host} is a cloud metadata service, not a storage endpoint`;
  const ip = parseIp(host);
  if (!ip) return undefined;
  const v4 = ip.version === 6 ? unmapped(ip.bytes) : undefined;
  const address = v4 ? { version: 4 as const, bytes: v4 } : ip;
  return refusedBlocks.some((block) => cidrContains(block, address)) ? `${host} is a link-local or instance-metadata address, not a storage endpoint` : undefined;
}
