/** Enterprise drafts on the device: kept a day from when they were first saved, not from the last edit. */
import { DRAFT_LIFETIME_MS, recallDrafts, saveDrafts } from '../../src/admin/lib/draftStorage';
import { newDraft } from '../../src/admin/lib/organizationDrafts';

const T0 = 1_800_000_000_000;

describe('enterprise drafts on the device', () => {
  it('are forgotten a day after the first save, however often they were edited since', () => {
    saveDrafts([newDraft({ organizationName: '腾讯科技（深圳）有限公司' })], T0);
    saveDrafts(
      [newDraft({ organizationName: '腾讯科技（深圳）有限公司', legalName: '李四' })],
      T0 + DRAFT_LIFETIME_MS - 60_000,
    );
    expect(recallDrafts(T0 + DRAFT_LIFETIME_MS - 1)).toHaveLength(1);
    expect(recallDrafts(T0 + DRAFT_LIFETIME_MS)).toEqual([]);
    // Once forgotten, a new save starts a new day.
    saveDrafts([newDraft({ organizationName: '新企业' })], T0 + DRAFT_LIFETIME_MS + 1);
    expect(recallDrafts(T0 + 2 * DRAFT_LIFETIME_MS)).toHaveLength(1);
  });
});
