/**
 * `wx-server-sdk.db.js` (scripts/wxDatabaseClient.ts) is wx-server-sdk built for the database
 * alone, with the packages the database never uses left out. Deployed functions load it instead
 * of the installed package, so it must do exactly what the package does: each store operation
 * runs through both, in child processes configured as in a WeChat cloud function, against a
 * recorder on 127.0.0.1 (reached through wx-server-sdk's own `TCB_CONTEXT_CNFG` URL) that answers
 * as the TCB database API does. Both must send the same requests (method, action, body, signed
 * headers) and give the same answers — success and the database's refusal alike — and the
 * built client may touch no left-out package but the one its `init` tries and ignores.
 * Not compared: the choice of endpoint (the recorder's URL overrides it on both sides).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { LEFT_OUT } from '../../scripts/wxDatabaseClient';
import { runChild } from '../support/childProcess';

const deployed = path.resolve(__dirname, '../../cloudfunctions/createUserVerifyUrl');
const databaseClient = path.join(deployed, 'wx-server-sdk.db.js');

interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: unknown;
}

/** The document the recorder knows, as the database returns it (EJSON text). */
const KNOWN = JSON.stringify({ _id: 'oKnown', _rev: 'rev-1', n: 1, old: true, expiresAt: 5 });

/** What the TCB database API answers to each action (shape from @cloudbase/database 1.4.3). */
function answer(request: { action: string; collectionName: string; query?: string }): object {
  if (request.collectionName === 'refused')
    return {
      code: 'DATABASE_PERMISSION_DENIED',
      message: 'Permission denied',
      requestId: 'req-refused',
    };
  const data: Record<string, object> = {
    'database.getDocument': {
      list: request.query?.includes('oMissing') ? [] : [KNOWN],
      limit: 100,
      offset: 0,
    },
    'database.insertDocument': { insertedIds: ['oMissing'] },
    'database.modifyDocument': { updated: 1, upsert_id: null },
    'database.removeDocument': { deleted: 1 },
  };
  return { requestId: 'req-1', data: data[request.action] ?? {} };
}

/**
 * What may differ between two runs: times, the signature over them, the request sequence
 * number, and the revision tokens the adapter draws at random for each write.
 */
function normalized(recorded: Recorded): Recorded {
  const { headers } = recorded;
  const revisionsOut = (value: unknown): unknown => {
    if (typeof value === 'string' && /^[[{]/.test(value)) {
      try {
        return revisionsOut(JSON.parse(value));
      } catch {
        return value;
      }
    }
    if (Array.isArray(value)) return value.map(revisionsOut);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [
          key,
          key === '_rev' && typeof inner === 'string' && inner !== 'rev-1'
            ? '<new revision>'
            : revisionsOut(inner),
        ]),
      );
    return value;
  };
  return {
    method: recorded.method,
    path: recorded.path.replace(/seqId=[^&]+/, 'seqId=<n>'),
    headers: {
      ...headers,
      'x-client-timestamp': undefined,
      'x-timestamp': undefined,
      host: undefined,
      authorization: headers.authorization?.replace(/Signature=\w+/, 'Signature=<sig>'),
    },
    body: revisionsOut(recorded.body),
  };
}

describe('wx-server-sdk.db.js, the database client in every deploy folder', () => {
  let server: Server;
  let recorded: Recorded[] = [];
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const parsed = JSON.parse(body) as { action: string; collectionName: string };
        const headers: IncomingHttpHeaders = req.headers;
        recorded.push({
          method: req.method ?? '',
          path: req.url ?? '',
          headers: Object.fromEntries(
            Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
          ),
          body: parsed,
        });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer(parsed)));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    // A cloud function's environment, as the WeChat cloud sets it (keys are placeholders).
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      SCF_NAMESPACE: 'recorded-env',
      TCB_ENV: 'recorded-env',
      TENCENTCLOUD_SECRETID: 'AKIDrecordedTemporaryKey',
      TENCENTCLOUD_SECRETKEY: 'recorded-temporary-secret',
      TENCENTCLOUD_SESSIONTOKEN: 'recorded-session-token',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port}/admin` }),
    };
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  async function runOn(sdk: string) {
    recorded = [];
    const child = await runChild('wxDatabaseClientRun.ts', [sdk], env);
    expect(child.stderr).not.toMatch(/left out|Unhandled/);
    expect(child.code).toBe(0);
    const { results, touches } = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
      results: unknown[];
      touches: string[];
    };
    return { results, touches, requests: recorded.map(normalized) };
  }

  it('is built next to each function bundle, which requires it in place of wx-server-sdk', () => {
    expect(existsSync(databaseClient)).toBe(true);
    const bundle = readFileSync(path.join(deployed, 'index.js'), 'utf8');
    expect(bundle).toContain('require("./wx-server-sdk.db.js")');
    expect(bundle).not.toMatch(/require\("wx-server-sdk"\)/);
  });

  it('sends what the installed wx-server-sdk sends and answers what it answers', async () => {
    const installed = await runOn('wx-server-sdk');
    // Run from a copy outside the repository, as in the cloud: no node_modules to fall back on.
    const folder = mkdtempSync(path.join(os.tmpdir(), 'deploy-folder-'));
    copyFileSync(databaseClient, path.join(folder, 'wx-server-sdk.db.js'));
    const built = await runOn(path.join(folder, 'wx-server-sdk.db.js'));
    rmSync(folder, { recursive: true, force: true });

    // The run reached every operation: reads, writes, conditional writes and a refusal.
    expect(installed.requests.map((r) => (r.body as { action: string }).action)).toEqual([
      'database.getDocument',
      'database.getDocument',
      'database.modifyDocument',
      'database.removeDocument',
      'database.getDocument',
      'database.getDocument',
      'database.modifyDocument',
      'database.getDocument',
      'database.insertDocument',
      'database.getDocument',
      'database.removeDocument',
      'database.getDocument',
    ]);
    expect(installed.results).toEqual([
      { resolved: { n: 1, old: true, expiresAt: 5 } },
      { resolved: null },
      { resolved: null },
      { resolved: null },
      { resolved: [{ id: 'oKnown', doc: { n: 1, old: true, expiresAt: 5 } }] },
      { resolved: 'changed' },
      { resolved: 'created' },
      { resolved: 'removed' },
      { rejected: expect.stringMatching(/^CloudDatabaseError: .*refused.*Permission denied/) },
    ]);
    // The requests are signed with the function's temporary key, by the SDK's own signer.
    expect(installed.requests[0].headers.authorization).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDrecordedTemporaryKey\/.*Signature=<sig>$/,
    );
    expect(installed.requests[0].headers['x-sdk-version']).toBe('wx-server-sdk/4.0.2');

    expect(built.requests).toEqual(installed.requests);
    expect(built.results).toEqual(installed.results);
    // Of the packages left out, the only one reached is the data-model client that node-sdk's
    // `init` builds inside a try/catch ignoring failures (scripts/wxDatabaseClient.ts).
    expect(installed.touches).toEqual([]);
    expect(built.touches).toEqual(['@cloudbase/wx-cloud-client-sdk.generateHTTPClient']);
  });

  it('replaces each left-out package by a stand-in that names it', () => {
    const source = readFileSync(databaseClient, 'utf8');
    for (const name of Object.keys(LEFT_OUT))
      expect(source).toContain(`${name} is left out of wx-server-sdk.db.js`);
    // What the database needs is there: its query builder, EJSON and the request signer.
    expect(source).toContain('database.getDocument');
    expect(source).toContain('TC3-HMAC-SHA256');
  });
});
