import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { startEssEmulator } from '../../emulator';
import { createEssClient } from '../../server/ess/essGateway';
import { loadEssConfig } from '../../server/config';

const CREDENTIALS = {
  secretId: 'AKIDpersist',
  secretKey: 'persist-key',
  operatorIds: ['yDpersistOperator'],
};

it('keeps links and verified people across a restart when given a state file', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ess-emulator-state-'));
  const stateFile = path.join(dir, 'state.json');
  try {
    const first = await startEssEmulator({ ...CREDENTIALS, stateFile });
    first.markVerified('张三', '11010519491231002X');
    const config = loadEssConfig({
      ESS_SECRET_ID: CREDENTIALS.secretId,
      ESS_SECRET_KEY: CREDENTIALS.secretKey,
      ESS_OPERATOR_ID: CREDENTIALS.operatorIds[0],
      ESS_ENDPOINT: first.url,
    });
    if (!config.ok) throw new Error(config.problems.join());
    const link = await createEssClient(config.config).CreateUserVerifyUrl({
      Operator: { UserId: CREDENTIALS.operatorIds[0] },
      Name: '李四',
      IdCardNumber: '32010619900307251X',
      IdCardType: 'ID_CARD',
      Mobile: '13700137000',
      Endpoint: 'H5',
      JumpUrl: 'http://127.0.0.1:9/#/done',
    });
    await first.close();

    const second = await startEssEmulator({ ...CREDENTIALS, stateFile, publicBaseUrl: first.url });
    try {
      const shortKey = new URL(String(link.UserVerifyUrl)).searchParams.get('shortKey');
      const page = await fetch(`${second.url}/h5/verify?shortKey=${shortKey}`);
      expect(page.status).toBe(200);
      const client = createEssClient({
        ...config.config,
        endpoint: { host: second.endpoint, protocol: 'http://' },
      });
      const verified = await client.DescribeUserVerifyStatus({
        Operator: { UserId: CREDENTIALS.operatorIds[0] },
        Name: '张三',
        IdCardNumber: '11010519491231002X',
        IdCardType: 'ID_CARD',
      });
      expect(verified.VerifyStatus).toBe(true);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
