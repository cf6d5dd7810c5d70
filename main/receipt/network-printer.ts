// Raw printing to a network receipt printer: the bytes to TCP port 9100 (the "RAW"/JetDirect port every
// Ethernet ESC/POS printer listens on), then the connection closed. The printer answers nothing on this
// port: a print is done when every byte has been accepted and the socket closed without error.
import { connect } from 'node:net';
import { TillError } from '../../preload/contract/errors';

export const RAW_PRINT_PORT = 9100;

export interface NetworkPrinter {
  host: string;
  port?: number;
}

export function sendToNetworkPrinter(
  printer: NetworkPrinter,
  bytes: Uint8Array,
  timeoutMs = 5000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: printer.host, port: printer.port ?? RAW_PRINT_PORT });
    let settled = false;
    const fail = (detail: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(new TillError('PRINTER_UNREACHABLE', detail, { host: printer.host }));
    };
    socket.setTimeout(timeoutMs, () => fail(`no answer from ${printer.host} within ${timeoutMs} ms`));
    socket.once('error', (error) => fail(error.message));
    socket.once('connect', () => {
      socket.end(Buffer.from(bytes));
    });
    socket.once('close', (hadError) => {
      if (settled) return;
      if (hadError) return fail('the connection broke');
      settled = true;
      resolve();
    });
  });
}
