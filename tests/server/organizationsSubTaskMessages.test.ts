/** ESS's messages about filtered sub-tasks, placed by the server (the pages do not read them). */
import { assignMessages } from '../../server/organizations/subTaskMessages';

describe('assignMessages', () => {
  const subTasks = [
    { subTaskId: 'sub-A', organizationName: '甲公司' },
    { subTaskId: 'sub-B', organizationName: '乙公司' },
  ];

  it('puts a message with the SubTaskId, or else the enterprise name, next to it', () => {
    expect(
      assignMessages(['子任务 sub-B 已筛选', '甲公司 的超管不一致', '其他问题', ' '], subTasks),
    ).toEqual({
      bySubTask: { 'sub-B': ['子任务 sub-B 已筛选'], 'sub-A': ['甲公司 的超管不一致'] },
      others: ['其他问题'],
    });
  });

  it('names no sub-task by an empty name', () => {
    expect(
      assignMessages(['某企业已筛选'], [{ subTaskId: 'sub-A', organizationName: '' }]),
    ).toEqual({ bySubTask: {}, others: ['某企业已筛选'] });
  });
});
