/**
 * The enterprise admin pages in a real browser (Chromium, 375x812) against npm start's stack:
 * H5 pages + local function gateway (with the local admin identity) + the ESS emulator.
 */
import type { Page } from 'playwright-core';
import { creditCodeCheckChar } from '../../src/domain/creditCode';
import { withScreenshotOnFailure, useE2eEnv } from './support/browser';
import {
  accessibleControls,
  overflowingElements,
  screenshotLightAndDark,
  shortLastLines,
  watchPageProblems,
} from './support/pageChecks';

/** The admin pages' blocks of text: none may end on a line of one or two characters. */
const PARAGRAPHS = [
  '.page__subtitle',
  '.notice',
  '.hint',
  '.card__alert',
  '.org-card__name',
  '.org-card__error',
  '.paste-panel__hint',
  '.paste-panel__message',
  '.option-group__note',
  '.subtask__message',
  '.auth-link__caption',
  '.status-row__error',
].join(', ');

const ADMIN_HOME = '/#/admin/pages/enterprises/index';
const SUPER_ADMIN = { name: '王五', mobile: '13900139000', idCardNumber: '11010519491231002X' };

const code = (first17: string) => first17 + creditCodeCheckChar(first17);
const ORGS = [
  { name: '示例科技(深圳)有限公司', code: code('91440300MA5F00001'), legal: '李四' },
  { name: '示例商贸（上海）有限公司', code: code('91310000MA1K00002'), legal: '赵六' },
  { name: '示例物流（广州）有限公司', code: code('91440101MA59X0003'), legal: '钱七' },
];
const BAD_CODE = ORGS[2].code.slice(0, 17) + (ORGS[2].code[17] === '0' ? '1' : '0');
/** Thirteen enterprises: two ESS calls (10 and 3). */
const THIRTEEN = Array.from({ length: 13 }, (_, i) => ({
  name: `测试企业${i + 1}（深圳）有限公司`,
  code: code(`91440300MA5G${String(i + 1).padStart(5, '0')}`),
  legal: '李四',
}));

/** What Excel puts on the clipboard: a header line, then one tab-separated line per row. */
function spreadsheet(rows: Array<{ name: string; code: string; legal: string }>): string {
  const header =
    '企业名称\t统一社会信用代码\t法定代表人\t注册地址\t超管姓名\t超管手机号\t超管证件类型\t超管证件号';
  const lines = rows.map((row) =>
    [
      row.name,
      row.code,
      row.legal,
      '',
      SUPER_ADMIN.name,
      SUPER_ADMIN.mobile,
      '身份证',
      SUPER_ADMIN.idCardNumber,
    ].join('\t'),
  );
  return [header, ...lines].join('\r\n');
}

const e2e = useE2eEnv();

/**
 * A Taro <Button> (rendered as <taro-button-core> on h5) by its text, on the page in view (the
 * H5 router keeps earlier pages in the document, hidden).
 */
const taroButton = (page: Page, text: string | RegExp) =>
  page.locator('taro-button-core').filter({ hasText: text, visible: true });
/** Text on the page in view. */
const shown = (page: Page, text: string) =>
  page.getByText(text, { exact: true }).filter({ visible: true });
const card = (page: Page, position: number) => page.locator(`[aria-label="第${position}家企业"]`);

/** Every control of the page in view is named for assistive technology. */
async function expectControlsNamed(page: Page): Promise<void> {
  const { unnamed, unexposed } = await accessibleControls(page);
  expect(unnamed).toEqual([]);
  expect(unexposed).toEqual([]);
}

/**
 * What sticks out of the screen, but WeUI's native radio inputs, which Taro's radio keeps
 * off-screen on purpose (the visible radio is its icon).
 */
async function overflowing(page: Page): Promise<string[]> {
  return (await overflowingElements(page)).filter((element) => !/^input\.weui-check/.test(element));
}

/** The cloud functions the page calls, in order, with their events (kept up to date). */
function functionCalls(page: Page): Array<{ name: string; body: unknown }> {
  const calls: Array<{ name: string; body: unknown }> = [];
  page.on('request', (request) => {
    const match = /\/api\/(\w+)$/.exec(new URL(request.url()).pathname);
    if (match) calls.push({ name: match[1], body: request.postDataJSON() });
  });
  return calls;
}

