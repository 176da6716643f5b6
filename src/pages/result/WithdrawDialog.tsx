import ConfirmDialog from '../../components/ConfirmDialog';
import Paragraph from '../../components/Paragraph';
import type { WithdrawState } from './useWithdraw';

export interface WithdrawDialogProps {
  state: WithdrawState;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Says exactly what is deleted — our copy only — before the user confirms. */
export default function WithdrawDialog({ state, onConfirm, onCancel }: WithdrawDialogProps) {
  if (state.kind === 'closed') return null;
  return (
    <ConfirmDialog
      title="撤回授权并删除实名信息？"
      confirmText="确认撤回并删除"
      busyText="正在删除…"
      busy={state.kind === 'deleting'}
      error={state.kind === 'confirming' ? state.error : null}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <Paragraph
        className="confirm-dialog__paragraph"
        text="我们会删除为你保存的实名信息：姓名、身份证号、实名结果和实名链接记录。删除后无法恢复，如需再次实名，需要重新提交。"
      />
      <Paragraph
        className="confirm-dialog__paragraph"
        text="腾讯电子签会按其规则保留它自己的认证记录，这部分我们无法删除；如有需要，请联系腾讯电子签。"
      />
    </ConfirmDialog>
  );
}
