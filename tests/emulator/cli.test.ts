/**
 * The standalone emulator (`npm run emulator`): its configuration from the environment, and a real
 * run that serves the SDK with the documented local defaults and stops cleanly on SIGTERM.
 */
import { spawn } from 'child_process';
import path from 'path';
import { optionsFromEnvironment } from '../../emulator/cli';
import {
  EMULATOR_DEFAULT_PORT,
  EMULATOR_OPERATOR_ID,
  EMULATOR_SECRET_ID,
  EMULATOR_SECRET_KEY,
} from '../../emulator/defaults';
import { essClient, PERSON } from './emulatorTestKit';

const ROOT = path.resolve(__dirname, '../..');
const noLog = () => undefined;

describe('emulator CLI', () => {
  it('has obviously fake local defaults that cannot pass for a real SecretId', () => {
    expect(EMULATOR_SECRET_ID).not.toMatch(/AKID[0-9A-Za-z]{32}/);
    expect(EMULATOR_SECRET_KEY).toMatch(/not-for-production/);
    expect(EMULATOR_OPERATOR_ID).toBeTruthy();
  });

  it('reads its options from the environment, with local defaults', () => {
    expect(optionsFromEnvironment({}, noLog)).toMatchObject({
      host: '127.0.0.1',
      port: EMULATOR_DEFAULT_PORT,
      secretId: EMULATOR_SECRET_ID,
      secretKey: EMULATOR_SECRET_KEY,
      operatorIds: [EMULATOR_OPERATOR_ID],
      taskReadyDelayMs: undefined,
      publicBaseUrl: undefined,
    });
    expect(
      optionsFromEnvironment(
        {
          ESS_EMULATOR_PORT: '9000',
          ESS_SECRET_ID: 'AKIDother',
          ESS_SECRET_KEY: 'other-key',
          ESS_OPERATOR_ID: 'yDother',
          ESS_EMULATOR_TASK_DELAY_MS: '10',
          ESS_EMULATOR_PUBLIC_URL: 'http://192.168.1.5:9000',
        },
        noLog,
      ),
    ).toMatchObject({
      port: 9000,
      secretId: 'AKIDother',
      secretKey: 'other-key',
      operatorIds: ['yDother'],
      taskReadyDelayMs: 10,
      publicBaseUrl: 'http://192.168.1.5:9000',
    });
    expect(() => optionsFromEnvironment({ ESS_EMULATOR_PORT: 'eighty' }, noLog)).toThrow(
      /ESS_EMULATOR_PORT/,
    );
    expect(() => optionsFromEnvironment({ ESS_EMULATOR_PORT: '70000' }, noLog)).toThrow(/65535/);
  });

  it('runs standalone, serves the SDK with the defaults, logs calls and stops on SIGTERM', async () => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['emulator/cli.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ESS_EMULATOR_PORT: '0',
        ESS_SECRET_ID: '',
        ESS_SECRET_KEY: '',
        ESS_OPERATOR_ID: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );

    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${output}`)), 8000);
        child.stdout.on('data', () => {
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const client = essClient(
        { endpoint: url.replace('http://', '') },
        { secretId: EMULATOR_SECRET_ID, secretKey: EMULATOR_SECRET_KEY },
      );
      const answer = await client.DescribeUserVerifyStatus({
        Operator: { UserId: EMULATOR_OPERATOR_ID },
        Name: PERSON.name,
        IdCardNumber: PERSON.idCardNumber,
        IdCardType: 'ID_CARD',
      });
      expect(answer.VerifyStatus).toBe(false);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toMatch(/DescribeUserVerifyStatus OK RequestId=/);
    expect(output).toContain('stopping (SIGTERM)');
    expect(output).not.toContain(PERSON.idCardNumber);
  }, 15000);
});
