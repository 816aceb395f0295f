// A tiny authoritative DNS server over UDP on a loopback port, for testing the node:dns resolvers
// without the network. Answers from a table; `drop` names get no answer (the client times out).
import { createSocket, type Socket } from 'node:dgram';

export interface FakeAnswer {
  rcode?: number; // 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED
  A?: string[];
  AAAA?: string[];
  TXT?: string[][];
  /** type 99, the retired SPF RR type */
  SPF?: string[][];
  MX?: [number, string][];
  drop?: boolean;
}

const TYPE = { A: 1, NS: 2, CNAME: 5, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SPF: 99 } as const;

function encodeName(name: string): Buffer {
  const parts = name.replace(/\.$/, '').split('.').filter(Boolean);
  return Buffer.concat([
    ...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p)])),
    Buffer.from([0]),
  ]);
}

function rr(type: number, data: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0xc00c, 0); // pointer to the question name
  head.writeUInt16BE(type, 2);
  head.writeUInt16BE(1, 4);
  head.writeUInt32BE(60, 6);
  head.writeUInt16BE(data.length, 10);
  return Buffer.concat([head, data]);
}

function answer(
  query: Buffer,
  table: Record<string, FakeAnswer>,
  asked?: Map<string, number>,
): Buffer | null {
  let i = 12;
  const labels: string[] = [];
  while (query[i] !== 0) {
    labels.push(query.subarray(i + 1, i + 1 + query[i]).toString());
    i += query[i] + 1;
  }
  const qtype = query.readUInt16BE(i + 1);
  const questionEnd = i + 5;
  const name = labels.join('.').toLowerCase();
  asked?.set(name, (asked.get(name) ?? 0) + 1);
  const entry = table[name];
  if (entry?.drop) return null;
  const rcode = entry ? (entry.rcode ?? 0) : 3;
  const records: Buffer[] = [];
  if (entry && rcode === 0) {
    if (qtype === TYPE.A)
      for (const a of entry.A ?? []) records.push(rr(qtype, Buffer.from(a.split('.').map(Number))));
    if (qtype === TYPE.TXT || qtype === TYPE.SPF) {
      for (const strings of (qtype === TYPE.TXT ? entry.TXT : entry.SPF) ?? []) {
        records.push(
          rr(
            qtype,
            Buffer.concat(
              strings.map((s) => Buffer.concat([Buffer.from([Buffer.byteLength(s)]), Buffer.from(s)])),
            ),
          ),
        );
      }
    }
    if (qtype === TYPE.MX) {
      for (const [pref, host] of entry.MX ?? []) {
        const p = Buffer.alloc(2);
        p.writeUInt16BE(pref);
        records.push(rr(qtype, Buffer.concat([p, encodeName(host)])));
      }
    }
  }
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  header.writeUInt16BE(0x8400 | (query.readUInt16BE(2) & 0x0100) | rcode, 2); // QR, AA, RD copied
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(records.length, 6);
  return Buffer.concat([header, query.subarray(12, questionEnd), ...records]);
}

export async function startFakeDns(
  table: Record<string, FakeAnswer>,
): Promise<{ address: string; close: () => void; asked: Map<string, number> }> {
  const socket: Socket = createSocket('udp4');
  // how many queries arrived per name: tests count work done instead of timing it
  const asked = new Map<string, number>();
  socket.on('message', (msg, rinfo) => {
    const reply = answer(msg, table, asked);
    if (reply) socket.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { address: `127.0.0.1:${socket.address().port}`, close: () => socket.close(), asked };
}
