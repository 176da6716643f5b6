/** The enterprise batch-authentication services, wired to a cloud function's context. */
import type { FunctionContext } from '../functions/runtime';
import { batchAuthorization } from './batchAuthorization';
import { registrationOwnership } from './ownership';
import {
  REGISTRATION_BATCHES_COLLECTION,
  REGISTRATION_SUBTASKS_COLLECTION,
  REGISTRATION_TASKS_COLLECTION,
  type HeldCodeRecord,
  type RegistrationBatchRecord,
  type RegistrationSubTaskRecord,
  type RegistrationTaskRecord,
} from './records';
import { registrationSubmission } from './registrationSubmission';
import { registrationUrls } from './registrationUrls';
import { createSubmitGateway } from './submitGateway';

function ownershipOf(ctx: FunctionContext) {
  return registrationOwnership({
    tasks: ctx.store.collection<RegistrationTaskRecord>(REGISTRATION_TASKS_COLLECTION),
    subTasks: ctx.store.collection<RegistrationSubTaskRecord>(REGISTRATION_SUBTASKS_COLLECTION),
  });
}

export function openRegistrationSubmission(ctx: FunctionContext) {
  const config = ctx.essConfig();
  return registrationSubmission({
    config,
    ess: createSubmitGateway({ config, log: ctx.log }),
    batches: ctx.store.collection<RegistrationBatchRecord>(REGISTRATION_BATCHES_COLLECTION),
    // Same collection, `held-…` ids: no collection to create for it.
    held: ctx.store.collection<HeldCodeRecord>(REGISTRATION_BATCHES_COLLECTION),
    ownership: ownershipOf(ctx),
    log: ctx.log,
  });
}

export function openRegistrationUrls(ctx: FunctionContext) {
  return registrationUrls({
    ess: ctx.ess(),
    ownership: ownershipOf(ctx),
    log: ctx.log,
  });
}

export function openBatchAuthorization(ctx: FunctionContext) {
  return batchAuthorization({
    config: ctx.essConfig(),
    ess: ctx.ess(),
    ownership: ownershipOf(ctx),
    log: ctx.log,
  });
}
