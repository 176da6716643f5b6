/**
 * The personal verification flow in a real browser (Chromium, 375x812) against npm start's stack:
 * H5 pages + local function gateway + the ESS emulator (with its H5 verification page).
 * Every scenario also checks what any page must pass: no console error, no failed request.
 */
import type { Page } from 'playwright-core';
import { withScreenshotOnFailure, useE2eEnv, type NewUserOptions } from './support/browser';
import {
  accessibleControls,
  overflowingElements,
  screenshotLightAndDark,
  shortLastLines,
  watchPageProblems,
} from './support/pageChecks';

const PERSON = { name: '张三', idCardNumber: '11010519491231002X', mobile: '13800138000' };

/** The paragraphs of the personal pages that must not end in a lone character. */
const PARAGRAPHS =
  '.page__subtitle, .hint, .notice, .result__text, .queue-card__text, .confirm-dialog__paragraph, .form-field__note';

const e2e = useE2eEnv();

function scenario(name: string, body: (page: Page) => Promise<void>, options?: NewUserOptions) {
  it(name, async () => {
    const { page } = await e2e.env.newUser(options);
    const watched = watchPageProblems(page);
    await withScreenshotOnFailure(page, name, async () => {
      await body(page);
      expect(watched.problems).toEqual([]);
    });
  });
}

/** A field of the page in view, by its accessible name (the label). */
const field = (page: Page, label: '姓名' | '身份证号' | '手机号') =>
  page.getByRole('textbox', { name: label }).filter({ visible: true });

/** A Taro <Button> (<taro-button-core> on h5) of the page in view, by its text. */
const taroButton = (page: Page, text: string) =>
  page.locator('taro-button-core').filter({ hasText: text, visible: true });
const submitButton = (page: Page) => taroButton(page, '提交并获取实名链接');
const launchButton = (page: Page) => taroButton(page, '前往腾讯电子签完成实名');
const shown = (page: Page, text: string | RegExp) =>
  page.getByText(text).filter({ visible: true }).first();

async function openForm(page: Page) {
  await page.goto(e2e.env.stack.url);
  // The first load of a test file also warms the stack up: allow for a busy machine.
  await field(page, '姓名').waitFor({ timeout: 30_000 });
}

async function fillForm(page: Page, person: typeof PERSON) {
  await field(page, '姓名').fill(person.name);
  await field(page, '身份证号').fill(person.idCardNumber);
  await field(page, '手机号').fill(person.mobile);
  await field(page, '手机号').blur();
}

async function consent(page: Page) {
  await page.getByRole('checkbox', { name: '我已阅读并同意《个人信息保护说明》' }).check();
}

async function submitAndOpenEss(page: Page) {
  await submitButton(page).click();
  await launchButton(page).click();
  await page.waitForURL(/\/h5\/verify\?shortKey=/);
}

/** Back from ESS without finishing: the page checks again (2 s, 4 s), then says so. */
async function cancelAtEss(page: Page) {
  await page.getByRole('button', { name: '取消' }).click();
  await shown(page, '正在确认实名结果').waitFor();
  await shown(page, '实名还没有完成').waitFor({ timeout: 15_000 });
}

async function expectControlsNamed(page: Page) {
  const { controls, unnamed, unexposed } = await accessibleControls(page);
  expect(unnamed).toEqual([]);
  expect(unexposed).toEqual([]);
  return controls;
}

async function status(page: Page) {
  return page.evaluate(() =>
    fetch('/api/getUserVerifyStatus', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    }).then((response) => response.json()),
  );
}

