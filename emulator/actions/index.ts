/** The ESS actions the emulator serves. Any other action answers `InvalidAction`. */
import type { ActionDefinition } from './actionTypes';
import { createBatchOrganizationAuthorizationUrl } from './createBatchOrganizationAuthorizationUrl';
import { createBatchOrganizationRegistrationTasks } from './createBatchOrganizationRegistrationTasks';
import { createUserVerifyUrl } from './createUserVerifyUrl';
import { describeBatchOrganizationRegistrationUrls } from './describeBatchOrganizationRegistrationUrls';
import { describeUserVerifyStatus } from './describeUserVerifyStatus';

export const ESS_ACTIONS: ReadonlyMap<string, ActionDefinition> = new Map([
  ['CreateUserVerifyUrl', createUserVerifyUrl],
  ['DescribeUserVerifyStatus', describeUserVerifyStatus],
  ['CreateBatchOrganizationRegistrationTasks', createBatchOrganizationRegistrationTasks],
  ['DescribeBatchOrganizationRegistrationUrls', describeBatchOrganizationRegistrationUrls],
  ['CreateBatchOrganizationAuthorizationUrl', createBatchOrganizationAuthorizationUrl],
]);

export type { ActionContext, ActionDefinition, ActionSettings } from './actionTypes';
