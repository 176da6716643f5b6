/**
 * CreateBatchOrganizationRegistrationTasks: an asynchronous task creating registration (认证) links
 * for up to 10 organizations; DescribeBatchOrganizationRegistrationUrls answers them once it is ready.
 *
 * As the documentation says, a problem with an organization does not fail the call: the answer has
 * `ErrorMessages` (one per organization, in input order, "" for those without a problem) and no
 * `TaskId`. Structural problems (no organizations, more than 10, missing required fields) are errors.
 */
import type {
  CreateBatchOrganizationRegistrationTasksRequest,
  CreateBatchOrganizationRegistrationTasksResponse,
  RegistrationOrganizationInfo,
} from 'tencentcloud-sdk-nodejs/tencentcloud/services/ess/v20201111/ess_models';
import { isValidUniformSocialCreditCode } from '../creditCode';
import { newLongId } from '../ids';
import { registrationAuthUrl } from '../links';
import { AGENT_SCHEMA, type Schema } from '../parameterSchema';
import type { RegistrationEndpoint, RegistrationSubTask, RegistrationTask } from '../state';
import {
  base64DecodedSize,
  idCardNumberProblem,
  invalidValue,
  isIdCardType,
  isStrictBase64,
  normalizeEssMobile,
  oneOf,
  personNameProblem,
  type IdCardType,
} from '../validation';
import type { ActionContext, ActionDefinition } from './actionTypes';
import { presentText } from './presentText';
import { proxyOrganizationOf } from './proxyOrganization';

const MAX_ORGANIZATIONS = 10;
const ENDPOINTS: readonly RegistrationEndpoint[] = ['PC', 'SHORT_URL', 'APP', 'H5', 'SHORT_H5'];
/** 1: 上传授权书, 2: 法人授权超管, 5: 授权书+对公打款. */
const AUTHORIZATION_TYPES = [1, 2, 5];
const UPLOAD_POWER_OF_ATTORNEY = 1;
const MAX_BUSINESS_LICENSE_BYTES = 5 * 1024 * 1024;
const MAX_POWER_OF_ATTORNEY_BYTES = 8 * 1024 * 1024;
const MAX_ORGANIZATION_NAME_LENGTH = 200;

const REGISTRATION_ORGANIZATION_SCHEMA: Schema = {
  OrganizationName: { type: 'string', required: true },
  UniformSocialCreditCode: { type: 'string', required: true },
  LegalName: { type: 'string', required: true },
  Address: { type: 'string' },
  AdminName: { type: 'string' },
  AdminMobile: { type: 'string' },
  AuthorizationTypes: { type: 'array', items: { type: 'integer' } },
  AdminIdCardNumber: { type: 'string' },
  AdminIdCardType: { type: 'string' },
  BusinessLicense: { type: 'string' },
  PowerOfAttorneys: { type: 'array', items: { type: 'string' } },
};

function organizationNameProblems(name: string): string[] {
  if (name.trim() === '') return ['企业名称OrganizationName不能为空'];
  const problems: string[] = [];
  if (/[()]/.test(name)) problems.push('企业名称中的英文括号()请使用中文括号（）代替');
  if (Array.from(name).length > MAX_ORGANIZATION_NAME_LENGTH) {
    problems.push(`企业名称不能超过${MAX_ORGANIZATION_NAME_LENGTH}个字符`);
  }
  return problems;
}

function adminProblems(organization: RegistrationOrganizationInfo): string[] {
  const problems: string[] = [];
  const adminName = presentText(organization.AdminName);
  if (adminName !== undefined) {
    const problem = personNameProblem(adminName);
    if (problem) problems.push(`超管姓名AdminName不正确：${problem}`);
  }
  const adminMobile = presentText(organization.AdminMobile);
  if (adminMobile !== undefined && normalizeEssMobile(adminMobile) === null) {
    problems.push('超管手机号AdminMobile应为11位手机号');
  }
  const idCardType = presentText(organization.AdminIdCardType) ?? 'ID_CARD';
  if (!isIdCardType(idCardType)) {
    problems.push(`超管证件类型AdminIdCardType不支持：${idCardType}`);
  } else {
    const idCardNumber = presentText(organization.AdminIdCardNumber);
    const problem =
      idCardNumber === undefined ? null : idCardNumberProblem(idCardType, idCardNumber);
    if (problem) problems.push(`超管证件号AdminIdCardNumber不正确：${problem}`);
  }
  return problems;
}

