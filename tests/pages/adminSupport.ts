/** Fixtures and steps shared by the admin page tests. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { creditCodeCheckChar } from '../../src/domain/creditCode';
import { ERROR_MESSAGES } from '../../src/domain/errors';
import type {
  CheckOperatorAccessResult,
  CreateBatchOrganizationAuthorizationUrlResult,
  CreateBatchOrganizationRegistrationTasksResult,
  DescribeBatchOrganizationRegistrationUrlsResult,
  RegistrationUrlRow,
} from '../../src/domain/organizationContract';
import { mockCloud, type CloudHandlers } from './helpers';

export const mocked = Taro as unknown as Record<string, jest.Mock> & {
  cloud: Record<string, jest.Mock>;
};

/** A valid unified social credit code from its first 17 characters. */
export const creditCode = (first17: string): string => first17 + creditCodeCheckChar(first17);

/** The same code with a wrong check character. */
export const withWrongCheckChar = (code: string): string =>
  code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

export const ORGS = [
  {
    organizationName: '示例科技（深圳）有限公司',
    uniformSocialCreditCode: creditCode('91440300MA5F00001'),
    legalName: '李四',
    superAdminName: '王五',
    superAdminMobile: '13900139000',
    superAdminIdCardNumber: '11010519491231002X',
  },
  {
    organizationName: '示例商贸（上海）有限公司',
    uniformSocialCreditCode: creditCode('91310000MA1K00002'),
    legalName: '赵六',
    superAdminName: '王五',
    superAdminMobile: '13900139000',
    superAdminIdCardNumber: '11010519491231002X',
  },
] as const;

/** A valid enterprise numbered `n` (distinct names and codes), as the admin pastes it. */
export function organizationRow(n: number) {
  return {
    organizationName: `示例企业${n}有限公司`,
    uniformSocialCreditCode: creditCode(`91440300MA5F${String(n).padStart(5, '0')}`),
    legalName: '李四',
    superAdminName: '王五',
    superAdminMobile: '13900139000',
    superAdminIdCardNumber: '11010519491231002X',
  };
}

/** `organizationRow(1)` … `organizationRow(count)`. */
export const organizationRows = (count: number) =>
  Array.from({ length: count }, (_, i) => organizationRow(i + 1));

/** WeChat says the user has not agreed to the privacy guide yet. */
export function privacyNotYetAgreed(): void {
  mocked.getPrivacySetting.mockImplementation(({ success }) =>
    success({
      needAuthorization: true,
      privacyContractName: '《企业认证小程序隐私保护指引》',
      errMsg: 'ok',
    }),
  );
}

const HEADER =
  '企业名称\t统一社会信用代码\t法定代表人\t注册地址（可选）\t超管姓名\t超管手机号\t超管证件类型（可选）\t超管证件号（可选）\t认证方式（可选）';

/** What Excel puts on the clipboard for the header line and these rows. */
export function spreadsheetText(rows: ReadonlyArray<Record<string, string>>, header = true) {
  const lines = rows.map((row) =>
    [
      row.organizationName,
      row.uniformSocialCreditCode,
      row.legalName,
      row.address ?? '',
      row.superAdminName,
      row.superAdminMobile,
      row.superAdminIdCardType ?? '身份证',
      row.superAdminIdCardNumber ?? '',
      row.authorizationTypes ?? '法人授权超管',
    ].join('\t'),
  );
  return [...(header ? [HEADER] : []), ...lines].join('\r\n') + '\r\n';
}

/** What the admin functions answer someone who is not an admin. */
export const FORBIDDEN = {
  ok: false,
  code: 'FORBIDDEN',
  message: ERROR_MESSAGES.FORBIDDEN,
} as const;

type Answer<T> = (data: any) => T | Promise<T>;
export interface AdminHandlers {
  checkOperatorAccess?: Answer<CheckOperatorAccessResult>;
  createBatchOrganizationRegistrationTasks?: Answer<CreateBatchOrganizationRegistrationTasksResult>;
  describeBatchOrganizationRegistrationUrls?: Answer<DescribeBatchOrganizationRegistrationUrlsResult>;
  createBatchOrganizationAuthorizationUrl?: Answer<CreateBatchOrganizationAuthorizationUrlResult>;
}

/** Answers the organization functions by name; anything else answers `{ ok: true }`-shaped. */
export function mockAdminCloud(handlers: AdminHandlers): jest.Mock {
  return mockCloud(handlers as CloudHandlers);
}

/** `createBatchOrganizationRegistrationTasks`' answer: all `count` rows submitted, as task-1. */
export const allSubmitted = (count = 2): CreateBatchOrganizationRegistrationTasksResult => ({
  ok: true,
  taskIds: ['task-1'],
  errorMessages: Array<string>(count).fill(''),
  rowStatuses: Array(count).fill('submitted'),
});

/** A submission of `count` rows that went through; its links are not ready yet. */
export const submittedNotYetReady = (count = 2): AdminHandlers => ({
  createBatchOrganizationRegistrationTasks: () => allSubmitted(count),
  describeBatchOrganizationRegistrationUrls: () => ({ ok: true, ready: false }),
});

export const callsTo = (name: keyof AdminHandlers): any[] =>
  mocked.cloud.callFunction.mock.calls
    .map(([arg]) => arg)
    .filter((arg) => arg.name === name)
    .map((arg) => arg.data);

export function readyRow(index: number, overrides: Partial<RegistrationUrlRow> = {}) {
  const org = ORGS[index];
  return {
    subTaskId: `yDSub${index}UUckpaeefmfUxPr7deu6g5Pvv`,
    organizationName: org.organizationName,
    authUrl: `https://qian.tencent.com/console/batch-register?token=tok${index}&orgName=${org.organizationName}`,
    errorMessage: '',
    ...overrides,
  };
}

export const card = (position: number) =>
  screen.getByRole('group', { name: `第${position}家企业` });

export function paste(text: string): void {
  fireEvent.change(screen.getByLabelText('粘贴表格内容'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: '识别并添加' }));
}

export const submitButton = () =>
  screen.getByRole('button', { name: /^提交 \d+ 家企业$|正在提交/ });

/** Moves fake timers on and lets the promises they release settle. */
export async function advance(ms: number): Promise<void> {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

export function inCard(position: number) {
  return within(card(position));
}

/**
 * Matches the element that shows `text` whole (or matching the RegExp), the innermost one, also
 * when part of it is a nested span (`<Paragraph>` keeps its last phrase in a nowrap span). Every
 * text query of the admin page tests goes through it: `getByText(shown('…'))`.
 */
export function shown(text: string | RegExp) {
  const matches = (value: string | null) =>
    typeof text === 'string' ? value === text : text.test(value ?? '');
  return (_content: string, element: Element | null): boolean =>
    !!element &&
    matches(element.textContent) &&
    !Array.from(element.children).some((child) => matches(child.textContent));
}

/** The line of a collapsed card about `label` (统一社会信用代码, 超管, …), with its messages. */
export function cardLine(position: number, label: string): HTMLElement {
  const labelElement = inCard(position).getByText(shown(label), { selector: '.info-row__label' });
  const line = labelElement.closest('.org-card__line');
  if (!line) throw new Error(`no line ${label} on card ${position}`);
  return line as HTMLElement;
}
