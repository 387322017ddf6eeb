/**
 * A tiny server for transport tests: `connect(transport)` wires a core `Session` with a few
 * handlers. Not a test file itself.
 */
import { Session, type JSONRPCRequest, type RequestContext, type Transport } from '@mcpkit/core';

const SQL_SCHEMA = { type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' } } };

/** What the test server records, so tests can assert on the server side. */
export interface TestServerLog {
  transports: Transport[];
  aborted: string[];
  notifications: string[];
}

function params(request: JSONRPCRequest): Record<string, unknown> {
  return (request.params ?? {}) as Record<string, unknown>;
}

/** A server with handlers `initialize`, `echo`, `chatty`, `ask`, `wait`, `tools/call`, `fail`. */
export class TestServer {
  readonly log: TestServerLog = { transports: [], aborted: [], notifications: [] };

  /** The input schema of a tool (lets the HTTP handler check `Mcp-Param-*` headers). */
  toolInputSchema(name: string): unknown {
    return name === 'sql' ? SQL_SCHEMA : undefined;
  }

  async connect(transport: Transport): Promise<void> {
    this.log.transports.push(transport);
    const session = new Session(transport);
    session.setRequestHandler('initialize', (request) => ({
      protocolVersion: params(request).protocolVersion ?? '2025-11-25',
      capabilities: {},
      serverInfo: { name: 'test-server', version: '1.0.0' },
    }));
    session.setRequestHandler('ping', () => ({}));
    session.setRequestHandler('whoami', (_request, ctx) => ({ authInfo: ctx.info?.authInfo ?? null, sessionId: ctx.info?.sessionId ?? null }));
    session.setRequestHandler('echo', (request) => ({ echo: params(request) }));
    session.setRequestHandler('tools/list', () => ({
      tools: [
        { name: 'sql', inputSchema: SQL_SCHEMA },
        { name: 'bad', inputSchema: { type: 'object', properties: { list: { type: 'array', items: { type: 'string', 'x-mcp-header': 'L' } } } } },
      ],
    }));
    session.setRequestHandler('tools/call', (request) => ({ content: [{ type: 'text', text: String(params(request).name) }] }));
    // Sends related notifications before its result: forces an SSE answer.
    session.setRequestHandler('chatty', async (request, ctx: RequestContext) => {
      const count = Number(params(request).count ?? 2);
      for (let i = 1; i <= count; i++) await ctx.notify('notifications/message', { level: 'info', data: `note ${i}` });
      return { notes: count };
    });
    // Sends a server-to-client request related to this one (legacy era).
    session.setRequestHandler('ask', async (_request, ctx) => {
      const answer = await ctx.request('sampling/createMessage', { messages: [], maxTokens: 1 });
      return { answer };
    });
    // Runs until cancelled; records the cancellation.
    session.setRequestHandler('wait', (request, ctx) =>
      new Promise((resolve) => {
        ctx.signal.addEventListener('abort', () => {
          this.log.aborted.push(String(params(request).tag ?? request.id));
          resolve({});
        });
      }),
    );
    session.setRequestHandler('fail', () => {
      throw new Error('secret internal detail');
    });
    session.setNotificationHandler('notifications/initialized', () => {
      this.log.notifications.push('initialized');
    });
    session.setNotificationHandler('notifications/poke', async () => {
      this.log.notifications.push('poke');
      // Unrelated to any request: goes to the legacy GET stream.
      await session.notify('notifications/poked', { at: 'server' });
    });
    await session.start();
  }
}
