// A minimal DNS client over UDP for the one question c-ares cannot ask: type SPF (99), which
// RFC 7208 §3.1 retired but which some zones still publish (the linter reports it as info).
import { createSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import type { DnsResult } from '../types.js';

const RCODES: Record<number, DnsResult['rcode']> = {
  0: 'NOERROR',
  2: 'SERVFAIL',
  3: 'NXDOMAIN',
  5: 'REFUSED',
};

/** "host", "host:port", "[v6]:port" or a bare IPv6 address -> [address, port]. */
export function splitServer(server: string): [string, number] {
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
  if (bracket) return [bracket[1], Number(bracket[2] ?? 53)];
  if (isIPv6(server)) return [server, 53];
  const colon = server.lastIndexOf(':');
  return colon < 0 ? [server, 53] : [server.slice(0, colon), Number(server.slice(colon + 1))];
}

function encodeQuery(id: number, name: string, qtype: number): Buffer | null {
  const labels = name.replace(/\.$/, '').split('.');
  if (labels.some((l) => l.length === 0 || l.length > 63) || name.length > 253) return null;
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100, 2); // RD
  header.writeUInt16BE(1, 4);
  const parts = labels.map((l) => Buffer.concat([Buffer.from([Buffer.byteLength(l)]), Buffer.from(l)]));
  const tail = Buffer.alloc(5);
  tail.writeUInt16BE(qtype, 1);
  tail.writeUInt16BE(1, 3); // IN
  return Buffer.concat([header, ...parts, tail]);
}

/** Skip a (possibly compressed) name; returns the offset after it, or -1 when malformed. */
function skipName(msg: Buffer, at: number): number {
  let i = at;
  for (let guard = 0; guard < 128 && i < msg.length; guard++) {
    const len = msg[i];
    if (len === 0) return i + 1;
    if ((len & 0xc0) === 0xc0) return i + 2 <= msg.length ? i + 2 : -1;
    i += len + 1;
  }
  return -1;
}

/** Parse a response: the character-strings of each answer RR of `qtype`. */
export function parseTxtLikeResponse(msg: Buffer, id: number, qtype: number): DnsResult | null {
  if (msg.length < 12 || msg.readUInt16BE(0) !== id) return null;
  const flags = msg.readUInt16BE(2);
  if (flags & 0x0200) return { rcode: 'ERROR', answers: [] }; // truncated: would need TCP
  const rcode = RCODES[flags & 0x0f] ?? 'ERROR';
  if (rcode !== 'NOERROR') return { rcode, answers: [] };
  const qd = msg.readUInt16BE(4);
  const an = msg.readUInt16BE(6);
  let i = 12;
  for (let q = 0; q < qd; q++) {
    i = skipName(msg, i);
    if (i < 0) return { rcode: 'ERROR', answers: [] };
    i += 4;
  }
  const answers: string[][] = [];
  for (let a = 0; a < an; a++) {
    i = skipName(msg, i);
    if (i < 0 || i + 10 > msg.length) return { rcode: 'ERROR', answers: [] };
    const type = msg.readUInt16BE(i);
    const rdlength = msg.readUInt16BE(i + 8);
    const start = i + 10;
    const end = start + rdlength;
    if (end > msg.length) return { rcode: 'ERROR', answers: [] };
    if (type === qtype) {
      const strings: string[] = [];
      for (let k = start; k < end; ) {
        const len = msg[k];
        strings.push(msg.subarray(k + 1, Math.min(end, k + 1 + len)).toString('utf8'));
        k += len + 1;
      }
      answers.push(strings);
    }
    i = end;
  }
  return { rcode: 'NOERROR', answers };
}

/** Ask `server` one question of a TXT-like type (SPF, 99) over UDP. */
export function queryTxtLike(
  server: string,
  name: string,
  qtype: number,
  timeoutMs: number,
): Promise<DnsResult> {
  const [address, port] = splitServer(server);
  const id = Math.floor(Math.random() * 0xffff);
  const query = encodeQuery(id, name, qtype);
  if (!query) return Promise.resolve({ rcode: 'ERROR', answers: [] });
  return new Promise((resolve) => {
    const socket = createSocket(isIPv6(address) ? 'udp6' : 'udp4');
    const finish = (r: DnsResult) => {
      clearTimeout(timer);
      socket.close();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ rcode: 'TIMEOUT', answers: [] }), timeoutMs);
    socket.on('error', () => finish({ rcode: 'ERROR', answers: [] }));
    socket.on('message', (msg) => {
      const r = parseTxtLikeResponse(msg, id, qtype);
      if (r) finish(r);
    });
    socket.send(query, port, address);
  });
}
