// A chat-completions server on 127.0.0.1 for development and tests of the writing help (docs/writing-help.md):
// OpenAI's `POST /v1/chat/completions`, streamed as server-sent events or in one piece, answering from a
// script (tests) or, run alone, a plain stand-in that drafts from the material's title (no model).
//   npm run writing:server          port 8808, any key, model "local"
//   PORT=9000 API_KEY=secret npm run writing:server

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** How the server answers one request. */
export interface Reply {
  /** Not 200: an error answer with this body (`{"error":{"message":…}}` when omitted). */
  status?: number;
  headers?: Record<string, string>;
  /** The answer's text, in the pieces it is streamed in. */
  pieces?: string[];
  /** Streamed as server-sent events (the default) or one JSON answer. */
  stream?: boolean;
  /** A pause before each piece. */
  delayMs?: number;
  /** The connection is cut after this many pieces (no `[DONE]`). */
  dropAfter?: number;
  /** Nothing more is sent after this many pieces, and the connection stays open. */
  stallAfter?: number;
  /** Raw lines written instead of pieces (a malformed stream). */
  raw?: string;
  body?: string;
}

export interface ChatRequestSeen {
  authorization?: string;
  body: {
    model?: string;
    stream?: boolean;
    messages?: { role: string; content: string }[];
  };
}

export interface ChatServer {
  /** `http://127.0.0.1:<port>/v1` */
  url: string;
  /** Every request, oldest first. */
  seen: ChatRequestSeen[];
  /** The next requests' answers, one each (then `fallback`). */
  script: Reply[];
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      data += chunk;
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The stand-in's answer: a sentence about the material's title, in the language the instructions ask for. */
export function standInReply(request: ChatRequestSeen['body']): Reply {
  const system = request.messages?.find((m) => m.role === 'system')?.content ?? '';
  const material = request.messages?.find((m) => m.role === 'user')?.content ?? '';
  const title = /Title: (.*)/.exec(material)?.[1]?.trim() ?? material.split('\n')[1]?.trim() ?? '';
  const text = /Simplified Chinese/.test(system)
    ? `（本地测试服务器草稿）${title}。`
    : `(Local test server draft) ${title}.`;
  return { pieces: [...text.matchAll(/.{1,8}/gsu)].map((m) => m[0]) };
}

/** Starts the server (port 0: any free one). `fallback` answers when the script is empty. */
export async function startChatServer(
  options: { port?: number; apiKey?: string; fallback?: (request: ChatRequestSeen['body']) => Reply } = {},
): Promise<ChatServer> {
  const seen: ChatRequestSeen[] = [];
  const script: Reply[] = [];
  const fallback = options.fallback ?? standInReply;
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method !== 'POST' || !/\/chat\/completions$/.test(path)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    let body: ChatRequestSeen['body'] = {};
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"not JSON"}}');
      return;
    }
    seen.push({ authorization: req.headers.authorization, body });
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"Incorrect API key"}}');
      return;
    }
    const reply = script.shift() ?? fallback(body);
    if (reply.status && reply.status !== 200) {
      res
        .writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
        .end(reply.body ?? JSON.stringify({ error: { message: `scripted ${reply.status}` } }));
      return;
    }
    const pieces = reply.pieces ?? [];
    if (reply.stream === false || body.stream === false) {
      res.writeHead(200, { 'content-type': 'application/json', ...reply.headers }).end(
        reply.body ??
          JSON.stringify({
            id: 'chatcmpl-local',
            object: 'chat.completion',
            model: body.model,
            choices: [{ index: 0, message: { role: 'assistant', content: pieces.join('') }, finish_reason: 'stop' }],
          }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...reply.headers });
    res.flushHeaders();
    if (reply.raw !== undefined) {
      res.end(reply.raw);
      return;
    }
    for (const [i, piece] of pieces.entries()) {
      if (reply.dropAfter !== undefined && i >= reply.dropAfter) {
        // What was written goes out, then the connection closes mid-answer (no last chunk, no `[DONE]`).
        res.socket?.end();
        return;
      }
      if (reply.stallAfter !== undefined && i >= reply.stallAfter) return;
      if (reply.delayMs) await pause(reply.delayMs);
      if (res.destroyed) return;
      const event = {
        id: 'chatcmpl-local',
        object: 'chat.completion.chunk',
        model: body.model,
        choices: [{ index: 0, delta: { content: piece }, finish_reason: null }],
      };
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    }
    if (reply.dropAfter !== undefined && reply.dropAfter >= pieces.length) {
      res.socket?.end();
      return;
    }
    if (reply.stallAfter !== undefined) return;
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    seen,
    script,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startChatServer({ port: Number(process.env.PORT ?? 8808), apiKey: process.env.API_KEY });
  console.log(`Chat-completions test server at ${server.url} (model: any name; Ctrl+C to stop)`);
}
