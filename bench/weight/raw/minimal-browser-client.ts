// The raw floor: a hand-written browser client (legacy handshake, one tool call) over fetch.
const url = new URL('/mcp', location.href);
const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

async function rpc(body: object): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const session = response.headers.get('mcp-session-id');
  if (session !== null) headers['mcp-session-id'] = session;
  return response.status === 202 ? undefined : response.json();
}

await rpc({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1.0.0' } } });
headers['mcp-protocol-version'] = '2025-11-25';
await rpc({ jsonrpc: '2.0', method: 'notifications/initialized' });
console.log(await rpc({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'add', arguments: { a: 2, b: 3 } } }));

export {};
