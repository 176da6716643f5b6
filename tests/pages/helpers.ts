/** Shared fixtures and steps for the page tests. */
import { fireEvent, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type {
  CreateUserVerifyUrlResult,
  EssVerifyLink,
  GetUserVerifyStatusResult,
  WithdrawVerificationResult,
} from '../../src/domain/verificationContract';

export const VALID = { name: '张三', idCardNumber: '11010519491231002X', mobile: '13800138000' };

/** A link as ESS returns it: the path keeps its `&` and its encoded `%3D` as they are. */
export function miniProgramLink(
  overrides: Partial<Extract<EssVerifyLink, { kind: 'miniProgram' }>> = {},
) {
  return {
    kind: 'miniProgram' as const,
    miniAppId: 'wxa023b292fd19d41d',
    path: 'pages/guide?from=SFY&to=AUTH&verifyToken=abc%3D%3D&userId=yDRS4UUgygqdcj8rEbpn',
    envVersion: 'release' as const,
    expireTime: Math.floor(Date.now() / 1000) + 30 * 60,
    ...overrides,
  };
}

type Handler = (data: any) => unknown;
export interface CloudHandlers {
  createUserVerifyUrl?: (
    data: any,
  ) => CreateUserVerifyUrlResult | Promise<CreateUserVerifyUrlResult>;
  getUserVerifyStatus?: (
    data: any,
  ) => GetUserVerifyStatusResult | Promise<GetUserVerifyStatusResult>;
  withdrawVerification?: (
    data: any,
  ) => WithdrawVerificationResult | Promise<WithdrawVerificationResult>;
}

/** Answers `Taro.cloud.callFunction` per function name; status defaults to `none`. */
export function mockCloud(handlers: CloudHandlers): jest.Mock {
  const callFunction = Taro.cloud.callFunction as unknown as jest.Mock;
  callFunction.mockImplementation(async ({ name, data }: { name: string; data: unknown }) => {
    const handler = (handlers as Record<string, Handler | undefined>)[name];
    const result = handler ? await handler(data) : { ok: true, status: 'none' };
    return { result, errMsg: 'cloud.callFunction:ok' };
  });
  return callFunction;
}

export function cloudCallsTo(name: string): unknown[] {
  const callFunction = Taro.cloud.callFunction as unknown as jest.Mock;
  return callFunction.mock.calls.filter(([arg]) => arg.name === name).map(([arg]) => arg);
}

/**
 * Matches the element that shows `text` whole, also when part of it is a nested span (a
 * `<Paragraph>` keeps its last phrase in a nowrap span): for `getByText(fullText('…'))`.
 */
export function fullText(text: string) {
  return (_content: string, element: Element | null): boolean =>
    !!element &&
    element.textContent === text &&
    !Array.from(element.children).some((child) => child.textContent === text);
}

export const field = (label: '姓名' | '身份证号' | '手机号') =>
  screen.getByLabelText(label) as HTMLInputElement;

export function type(label: '姓名' | '身份证号' | '手机号', value: string): void {
  fireEvent.change(field(label), { target: { value } });
}

export function typeAndLeave(label: '姓名' | '身份证号' | '手机号', value: string): void {
  type(label, value);
  fireEvent.blur(field(label));
}

export function fillValidForm(values = VALID): void {
  typeAndLeave('姓名', values.name);
  typeAndLeave('身份证号', values.idCardNumber);
  typeAndLeave('手机号', values.mobile);
}

export function agreeToNotice(): void {
  fireEvent.click(screen.getByRole('checkbox', { name: '我已阅读并同意《个人信息保护说明》' }));
}

export const submitButton = () =>
  screen.getByRole('button', { name: /提交并获取实名链接|正在生成实名链接/ });

/** The submit button is pale (not ready) but still answers a tap: `aria-disabled`, not `disabled`. */
export function expectSubmitPale(pale: boolean): void {
  const button = submitButton();
  expect(button).toBeEnabled();
  expect(button).toHaveAttribute('aria-disabled', pale ? 'true' : 'false');
  if (pale) expect(button).toHaveClass('btn--pale');
  else expect(button).not.toHaveClass('btn--pale');
}

/** A pending status as the server answers it after a reload (masked identity and the link). */
export function pendingStatus(link = miniProgramLink()) {
  return {
    ok: true as const,
    status: 'pending' as const,
    maskedName: '*三',
    maskedIdCardNumber: '110***********002X',
    ...link,
  };
}

export const VERIFIED_STATUS = {
  ok: true as const,
  status: 'verified' as const,
  maskedName: '*三',
  maskedIdCardNumber: '110***********002X',
  proof: 'ess-callback' as const,
};

/** Parameters of a mock call without the success/fail/complete callbacks. */
export function withoutCallbacks(options: Record<string, unknown>): Record<string, unknown> {
  const { success: _s, fail: _f, complete: _c, ...rest } = options;
  return rest;
}