describe('personal verification in the browser', () => {
  scenario(
    'happy path: form -> ESS H5 page -> 完成实名 -> verified, with its way on',
    async (page) => {
      await openForm(page);
      await fillForm(page, PERSON);
      await consent(page);
      // Every control of the form has a name a screen reader announces.
      expect(await expectControlsNamed(page)).toEqual(
        expect.arrayContaining([
          { role: 'textbox', name: '姓名' },
          { role: 'textbox', name: '身份证号' },
          { role: 'textbox', name: '手机号' },
          { role: 'checkbox', name: '我已阅读并同意《个人信息保护说明》' },
          { role: 'link', name: '《个人信息保护说明》' },
          { role: 'button', name: '提交并获取实名链接' },
        ]),
      );
      await screenshotLightAndDark(page, 'verify-page');
      await submitAndOpenEss(page);
      await page.getByRole('button', { name: '完成实名' }).click();

      await shown(page, '实名认证已完成').waitFor();
      await shown(page, '*三').waitFor();
      // The way on (no TARO_APP_AFTER_VERIFIED_PAGE in this build: leave the flow) and withdraw.
      expect(await expectControlsNamed(page)).toEqual([
        { role: 'button', name: '完成' },
        { role: 'button', name: '撤回授权并删除我的实名信息' },
      ]);
      expect(await shortLastLines(page, PARAGRAPHS)).toEqual([]);
      await screenshotLightAndDark(page, 'result-page');

      // ESS's callback reached the essCallback function: the strongest proof is on record.
      expect(await status(page)).toMatchObject({ status: 'verified', proof: 'ess-callback' });

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
    },
  );

  scenario(
    'a mobile pasted as "+86 138 0013 8000" is taken as typed and sent normalised',
    async (page) => {
      await openForm(page);
      await fillForm(page, { ...PERSON, mobile: '+86 138 0013 8000' });
      await expect(field(page, '手机号').inputValue()).resolves.toBe('+86 138 0013 8000');
      await consent(page);
      await submitButton(page).click();
      await launchButton(page).waitFor();
      const creates = e2e.env.stack.emulator!.calls('CreateUserVerifyUrl');
      expect(creates[0].params).toMatchObject({ Mobile: '13800138000' });
    },
  );

  scenario(
    "layout details: checkbox on its line, inputs in the labels' font, hints aligned",
    async (page) => {
      await openForm(page);
      await fillForm(page, PERSON);
      const form = await page.evaluate(() => {
        const center = (selector: string) => {
          const box = document.querySelector(selector)!.getBoundingClientRect();
          return (box.top + box.bottom) / 2;
        };
        const font = (selector: string) =>
          getComputedStyle(document.querySelector(selector)!).fontFamily;
        return {
          checkboxOffset: Math.abs(
            center('#consent input[type="checkbox"]') - center('.consent__text'),
          ),
          inputFont: font('#idCardNumber input'),
          labelFont: font('.form-field__label'),
        };
      });
      expect(form.checkboxOffset).toBeLessThanOrEqual(2);
      expect(form.inputFont).toBe(form.labelFont);

      await consent(page);
      await submitButton(page).click();
      await launchButton(page).waitFor();
      // The hint inside the ready card starts where the rows above it start.
      const lefts = await page.evaluate(() =>
        ['.ready-card .info-row__label', '.ready-card .hint'].map(
          (selector) => document.querySelector(selector)!.getBoundingClientRect().left,
        ),
      );
      expect(lefts[1]).toBeCloseTo(lefts[0], 0);
    },
  );

  scenario('the pale button says what is missing, and nothing is sent', async (page) => {
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/createUserVerifyUrl')) apiRequests.push(request.url());
    });
    await openForm(page);
    await fillForm(page, { ...PERSON, idCardNumber: '110105194912310021' });
    await shown(page, '身份证号校验位不正确，请核对是否输错').waitFor();
    expect(await submitButton(page).getAttribute('aria-disabled')).toBe('true');
    // Pale, not dead: a tap says what is missing (Playwright would wait for "enabled").
    await submitButton(page).click({ force: true });
    await shown(page, '请先修改身份证号、勾选同意《个人信息保护说明》').waitFor();
    expect(apiRequests).toHaveLength(0);
    expect(e2e.env.stack.emulator!.calls('CreateUserVerifyUrl')).toHaveLength(0);
  });

  scenario('user cancels at ESS: acknowledged, and 继续 reuses the same link', async (page) => {
    await openForm(page);
    await fillForm(page, PERSON);
    await consent(page);
    await submitAndOpenEss(page);
    const firstEssUrl = page.url();
    await cancelAtEss(page);
    await shown(page, /看起来你在完成实名前离开了腾讯电子签/).waitFor();
    await shown(page, /如果你已在腾讯电子签完成认证，结果同步可能需要几秒钟/).waitFor();
    expect(await shortLastLines(page, PARAGRAPHS)).toEqual([]);
    await expectControlsNamed(page);
    await screenshotLightAndDark(page, 'result-cancelled');

    await taroButton(page, '继续完成实名').click();
    await page.waitForURL(/\/h5\/verify\?shortKey=/);
    expect(page.url()).toBe(firstEssUrl);
    expect(e2e.env.stack.emulator!.calls('CreateUserVerifyUrl')).toHaveLength(1);
  });

  scenario('"修改填写信息" after the trip to ESS shows the fields as typed', async (page) => {
    await openForm(page);
    await fillForm(page, PERSON);
    await consent(page);
    await submitAndOpenEss(page);
    await cancelAtEss(page);
    // Back to the app's start: the pending link is there, with whom it is for.
    await page.goto(e2e.env.stack.url);
    await launchButton(page).waitFor();
    await shown(page, '110***********002X').waitFor();
    await taroButton(page, '修改填写信息').click();
    await expect(field(page, '姓名').inputValue()).resolves.toBe(PERSON.name);
    await expect(field(page, '身份证号').inputValue()).resolves.toBe(PERSON.idCardNumber);
    await expect(field(page, '手机号').inputValue()).resolves.toBe(PERSON.mobile);
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
    await shown(page, '实名认证已完成').waitFor();
    const codes = e2e.env.stack
      .emulator!.calls('CreateUserVerifyUrl')
      .map((c) => c.errorCode ?? 'ok');
    expect(codes).toEqual(['InternalError.System', 'InternalError.System', 'ok']);
  });

  scenario(
    'ESS at its rate limit: the waiting room counts down and continues by itself',
    async (page) => {
      // More refusals than one invocation retries: the function answers "come back later".
      e2e.env.stack.emulator!.injectFault({
        action: 'CreateUserVerifyUrl',
        code: 'RequestLimitExceeded',
        times: 3,
      });
      await openForm(page);
      await fillForm(page, PERSON);
      await consent(page);
      await submitButton(page).click();

      await shown(page, '正在排队，请稍候').waitFor({ timeout: 15_000 });
      await shown(page, /预计还需约 \d+ 秒，将自动继续/).waitFor();
      // What was typed stays on screen.
      await expect(field(page, '身份证号').inputValue()).resolves.toBe(PERSON.idCardNumber);
      await screenshotLightAndDark(page, 'verify-waiting');

      // No tap: the page calls again when the wait is over, and the link is there.
      await launchButton(page).waitFor({ timeout: 15_000 });
      const codes = e2e.env.stack
        .emulator!.calls('CreateUserVerifyUrl')
        .map((c) => c.errorCode ?? 'ok');
      expect(codes.filter((code) => code === 'RequestLimitExceeded')).toHaveLength(3);
      expect(codes[codes.length - 1]).toBe('ok');
    },
  );

  scenario(
    'reloading the result page mid-flow brings the state back from the server',
    async (page) => {
      await openForm(page);
      await fillForm(page, PERSON);
      await consent(page);
      await submitAndOpenEss(page);
      await cancelAtEss(page);

      await page.reload();
      await shown(page, '*三').waitFor();
      await shown(page, '继续完成实名').waitFor();

      // The person finishes elsewhere (e.g. on another device): a reload shows it once the
      // server's status interval (ESS is asked at most every few seconds per user) has passed.
      e2e.env.stack.emulator!.markVerified(PERSON.name, PERSON.idCardNumber);
      await page.waitForTimeout(3100);
      await page.reload();
      await shown(page, '实名认证已完成').waitFor();
    },
  );

  scenario('withdraw from the result page: confirm, erase, start again', async (page) => {
    await openForm(page);
    await fillForm(page, PERSON);
    await consent(page);
    await submitAndOpenEss(page);
    await page.getByRole('button', { name: '完成实名' }).click();
    await shown(page, '实名认证已完成').waitFor();

    await taroButton(page, '撤回授权并删除我的实名信息').click();
    const dialog = page.getByRole('dialog', { name: '撤回授权并删除实名信息？' });
    await dialog.waitFor();
    await dialog.getByText(/腾讯电子签会按其规则保留它自己的认证记录/).waitFor();
    expect(await shortLastLines(page, PARAGRAPHS)).toEqual([]);
    await expectControlsNamed(page);
    await screenshotLightAndDark(page, 'result-withdraw');

    await taroButton(page, '确认撤回并删除').click();
    await shown(page, '已撤回授权并删除实名信息').waitFor();
    expect(await status(page)).toEqual({ ok: true, status: 'none' });

    // Starting again: an empty form (the draft on this device went too).
    await taroButton(page, '重新实名认证').click();
    await field(page, '姓名').waitFor();
    await expect(field(page, '姓名').inputValue()).resolves.toBe('');
  });

  scenario(
    'large text (browser font size 32 px): every page wraps instead of overflowing',
    async (page) => {
      await openForm(page);
      expect(
        await page.evaluate(() =>
          getComputedStyle(document.querySelector('.page')!).getPropertyValue('--font-scale'),
        ),
      ).toBe('2');
      await submitButton(page).click({ force: true });
      await shown(page, /^请先填写姓名/).waitFor();
      expect(await overflowingElements(page)).toEqual([]);
      expect(await shortLastLines(page, PARAGRAPHS)).toEqual([]);

      await fillForm(page, PERSON);
      await consent(page);
      await submitButton(page).click();
      await launchButton(page).waitFor();
      expect(await overflowingElements(page)).toEqual([]);
      expect(await shortLastLines(page, PARAGRAPHS)).toEqual([]);

      await launchButton(page).click();
      await page.waitForURL(/\/h5\/verify\?shortKey=/);
      await cancelAtEss(page);
      expect(await overflowingElements(page)).toEqual([]);
      expect(await shortLastLines(page, PARAGRAPHS)).toEqual([]);

      await taroButton(page, '继续完成实名').click();
      await page.getByRole('button', { name: '完成实名' }).click();
      await shown(page, '实名认证已完成').waitFor();
      await taroButton(page, '撤回授权并删除我的实名信息').click();
      await page.getByRole('dialog').waitFor();
      expect(await overflowingElements(page)).toEqual([]);
      expect(await shortLastLines(page, PARAGRAPHS)).toEqual([]);
    },
    { defaultFontSize: 32 },
  );
});
