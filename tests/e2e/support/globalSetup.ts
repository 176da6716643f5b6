// The browser tests drive npm start's stack: the H5 build must match the sources, and the cloud
// functions must be bundled (both are skipped when already current / take ~0.2 s).
import { ensureH5Build } from '../../../devserver/h5Build';
import { buildCloudFunctions } from '../../../scripts/build-functions';

export default async function globalSetup(): Promise<void> {
  ensureH5Build((line) => process.stdout.write(`${line}\n`));
  await buildCloudFunctions();
}
