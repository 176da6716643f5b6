/** DescribeUserVerifyStatus: whether a person has completed identity verification. */
import type {
  DescribeUserVerifyStatusRequest,
  DescribeUserVerifyStatusResponse,
} from 'tencentcloud-sdk-nodejs/tencentcloud/services/ess/v20201111/ess_models';
import {
  ID_CARD_TYPES,
  idCardNumberProblem,
  invalidValue,
  oneOf,
  personNameProblem,
} from '../validation';
import type { ActionContext, ActionDefinition } from './actionTypes';

function handle({ params, state }: ActionContext): DescribeUserVerifyStatusResponse {
  const request = params as unknown as DescribeUserVerifyStatusRequest;
  const nameProblem = personNameProblem(request.Name);
  if (nameProblem) throw invalidValue('Name', nameProblem);
  const idCardType = oneOf('IdCardType', request.IdCardType, ID_CARD_TYPES, 'ID_CARD');
  const idProblem = idCardNumberProblem(idCardType, request.IdCardNumber);
  if (idProblem) throw invalidValue('IdCardNumber', idProblem);
  return { VerifyStatus: state.isVerified(request.Name, request.IdCardNumber) };
}

export const describeUserVerifyStatus: ActionDefinition = {
  // All three are required in the SDK model (必选), so the gateway rejects a call without them.
  schema: {
    Name: { type: 'string', required: true },
    IdCardNumber: { type: 'string', required: true },
    IdCardType: { type: 'string', required: true },
  },
  handle,
};
