/**
 * The local stack's HTTP surface without a browser: the function gateway's identity and request
 * rules, the admin login, and the H5 files. (The browser flows are in tests/e2e.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { startLocalStack, type LocalStack } from '../../devserver/localStack';
import { SESSION_COOKIE } from '../../devserver/identity';

let stack: LocalStack;
let dataDir: string;
let h5Dir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ess-stack-'));
  h5Dir = path.join(dataDir, 'h5');
  mkdirSync(h5Dir);
  writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>实名认证</title>');
  stack = await startLocalStack({
    port: 0,
    dataDir,
    h5Dir,
    env: { LOG_LEVEL: 'silent' },
    log: () => undefined,
  });
});
afterAll(async () => {
  await stack.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${stack.url}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    redirect: 'manual',
  });

const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0];

describe('local stack', () => {
  it('serves the H5 build and refuses paths outside it', async () => {
    const page = await fetch(`${stack.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('实名认证');
    expect((await fetch(`${stack.url}/..%2f..%2fetc%2fpasswd`)).status).toBeGreaterThanOrEqual(403);
  });

  it('gives each browser its own signed identity and keeps it', async () => {
    const first = await post('getUserVerifyStatus', {});
    expect(await first.json()).toEqual({ ok: true, status: 'none' });
    const cookie = cookieOf(first);
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]+\\.[\\w-]+$`));
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/);

    const again = await post('getUserVerifyStatus', {}, { Cookie: cookie });
    expect(again.headers.get('set-cookie')).toBeNull();

    const forged = cookie.replace(/\.[\w-]+$/, '.AAAAforgedsignatureAAAA');
    const withForged = await post('getUserVerifyStatus', {}, { Cookie: forged });
    expect(withForged.headers.get('set-cookie')).not.toBeNull();
  });

  it('runs the real cloud functions against the bundled emulator', async () => {
    const response = await post('createUserVerifyUrl', {
      name: '张三',
      idCardNumber: '11010519491231002X',
      mobile: '13800138000',
    });
    const result = await response.json();
    // In the browser the link is ESS's H5 page, returning to the result page.
    expect(result).toMatchObject({ ok: true, kind: 'h5' });
    expect(stack.emulator!.calls('CreateUserVerifyUrl')[0].params).toMatchObject({
      Endpoint: 'H5',
      JumpUrl: `${stack.url}/#/pages/result/index?from=ess`,
    });
  });

  it('accepts only JSON POSTs to known functions, of bounded size', async () => {
    expect((await post('noSuchFunction', {})).status).toBe(404);
    expect(
      (
        await post('getUserVerifyStatus', 'a=1', {
          'Content-Type': 'application/x-www-form-urlencoded',
        })
      ).status,
    ).toBe(415);
    expect((await post('getUserVerifyStatus', '{not json')).status).toBe(400);
    expect(
      (await post('getUserVerifyStatus', JSON.stringify({ pad: 'x'.repeat(70 * 1024) }))).status,
    ).toBe(413);
    expect((await fetch(`${stack.url}/api/getUserVerifyStatus`)).status).toBe(405);
  });

  it('lets only the login key make a browser the local admin', async () => {
    const wrong = await fetch(`${stack.url}/__local/admin-login?key=nope`, { redirect: 'manual' });
    expect(wrong.status).toBe(403);
    const right = await fetch(stack.adminLoginUrl, { redirect: 'manual' });
    expect(right.status).toBe(302);
    expect(right.headers.get('location')).toBe('/#/admin/pages/enterprises/index');
    const adminCookie = cookieOf(right);
    expect(process.env.ADMIN_OPENIDS?.split(',')).toHaveLength(1);
    // The admin session is stable: the same cookie every time (survives restarts with the data dir).
    expect(cookieOf(await fetch(stack.adminLoginUrl, { redirect: 'manual' }))).toBe(adminCookie);
  });
});
