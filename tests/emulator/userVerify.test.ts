/**
 * CreateUserVerifyUrl, DescribeUserVerifyStatus and the H5 verification page, through the real SDK.
 */
import type { EssEmulator } from '../../emulator';
import {
  essClient,
  idCardNumber,
  OPERATOR,
  PERSON,
  rawRequest,
  sdkError,
  startTestEmulator,
  type EssClient,
} from './emulatorTestKit';

const SEVEN_DAYS_SECONDS = 7 * 24 * 60 * 60;
const JUMP_URL = 'https://example.com/back?from=ess&name=%E5%BC%A0%E4%B8%89#done';

const verifyRequest = (overrides: Record<string, unknown> = {}) => ({
  Operator: OPERATOR,
  Name: PERSON.name,
  IdCardNumber: PERSON.idCardNumber,
  IdCardType: 'ID_CARD',
  Mobile: PERSON.mobile,
  ...overrides,
});

const statusRequest = (overrides: Record<string, unknown> = {}) => ({
  Operator: OPERATOR,
  Name: PERSON.name,
  IdCardNumber: PERSON.idCardNumber,
  IdCardType: 'ID_CARD',
  ...overrides,
});

const shortKeyOf = (url: string) => new URL(url, 'http://x').searchParams.get('shortKey') ?? '';
const pathOf = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

function postForm(emulator: EssEmulator, path: string, shortKey: string) {
  return rawRequest(emulator, {
    path,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ shortKey }).toString(),
  });
}

