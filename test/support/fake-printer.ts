// A network receipt printer on loopback: listens like an Ethernet ESC/POS printer on its raw port, records
// every byte of each job, and reads a job back as a printer would — the commands it understands (init, code
// page, alignment, bold, size, feed, cut) and the text in the selected code page, line by line. A command it
// does not know fails the reading, so a test cannot pass on bytes a real printer would misprint.
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

/** Epson's code-page numbers (ESC t n) for the pages a test may meet. */
const EPSON_PAGES: Record<number, string> = { 0: 'cp437', 2: 'cp850', 16: 'windows1252', 19: 'cp858' };

export interface PrintJob {
  bytes: Buffer;
}

export interface ReadJob {
  lines: string[];
  codepages: string[];
  cuts: ('full' | 'partial')[];
  initialised: boolean;
  boldLines: string[];
}

export async function startFakePrinter(): Promise<{
  host: string;
  port: number;
  jobs: PrintJob[];
  close(): Promise<void>;
  server: Server;
}> {
  const jobs: PrintJob[] = [];
  const server = createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => {
      jobs.push({ bytes: Buffer.concat(chunks) });
      socket.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    jobs,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function readJob(bytes: Buffer): ReadJob {
  const out: ReadJob = { lines: [], codepages: [], cuts: [], initialised: false, boldLines: [] };
  let page = 'cp437';
  // The line so far: what earlier code pages decoded, and the bytes in the current page.
  let decoded = '';
  let text: number[] = [];
  let bold = false;
  let lineBold = false;
  const decodePending = () => {
    decoded += iconv.decode(Buffer.from(text), page);
    text = [];
  };
  const flush = () => {
    decodePending();
    const line = decoded.trim();
    out.lines.push(line);
    if (lineBold) out.boldLines.push(line);
    decoded = '';
    lineBold = bold;
  };
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const next = bytes[i + 1];
    if (b === 0x0a) {
      flush();
      i += 1;
    } else if (b === 0x1b && next === 0x40) {
      out.initialised = true;
      i += 2;
    } else if (b === 0x1b && next === 0x74) {
      const name = EPSON_PAGES[bytes[i + 2]!];
      if (!name) throw new Error(`unknown code page ${bytes[i + 2]}`);
      // Text already received was in the previous page.
      decodePending();
      page = name;
      out.codepages.push(name);
      i += 3;
    } else if (b === 0x1b && next === 0x45) {
      bold = bytes[i + 2] === 1;
      if (bold) lineBold = true;
      i += 3;
    } else if (b === 0x1b && (next === 0x61 || next === 0x4d || next === 0x64 || next === 0x21)) {
      i += 3; // alignment, font, feed n lines, print mode
    } else if (b === 0x1d && next === 0x21) {
      i += 3; // character size
    } else if (b === 0x1c && next === 0x2e) {
      i += 2; // Kanji mode off
    } else if (b === 0x1d && next === 0x56) {
      const m = bytes[i + 2]!;
      out.cuts.push(m === 0 || m === 0x30 || m === 65 ? 'full' : 'partial');
      i += m >= 65 ? 4 : 3;
    } else if (b < 0x20) {
      throw new Error(`unknown command 0x${b.toString(16)} 0x${(next ?? 0).toString(16)} at byte ${i}`);
    } else {
      text.push(b);
      i += 1;
    }
  }
  if (text.length > 0 || decoded.length > 0) flush();
  return out;
}
