/**
 * The enterprise batch-authentication services, wired to a cloud function's context: its store
 * (one collection per kind of record), its ESS gateway, its logger and its failure wording.
 */
import type { FunctionContext } from '../functions/runtime';
import { batchAuthorization } from './batchAuthorization';
import { registrationOwnership } from './ownership';
import {
  REGISTRATION_BATCHES_COLLECTION,
  REGISTRATION_HELD_COLLECTION,
  REGISTRATION_SUBTASKS_COLLECTION,
  REGISTRATION_TASKS_COLLECTION,
  type HeldCodeRecord,
  type RegistrationBatchRecord,
  type RegistrationSubTaskRecord,
  type RegistrationTaskRecord,
} from './records';
import { registrationUrls } from './registrationUrls';
import { registrationSubmission } from './submission/registrationSubmission';
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
    ess: createSubmitGateway({ config, log: ctx.log, pacer: ctx.pacer() }),
    batches: ctx.store.collection<RegistrationBatchRecord>(REGISTRATION_BATCHES_COLLECTION),
    held: ctx.store.collection<HeldCodeRecord>(REGISTRATION_HELD_COLLECTION),
    ownership: ownershipOf(ctx),
    fail: ctx.fail,
    log: ctx.log,
  });
}

export function openRegistrationUrls(ctx: FunctionContext) {
  return registrationUrls({
    ess: ctx.ess(),
    ownership: ownershipOf(ctx),
    fail: ctx.fail,
    log: ctx.log,
  });
}

export function openBatchAuthorization(ctx: FunctionContext) {
  return batchAuthorization({
    config: ctx.essConfig(),
    ess: ctx.ess(),
    ownership: ownershipOf(ctx),
    fail: ctx.fail,
    log: ctx.log,
  });
}
