/**
 * Each kind of enterprise record has its own collection, and the deploy documentation names every
 * one of them (they are created by hand in the cloud console).
 */
import { readFileSync } from 'fs';
import path from 'path';
import { REGISTRATION_COLLECTIONS } from '../../server/organizations/records';

const root = path.resolve(__dirname, '../..');

describe('the enterprise functions’ collections', () => {
  it('are one per kind of record', () => {
    expect([...REGISTRATION_COLLECTIONS].sort()).toEqual([
      'ess_org_registration_batches',
      'ess_org_registration_held',
      'ess_org_registration_subtasks',
      'ess_org_registration_tasks',
    ]);
  });

  it.each(['docs/deploy.md', 'docs/enterprise-batch-authentication.md'])(
    'are all named in %s',
    (file) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const name of REGISTRATION_COLLECTIONS) expect(text).toContain(name);
    },
  );
});
