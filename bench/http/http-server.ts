// Child process of bench/http/run-http.ts: one server on a free loopback port, then `{ kind: 'ready', port }`
// to the parent (which runs autocannon from its own process). `ours <rooms>`: `room-query serve --rooms <n>
// --rate-limit off`, parsed and started by the CLI's own code (parseCliArgs → runServe). `bare <rooms> <paths…>`:
// the same server is started, each path is fetched from it once (status, headers, body bytes), it is closed,
// and a bare node:http server answers every request with those recorded bytes: nothing but node:http's cost.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as E from 'fp-ts/lib/Either.js';
import { parseCliArgs } from '../../src/cli/parse-cli-args.js';
import { runServe } from '../../src/cli/run-serve.js';
import { generateUsers } from '../../src/fixtures/index.js';

const [kind, rooms = '100000', ...paths] = process.argv.slice(2);
const SEED = 42; // the CLI's default seed: its admin is generateUsers({ seed: 42 })[0]
const admin = generateUsers({ seed: SEED })[0]!;
const ADMIN_HEADERS = { 'x-user-id': admin._id, 'x-auth-token': admin.token };

const startOurs = async (): Promise<Server> => {
  const command = parseCliArgs(['serve', '--rooms', rooms, '--rate-limit', 'off', '--port', '0', '--seed', String(SEED)]);
  if (E.isLeft(command) || command.right.kind !== 'serve') throw new Error(`serve arguments: ${JSON.stringify(command)}`);
  const quiet = { out: () => undefined, err: () => undefined };
  const server = await runServe(command.right, quiet);
  if (E.isLeft(server)) throw new Error(server.left);
  return server.right;
};

interface Recorded {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** Headers node:http sets itself on every response (the bare server lets it, like ours). */
const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

const record = (port: number, path: string): Promise<Recorded> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: ADMIN_HEADERS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (!OWN_HEADERS.has(k) && typeof v === 'string') headers[k] = v;
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });

const startBare = async (): Promise<Server> => {
  const ours = await startOurs();
  const { port } = ours.address() as AddressInfo;
  const answers = new Map<string, Recorded>();
  for (const path of paths) answers.set(path, await record(port, path));
  await new Promise((resolve) => ours.close(resolve));
  ours.closeAllConnections();
  const notFound: Recorded = { status: 404, headers: {}, body: Buffer.alloc(0) };
  const bare = createServer((req, res) => {
    const answer = answers.get(req.url ?? '') ?? notFound;
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  return bare;
};

const server = kind === 'bare' ? await startBare() : await startOurs();
(globalThis as { gc?: () => void }).gc?.();
process.send?.({ kind: 'ready', port: (server.address() as AddressInfo).port, rss: process.memoryUsage().rss });
process.on('message', (m: { kind: string }) => {
  if (m.kind === 'stop') server.close(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