describe('enterprise admin pages in the browser', () => {
  // Real pages against a stack whose ESS answers after seconds (and once after 5.6 s on purpose):
  // a generous budget per test, so that a busy machine does not fail them. Nothing is timed.
  jest.setTimeout(60_000);

  it('a user who is not an operator is told kindly, and nothing reaches ESS', async () => {
    const { page } = await e2e.env.newUser();
    const asked = functionCalls(page);
    await withScreenshotOnFailure(page, 'admin-forbidden', async () => {
      await page.goto(`${e2e.env.stack.url}${ADMIN_HOME}`);
      await page.getByText('你没有权限进行此操作').waitFor();
      // Asked with the dedicated check, not with a describe of no task.
      expect(asked).toEqual([{ name: 'checkOperatorAccess', body: {} }]);
      await taroButton(page, '返回').waitFor();
      expect(await page.locator('textarea').count()).toBe(0);
      expect(e2e.env.stack.emulator!.calls()).toHaveLength(0);
    });
  });

  it('ESS slow to answer the first ten: they are held for the console, never registered twice', async () => {
    const { page } = await e2e.env.newUser();
    await withScreenshotOnFailure(page, 'admin-unconfirmed', async () => {
      await page.goto(e2e.env.stack.adminLoginUrl);
      await page.waitForURL(/#\/admin\/pages\/enterprises\/index/);
      await page.locator('textarea').fill(spreadsheet(THIRTEEN));
      await taroButton(page, '识别并添加').click();

      // ESS takes longer than the function waits (ESS_REQUEST_TIMEOUT_MS, 5 s) for the first ten.
      const emulator = e2e.env.stack.emulator!;
      emulator.injectFault({ action: 'CreateBatchOrganizationRegistrationTasks', delayMs: 5_600 });
      await taroButton(page, '提交 13 家企业').click();
      await page
        .getByText(/有 10 家企业没有收到腾讯电子签的答复，可能已提交成功/)
        .waitFor({ timeout: 15_000 });
      expect(await shown(page, '待核对').count()).toBe(10);
      await shown(page, '企业列表（13 家，其中 10 家待核对）').waitFor();
      await card(page, 1).scrollIntoViewIfNeeded();
      expect(await shortLastLines(page, PARAGRAPHS)).toEqual([]);
      await screenshotLightAndDark(page, 'admin-held');

      // The next tap sends the three never sent, and only them.
      await taroButton(page, '提交 3 家企业').click();
      await page.getByText('已就绪 3/3').waitFor({ timeout: 15_000 });
      expect(await shown(page, '待核对').count()).toBe(10);
      await taroButton(page, '提交 0 家企业').waitFor();

      // The slow call is recorded when ESS (the emulator) has finished it.
      const creates = () => emulator.calls('CreateBatchOrganizationRegistrationTasks');
      for (let i = 0; i < 50 && creates().length < 2; i += 1) await page.waitForTimeout(100);
      const sent = creates().flatMap((call) =>
        (call.params.RegistrationOrganizations as Array<{ OrganizationName: string }>).map(
          (org) => org.OrganizationName,
        ),
      );
      expect([...sent].sort()).toEqual(THIRTEEN.map((org) => org.name).sort());
    });
  });

  it('the operator pastes rows, fixes one, submits, follows the progress and gets the batch link', async () => {
    const { context, page } = await e2e.env.newUser();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: e2e.env.stack.url,
    });
    const asked = functionCalls(page);
    const watched = watchPageProblems(page);
    await withScreenshotOnFailure(page, 'admin-flow', async () => {
      // The local admin login sets this browser's identity and lands on the enterprises page.
      await page.goto(e2e.env.stack.adminLoginUrl);
      await page.waitForURL(/#\/admin\/pages\/enterprises\/index/);
      await page
        .locator('textarea')
        .fill(spreadsheet([ORGS[0], ORGS[1], { ...ORGS[2], code: BAD_CODE }]));
      await taroButton(page, '识别并添加').click();

      // The third row's check character is wrong: said on that row (once: no label repeated).
      const codeError = '统一社会信用代码校验位不正确，请核对是否输错';
      await card(page, 3).getByText(codeError, { exact: true }).waitFor();
      expect(await card(page, 1).getByText(codeError).count()).toBe(0);
      expect(await card(page, 3).getByText(`统一社会信用代码：${codeError}`).count()).toBe(0);

      // Entered rows survive a reload (kept on the device until submitted).
      await page.reload();
      await card(page, 3).getByText(codeError, { exact: true }).waitFor();
      expect(await page.getByText('企业列表（3 家）').count()).toBe(1);

      await card(page, 3).locator('taro-button-core').filter({ hasText: '修改' }).click();
      const codeInput = card(page, 3).locator('[aria-label="统一社会信用代码"] input');
      // The long label sits above its input, not into it.
      const label = await card(page, 3)
        .locator('.form-field__label', { hasText: '统一社会信用代码' })
        .boundingBox();
      const input = await codeInput.boundingBox();
      expect(label && input && input.y >= label.y + label.height - 1).toBe(true);
      await codeInput.fill(ORGS[2].code);
      await card(page, 3).locator('taro-button-core').filter({ hasText: '收起' }).click();
      await card(page, 3).getByText(codeError).waitFor({ state: 'detached' });

      // A chosen radio is the UI's blue, not WeChat green (h5 draws it with WeUI's icon font).
      const radioColour = await page
        .locator('taro-radio-core[aria-label="链接方式：每家企业一个链接"] .weui-icon-checked')
        .evaluate((icon) => getComputedStyle(icon, '::before').color);
      expect(radioColour).toBe('rgb(31, 111, 235)');

      await taroButton(page, '提交 3 家企业').click();
      // ESS takes a few seconds: the progress shows, then every enterprise with its link.
      await page.getByText('已就绪 0/3').waitFor();
      await page.getByText('已就绪 3/3').waitFor({ timeout: 15_000 });
      await page.getByText('认证链接已全部生成').waitFor();
      for (const org of ORGS) {
        await page
          .getByText(org.name.replace('(', '（').replace(')', '）'), { exact: true })
          .waitFor();
      }
      expect(
        await page
          .getByText(/^https:\/\/qian\.tencent\.com\/console\/batch-register\?token=/)
          .count(),
      ).toBe(3);
      await expectControlsNamed(page);
      expect(await shortLastLines(page, PARAGRAPHS)).toEqual([]);
      await screenshotLightAndDark(page, 'admin-enterprises');

      // On to the batch link: the super admin as registered is filled in, from this session.
      await taroButton(page, '去生成批量认证链接').click();
      await page.waitForURL(/#\/admin\/pages\/authorization\/index/);
      await page.getByText('已选 3/3 家企业').waitFor();
      const field = (label: string) =>
        page.locator(`[aria-label="${label}"] input`).filter({ visible: true });
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('[aria-label="超管姓名"] input')).some(
          (el) => (el as HTMLInputElement).value !== '',
        ),
      );
      expect(await field('超管姓名').inputValue()).toBe(SUPER_ADMIN.name);
      expect(await field('超管手机号').inputValue()).toBe(SUPER_ADMIN.mobile);
      expect(await field('超管证件号').inputValue()).toBe(SUPER_ADMIN.idCardNumber);
      // Nothing personal was left in the device's storage on the way.
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
      for (const personal of [SUPER_ADMIN.name, SUPER_ADMIN.mobile, SUPER_ADMIN.idCardNumber]) {
        expect(stored).not.toContain(personal);
      }
      // No placeholder is cut: each fits its (empty) input.
      const cut = await page.evaluate(() => {
        const context = document.createElement('canvas').getContext('2d')!;
        return Array.from(document.querySelectorAll('.admin-page input[placeholder]'))
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .filter((el) => {
            const input = el as HTMLInputElement;
            context.font = getComputedStyle(input).font;
            return context.measureText(input.placeholder).width > input.clientWidth;
          })
          .map((el) => (el as HTMLInputElement).placeholder);
      });
      expect(cut).toEqual([]);
      await shown(page, '示例物流（广州）有限公司').click();
      await page.getByText('已选 2/3 家企业').waitFor();

      const answer = page.waitForResponse((r) =>
        r.url().endsWith('/api/createBatchOrganizationAuthorizationUrl'),
      );
      await taroButton(page, /^生成批量认证链接$/).click();
      const httpLink = ((await (await answer).json()) as { authUrl: string }).authUrl;
      // The new card is brought into view (it starts below the fold).
      await page.waitForFunction(() => {
        const cardElement = Array.from(document.querySelectorAll('#auth-link')).find(
          (el) => (el as HTMLElement).offsetParent !== null,
        );
        const box = cardElement?.getBoundingClientRect();
        return !!box && box.top >= 0 && box.top < window.innerHeight - 100;
      });
      expect(httpLink).toMatch(
        /^https:\/\/res\.ess\.tencent\.cn\/cdn\/h5-activity\/jump-mp\.html\?to=AUTHORIZATION_ENTERPRISE_FOR_BATCH_SUBMIT&shortKey=\w+$/,
      );
      // Shown exactly as ESS returned it, and copied unchanged.
      await shown(page, httpLink).waitFor();
      await page.getByText('有效期至').waitFor();
      await page.locator('taro-button-core[aria-label="复制批量认证链接"]').click();
      await taroButton(page, '已复制').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(httpLink);

      // A super admin who does not match: ESS's answer is said by the fields, not at the bottom.
      await field('超管手机号').fill('13900139001');
      await taroButton(page, /^生成批量认证链接$/).click();
      const alert = page.locator('[role="alert"]').filter({ visible: true });
      await alert.getByText(/腾讯电子签没有找到属于这位超管/).waitFor();
      expect(
        await page
          .locator('.card', { has: page.locator('[aria-label="超管手机号"]') })
          .filter({ visible: true })
          .locator('[role="alert"]')
          .count(),
      ).toBe(1);
      await field('超管手机号').fill(SUPER_ADMIN.mobile);

      // The same link as a QR code image.
      await shown(page, '二维码').click();
      const qrAnswer = page.waitForResponse((r) =>
        r.url().endsWith('/api/createBatchOrganizationAuthorizationUrl'),
      );
      await taroButton(page, /^生成批量认证链接$/).click();
      const qrLink = ((await (await qrAnswer).json()) as { authUrl: string }).authUrl;
      // The emulator serves its stand-in QR image where ESS's CDN would.
      expect(qrLink).toMatch(
        new RegExp(`^${e2e.env.stack.emulator!.url}/imgs/qrcode_urls/.+\\.png$`),
      );
      const qrImage = page.locator(`img[src="${qrLink}"]`);
      await qrImage.waitFor();
      expect(await qrImage.evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
      await taroButton(page, '保存到相册').scrollIntoViewIfNeeded();
      await expectControlsNamed(page);
      expect(await shortLastLines(page, PARAGRAPHS)).toEqual([]);
      await screenshotLightAndDark(page, 'admin-authorization');

      // What ESS saw: signed calls with the normalised rows and the operator's choice of sub-tasks.
      const emulator = e2e.env.stack.emulator!;
      const registrations = emulator.calls('CreateBatchOrganizationRegistrationTasks');
      expect(registrations).toHaveLength(1);
      expect(registrations[0].signatureValid).toBe(true);
      expect(registrations[0].errorCode).toBeUndefined();
      const sent = registrations[0].params.RegistrationOrganizations as Array<
        Record<string, unknown>
      >;
      expect(sent.map((org) => org.OrganizationName)).toEqual([
        '示例科技（深圳）有限公司',
        '示例商贸（上海）有限公司',
        '示例物流（广州）有限公司',
      ]);
      expect(sent[2]).toMatchObject({
        UniformSocialCreditCode: ORGS[2].code,
        AdminName: SUPER_ADMIN.name,
        AdminMobile: SUPER_ADMIN.mobile,
        AdminIdCardNumber: SUPER_ADMIN.idCardNumber,
      });

      // Nothing went wrong in the page on the way.
      expect(watched.problems).toEqual([]);

      // The pages never described a task that does not exist (to learn access or otherwise).
      const describedIds = asked
        .filter((call) => call.name === 'describeBatchOrganizationRegistrationUrls')
        .map((call) => (call.body as { taskId: string }).taskId);
      expect(describedIds.length).toBeGreaterThan(0);
      expect(describedIds.every((id) => /^yD\w+$/.test(id))).toBe(true);

      const describes = emulator.calls('DescribeBatchOrganizationRegistrationUrls');
      expect(describes.length).toBeGreaterThanOrEqual(2);
      expect(describes.every((call) => call.signatureValid)).toBe(true);
      expect(describes[0].errorCode).toBe('FailedOperation');
      expect(describes[describes.length - 1].errorCode).toBeUndefined();

      const links = emulator.calls('CreateBatchOrganizationAuthorizationUrl');
      expect(
        links.map((call) => [call.signatureValid, call.errorCode, call.params.Endpoint]),
      ).toEqual([
        [true, undefined, 'HTTP'],
        [true, 'InvalidParameterValue', 'HTTP'],
        [true, undefined, 'QR_CODE'],
      ]);
      expect(links[0].params).toMatchObject({
        AdminName: SUPER_ADMIN.name,
        AdminMobile: SUPER_ADMIN.mobile,
        AdminIdCardNumber: SUPER_ADMIN.idCardNumber,
      });
      expect(links[0].params.SubTaskIds).toHaveLength(2);
    });
  });

  it('large text (browser font size 32 px): the enterprises page wraps instead of overflowing', async () => {
    const { page } = await e2e.env.newUser({ defaultFontSize: 32 });
    const watched = watchPageProblems(page);
    await withScreenshotOnFailure(page, 'admin-large-text', async () => {
      await page.goto(e2e.env.stack.adminLoginUrl);
      await page.waitForURL(/#\/admin\/pages\/enterprises\/index/);
      await page.locator('textarea').fill(spreadsheet([ORGS[0], ORGS[1]]));
      await taroButton(page, '识别并添加').click();
      await shown(page, '企业列表（2 家）').waitFor();
      expect(
        await page.evaluate(() =>
          getComputedStyle(document.querySelector('.admin-page')!).getPropertyValue('--font-scale'),
        ),
      ).toBe('2');
      expect(await overflowing(page)).toEqual([]);
      // The whole name shows, on two lines if need be.
      const name = card(page, 2).locator('.org-card__name');
      expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await shortLastLines(page, PARAGRAPHS)).toEqual([]);
      await card(page, 2).locator('taro-button-core').filter({ hasText: '修改' }).click();
      expect(await overflowing(page)).toEqual([]);
      await expectControlsNamed(page);
      expect(watched.problems).toEqual([]);
    });
  });
});
