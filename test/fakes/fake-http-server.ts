// A loopback HTTP server for the platform fakes: listens on 127.0.0.1 port 0,
// reads each request body fully, hands it to the fake's handler, and turns a
// crash in a fake into a loud 500 instead of a hung request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeHandler = (req: IncomingMessage, res: ServerResponse, rawBody: Buffer) => Promise<void>;

export class FakeHttpServer {
  private server: Server | undefined;
  private baseUrl: string | undefined;
  private readonly onStop: Array<() => void> = [];
  /** Errors thrown by the fake's own handler (bugs in the fake, not injected failures). */
  readonly handlerErrors: Error[] = [];

  constructor(
    private readonly name: string,
    private readonly handler: FakeHandler,
  ) {}

  get url(): string {
    if (this.baseUrl === undefined) throw new Error(`${this.name} is not started; call start() first`);
    return this.baseUrl;
  }

  get started(): boolean {
    return this.server !== undefined;
  }

  /** Runs before the sockets are closed on stop(), e.g. to release long polls. */
  beforeStop(hook: () => void): void {
    this.onStop.push(hook);
  }

  async start(): Promise<{ url: string }> {
    if (this.server) throw new Error(`${this.name} is already started at ${this.baseUrl}`);
    const server = createServer((req, res) => {
      void this.dispatch(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return { url: this.baseUrl };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.baseUrl = undefined;
    for (const hook of this.onStop) hook();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const raw = await readBody(req);
      await this.handler(req, res, raw);
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      this.handlerErrors.push(err);
      console.error(`[${this.name}] handler crashed on ${req.method} ${req.url}:`, err);
      if (!res.headersSent && !res.destroyed) {
        sendJson(res, 500, { fakeError: `${this.name} crashed: ${err.message}` });
      } else {
        res.destroy();
      }
    }
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** True once the client has gone away or the response has been written. */
export function isFinished(res: ServerResponse): boolean {
  return res.destroyed || res.writableEnded;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendText(res, status, JSON.stringify(body), 'application/json', headers);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  if (isFinished(res)) return;
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/**
 * Waits `ms`, or less if the client disconnects first (e.g. an SDK timeout
 * or the fake being stopped). Resolves true when the full time elapsed.
 */
export function pause(ms: number, res: ServerResponse): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!isFinished(res));
  if (isFinished(res)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}