describe('personal verification (CreateUserVerifyUrl, DescribeUserVerifyStatus, H5 page)', () => {
  let clock = Date.now();
  let emulator: EssEmulator;
  let client: EssClient;

  beforeAll(async () => {
    emulator = await startTestEmulator({ now: () => clock });
    client = essClient(emulator);
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    clock = Date.now();
    emulator.reset();
  });

  const create = (overrides: Record<string, unknown> = {}) =>
    client.CreateUserVerifyUrl(verifyRequest(overrides));

  describe('CreateUserVerifyUrl', () => {
    it('answers a mini-program path with MiniAppId for APP, the default Endpoint', async () => {
      const answer = await create({ Endpoint: undefined, AutoJumpBack: true });
      expect(answer).toEqual({
        UserVerifyUrl: expect.stringMatching(
          /^pages\/guide\/index\?to=MP_PERSONAL_VERIFY&shortKey=yDC[A-Za-z0-9]{17}$/,
        ),
        ExpireTime: Math.floor(clock / 1000) + SEVEN_DAYS_SECONDS,
        MiniAppId: 'wx371151823f6f3edf',
        RequestId: expect.any(String),
      });
    });

    it('answers the MiniAppId it is configured with', async () => {
      const other = await startTestEmulator({ miniAppIdAnswer: 'gh_39a5d3de69fa' });
      try {
        const answer = await essClient(other).CreateUserVerifyUrl(
          verifyRequest({ Endpoint: 'APP' }),
        );
        expect(answer.MiniAppId).toBe('gh_39a5d3de69fa');
      } finally {
        await other.close();
      }
    });

    it('answers the documented link shapes for HTTP and HTTP_SHORT_URL, without MiniAppId', async () => {
      const http = await create({ Endpoint: 'HTTP' });
      const short = await create({ Endpoint: 'HTTP_SHORT_URL' });
      expect(http.UserVerifyUrl).toMatch(
        /^https:\/\/res\.ess\.tencent\.cn\/cdn\/h5-activity\/jump-mp\.html\?to=TAG_VERIFY&shortKey=yDC[A-Za-z0-9]{17}$/,
      );
      expect(short.UserVerifyUrl).toMatch(/^https:\/\/essurl\.cn\/[A-Za-z0-9]{10}$/);
      expect(http).not.toHaveProperty('MiniAppId');
      expect(short).not.toHaveProperty('MiniAppId');
      expect(short.ExpireTime).toBe(Math.floor(clock / 1000) + SEVEN_DAYS_SECONDS);
    });

    it('answers a link to its own H5 page for H5 and H5_SHORT_URL', async () => {
      for (const Endpoint of ['H5', 'H5_SHORT_URL']) {
        const answer = await create({ Endpoint, JumpUrl: JUMP_URL });
        expect(answer.UserVerifyUrl).toMatch(
          new RegExp(
            `^${emulator.url.replace(/\./g, '\\.')}/h5/verify\\?shortKey=yDC[A-Za-z0-9]{17}$`,
          ),
        );
        expect(answer).not.toHaveProperty('MiniAppId');
      }
    });

    it('builds H5 links on publicBaseUrl when given', async () => {
      const other = await startTestEmulator({
        publicBaseUrl: 'https://ess-emulator.example.com/base/',
      });
      try {
        const answer = await essClient(other).CreateUserVerifyUrl(
          verifyRequest({ Endpoint: 'H5' }),
        );
        expect(answer.UserVerifyUrl).toMatch(
          /^https:\/\/ess-emulator\.example\.com\/base\/h5\/verify\?shortKey=yDC/,
        );
      } finally {
        await other.close();
      }
    });

    it('accepts a mobile with +86, or no mobile at all', async () => {
      await expect(create({ Mobile: '+8613800138000' })).resolves.toHaveProperty('UserVerifyUrl');
      await expect(create({ Mobile: undefined })).resolves.toHaveProperty('UserVerifyUrl');
    });

    it.each([
      [
        'a lower-case x in the ID number',
        { IdCardNumber: '11010519491231002x' },
        'InvalidParameterValue',
        'X',
      ],
      [
        'a wrong check character',
        { IdCardNumber: '110105194912310021' },
        'InvalidParameterValue',
        'IdCardNumber',
      ],
      ['a 15-digit ID number', { IdCardNumber: '110105491231002' }, 'InvalidParameterValue', '18'],
      ['no Name', { Name: undefined }, 'MissingParameter', 'Name'],
      ['a blank Name', { Name: '  ' }, 'InvalidParameterValue', 'Name'],
      ['no IdCardNumber', { IdCardNumber: undefined }, 'MissingParameter', 'IdCardNumber'],
      [
        'another IdCardType',
        { IdCardType: 'HONGKONG_AND_MACAO' },
        'InvalidParameterValue',
        'ID_CARD',
      ],
      ['a 10-digit mobile', { Mobile: '1380013800' }, 'InvalidParameterValue', 'Mobile'],
      ['an unknown Endpoint', { Endpoint: 'PC' }, 'InvalidParameterValue', 'Endpoint'],
      ['a JumpUrl with APP', { Endpoint: 'APP', JumpUrl: JUMP_URL }, 'InvalidParameter', 'JumpUrl'],
      [
        'a JumpUrl with HTTP',
        { Endpoint: 'HTTP', JumpUrl: JUMP_URL },
        'InvalidParameter',
        'JumpUrl',
      ],
      [
        'a JumpUrl over 1000 characters',
        { Endpoint: 'H5', JumpUrl: `https://e.com/${'a'.repeat(990)}` },
        'InvalidParameterValue',
        '1000',
      ],
      [
        'a relative JumpUrl',
        { Endpoint: 'H5', JumpUrl: '/pages/result' },
        'InvalidParameterValue',
        'JumpUrl',
      ],
      ['UserData not in base64', { UserData: 'not base64!' }, 'InvalidParameterValue', 'base64'],
      [
        'UserData over 1000 characters',
        { UserData: 'QUJD'.repeat(251) },
        'InvalidParameterValue',
        '1000',
      ],
      ['AutoJumpBack not a boolean', { AutoJumpBack: 'true' }, 'InvalidParameter', 'AutoJumpBack'],
    ])('rejects %s', async (_case, overrides, code, inMessage) => {
      const error = await sdkError(create(overrides));
      expect(error.code).toBe(code);
      expect(error.message).toContain(inMessage);
    });

    it('accepts base64 UserData of up to 1000 characters', async () => {
      await expect(create({ UserData: 'QUJD'.repeat(250) })).resolves.toHaveProperty(
        'UserVerifyUrl',
      );
    });
  });

  describe('DescribeUserVerifyStatus', () => {
    it('is false until the person is marked verified, then true for exactly that person', async () => {
      const status = (overrides = {}) => client.DescribeUserVerifyStatus(statusRequest(overrides));
      expect((await status()).VerifyStatus).toBe(false);

      emulator.markVerified(PERSON.name, PERSON.idCardNumber);
      expect((await status()).VerifyStatus).toBe(true);
      expect((await status({ Name: '李四' })).VerifyStatus).toBe(false);
      expect((await status({ IdCardNumber: idCardNumber('11010519900307123') })).VerifyStatus).toBe(
        false,
      );

      emulator.reset();
      expect((await status()).VerifyStatus).toBe(false);
    });

    it('requires Name, IdCardNumber and IdCardType, and checks the number against the type', async () => {
      const noType = await sdkError(
        client.DescribeUserVerifyStatus(statusRequest({ IdCardType: undefined })),
      );
      const badPass = await sdkError(
        client.DescribeUserVerifyStatus(
          statusRequest({ IdCardType: 'HONGKONG_AND_MACAO', IdCardNumber: 'H123' }),
        ),
      );
      expect(noType.code).toBe('MissingParameter');
      expect(badPass.code).toBe('InvalidParameterValue');
      await expect(
        client.DescribeUserVerifyStatus(
          statusRequest({ IdCardType: 'HONGKONG_AND_MACAO', IdCardNumber: 'H1234567890' }),
        ),
      ).resolves.toMatchObject({ VerifyStatus: false });
    });
  });

  describe('H5 verification page', () => {
    it('renders a mobile page with the masked identity and the two buttons', async () => {
      const { UserVerifyUrl } = await create({ Endpoint: 'H5', JumpUrl: JUMP_URL });
      const page = await rawRequest(emulator, { method: 'GET', path: pathOf(UserVerifyUrl!) });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.text).toContain('<meta name="viewport"');
      expect(page.text).toContain('lang="zh-CN"');
      expect(page.text).toContain('*三');
      expect(page.text).toContain('110***********002X');
      expect(page.text).not.toContain(PERSON.idCardNumber);
      expect(page.text).toMatch(/<form method="post" action="verify\/complete">[\s\S]*完成实名/);
      expect(page.text).toMatch(/<form method="post" action="verify\/cancel">[\s\S]*取消/);
    });

    it('完成实名 marks the person verified and redirects to JumpUrl exactly as given', async () => {
      const { UserVerifyUrl } = await create({ Endpoint: 'H5_SHORT_URL', JumpUrl: JUMP_URL });
      const answer = await postForm(emulator, '/h5/verify/complete', shortKeyOf(UserVerifyUrl!));
      expect(answer.status).toBe(302);
      expect(answer.headers.location).toBe(JUMP_URL);
      expect((await client.DescribeUserVerifyStatus(statusRequest())).VerifyStatus).toBe(true);

      const again = await rawRequest(emulator, { method: 'GET', path: pathOf(UserVerifyUrl!) });
      expect(again.text).toContain('你已完成实名认证');
    });

    it('取消 redirects to JumpUrl without verifying', async () => {
      const { UserVerifyUrl } = await create({ Endpoint: 'H5', JumpUrl: JUMP_URL });
      const answer = await postForm(emulator, '/h5/verify/cancel', shortKeyOf(UserVerifyUrl!));
      expect(answer.status).toBe(302);
      expect(answer.headers.location).toBe(JUMP_URL);
      expect((await client.DescribeUserVerifyStatus(statusRequest())).VerifyStatus).toBe(false);
    });

    it('shows a result page instead of redirecting when there is no JumpUrl', async () => {
      const { UserVerifyUrl } = await create({ Endpoint: 'H5' });
      const answer = await postForm(emulator, '/h5/verify/complete', shortKeyOf(UserVerifyUrl!));
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('实名完成');
      expect((await client.DescribeUserVerifyStatus(statusRequest())).VerifyStatus).toBe(true);
    });

    it('refuses unknown links, links of other endpoints, and expired links', async () => {
      const unknown = await rawRequest(emulator, {
        method: 'GET',
        path: '/h5/verify?shortKey=yDCunknown0000000000',
      });
      expect(unknown.status).toBe(404);

      const app = await create({ Endpoint: 'APP' });
      const appLink = await postForm(
        emulator,
        '/h5/verify/complete',
        shortKeyOf(app.UserVerifyUrl!),
      );
      expect(appLink.status).toBe(404);

      const { UserVerifyUrl } = await create({ Endpoint: 'H5', JumpUrl: JUMP_URL });
      clock += SEVEN_DAYS_SECONDS * 1000;
      const expired = await postForm(emulator, '/h5/verify/complete', shortKeyOf(UserVerifyUrl!));
      expect(expired.status).toBe(410);
      expect(expired.text).toContain('链接已过期');
      clock = Date.now();
      expect((await client.DescribeUserVerifyStatus(statusRequest())).VerifyStatus).toBe(false);
    });
  });
});
