/**
 * The conformance client: `tsx src/client.ts <server-url>`, with the scenario in
 * `MCP_CONFORMANCE_SCENARIO` and the wire version in `MCP_CONFORMANCE_PROTOCOL_VERSION`.
 */
import { Client, type ClientOptions } from '@mcpkit/client';
import { StreamableHttpClientTransport } from '@mcpkit/transports/streamable-http';
import { SCENARIOS } from './client-scenarios.js';

/** Era options from the wire version the suite asks for: a legacy version is pinned, 2026-07-28 stays modern. */
function eraOptions(version: string | undefined): ClientOptions {
  if (version === undefined || version === '') return {};
  return version > '2025-11-25' ? { era: 'modern' } : { protocolVersion: version };
}

function readContext(): Record<string, unknown> {
  const raw = process.env['MCP_CONFORMANCE_CONTEXT'];
  if (raw === undefined || raw === '') return {};
  const parsed: unknown = JSON.parse(raw);
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

async function main(): Promise<void> {
  const url = process.argv[process.argv.length - 1];
  const name = process.env['MCP_CONFORMANCE_SCENARIO'];
  if (url === undefined || !/^https?:/.test(url) || name === undefined) {
    throw new Error('usage: MCP_CONFORMANCE_SCENARIO=<scenario> tsx src/client.ts <server-url>');
  }
  const scenario = SCENARIOS[name];
  if (scenario === undefined) throw new Error(`Unknown scenario: ${name} (known: ${Object.keys(SCENARIOS).join(', ')})`);
  const client = new Client(
    { name: 'mcpkit-conformance-client', version: '0.1.0' },
    // Mock servers declare only what each scenario needs; let every call through.
    { strictCapabilities: false, ...eraOptions(process.env['MCP_CONFORMANCE_PROTOCOL_VERSION']), ...scenario.options },
  );
  client.on('error', (error) => console.error(`warning: ${error.message}`));
  await client.connect(new StreamableHttpClientTransport(new URL(url)));
  console.log(`connected: ${client.era} ${client.protocolVersion}`);
  try {
    await scenario.run(client, readContext());
  } finally {
    await client.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