function authorizationProblems(
  organization: RegistrationOrganizationInfo,
  batchAuthMethod: number,
): string[] {
  const problems: string[] = [];
  const types = (organization.AuthorizationTypes ?? []).map(Number);
  if (types.some((type) => !AUTHORIZATION_TYPES.includes(type))) {
    problems.push(`授权方式AuthorizationTypes可选值为 ${AUTHORIZATION_TYPES.join('、')}`);
  }
  if (types.length > 1) problems.push('授权方式AuthorizationTypes当前仅支持一种认证方式');

  const powerOfAttorneys = organization.PowerOfAttorneys ?? [];
  if (powerOfAttorneys.length > 0) {
    if (!presentText(organization.AdminName) || !presentText(organization.AdminMobile)) {
      problems.push('上传授权书时，超管姓名AdminName和超管手机号AdminMobile必填');
    }
    if (!presentText(organization.AdminIdCardNumber)) {
      problems.push('上传授权书时，超管证件号AdminIdCardNumber必填');
    }
    if (types.length !== 1 || types[0] !== UPLOAD_POWER_OF_ATTORNEY) {
      problems.push('上传授权书时，授权方式AuthorizationTypes必须只能是上传授权书方式(1)');
    }
    if (
      powerOfAttorneys.some(
        (file) => !isStrictBase64(file) || base64DecodedSize(file) > MAX_POWER_OF_ATTORNEY_BYTES,
      )
    ) {
      problems.push('授权书PowerOfAttorneys须为base64格式，大小不超过8M');
    }
  } else if (batchAuthMethod === 1 && types.includes(UPLOAD_POWER_OF_ATTORNEY)) {
    problems.push('单链接模式且认证方式为上传授权书时，必须传递超管授权书PowerOfAttorneys');
  }

  const businessLicense = presentText(organization.BusinessLicense);
  if (
    businessLicense !== undefined &&
    (!isStrictBase64(businessLicense) ||
      base64DecodedSize(businessLicense) > MAX_BUSINESS_LICENSE_BYTES)
  ) {
    problems.push('营业执照BusinessLicense须为base64格式，大小不超过5M');
  }
  return problems;
}

/** Every problem of one organization, "" when there is none. */
function organizationErrorMessage(
  organization: RegistrationOrganizationInfo,
  earlier: RegistrationOrganizationInfo[],
  batchAuthMethod: number,
): string {
  const problems = [...organizationNameProblems(organization.OrganizationName)];
  if (!isValidUniformSocialCreditCode(organization.UniformSocialCreditCode)) {
    problems.push('统一社会信用代码UniformSocialCreditCode格式不正确或校验位错误');
  }
  const legalNameProblem = personNameProblem(organization.LegalName);
  if (legalNameProblem) problems.push(`法人姓名LegalName不正确：${legalNameProblem}`);
  problems.push(
    ...adminProblems(organization),
    ...authorizationProblems(organization, batchAuthMethod),
  );
  const duplicate = earlier.some(
    (other) =>
      other.OrganizationName === organization.OrganizationName ||
      other.UniformSocialCreditCode === organization.UniformSocialCreditCode,
  );
  if (duplicate) problems.push('同一批创建的企业不能重复（企业名称或统一社会信用代码重复）');
  return problems.join('；');
}

function toSubTask(
  organization: RegistrationOrganizationInfo,
  taskId: string,
  endpoint: RegistrationEndpoint,
): RegistrationSubTask {
  const adminMobile = presentText(organization.AdminMobile);
  return {
    subTaskId: newLongId(),
    taskId,
    organizationName: organization.OrganizationName,
    uniformSocialCreditCode: organization.UniformSocialCreditCode,
    authUrl: registrationAuthUrl(endpoint, newLongId(), organization.OrganizationName),
    adminName: presentText(organization.AdminName),
    adminMobile:
      adminMobile === undefined ? undefined : (normalizeEssMobile(adminMobile) ?? undefined),
    adminIdCardType: (presentText(organization.AdminIdCardType) ?? 'ID_CARD') as IdCardType,
    adminIdCardNumber: presentText(organization.AdminIdCardNumber),
  };
}

function handle({
  params,
  state,
  nowMs,
  settings,
}: ActionContext): CreateBatchOrganizationRegistrationTasksResponse {
  const request = params as unknown as CreateBatchOrganizationRegistrationTasksRequest;
  const organizations = request.RegistrationOrganizations;
  if (organizations.length === 0) {
    throw invalidValue('RegistrationOrganizations', '至少需要1条认证流');
  }
  if (organizations.length > MAX_ORGANIZATIONS) {
    throw invalidValue(
      'RegistrationOrganizations',
      `一次最多支持${MAX_ORGANIZATIONS}条认证流，收到${organizations.length}条`,
    );
  }
  const endpoint = oneOf('Endpoint', presentText(request.Endpoint), ENDPOINTS, 'PC');
  const batchAuthMethod = request.BatchAuthMethod ?? 0;
  if (batchAuthMethod !== 0 && batchAuthMethod !== 1) {
    throw invalidValue(
      'BatchAuthMethod',
      `可选值为 0（多链接）、1（单链接），收到 ${batchAuthMethod}`,
    );
  }

  const errorMessages = organizations.map((organization, index) =>
    organizationErrorMessage(organization, organizations.slice(0, index), batchAuthMethod),
  );
  if (errorMessages.some((message) => message !== '')) return { ErrorMessages: errorMessages };

  const taskId = newLongId();
  const task: RegistrationTask = {
    taskId,
    ...proxyOrganizationOf(request.Agent),
    endpoint,
    batchAuthMethod,
    createdAtMs: nowMs,
    readyAtMs: nowMs + settings.taskReadyDelayMs,
    subTasks: organizations.map((organization) => toSubTask(organization, taskId, endpoint)),
  };
  state.addRegistrationTask(task);
  return { TaskId: taskId };
}

export const createBatchOrganizationRegistrationTasks: ActionDefinition = {
  schema: {
    RegistrationOrganizations: {
      type: 'array',
      required: true,
      items: { type: 'object', fields: REGISTRATION_ORGANIZATION_SCHEMA },
    },
    Agent: { type: 'object', fields: AGENT_SCHEMA },
    Endpoint: { type: 'string' },
    BatchAuthMethod: { type: 'integer' },
  },
  handle,
};
