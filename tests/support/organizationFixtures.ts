/**
 * Fixtures of the enterprise batch-authentication function tests: operators allowed by
 * `ADMIN_OPENIDS` (`OPERATOR`, `OTHER_OPERATOR`), super admins, valid enterprises, and helpers to
 * register and wait for links.
 */
import { creditCodeCheckChar } from '../../src/domain/creditCode';
import type { OrganizationRow } from '../../src/domain/organizationContract';
import { startHarness, type Harness } from './functionHarness';
import type { EssEmulatorOptions } from '../../emulator';

export const OPERATOR = 'oAdminUser0000000000000001';
export const OTHER_OPERATOR = 'oAdminUser0000000000000002';
export const NOT_OPERATOR = 'oPlainUser0000000000000003';

export const REGISTER = 'createBatchOrganizationRegistrationTasks';
export const DESCRIBE = 'describeBatchOrganizationRegistrationUrls';
export const AUTHORIZE = 'createBatchOrganizationAuthorizationUrl';
export const CHECK_ACCESS = 'checkOperatorAccess';

export const BATCHES = 'ess_org_registration_batches';
export const HELD = 'ess_org_registration_held';
export const TASKS = 'ess_org_registration_tasks';
export const SUBTASKS = 'ess_org_registration_subtasks';

export const SUPER_ADMIN_A = {
  superAdminName: '王五',
  superAdminMobile: '13900139000',
  superAdminIdCardNumber: '440305198501011231',
};
export const SUPER_ADMIN_B = { superAdminName: '赵六', superAdminMobile: '13700137000' };

type SuperAdmin = Pick<
  OrganizationRow,
  'superAdminName' | 'superAdminMobile' | 'superAdminIdCardNumber'
>;

/** A valid enterprise, numbered `n` (distinct names and credit codes). */
export function organization(n: number, admin: SuperAdmin = SUPER_ADMIN_A): OrganizationRow {
  const first17 = `91440300MA5F${String(n).padStart(5, '0')}`;
  return {
    organizationName: `模拟科技(深圳)有限公司${n}`,
    uniformSocialCreditCode: first17 + creditCodeCheckChar(first17),
    legalName: '李四',
    ...admin,
    authorizationTypes: [2],
  };
}

export const organizations = (count: number, admin?: SuperAdmin) =>
  Array.from({ length: count }, (_, i) => organization(i + 1, admin));

/** A harness whose functions take `OPERATOR` and `OTHER_OPERATOR` as operators. */
export async function startOrganizationHarness(
  options: Partial<EssEmulatorOptions> = {},
): Promise<Harness> {
  const h = await startHarness(options);
  h.env.ADMIN_OPENIDS = ` ${OPERATOR} ,${OTHER_OPERATOR},`;
  return h;
}

export const asOperator = (h: Harness, fn: string, event: unknown, openid: string = OPERATOR) =>
  h.invoke(fn, event, { openid });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Describes the task until ESS has it ready (the harness's emulator decides how long). */
export async function waitForLinks(h: Harness, taskId: string, openid: string = OPERATOR) {
  for (let round = 0; round < 50; round += 1) {
    const result = await asOperator(h, DESCRIBE, { taskId }, openid);
    if (!result.ok || result.ready) return result;
    await sleep(50);
  }
  throw new Error(`task ${taskId} never became ready`);
}

/** Registers the rows (one ESS task) and answers its ready rows. */
export async function registerReady(
  h: Harness,
  rows: OrganizationRow[],
  openid = OPERATOR,
  event: Record<string, unknown> = {},
) {
  const created = await asOperator(h, REGISTER, { organizations: rows, ...event }, openid);
  if (!created.ok || created.taskIds.length !== 1) throw new Error(JSON.stringify(created));
  const described = await waitForLinks(h, created.taskIds[0], openid);
  return { taskId: created.taskIds[0] as string, rows: described.rows as { subTaskId: string }[] };
}
