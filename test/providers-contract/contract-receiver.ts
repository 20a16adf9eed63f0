// A stand-in for the portal's /api/callbacks/<provider> route, used by the contract suite: it records every
// callback the simulator sends and answers with the adapter's own ack (so VTpass stops retrying only on success).
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallbackInput, ProviderAdapter } from '@/lib/providers/types';
import type { ProviderId } from '@/lib/providers/registry';

export interface ReceivedCallback {
  provider: ProviderId;
  input: CallbackInput;
}

export interface CallbackReceiver {
  url: string;
  received: ReceivedCallback[];
  register(adapter: ProviderAdapter<ProviderId>): void;
  close(): Promise<void>;
}

export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const adapters = new Map<string, ProviderAdapter<ProviderId>>();
  const server = createServer((req, res) => {
    void readAll(req).then((rawBody) => {
      const url = new URL(req.url ?? '/', 'http://receiver');
      const provider = /^\/api\/callbacks\/([a-z]+)$/.exec(url.pathname)?.[1] ?? '';
      const input: CallbackInput = {
        method: req.method ?? 'POST',
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [
            k,
            Array.isArray(v) ? v.join(', ') : (v ?? ''),
          ]),
        ),
        query: Object.fromEntries(url.searchParams),
        rawBody,
      };
      const adapter = adapters.get(provider);
      if (!adapter) return void res.writeHead(404).end();
      received.push({ provider: adapter.id, input });
      const { ack } = adapter.parseCallback(input);
      res.writeHead(ack.status, { 'Content-Type': ack.contentType }).end(ack.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    register: (adapter) => void adapters.set(adapter.id, adapter),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
