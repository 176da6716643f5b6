/**
 * The personal verification flow in a real browser (Chromium, 375x812) against npm start's stack:
 * H5 pages + local function gateway + the ESS emulator (with its H5 verification page).
 */
import { mkdirSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { DOCS_DIR, withScreenshotOnFailure, useE2eEnv } from './support/browser';

const PERSON = { name: '张三', idCardNumber: '11010519491231002X', mobile: '13800138000' };

const e2e = useE2eEnv();

function scenario(name: string, body: (page: Page) => Promise<void>) {
  it(name, async () => {
    const { page } = await e2e.env.newUser();
    await withScreenshotOnFailure(page, name, () => body(page));
  });
}

/** The native input inside Taro's <taro-input-core>. */
const field = (page: Page, placeholder: string) =>
  page.locator(`input[placeholder="${placeholder}"]`);

async function openForm(page: Page) {
  await page.goto(e2e.env.stack.url);
  await field(page, '请输入身份证上的姓名').waitFor();
}

async function fillForm(page: Page, person: typeof PERSON) {
  await field(page, '请输入身份证上的姓名').fill(person.name);
  await field(page, '请输入18位居民身份证号').fill(person.idCardNumber);
  await field(page, '请输入本人手机号').fill(person.mobile);
  await field(page, '请输入本人手机号').blur();
}

/** A Taro <Button> (rendered as <taro-button-core> on h5) by its text. */
const taroButton = (page: Page, text: string) =>
  page.locator('taro-button-core').filter({ hasText: text });
const submitButton = (page: Page) => taroButton(page, '提交并获取实名链接');
const launchButton = (page: Page) => taroButton(page, '前往腾讯电子签完成实名');

async function consent(page: Page) {
  await page.getByText('我已阅读并同意', { exact: true }).click();
}

async function submitAndOpenEss(page: Page) {
  await submitButton(page).click();
  await launchButton(page).click();
  await page.waitForURL(/\/h5\/verify\?shortKey=/);
}

describe('personal verification in the browser', () => {
  scenario('happy path: form -> ESS H5 page -> 完成实名 -> verified', async (page) => {
    await openForm(page);
    await fillForm(page, PERSON);
    await consent(page);
    mkdirSync(DOCS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(DOCS_DIR, 'verify-page.png') });
    await submitAndOpenEss(page);
    await page.getByRole('button', { name: '完成实名' }).click();

    await page.getByText('实名认证已完成').waitFor();
    await page.getByText('*三').waitFor();
    await page.screenshot({ path: path.join(DOCS_DIR, 'result-page.png') });

    // ESS's callback reached the essCallback function: the strongest proof is on record.
    const status = await page.evaluate(() =>
      fetch('/api/getUserVerifyStatus', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      }).then((response) => response.json()),
    );
    expect(status).toMatchObject({ status: 'verified', proof: 'ess-callback' });

    const creates = e2e.env.stack.emulator!.calls('CreateUserVerifyUrl');
    expect(creates).toHaveLength(1);
    expect(creates[0].signatureValid).toBe(true);
    expect(creates[0].errorCode).toBeUndefined();
    expect(creates[0].params).toMatchObject({
      Endpoint: 'H5',
      Name: '张三',
      IdCardNumber: '11010519491231002X',
    });
    expect(String(creates[0].params.JumpUrl)).toBe(
      `${e2e.env.stack.url}/#/pages/result/index?from=ess`,
    );
  });

  scenario(
    'invalid ID (bad check digit): inline error, submit disabled, nothing sent',
    async (page) => {
      const apiRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/createUserVerifyUrl')) apiRequests.push(request.url());
      });
      await openForm(page);
      await fillForm(page, { ...PERSON, idCardNumber: '110105194912310021' });
      await consent(page);
      await page.getByText('身份证号校验位不正确，请核对是否输错').waitFor();
      expect(await submitButton(page).getAttribute('disabled')).not.toBeNull();
      await submitButton(page).click({ force: true });
      await page.waitForTimeout(300);
      expect(apiRequests).toHaveLength(0);
      expect(e2e.env.stack.emulator!.calls('CreateUserVerifyUrl')).toHaveLength(0);
    },
  );

  scenario('user cancels at ESS: not verified, and 继续 reuses the same link', async (page) => {
    await openForm(page);
    await fillForm(page, PERSON);
    await consent(page);
    await submitAndOpenEss(page);
    const firstEssUrl = page.url();
    await page.getByRole('button', { name: '取消' }).click();

    await page.getByText('尚未完成实名').waitFor();
    await taroButton(page, '继续完成实名').click();
    await page.waitForURL(/\/h5\/verify\?shortKey=/);
    expect(page.url()).toBe(firstEssUrl);
    expect(e2e.env.stack.emulator!.calls('CreateUserVerifyUrl')).toHaveLength(1);
  });

  scenario('ESS answers InternalError.System twice: the user still gets the link', async (page) => {
    e2e.env.stack.emulator!.injectFault({
      action: 'CreateUserVerifyUrl',
      code: 'InternalError.System',
      times: 2,
    });
    await openForm(page);
    await fillForm(page, PERSON);
    await consent(page);
    await submitAndOpenEss(page);
    await page.getByRole('button', { name: '完成实名' }).click();
    await page.getByText('实名认证已完成').waitFor();
    const codes = e2e.env.stack
      .emulator!.calls('CreateUserVerifyUrl')
      .map((c) => c.errorCode ?? 'ok');
    expect(codes).toEqual(['InternalError.System', 'InternalError.System', 'ok']);
  });

  scenario(
    'reloading the result page mid-flow brings the state back from the server',
    async (page) => {
      await openForm(page);
      await fillForm(page, PERSON);
      await consent(page);
      await submitAndOpenEss(page);
      await page.getByRole('button', { name: '取消' }).click();
      await page.getByText('尚未完成实名').waitFor();

      await page.reload();
      await page.getByText('尚未完成实名').waitFor();
      await page.getByText('*三').waitFor();

      // The person finishes elsewhere (e.g. on another device): a reload shows it once the
      // server's status interval (ESS is asked at most every few seconds per user) has passed.
      e2e.env.stack.emulator!.markVerified(PERSON.name, PERSON.idCardNumber);
      await page.waitForTimeout(3100);
      await page.reload();
      await page.getByText('实名认证已完成').waitFor();
    },
  );
});
