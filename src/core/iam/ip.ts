// IPv4 and IPv6 addresses and CIDR blocks, as the IpAddress / NotIpAddress condition operators compare them.

export interface IpAddress {
  version: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: Uint8Array;
}

export interface Cidr extends IpAddress {
  /** Leading bits that must match (32 or 128 for a plain address). */
  prefix: number;
}

const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const hexGroup = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): Uint8Array | undefined {
  const m = ipv4.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? Uint8Array.from(parts) : undefined;
}

/** Eight 16-bit groups, `::` standing for a run of zero groups, the last 32 bits optionally dotted IPv4. */
function parseIpv6(text: string): Uint8Array | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string): number[] | undefined => {
    if (half === '') return [];
    const out: number[] = [];
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const v4 = i === parts.length - 1 && part.includes('.') ? parseIpv4(part) : undefined;
      if (v4) out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      else if (hexGroup.test(part)) out.push(parseInt(part, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array<number>(missing).fill(0), ...tail];
  return Uint8Array.from(all.flatMap((g) => [g >> 8, g & 0xff]));
}

export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4) return { version: 4, bytes: v4 };
  const v6 = text.includes(':') ? parseIpv6(text) : undefined;
  return v6 ? { version: 6, bytes: v6 } : undefined;
}

/** `203.0.113.0/24`, `2001:db8::/32`, or a plain address (a block of one). */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  const ip = parseIp(slash === -1 ? text : text.slice(0, slash));
  if (!ip) return undefined;
  const bits = ip.version === 4 ? 32 : 128;
  if (slash === -1) return { ...ip, prefix: bits };
  const prefixText = text.slice(slash + 1);
  const prefix = Number(prefixText);
  return /^\d{1,3}$/.test(prefixText) && prefix <= bits ? { ...ip, prefix } : undefined;
}

/** Whether the block has bits set past its prefix (`10.0.0.7/24`): AWS matches by the prefix, the author likely meant less. */
export function hasHostBits(cidr: Cidr): boolean {
  for (let bit = cidr.prefix; bit < cidr.bytes.length * 8; bit++) if (cidr.bytes[bit >> 3] & (0x80 >> (bit & 7))) return true;
  return false;
}

export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.version !== ip.version) return false;
  const whole = cidr.prefix >> 3;
  for (let i = 0; i < whole; i++) if (cidr.bytes[i] !== ip.bytes[i]) return false;
  const rest = cidr.prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (cidr.bytes[whole] & mask) === (ip.bytes[whole] & mask);
}
