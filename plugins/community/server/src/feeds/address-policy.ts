import net from 'node:net';

/** IPv4 ranges that are not the public internet: [network, prefix length]. */
const IPV4_NON_PUBLIC: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
];

function ipv4Number(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

const IPV4_RANGES = IPV4_NON_PUBLIC.map(([network, bits]) => {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { network: (ipv4Number(network) & mask) >>> 0, mask };
});

function isPublicIPv4Number(n: number): boolean {
  return !IPV4_RANGES.some(({ network, mask }) => ((n & mask) >>> 0) === network);
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped, embedded IPv4 expanded). */
function ipv6Groups(address: string): number[] | null {
  let text = address.replace(/%.*$/, '').toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    if (!net.isIPv4(v4[1]!)) return null;
    const n = ipv4Number(v4[1]!);
    text = `${text.slice(0, -v4[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return groups.some((g) => Number.isNaN(g) || g < 0 || g > 0xffff) ? null : groups;
}

function isPublicIPv6(groups: number[]): boolean {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const embedded = ((g6 << 16) | g7) >>> 0;
  // ::ffff:a.b.c.d reaches the IPv4 address it carries.
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) return isPublicIPv4Number(embedded);
  // NAT64 (64:ff9b::/96) translates to the IPv4 address in its last 32 bits.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return isPublicIPv4Number(embedded);
  // 6to4 (2002::/16) carries an IPv4 address in bits 16–48.
  if (g0 === 0x2002) return isPublicIPv4Number(((g1 << 16) | g2) >>> 0);
  // Only global unicast (2000::/3) is public; this excludes ::, ::1, fc00::/7, fe80::/10, ff00::/8 and 64:ff9b:1::/48.
  if ((g0 & 0xe000) !== 0x2000) return false;
  if (g0 === 0x2001 && g1 < 0x200) return false; // Teredo, benchmarking, ORCHID and other IETF special use
  if (g0 === 0x2001 && g1 === 0xdb8) return false; // documentation
  if (g0 === 0x3fff && g1 < 0x1000) return false; // documentation (3fff::/20)
  return true;
}

/**
 * Whether an IP address (v4 dotted quad or v6) is on the public internet. Anything else —
 * loopback, private, link-local, CGNAT, multicast, reserved, documentation ranges, IPv6
 * local forms and v6 forms that carry such a v4 address — and anything that is not an
 * IP address at all, is not.
 */
export function isPublicAddress(address: string): boolean {
  if (net.isIPv4(address)) return isPublicIPv4Number(ipv4Number(address));
  if (net.isIPv6(address)) {
    const groups = ipv6Groups(address);
    return groups !== null && isPublicIPv6(groups);
  }
  return false;
}
