/**
 * The raw baseline client: hand-written JSON-RPC, no validation. It can drive any contender's
 * server (the server-only measure): it performs the legacy handshake, or sends the modern `_meta`
 * envelope and `Mcp-*` headers when the era is `modern`. HTTP goes through node:http with a
 * keep-alive agent, the cheapest client a hand-written program would use.
 */
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { answer } from '../servers/raw.mjs';
import { serverNodeArgs, serverScript } from './paths.mjs';

const LEGACY_VERSION = '2025-11-25';
const MODERN_VERSION = '2026-07-28';
const MODERN_META = {
  'io.modelcontextprotocol/protocolVersion': MODERN_VERSION,
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'bench-raw', version: '1.0.0' },
};

/** Correlates responses with requests by id; settles each pending call once. */
function correlator() {
  const pending = new Map();
  let nextId = 1;
  return {
    open() {
      const id = nextId++;
      return { id, done: new Promise((resolve, reject) => pending.set(id, { resolve, reject })) };
    },
    settle(message) {
      const entry = pending.get(message.id);
      if (entry === undefined) return;
      pending.delete(message.id);
      if (message.error !== undefined) entry.reject(new Error(message.error.message));
      else entry.resolve(message.result);
    },
    failAll(error) {
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
    },
  };
}

function toolCall(id, a, b, era) {
  const params = { name: 'add', arguments: { a, b } };
  if (era === 'modern') params._meta = MODERN_META;
  return { jsonrpc: '2.0', id, method: 'tools/call', params };
}

function initialize(id) {
  return {
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { protocolVersion: LEGACY_VERSION, capabilities: {}, clientInfo: { name: 'bench-raw', version: '1.0.0' } },
  };
}

const INITIALIZED = { jsonrpc: '2.0', method: 'notifications/initialized' };

/** In-process pair with the raw server; each message is a JSON text, as the mcpkit memory pair does. */
export async function connectMemory() {
  const calls = correlator();
  const toServer = (text) =>
    queueMicrotask(() => {
      const response = answer(JSON.parse(text));
      if (response !== undefined) {
        const reply = JSON.stringify(response);
        queueMicrotask(() => calls.settle(JSON.parse(reply)));
      }
    });
  return {
    call(a, b) {
      const { id, done } = calls.open();
      toServer(JSON.stringify(toolCall(id, a, b, 'legacy')));
      return done;
    },
    close: async () => undefined,
    serverPid: undefined,
  };
}

/** Spawns `server`'s stdio script and talks newline-delimited JSON to it. */
export async function connectStdio(server, era) {
  const child = spawn(process.execPath, [...serverNodeArgs(), serverScript(server), 'stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const calls = correlator();
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    let end;
    while ((end = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      if (line.length > 0) calls.settle(JSON.parse(line));
    }
  });
  child.on('exit', () => calls.failAll(new Error('server exited')));
  const send = (message) => child.stdin.write(`${JSON.stringify(message)}\n`);
  if (era === 'legacy') {
    const { id, done } = calls.open();
    send(initialize(id));
    await done;
    send(INITIALIZED);
  }
  return {
    call(a, b) {
      const { id, done } = calls.open();
      send(toolCall(id, a, b, era));
      return done;
    },
    async close() {
      child.stdin.end();
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
    serverPid: child.pid,
  };
}

/** The JSON-RPC response in an HTTP answer body, JSON or SSE. */
function responseOf(contentType, body) {
  if (!contentType.includes('text/event-stream')) return JSON.parse(body);
  for (const line of body.split('\n')) {
    if (!line.startsWith('data:')) continue;
    const message = JSON.parse(line.slice(5));
    if (message.id !== undefined && (message.result !== undefined || message.error !== undefined)) return message;
  }
  throw new Error('no response in the SSE stream');
}

/**
 * One POST per request on a keep-alive agent. Resolves `{ status, headers, message }`.
 */
function post(agent, url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        try {
          const text = Buffer.concat(chunks).toString('utf8');
          const message = text.length === 0 ? undefined : responseOf(String(res.headers['content-type'] ?? ''), text);
          resolve({ status: res.statusCode, headers: res.headers, message });
        } catch (error) {
          reject(error);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens a legacy session (initialize + initialized) and returns its id. Used by the idle-session measure too. */
export async function openLegacySession(agent, url) {
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const init = await post(agent, url, headers, JSON.stringify(initialize(1)));
  const sessionId = init.headers['mcp-session-id'];
  if (init.status !== 200 || typeof sessionId !== 'string') throw new Error(`initialize failed: HTTP ${init.status}`);
  const sessionHeaders = { ...headers, 'mcp-session-id': sessionId, 'mcp-protocol-version': LEGACY_VERSION };
  await post(agent, url, sessionHeaders, JSON.stringify(INITIALIZED));
  return sessionId;
}

/** Ends a legacy session with DELETE. */
export function closeLegacySession(agent, url, sessionId) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'DELETE', agent, headers: { 'mcp-session-id': sessionId, 'mcp-protocol-version': LEGACY_VERSION } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Talks Streamable HTTP to `url`: a legacy session, or modern stateless requests. */
export async function connectHttp(url, era) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const base = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  let headers;
  if (era === 'legacy') {
    const sessionId = await openLegacySession(agent, url);
    headers = { ...base, 'mcp-session-id': sessionId, 'mcp-protocol-version': LEGACY_VERSION };
  } else {
    headers = { ...base, 'mcp-protocol-version': MODERN_VERSION, 'mcp-method': 'tools/call', 'mcp-name': 'add' };
  }
  let nextId = 1;
  return {
    async call(a, b) {
      const { status, message } = await post(agent, url, headers, JSON.stringify(toolCall(nextId++, a, b, era)));
      if (status !== 200 || message?.result === undefined) throw new Error(`tools/call failed: HTTP ${status}`);
      return message.result;
    },
    async close() {
      agent.destroy();
    },
    serverPid: undefined,
  };
}
