/**
 * The emulator's faults for load tests: a share of calls failing at random, answers dropped after
 * the call took effect, and completing a link by its UserData (with ESS's callback).
 */
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { FaultQueue } from '../../emulator/faults';
import { essClient, OPERATOR, PERSON, sdkError, startTestEmulator } from './emulatorTestKit';

describe('probabilistic faults', () => {
  it('fault about the given share of calls, with an injected random', () => {
    let n = 0;
    const queue = new FaultQueue(() => (n++ % 10) / 10);
    queue.add({ action: 'A', code: 'InternalError', probability: 0.3 });
    const hits = Array.from({ length: 100 }, () => queue.take('A')).filter(Boolean);
    expect(hits).toHaveLength(30);
    expect(queue.take('B')).toBeUndefined();
  });

  it('refuse what makes no sense', () => {
    const queue = new FaultQueue();
    expect(() => queue.add({ probability: 0, code: 'X' })).toThrow(/probability/);
    expect(() => queue.add({ probability: 1.5, code: 'X' })).toThrow(/probability/);
    expect(() => queue.add({ dropAnswer: true, code: 'X' })).toThrow(/no error code/);
    expect(() => queue.add({})).toThrow(/needs/);
  });
});

describe('dropped answers and completion by UserData', () => {
  it('makes the link, drops the answer, and completes every link of that UserData with a callback', async () => {
    const received: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(body);
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const emulator = await startTestEmulator({
      callback: { url: `http://127.0.0.1:${port}/`, key: 'K'.repeat(32) },
    });
    try {
      const client = essClient(emulator);
      const userData = Buffer.from('vr_loadTest0001').toString('base64');
      const request = {
        Operator: OPERATOR,
        Name: PERSON.name,
        IdCardNumber: PERSON.idCardNumber,
        Mobile: PERSON.mobile,
        Endpoint: 'APP',
        UserData: userData,
      };
      emulator.injectFault({ action: 'CreateUserVerifyUrl', dropAnswer: true });
      const error = await sdkError(client.CreateUserVerifyUrl(request));
      expect(error.message).toMatch(/socket hang up|ECONNRESET|network|fetch failed/i);
      // The retry makes a second link with the same UserData.
      await client.CreateUserVerifyUrl(request);
      const calls = emulator.calls('CreateUserVerifyUrl');
      expect(calls.map((c) => !!c.answerDropped)).toEqual([true, false]);

      expect(await emulator.completeUserVerification(userData)).toBe(2);
      expect(received).toHaveLength(2);
      expect(await emulator.completeUserVerification('bm90aGluZw==')).toBe(0);
      const status = await client.DescribeUserVerifyStatus({
        Operator: OPERATOR,
        Name: PERSON.name,
        IdCardNumber: PERSON.idCardNumber,
        IdCardType: 'ID_CARD',
      });
      expect(status.VerifyStatus).toBe(true);
    } finally {
      await emulator.close();
      server.close();
    }
  });
});
