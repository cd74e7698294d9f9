// A reverse proxy on 127.0.0.1 in front of a real server that injects faults: latency on every request, and for
// requests a rule matches a stall (no answer ever), a connection reset, or an error status. Signed requests pass
// through unchanged (the Host header is kept), so SigV4 still verifies at the server behind it.
import { request as httpRequest, createServer, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault = { kind: 'stall' } | { kind: 'reset' } | { kind: 'status'; status: number; code: string };

export interface FaultRule {
  method?: string;
  /** Tested against the request's path and query. */
  path?: RegExp;
  fault: Fault;
  /** How many matching requests get the fault (every one when omitted). */
  times?: number;
}

export interface SeenRequest {
  method: string;
  url: string;
  /** The Range header, when sent. */
  range?: string;
  fault?: Fault['kind'];
}

export interface FaultProxy {
  /** `http://127.0.0.1:PORT`: use it as the endpoint instead of the server's. */
  endpoint: string;
  /** Delay before each request is handled (or faulted). */
  latencyMs: number;
  addRule(rule: FaultRule): void;
  /** Removes every rule and forgets the requests seen. */
  reset(): void;
  readonly requests: readonly SeenRequest[];
  stop(): Promise<void>;
}

/** An S3-style XML error body, so SDKs read the code as they would from the server. */
function errorBody(code: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>injected by the fault proxy</Message></Error>`;
}

export async function startFaultProxy(target: string, latencyMs = 0): Promise<FaultProxy> {
  const upstream = new URL(target);
  const rules: { rule: FaultRule; left: number }[] = [];
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const upstreamRequests = new Set<ClientRequest>();

  const faultFor = (req: IncomingMessage): Fault | undefined => {
    const entry = rules.find(({ rule, left }) => left > 0 && (!rule.method || rule.method === req.method) && (!rule.path || rule.path.test(req.url ?? '')));
    if (!entry) return undefined;
    entry.left--;
    return entry.rule.fault;
  };

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.destroy());
    // A client that went away (cancelled, timed out) takes its upstream request with it, as a real server's would end.
    res.on('close', () => {
      if (!res.writableFinished) out.destroy();
    });
    upstreamRequests.add(out);
    out.on('close', () => upstreamRequests.delete(out));
    req.pipe(out);
  };

  const proxy: FaultProxy = {
    endpoint: '',
    latencyMs,
    addRule: (rule) => rules.push({ rule, left: rule.times ?? Infinity }),
    reset: () => {
      rules.length = 0;
      requests.length = 0;
    },
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        for (const out of upstreamRequests) out.destroy();
        server.close(() => resolve());
      }),
  };

  const server = createServer((req, res) => {
    const fault = faultFor(req);
    requests.push({ method: req.method ?? '', url: req.url ?? '', ...(req.headers.range ? { range: req.headers.range } : {}), ...(fault ? { fault: fault.kind } : {}) });
    setTimeout(() => {
      if (!fault) return forward(req, res);
      // Read the body first: the client has then sent everything, as before a real server failure.
      req.resume();
      req.on('end', () => {
        if (fault.kind === 'reset') req.socket.destroy();
        else if (fault.kind === 'status') {
          const body = errorBody(fault.code);
          res.writeHead(fault.status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) }).end(body);
        }
        // A stall answers nothing, ever; stop() closes the socket.
      });
    }, proxy.latencyMs);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
