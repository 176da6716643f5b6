/**
 * `npm run demo`: the product end to end in the terminal, with no WeChat and no ESS credentials.
 *
 * 1. builds the mini-program (dist/weapp, open it in WeChat DevTools) and the cloud functions;
 * 2. starts the project's ESS emulator on 127.0.0.1;
 * 3. calls the built cloud functions exactly as WeChat would (`main(event, context)`, the user's
 *    OPENID from wx-server-sdk's context env vars): create a verification link, check the
 *    status, play the user finishing in the ESS mini-program, check again.
 *
 *   npm run demo                 # full
 *   npm run demo -- --skip-weapp # functions only (faster)
 */
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { essEnvFor, startLocalEssEmulator } from '../emulator/local';
import { buildCloudFunctions } from './build-functions';
import { taroBuild } from './taroBuild';

const root = path.resolve(__dirname, '..');
const step = (n: number, text: string) => console.log(`\n\u001b[1m${n}. ${text}\u001b[0m`);
const show = (value: unknown) => console.log(JSON.stringify(value, null, 2).replace(/^/gm, '   '));

type Main = (event: unknown, context?: unknown) => Promise<Record<string, unknown>>;

async function main(): Promise<void> {
  const skipWeapp = process.argv.includes('--skip-weapp');
  if (!skipWeapp) {
    step(1, 'Building the mini-program (taro build --type weapp) …');
    const ms = taroBuild('weapp');
    console.log(
      `   dist/weapp built in ${(ms / 1000).toFixed(1)} s — open the project folder in WeChat DevTools`,
    );
  }

  step(2, 'Bundling the cloud functions …');
  const built = await buildCloudFunctions();
  for (const { name, bytes } of built.functions) {
    console.log(`   cloudfunctions/${name}/index.js  ${(bytes / 1024).toFixed(0)} KB`);
  }
  console.log(
    `   + wx-server-sdk.db.js (the database client) ${(built.databaseClientBytes / 1024).toFixed(0)} KB in each folder`,
  );

  step(3, 'Starting the local ESS emulator …');
  const emulator = await startLocalEssEmulator({ log: (line) => console.log(`   ${line}`) });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ess-verify-demo-'));
  Object.assign(process.env, essEnvFor(emulator), {
    LOCAL_DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: 'oDemoUser_000000000000000001',
    WX_APPID: 'wxDemoMiniProgram001',
  });
  console.log(`   ${emulator.url} (ESS_ENDPOINT), store: ${dataDir}`);
  const fn = (name: string) =>
    (require(path.join(root, 'cloudfunctions', name, 'index.js')) as { main: Main }).main;

  try {
    const person = {
      name: '张三',
      idCardNumber: '11010519491231002x',
      mobile: '+86 138 0013 8000',
    };
    step(
      4,
      `createUserVerifyUrl ${JSON.stringify({ ...person, idCardNumber: '110***********002x', mobile: '+86 138 **** 8000' })}`,
    );
    const link = await fn('createUserVerifyUrl')(person);
    show(link);
    if (!link.ok || !link.path) throw new Error('expected a verification link');
    console.log(
      `   -> the page now calls Taro.openEmbeddedMiniProgram({ appId: '${link.miniAppId}', path: '${link.path}', envVersion: '${link.envVersion}' })`,
    );

    step(5, 'getUserVerifyStatus (the user has not finished yet)');
    show(await fn('getUserVerifyStatus')({}));

    step(6, 'The same request again: the still-valid link is reused, no new ESS call');
    const again = await fn('createUserVerifyUrl')(person);
    console.log(
      `   reused: ${String(again.reused)}, same path: ${String(again.path === link.path)}`,
    );

    step(7, 'The user completes verification in the ESS mini-program (played by the emulator)');
    emulator.markVerified('张三', '11010519491231002X');

    step(8, 'getUserVerifyStatus (after the ESS mini-program jumped back)');
    const final = await fn('getUserVerifyStatus')({});
    show(final);
    if (final.status !== 'verified') throw new Error('expected status verified');

    const calls = emulator.calls();
    console.log(
      `\nESS calls made: ${calls.map((c) => c.action).join(', ')} — all signed (TC3-HMAC-SHA256) and verified by the emulator: ${String(calls.every((c) => c.signatureValid))}`,
    );
    console.log('\nDone: the personal verification flow works end to end.');
  } finally {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
